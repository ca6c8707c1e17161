package errdialog_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/ui/errdialog"
	"github.com/rabitiq/superoffice-sync/ui/errdialog/errtest"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// The dialog says what failed in plain words, copies the report, runs
// its action on Enter and closes on Esc.
func TestShowPlainReportActionKeys(t *testing.T) {
	w := uitest.Setup(t)
	errtest.WithReport(t, "RAPPORT 1")
	ran := 0
	err := fmt.Errorf("connect: exchange the sign-in code: read RABITIQ_SO_CLIENT_ID: %w", auth.ErrNoClientID)
	d := errdialog.Show(w, errdialog.Opts{Title: "Integrationer", Intro: "Forbindelsen lykkedes ikke:", Action: widget.NewButton("Prøv igen", func() { ran++ })}, err)
	text := strings.Join(uitest.Texts(uitest.Top(w)), " ")
	if !strings.Contains(text, "Forbindelsen lykkedes ikke:\nDenne version") {
		t.Errorf("text: %q", text)
	}
	errtest.AssertPlain(t, "dialog", text, "exchange", "client id")
	errtest.AssertCopiesReport(t, uitest.Top(w), "RAPPORT 1")
	uitest.Press(w, fyne.KeyReturn)
	if ran != 1 || uitest.Top(w) != nil {
		t.Errorf("Enter: action ran %d times, dialog still shown = %v", ran, uitest.Top(w) != nil)
	}
	d.Show()
	uitest.Press(w, fyne.KeyEscape)
	if ran != 1 || uitest.Top(w) != nil {
		t.Errorf("Esc: action ran %d times, dialog still shown = %v", ran, uitest.Top(w) != nil)
	}
}

// Without a report there is no copy button to press in vain.
func TestShowWithoutReport(t *testing.T) {
	w := uitest.Setup(t)
	errdialog.Show(w, errdialog.Opts{Title: "x"}, errors.New("boom"))
	if uitest.Button(uitest.Top(w), "Kopiér fejlrapport") != nil {
		t.Error("a copy button without a report")
	}
	if text := strings.Join(uitest.Texts(uitest.Top(w)), " "); !strings.Contains(text, "Der skete en uventet fejl.") || strings.Contains(text, "boom") {
		t.Errorf("text: %q", text)
	}
	if b := errdialog.ReportButton(nil); b.Visible() {
		t.Error("ReportButton shown with no report")
	}
}

// The sign-in's own errors get a sentence each instead of their English
// Go text.
func TestPlainSignInErrors(t *testing.T) {
	uitest.Setup(t)
	for err, want := range map[error]string{
		fmt.Errorf("x: %w (access_denied)", auth.ErrAccessDenied):        "SuperOffice afviste adgangen",
		fmt.Errorf("x: %w", auth.ErrNotConnected):                        "SuperOffice er ikke forbundet. Forbind under Integrationer først.",
		fmt.Errorf("save: %w: dbus timeout", auth.ErrKeyringUnavailable): "nøglering",
		auth.ErrNoClientID: "ikke registreret hos SuperOffice",
	} {
		got := errdialog.Plain(err)
		if !strings.Contains(got, want) {
			t.Errorf("Plain(%v) = %q, want %q", err, got, want)
		}
		errtest.AssertPlain(t, "Plain", got, "access_denied", "dbus", "RABITIQ_")
	}
}

// The checks themselves catch what they are for.
func TestAssertPlainCatches(t *testing.T) {
	for _, bad := range []string{"check fields: get udefs: EOF", "set RABITIQ_SO_CLIENT_ID", `{"OrgNr": 1}`} {
		ft := &testing.T{}
		done := make(chan struct{})
		go func() { defer close(done); errtest.AssertPlain(ft, "x", bad) }()
		<-done
		if !ft.Failed() {
			t.Errorf("AssertPlain passed %q", bad)
		}
	}
}
