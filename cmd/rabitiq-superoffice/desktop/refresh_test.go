package desktop

import (
	"context"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/app/tenant"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
	"github.com/rabitiq/superoffice-sync/ui/exportui"
	"github.com/rabitiq/superoffice-sync/ui/leads"
	"github.com/rabitiq/superoffice-sync/ui/refreshui"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

var (
	_ refreshui.Service   = (*Services)(nil)
	_ leads.RefreshReader = (*Services)(nil)
)

// "Opdater fra SuperOffice" against the simulator over HTTP: two leads
// are synced, a user deletes one company in SuperOffice; connecting runs
// the daily read-back, and the card of that lead says the company no
// longer exists, and its button opens the match dialog to find it again.
// The other lead's card shows no such line.
func TestRefreshShowsGoneCompanyOnTheCard(t *testing.T) {
	w := uitest.Setup(t)
	ctx := context.Background()
	sim, db := simAndDB(t, ctx, &sotest.Seed{ContactFields: sotest.RabitIQFields()})
	svc := &Services{DB: db, Now: time.Now,
		Tenant: tenant.New(tenant.Options{DB: db, Keyring: &auth.MemKeyring{}, HTTPClient: &http.Client{Timeout: 10 * time.Second}, OpenBrowser: headlessBrowser}),
		Config: func(env auth.Environment, clientID string) auth.Config {
			return auth.Config{Environment: env, Authority: sim.Authority(), ClientID: clientID}
		}}
	if _, err := svc.Connect(ctx, auth.EnvSOD, sim.ClientID(), func(string) {}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "l.json")
	writeLeads(t, p, `[{"companyName":"Ask Alpha A/S","id":"a"},{"companyName":"Bøg Beta ApS","id":"b"}]`)
	if reps := svc.ImportFiles(ctx, []string{p}, nil); len(reps) != 1 || reps[0].Imported != 2 {
		t.Fatalf("import: %+v", reps)
	}
	ids := map[string]int64{}
	companies := map[string]int{}
	for _, ref := range []string{"a", "b"} {
		id, _ := db.ResolveLead(ctx, ref)
		res, err := svc.Sync(ctx, id, export.Choice{Create: true})
		if err != nil {
			t.Fatal(err)
		}
		ids[ref], companies[ref] = id, res.ContactID
	}
	// A user deletes company a in SuperOffice.
	req, _ := http.NewRequest(http.MethodDelete, sim.APIURL()+"v1/Contact/"+strconv.Itoa(companies["a"]), nil)
	req.Header.Set("Authorization", "Bearer "+sim.AccessToken())
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusNoContent {
		t.Fatalf("delete: %v %v", resp, err)
	}
	sim.ResetLogs()

	list := leads.New(svc, w)
	detail := leads.NewDetail(svc)
	reloads := 0
	action := refreshAction(svc, w, list, func(int64) { reloads++ })
	detail.OnExport = func(r store.LeadRow) { exportui.Start(svc, w, r, exportui.Opts{}) }
	w.SetContent(container.NewBorder(container.NewHBox(action.Button), nil, nil, nil, container.NewHSplit(list.Content(), detail.Content())))
	w.Resize(fyne.NewSize(1024, 640))
	detail.SetConnected(true)
	action.SetConnected(true) // connecting: the daily read-back is due
	uitest.Eventually(t, "the read-back reloads the window", func() bool { return reloads == 1 })
	for _, r := range sim.Requests() {
		if r.Method != http.MethodGet {
			t.Errorf("the read-back sent %s %s", r.Method, r.Path)
		}
	}

	detail.Show(ids["b"])
	if hasText(w.Content(), "Findes ikke længere i SuperOffice") {
		t.Error("the card of a lead whose company exists says it is gone")
	}
	detail.Show(ids["a"])
	if !hasText(w.Content(), "Findes ikke længere i SuperOffice") || detail.Export.Text != "Find firmaet igen" {
		t.Fatalf("card of the deleted company: %q, button %q", uitest.Texts(w.Content()), detail.Export.Text)
	}
	capturePNG(t, w, "window-gone-da")
	test.Tap(detail.Export)
	uitest.Eventually(t, "the match dialog opens", func() bool {
		top := uitest.Top(w)
		return top != nil && uitest.Button(top, "Opret & Sync") != nil
	})
}

func capturePNG(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	f, err := os.Create("/tmp/h-refresh-" + name + ".png")
	if err != nil {
		return
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Error(err)
	}
}
