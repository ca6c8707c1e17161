// Package logbook is the app's log file (the guide's chapter 6,
// "Logfiler"): one size-rotating file of JSON lines in the OS's log
// folder, written by the window and the CLI alike through log/slog. Every
// string that reaches the file passes Redact first, so no token,
// authorization code or client secret is ever written, whatever a caller
// logs. Recent reads the last errors back for the error report.
package logbook

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"

	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// Logbook is an open log file and the logger that writes to it.
type Logbook struct {
	// Logger writes to the file; safe for concurrent use.
	Logger *slog.Logger
	// Path is the current log file.
	Path string

	w       *Writer
	mu      sync.Mutex
	secrets []string
}

// Open makes the logbook at path (see Path). Nothing is created until the
// first line is logged.
func Open(path string) *Logbook {
	lb := &Logbook{Path: path, w: &Writer{Path: path}}
	lb.Logger = slog.New(slog.NewJSONHandler(lb.w, &slog.HandlerOptions{Level: slog.LevelInfo, ReplaceAttr: lb.scrub}))
	return lb
}

// Discard is a logger that writes nothing, for when there is no log
// folder.
func Discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

// Secret adds an exact value to redact besides the known shapes: a
// static token or client secret the process was given.
func (lb *Logbook) Secret(v string) {
	if len(v) < 6 {
		return
	}
	lb.mu.Lock()
	lb.secrets = append(lb.secrets, v)
	lb.mu.Unlock()
}

// Close closes the file.
func (lb *Logbook) Close() error { return lb.w.Close() }

// scrub is the handler's ReplaceAttr: every string (the message
// included) and every error or other value, as text, is redacted.
func (lb *Logbook) scrub(_ []string, a slog.Attr) slog.Attr {
	switch a.Value.Kind() {
	case slog.KindString:
		a.Value = slog.StringValue(lb.redact(a.Value.String()))
	case slog.KindAny:
		v := a.Value.Any()
		if _, ok := v.(slog.Level); ok {
			return a
		}
		if err, ok := v.(error); ok {
			a.Value = slog.StringValue(lb.redact(err.Error()))
		} else if b, err := json.Marshal(v); err == nil {
			// As JSON, so a token in a field is caught by its name.
			a.Value = slog.StringValue(lb.redact(string(b)))
		} else {
			a.Value = slog.StringValue(lb.redact(fmt.Sprint(v)))
		}
	}
	return a
}

func (lb *Logbook) redact(s string) string {
	lb.mu.Lock()
	secrets := lb.secrets
	lb.mu.Unlock()
	return Redact(s, secrets...)
}

// Attribute keys shared by the writers and Recent.
const (
	KeyLead    = "lead"    // the local lead id
	KeyCompany = "company" // the SuperOffice contact id
	KeyOutcome = "outcome"
	KeyStatus  = "status" // SuperOffice's HTTP status code
	KeyMethod  = "method"
	KeyPath    = "path" // the API path, without query string
	KeyError   = "error"
	KeyTenant  = "tenant"
)

// Error logs err at level Error with what SuperOffice said about it: the
// status code and the request's method and path (never its query, which
// may carry search terms). args are further key/value pairs.
func Error(ctx context.Context, l *slog.Logger, what string, err error, args ...any) {
	if l == nil || err == nil {
		return
	}
	l.ErrorContext(ctx, what, append(args, ErrAttrs(err)...)...)
}

// ErrAttrs are err's attributes for a log line: its text and, when a
// SuperOffice response caused it, the status, method and path.
func ErrAttrs(err error) []any {
	out := []any{slog.String(KeyError, err.Error())}
	var er *so.ErrorResponse
	var amb *so.AmbiguousError
	switch {
	case errors.As(err, &er):
		out = append(out, slog.Int(KeyStatus, er.StatusCode()), slog.String(KeyMethod, er.Method), slog.String(KeyPath, er.Path))
	case errors.As(err, &amb):
		out = append(out, slog.String(KeyMethod, amb.Method), slog.String(KeyPath, amb.Path))
	}
	return out
}
