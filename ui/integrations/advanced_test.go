package integrations

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// shown reports whether target is drawn below root: it and every object
// above it visible.
func shown(root, target fyne.CanvasObject) bool {
	if root == nil || !root.Visible() {
		return false
	}
	if root == target {
		return true
	}
	switch o := root.(type) {
	case *fyne.Container:
		for _, k := range o.Objects {
			if shown(k, target) {
				return true
			}
		}
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(o).Objects() {
			if shown(k, target) {
				return true
			}
		}
	}
	return false
}

// "Miljø" and "Client ID" are under a closed "Avanceret": a release build
// carries its client id, so a salesperson sees only "Forbind".
func TestEnvironmentAndClientIDUnderAdvanced(t *testing.T) {
	w := uitest.Setup(t)
	v := New(&fakeService{}, w)
	w.SetContent(v.Content())
	if len(v.Advanced.Items) != 1 || v.Advanced.Items[0].Title != "Avanceret" || v.Advanced.Items[0].Open {
		t.Fatalf("Advanced = %+v, want one closed item \"Avanceret\"", v.Advanced.Items)
	}
	root := v.Content()
	if shown(root, v.ClientID) || shown(root, v.Env) {
		t.Error("Client ID or Miljø is shown with Avanceret closed")
	}
	if !shown(root, v.Connect) || v.Connect.Disabled() || shown(root, v.NotRegistered) {
		t.Error("a build with a client id should offer Forbind and say nothing about registration")
	}
	v.Advanced.Open(0)
	if !shown(root, v.ClientID) || !shown(root, v.Env) || v.ClientID.Text != "app-1" {
		t.Errorf("Avanceret opened: Client ID shown %v (%q), Miljø shown %v", shown(root, v.ClientID), v.ClientID.Text, shown(root, v.Env))
	}
}

// A build without a client id says it is not registered with SuperOffice
// instead of asking for one, until one is typed under Avanceret.
func TestUnregisteredBuildSaysSoUntilAnIDIsTyped(t *testing.T) {
	w := uitest.Setup(t)
	svc := &fakeService{noID: true}
	v := New(svc, w)
	w.SetContent(v.Content())
	root := v.Content()
	if !shown(root, v.NotRegistered) || !strings.Contains(v.NotRegistered.Text, "ikke registreret hos SuperOffice") {
		t.Fatalf("no plain 'not registered' message: shown %v, %q", shown(root, v.NotRegistered), v.NotRegistered.Text)
	}
	if txt := strings.Join(uitest.Texts(root), " "); strings.Contains(txt, "RABITIQ_SO_CLIENT_ID") {
		t.Errorf("the screen names an environment variable: %s", txt)
	}
	if !v.Connect.Disabled() {
		t.Error("Forbind is enabled without a client id")
	}
	v.StartConnect() // "Forbind igen" from a failed export
	if svc.gotID != "" || v.Cancel.Visible() {
		t.Error("signing in started without a client id")
	}
	v.Advanced.Open(0)
	test.Type(v.ClientID, "my-app")
	if shown(root, v.NotRegistered) || v.Connect.Disabled() {
		t.Error("a typed client id should remove the message and enable Forbind")
	}
	test.Tap(v.Connect)
	uitest.Eventually(t, "connected", func() bool { return v.Current().Connected })
	if svc.gotID != "my-app" {
		t.Errorf("signed in with %q, want the typed my-app", svc.gotID)
	}

	// English too.
	if err := i18n.Load("en"); err != nil {
		t.Fatal(err)
	}
	v2 := New(&fakeService{noID: true}, w)
	if !strings.Contains(v2.NotRegistered.Text, "not registered with SuperOffice") {
		t.Errorf("English: %q", v2.NotRegistered.Text)
	}
}

