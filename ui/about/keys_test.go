package about

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// "Slet alle lokale data": Esc is Annuller; Enter deletes nothing, the
// button must be clicked.
func TestDeleteAllConfirmationKeys(t *testing.T) {
	w := uitest.Setup(t)
	svc := &fakeData{}
	w.SetContent(New(Info{Version: "1.0", DBPath: "/tmp/leads.db", DeleteAll: DeleteAll(w, svc, nil)}))
	b := uitest.Button(w.Content(), "Slet alle lokale data…")
	test.Tap(b)
	uitest.Press(w, fyne.KeyEscape)
	if svc.calls != 0 || uitest.Top(w) != nil {
		t.Fatalf("Esc: %d deletes, dialog open %v", svc.calls, uitest.Top(w) != nil)
	}
	test.Tap(b)
	uitest.Press(w, fyne.KeyReturn)
	if svc.calls != 0 || uitest.Top(w) == nil {
		t.Fatalf("Enter: %d deletes, dialog open %v", svc.calls, uitest.Top(w) != nil)
	}
	test.Tap(uitest.Button(uitest.Top(w), "Slet alt"))
	if svc.calls != 1 {
		t.Errorf("Slet alt: %d deletes, want 1", svc.calls)
	}
}
