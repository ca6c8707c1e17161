package integrations

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// "Fjern forbindelse" and "Erstat forbindelse?": Esc answers no, Enter yes.
func TestConfirmationKeys(t *testing.T) {
	w := uitest.Setup(t)
	svc := &fakeService{st: Status{Connected: true, Tenant: auth.Tenant{Ctx: "Cust1", CompanyName: "Første ApS"}}}
	v := New(svc, w)
	w.SetContent(v.Content())
	test.Tap(v.Connect)
	uitest.Press(w, fyne.KeyEscape)
	if svc.gotID != "" || uitest.Top(w) != nil {
		t.Fatalf("Esc on Erstat forbindelse? connected (%q) or left it open", svc.gotID)
	}
	test.Tap(v.Disconnect)
	uitest.Press(w, fyne.KeyEscape)
	if svc.disconnected {
		t.Fatal("Esc disconnected")
	}
	test.Tap(v.Disconnect)
	uitest.Press(w, fyne.KeyReturn)
	if !svc.disconnected {
		t.Error("Enter did not disconnect")
	}
}
