package leads

import (
	"slices"

	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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

// The selected row, where the arrow keys are, carries a bar in primary;
// moving the selection moves the bar.
func TestSelectedRowShowsTheMarker(t *testing.T) {
	v, _, _ := setup(t, []store.LeadRow{{LocalID: 1, CompanyName: "A"}, {LocalID: 2, CompanyName: "B"}})
	marked := func(id widget.ListItemID) bool {
		row := newRow()
		v.updateRow(id, row)
		return markerOf(row.(*fyne.Container)).FillColor == theme.Color(theme.ColorNamePrimary)
	}
	if marked(0) || marked(1) {
		t.Fatal("a row is marked with nothing selected")
	}
	v.List.Select(0)
	if !marked(0) || marked(1) {
		t.Errorf("row 0 selected: marked %v %v", marked(0), marked(1))
	}
	v.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if marked(0) || !marked(1) {
		t.Errorf("after Down: marked %v %v", marked(0), marked(1))
	}
	v.List.UnselectAll()
	if marked(0) || marked(1) {
		t.Error("a row is still marked after unselecting")
	}
}
