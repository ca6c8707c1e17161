package leads

import (
	"slices"

	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/importer"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// The delete confirmation: Esc is Annuller; Enter deletes nothing (a
// deletion cannot be undone, so it takes a click on Slet).
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
	uitest.Press(w, fyne.KeyEnter)
	if len(svc.deleted) != 0 || uitest.Top(w) == nil {
		t.Fatalf("Enter deleted %v or closed the confirmation", svc.deleted)
	}
	test.Tap(uitest.Button(uitest.Top(w), "Slet"))
	if len(svc.deleted) != 1 || svc.deleted[0] != 1 {
		t.Errorf("Slet deleted %v, want [1]", svc.deleted)
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

// With the list focused, Down and Up move the selection, which shows the
// lead through OnSelect, and Enter hands the selected lead to OnEnter
// (the window's export).
func TestListArrowsSelectAndEnterExports(t *testing.T) {
	v, _, w := setup(t, []store.LeadRow{{LocalID: 1, CompanyName: "Første ApS"}, {LocalID: 2, CompanyName: "Anden A/S"}, {LocalID: 3, CompanyName: "Tredje I/S"}})
	var shown, entered []int64
	v.OnSelect = func(r store.LeadRow) { shown = append(shown, r.LocalID) }
	v.OnEnter = func(r store.LeadRow) { entered = append(entered, r.LocalID) }
	w.Canvas().Focus(v.List)
	uitest.Press(w, fyne.KeyReturn)
	if len(entered) != 0 {
		t.Fatalf("Enter with nothing selected exported %v", entered)
	}
	for _, k := range []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyDown, fyne.KeyDown, fyne.KeyUp} {
		uitest.Press(w, k)
	}
	if want := []int64{1, 2, 3, 2}; !slices.Equal(shown, want) {
		t.Errorf("Down×4, Up showed %v, want %v", shown, want)
	}
	uitest.Press(w, fyne.KeyReturn)
	uitest.Press(w, fyne.KeyEnter)
	if want := []int64{2, 2}; !slices.Equal(entered, want) {
		t.Errorf("Enter and keypad Enter exported %v, want %v", entered, want)
	}
}
