package errdialog

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
)

// Plain is err for a salesperson: the steps the catalogue names
// (the engine wraps every step of a sync in a catalogue message), then
// in one sentence what SuperOffice or the network did. The Go error
// chain, with its request paths, JSON field names and environment
// variables, stays in the log file and the error report.
func Plain(err error) string {
	var lines []string
	for i, m := range messages(err) {
		t := m.Text(i18n.Lang())
		if i == 0 {
			lines = append(lines, capitalise(t))
		} else {
			lines = append(lines, "– "+t)
		}
	}
	if r := reason(err); r != "" || len(lines) == 0 {
		if r == "" {
			r = lang.L("Something unexpected went wrong.")
		}
		lines = append(lines, r)
	}
	return strings.Join(lines, "\n")
}

// messages are the catalogue messages in err's chain, outermost first.
func messages(err error) []msg.Message {
	var out []msg.Message
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		if me, ok := e.(*msg.Error); ok {
			out = append(out, me.Message)
		}
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				walk(x)
			}
		}
	}
	walk(err)
	return out
}

// reason says in one sentence what SuperOffice or the network answered.
func reason(err error) string {
	var er *so.ErrorResponse
	var amb *so.AmbiguousError
	var ne net.Error
	switch {
	case errors.Is(err, auth.ErrNoClientID):
		return lang.L("This version of the app is not registered with SuperOffice, so it cannot connect. Get the released version from RabitIQ.")
	case errors.Is(err, auth.ErrAccessDenied):
		return lang.L("SuperOffice denied access. Ask your SuperOffice administrator whether your user may use RabitIQ.")
	case errors.Is(err, auth.ErrNotConnected):
		return lang.L("SuperOffice is not connected. Connect under Integrations first.")
	case errors.Is(err, auth.ErrKeyringUnavailable):
		return lang.L("The computer's keyring did not answer, so the SuperOffice sign-in could not be read or saved. Try again, or restart the computer.")
	case errors.As(err, &er) && er.StatusCode() == http.StatusTooManyRequests:
		return lang.L("SuperOffice is busy (error 429). Wait a minute and try again.")
	case errors.As(err, &er) && er.StatusCode() >= 500:
		return lang.L("SuperOffice had a problem on its side (error {{.Status}}). Try again in a moment.", map[string]any{"Status": er.StatusCode()})
	case errors.As(err, &er) && er.StatusCode() > 0:
		return lang.L("SuperOffice refused the request (error {{.Status}}).", map[string]any{"Status": er.StatusCode()})
	case errors.As(err, &amb), errors.As(err, &ne), errors.Is(err, context.DeadlineExceeded):
		return lang.L("SuperOffice could not be reached. Check the internet connection and try again.")
	}
	return ""
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