// Once connected, "Forbind" only replaces the tenant: it is no longer the
// screen's primary button; disconnected it is again.
func TestConnectNotPrimaryOnceConnected(t *testing.T) {
	w := uitest.Setup(t)
	svc := &fakeService{}
	v := New(svc, w)
	w.SetContent(v.Content())
	if v.Connect.Importance != widget.HighImportance {
		t.Fatalf("not connected: Forbind importance %v, want high", v.Connect.Importance)
	}
	test.Tap(v.Connect)
	uitest.Eventually(t, "connected", func() bool { return v.Current().Connected })
	if v.Connect.Importance == widget.HighImportance {
		t.Error("connected: Forbind is still the primary button")
	}
	test.Tap(v.Disconnect)
	test.Tap(uitest.Button(uitest.Top(w), "Yes"))
	if v.Current().Connected || v.Connect.Importance != widget.HighImportance {
		t.Errorf("disconnected: connected %v, Forbind importance %v", v.Current().Connected, v.Connect.Importance)
	}
	// A window opened while connected starts with Forbind not primary.
	v2 := New(&fakeService{st: Status{Connected: true, Tenant: auth.Tenant{Ctx: "Cust1", CompanyName: "Ærø ApS"}}}, w)
	if v2.Connect.Importance == widget.HighImportance {
		t.Error("opened connected: Forbind is the primary button")
	}
}

// waitingService waits in the browser until the sign-in is cancelled,
// and answers as auth does then.
type waitingService struct {
	fakeService
	link   string
	shownC chan struct{}
}

func (w *waitingService) Connect(ctx context.Context, _ auth.Environment, _ string, show func(string)) (Status, error) {
	show(w.link)
	close(w.shownC)
	select {
	case <-ctx.Done():
		return Status{}, fmt.Errorf("sign-in cancelled: %w", ctx.Err())
	case <-time.After(5 * time.Second):
		return Status{}, fmt.Errorf("the test never cancelled")
	}
}

// While the browser is awaited, "Kopiér link" is there (pop-up blocked,
// another browser); "Annuller" then ends it quietly: no error dialog, no
// "context canceled", and Forbind is back.
func TestWaitingOffersTheLinkAndCancelIsNoError(t *testing.T) {
	test.NewTempApp(t)
	t.Cleanup(func() { _ = i18n.Load("da") })
	if err := i18n.Load("da"); err != nil {
		t.Fatal(err)
	}
	done := async.RunQueued(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1000, 700))
	svc := &waitingService{link: "https://online.superoffice.com/login/common/oauth/authorize?client_id=x", shownC: make(chan struct{})}
	v := New(svc, w)
	w.SetContent(v.Content())
	root := v.Content()
	if shown(root, v.CopyURL) {
		t.Error("Kopiér link shown before signing in")
	}
	test.Tap(v.Connect)
	select {
	case <-svc.shownC:
	case <-time.After(5 * time.Second):
		t.Fatal("the sign-in did not start")
	}
	if !shown(root, v.CopyURL) || v.URL.Text != svc.link || !shown(root, v.Cancel) {
		t.Fatalf("while waiting: Kopiér link shown %v, link %q, Annuller shown %v", shown(root, v.CopyURL), v.URL.Text, shown(root, v.Cancel))
	}
	if txt := strings.Join(uitest.Texts(root), " "); !strings.Contains(txt, "Pop-up blokeret") || !strings.Contains(txt, "brug en anden browser") {
		t.Errorf("the waiting hint lacks the guide's cases: %s", txt)
	}
	test.Tap(v.CopyURL)
	if got := fyne.CurrentApp().Clipboard().Content(); got != svc.link {
		t.Errorf("clipboard = %q", got)
	}
	test.Tap(v.Cancel)
	select {
	case fn := <-done:
		fn()
	case <-time.After(5 * time.Second):
		t.Fatal("cancelling did not end the sign-in")
	}
	if top := uitest.Top(w); top != nil {
		t.Errorf("cancelling showed a dialog: %v", uitest.Texts(top))
	}
	// What the screen shows: hidden widgets (the error report button
	// kept for a stored sign-in that cannot be read) say nothing.
	seen := uitest.Texts(root)
	if !shown(root, v.CopyReport) {
		seen = slices.DeleteFunc(seen, func(s string) bool { return s == v.CopyReport.Text })
	}
	txt := strings.ToLower(strings.Join(seen, " "))
	for _, bad := range []string{"error", "fejl", "context canceled", "cancelled"} {
		if strings.Contains(txt, bad) {
			t.Errorf("after Annuller the screen says %q: %s", bad, txt)
		}
	}
	if v.Connect.Disabled() || shown(root, v.Cancel) || shown(root, v.CopyURL) {
		t.Error("after Annuller: Forbind should be back, Annuller and the link gone")
	}
}
