package about

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// "Kopiér fejlrapport" copies the report the caller makes, and the log
// file's path is shown.
func TestCopyErrorReport(t *testing.T) {
	w := uitest.Setup(t)
	calls := 0
	w.SetContent(New(Info{Version: "1.2.3", DBPath: "/d/leads.db", LogPath: "/l/rabitiq-superoffice.log",
		Report: func() string { calls++; return "RAPPORT Cust12345" }}))
	texts := strings.Join(uitest.Texts(w.Content()), "\n")
	for _, want := range []string{"Logfiler", "/l/rabitiq-superoffice.log"} {
		if !strings.Contains(texts, want) {
			t.Errorf("Om lacks %q:\n%s", want, texts)
		}
	}
	b := uitest.Button(w.Content(), "Kopiér fejlrapport")
	if b == nil {
		t.Fatal("no Kopiér fejlrapport button")
	}
	test.Tap(b)
	if got := fyne.CurrentApp().Clipboard().Content(); got != "RAPPORT Cust12345" || calls != 1 {
		t.Errorf("clipboard %q after %d reports", got, calls)
	}
	if b.Text != "Fejlrapporten er kopieret" {
		t.Errorf("button says %q after copying", b.Text)
	}
}

// Without a report (no log folder) there is no button to press.
func TestNoReportNoButton(t *testing.T) {
	w := uitest.Setup(t)
	w.SetContent(New(Info{Version: "1"}))
	if uitest.Button(w.Content(), "Kopiér fejlrapport") != nil {
		t.Error("a copy button without a report")
	}
}
