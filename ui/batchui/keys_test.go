package batchui

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// In "Eksportér flere" Enter is Eksportér and Esc is Luk.
func TestBatchDialogKeys(t *testing.T) {
	w := uitest.Setup(t)
	svc := &fake{}
	f := Open(svc, w, []int64{9, 4}, nil, nil)
	uitest.Press(w, fyne.KeyReturn)
	if len(svc.batches) != 1 || len(svc.batches[0]) != 2 {
		t.Fatalf("Enter exported %v, want the two ticked leads", svc.batches)
	}
	if f.dlg == nil || uitest.Top(w) == nil {
		t.Fatal("the dialog closed after exporting")
	}
	uitest.Press(w, fyne.KeyEscape)
	if uitest.Top(w) != nil {
		t.Error("Esc did not close the dialog")
	}
	if len(svc.batches) != 1 {
		t.Errorf("Esc exported again: %v", svc.batches)
	}
}

// After ticking "Opret manglende firmaer" with the mouse (which focuses
// it), Enter still starts the export.
func TestBatchEnterAfterTickingCreateMissing(t *testing.T) {
	w := uitest.Setup(t)
	svc := &fake{}
	f := Open(svc, w, nil, nil, nil)
	f.CreateMissing.SetChecked(true)
	w.Canvas().Focus(f.CreateMissing)
	uitest.Press(w, fyne.KeyReturn)
	if len(svc.batches) != 1 || !svc.opts[0].CreateMissing {
		t.Errorf("Enter exported %v with %+v", svc.batches, svc.opts)
	}
}
