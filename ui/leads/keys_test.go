package leads

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/importer"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// The delete confirmation: Esc is Annuller, Enter is Slet.
func TestDeleteConfirmationKeys(t *testing.T) {
	v, svc, w := setup(t, []store.LeadRow{{LocalID: 1, CompanyName: "Glemmes ApS"}, {LocalID: 2, CompanyName: "Bliver A/S"}})
	v.SetChecked(1, true)
	test.Tap(v.Delete)
	uitest.Press(w, fyne.KeyEscape)
	if len(svc.deleted) != 0 || uitest.Top(w) != nil {
		t.Fatalf("Esc deleted %v or left the confirmation open", svc.deleted)
	}
	test.Tap(v.Delete)
	uitest.Press(w, fyne.KeyReturn)
	if len(svc.deleted) != 1 || svc.deleted[0] != 1 {
		t.Errorf("Enter deleted %v, want [1]", svc.deleted)
	}
}

// The import result closes on Esc.
func TestImportResultClosesOnEsc(t *testing.T) {
	w := uitest.Setup(t)
	ShowImportResult(w, []importer.FileReport{})
	if uitest.Top(w) == nil {
		t.Fatal("no import result shown")
	}
	uitest.Press(w, fyne.KeyEscape)
	if uitest.Top(w) != nil {
		t.Error("Esc did not close the import result")
	}
}
