package integrations

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/ui/errdialog"
	"github.com/rabitiq/superoffice-sync/ui/errdialog/errtest"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

type fakeService struct {
	st           Status
	connectErr   error
	showURL      string
	gotEnv       auth.Environment
	gotID        string
	disconnected bool
	noID         bool // a build not registered with SuperOffice
}

func (f *fakeService) Status(context.Context) Status { return f.st }
func (f *fakeService) Connect(_ context.Context, env auth.Environment, id string, show func(string)) (Status, error) {
	f.gotEnv, f.gotID = env, id
	if f.showURL != "" {
		show(f.showURL)
	}
	if f.connectErr != nil && !errors.Is(f.connectErr, auth.ErrKeyringUnavailable) {
		return Status{}, f.connectErr
	}
	f.st = Status{Connected: true, Tenant: auth.Tenant{Ctx: "Cust1", CompanyName: "Ærø ApS"}, Environment: env}
	return f.st, f.connectErr
}
func (f *fakeService) Disconnect() error { f.disconnected = true; f.st = Status{}; return nil }
func (f *fakeService) ClientID() string {
	if f.noID {
		return ""
	}
	return "app-1"
}

func TestConnectShowsGreenStatusAndDisconnectConfirms(t *testing.T) {
	w := uitest.Setup(t)
	svc := &fakeService{}
	v := New(svc, w)
	w.SetContent(v.Content())
	if v.State.Text != "SuperOffice er ikke forbundet" || !v.Disconnect.Disabled() || v.ClientID.Text != "app-1" {
		t.Fatalf("initial: %q disconnect disabled=%v", v.State.Text, v.Disconnect.Disabled())
	}
	var changes []Status
	v.OnChange = func(s Status) { changes = append(changes, s) }
	v.Env.SetSelectedIndex(2)
	test.Tap(v.Connect)
	uitest.Eventually(t, "connected", func() bool { return v.Current().Connected })
	if v.State.Text != "● Forbundet til Ærø ApS (Cust1)" || svc.gotEnv != auth.EnvSOD || svc.gotID != "app-1" || v.Disconnect.Disabled() {
		t.Errorf("after connect: %q env=%s", v.State.Text, svc.gotEnv)
	}
	if len(changes) == 0 || !changes[len(changes)-1].Connected {
		t.Error("OnChange not told")
	}
	test.Tap(v.Disconnect)
	yes := uitest.Button(uitest.Top(w), "Yes")
	if yes == nil {
		t.Fatalf("no confirmation dialog: %v", uitest.Texts(uitest.Top(w)))
	}
	if txt := strings.Join(uitest.Texts(uitest.Top(w)), " "); !strings.Contains(txt, "Ingen data slettes") {
		t.Errorf("confirmation does not say no data is deleted: %s", txt)
	}
	test.Tap(yes)
	if !svc.disconnected || v.Current().Connected {
		t.Error("not disconnected")
	}
}

func TestConnectingAnotherTenantAsksFirst(t *testing.T) {
	w := uitest.Setup(t)
	svc := &fakeService{st: Status{Connected: true, Tenant: auth.Tenant{Ctx: "Cust1", CompanyName: "Første ApS"}}}
	v := New(svc, w)
	w.SetContent(v.Content())
	test.Tap(v.Connect)
	top := uitest.Top(w)
	if top == nil || !strings.Contains(strings.Join(uitest.Texts(top), " "), "Første ApS") {
		t.Fatal("no replace confirmation naming the current tenant")
	}
	test.Tap(uitest.Button(top, "No"))
	if svc.gotID != "" {
		t.Error("connected although the user said no")
	}
}

func TestCopyURLFallbackAndErrors(t *testing.T) {
	w := uitest.Setup(t)
	errtest.WithReport(t, "RAPPORT forbind")
	svc := &fakeService{showURL: "https://sod.superoffice.com/login/common/oauth/authorize?x=1", connectErr: fmt.Errorf("exchange code: %w (access_denied)", auth.ErrAccessDenied)}
	v := New(svc, w)
	w.SetContent(v.Content())
	test.Tap(v.Connect)
	uitest.Eventually(t, "the error", func() bool { return uitest.Top(w) != nil })
	if v.URL.Text != svc.showURL {
		t.Errorf("URL fallback = %q", v.URL.Text)
	}
	test.Tap(v.CopyURL)
	if got := fyne.CurrentApp().Clipboard().Content(); got != svc.showURL {
		t.Errorf("clipboard = %q", got)
	}
	txt := strings.Join(uitest.Texts(uitest.Top(w)), " ")
	if !strings.Contains(txt, "Forbindelsen til SuperOffice lykkedes ikke") || !strings.Contains(txt, "SuperOffice afviste adgangen") {
		t.Errorf("error dialog: %s", txt)
	}
	errtest.AssertPlain(t, "connect error", txt, "access_denied", "adgang afvist i SuperOffice (")
	errtest.AssertCopiesReport(t, uitest.Top(w), "RAPPORT forbind")
	// Keyring missing: connected for this run only, said plainly.
	w2 := uitest.Setup(t)
	svc2 := &fakeService{connectErr: auth.ErrKeyringUnavailable}
	svc2.st = Status{}
	v2 := New(svc2, w2)
	w2.SetContent(v2.Content())
	svc2.st.Connected = false
	test.Tap(v2.Connect)
	uitest.Eventually(t, "the notice", func() bool { return uitest.Top(w2) != nil })
	if txt := strings.Join(uitest.Texts(uitest.Top(w2)), " "); !strings.Contains(txt, "kun for denne kørsel") && !strings.Contains(txt, "indtil du lukker appen") {
		t.Errorf("keyring notice: %s", txt)
	}
}

// A stored sign-in that cannot be read is said in plain words (the
// window's wiring passes errdialog.Plain) with "Kopiér fejlrapport".
func TestProblemOffersTheErrorReport(t *testing.T) {
	w := uitest.Setup(t)
	errtest.WithReport(t, "RAPPORT nøglering")
	svc := &fakeService{st: Status{Problem: errdialog.Plain(fmt.Errorf("read stored SuperOffice sign-in (part 1 of 2): %w", auth.ErrKeyringUnavailable))}}
	v := New(svc, w)
	w.SetContent(v.Content())
	errtest.AssertPlain(t, "status", v.State.Text, "part 1 of 2", "read stored")
	if !strings.Contains(v.State.Text, "nøglering") {
		t.Errorf("state = %q", v.State.Text)
	}
	errtest.AssertCopiesReport(t, v.Content(), "RAPPORT nøglering")
	svc.st = Status{Connected: true}
	v.Refresh()
	if v.CopyReport.Visible() {
		t.Error("Kopiér fejlrapport still shown once connected")
	}
}
