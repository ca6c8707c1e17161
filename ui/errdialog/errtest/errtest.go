// Package errtest checks, for the screens' tests, that an error is shown
// the errdialog way: plain words and a working "Kopiér fejlrapport".
package errtest

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/ui/errdialog"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// goChain is two "words: words: " steps in a row, the shape of a wrapped
// Go error ("check fields: get udefs: …"); plain text has at most one.
var goChain = regexp.MustCompile(`[a-z][a-zA-Z_ ]*: [a-z][a-zA-Z_ ]*: `)

// AssertPlain fails unless text is fit for a salesperson: no wrapped Go
// error chain, no environment variable (RABITIQ_…), no JSON quoting, and
// none of the technical fragments given (the inner errors' own words,
// JSON field names).
func AssertPlain(t *testing.T, what, text string, technical ...string) {
	t.Helper()
	if goChain.MatchString(text) {
		t.Errorf("%s shows a Go error chain: %q", what, text)
	}
	for _, bad := range append([]string{"RABITIQ_", `":`, "%!"}, technical...) {
		if strings.Contains(text, bad) {
			t.Errorf("%s shows %q: %q", what, bad, text)
		}
	}
}

// WithReport makes text the error report "Kopiér fejlrapport" copies,
// for the test.
func WithReport(t *testing.T, text string) {
	t.Helper()
	errdialog.SetReport(func() string { return text })
	t.Cleanup(func() { errdialog.SetReport(nil) })
}

// AssertCopiesReport fails unless o holds a shown "Kopiér fejlrapport"
// that puts want on the clipboard.
func AssertCopiesReport(t *testing.T, o fyne.CanvasObject, want string) {
	t.Helper()
	b := uitest.Button(o, "Kopiér fejlrapport")
	if b == nil || !b.Visible() {
		t.Fatalf("no Kopiér fejlrapport in %q", uitest.Texts(o))
	}
	if b.Size().Width < b.MinSize().Width {
		t.Errorf("Kopiér fejlrapport is not laid out: %v, needs %v", b.Size(), b.MinSize())
	}
	fyne.CurrentApp().Clipboard().SetContent("")
	test.Tap(b)
	if got := fyne.CurrentApp().Clipboard().Content(); got != want {
		t.Errorf("Kopiér fejlrapport copied %q, want %q", got, want)
	}
}
