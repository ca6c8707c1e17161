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
