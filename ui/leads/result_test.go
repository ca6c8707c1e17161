package leads

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/rabitiq/superoffice-sync/app/importer"
	"github.com/rabitiq/superoffice-sync/core/msg"
	"github.com/rabitiq/superoffice-sync/ui/errdialog/errtest"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// An import that went wrong says so in plain words and offers
// "Kopiér fejlrapport"; "Kopiér" copies the technical detail; a clean
// import has no error report to offer.
func TestImportResultErrorIsPlainWithReport(t *testing.T) {
	_, _, w := setup(t, nil)
	errtest.WithReport(t, "RAPPORT import")
	d := ShowImportResult(w, []importer.FileReport{{File: "/tmp/d.json", Error: "leads kunne ikke gemmes: insert leads: sqlite: database is locked (5)",
		ErrorCode: &importer.Problem{Message: msg.New(msg.ImportFailed, "cause", "insert leads: sqlite: database is locked (5)")}}})
	text := strings.Join(uitest.Texts(uitest.Top(w)), " ")
	errtest.AssertPlain(t, "import result", text, "sqlite", "insert leads")
	errtest.AssertCopiesReport(t, uitest.Top(w), "RAPPORT import")
	if b := uitest.Button(uitest.Top(w), "Kopiér"); b == nil {
		t.Fatal("no Kopiér")
	} else {
		b.OnTapped()
		if got := fyne.CurrentApp().Clipboard().Content(); !strings.Contains(got, "database is locked") {
			t.Errorf("Kopiér copied %q, want the technical detail", got)
		}
	}
	d.Hide()
	ShowImportResult(w, []importer.FileReport{{File: "/tmp/ok.json", Imported: 3}})
	if uitest.Button(uitest.Top(w), "Kopiér fejlrapport") != nil {
		t.Error("a clean import offers an error report")
	}
}
