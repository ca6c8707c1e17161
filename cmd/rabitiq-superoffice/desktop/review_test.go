package desktop

import (
	"context"
	"net/http"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/app/tenant"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
	"github.com/rabitiq/superoffice-sync/ui/exportui"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// "Gennemse" against the simulator over HTTP: a batch leaves three leads
// for a person; in the queue the first is created through the match
// dialog and leaves the queue, the second is skipped, then the queue is
// closed. Only the decided lead is synced and written to SuperOffice; the
// other two are still "review" in the database.
func TestReviewQueueDecidesOneAndKeepsTheRest(t *testing.T) {
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
	writeLeads(t, p, `[{"companyName":"Ask Alpha A/S","id":"a"},{"companyName":"Bøg Beta ApS","id":"b"},{"companyName":"Cedertræ Gamma I/S","id":"c"}]`)
	if reps := svc.ImportFiles(ctx, []string{p}, nil); len(reps) != 1 || reps[0].Imported != 3 {
		t.Fatalf("import: %+v", reps)
	}
	all, err := svc.LeadsByStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sum := svc.Batch(ctx, all, export.BatchOptions{}, func(int, int, export.BatchItem) {})
	if len(sum.ReviewIDs) != 3 {
		t.Fatalf("batch left %v for review: %+v", sum.ReviewIDs, sum)
	}
	before := len(sim.Companies())
	var refreshed []int64
	open := reviewQueue(svc, w, exportui.Opts{}, func(id int64) { refreshed = append(refreshed, id) })
	open(sum.ReviewIDs)
	queue := uitest.Top(w)
	if !hasText(queue, "1 af 3") {
		t.Fatalf("queue shows %q", uitest.Texts(queue))
	}
	test.Tap(uitest.Button(queue, "Eksporter til SuperOffice"))
	match := uitest.Top(w)
	if match == queue {
		t.Fatal("no match dialog opened")
	}
	test.Tap(uitest.Button(match, "Opret & Sync"))
	uitest.Eventually(t, "the lead leaves the queue", func() bool { return hasText(queue, "1 af 2") })
	if len(refreshed) != 1 || refreshed[0] != sum.ReviewIDs[0] {
		t.Errorf("refreshed %v", refreshed)
	}
	for uitest.Top(w) != queue && uitest.Top(w) != nil { // the confirmation
		w.Canvas().Overlays().Remove(uitest.Top(w))
	}
	test.Tap(uitest.Button(queue, "Spring over"))
	if !hasText(queue, "2 af 2") {
		t.Errorf("after Spring over: %q", uitest.Texts(queue))
	}
	test.Tap(uitest.Button(queue, "Luk"))
	want := []store.Status{store.StatusSynced, store.StatusReview, store.StatusReview}
	for i, id := range sum.ReviewIDs {
		det, err := svc.GetLead(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if det.Row.Status != want[i] {
			t.Errorf("lead %s is %q, want %q", det.Row.CompanyName, det.Row.Status, want[i])
		}
	}
	if n := len(sim.Companies()) - before; n != 1 {
		t.Errorf("%d companies created in SuperOffice, want 1", n)
	}
}

func hasText(o fyne.CanvasObject, s string) bool {
	return slices.Contains(uitest.Texts(o), s)
}
