package export

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// eightLeads imports eight leads without candidates in an empty tenant.
func eightLeads(t *testing.T, e *env) []int64 {
	t.Helper()
	var js []string
	for i, name := range []string{"Nord", "Syd", "Øst", "Vest", "Midt", "Fjord", "Hav", "Skov"} {
		js = append(js, fmt.Sprintf(`{"id":"r%d","companyName":"%s Afvist ApS","location":"Aarhus"}`, i, name))
	}
	ids := e.importLeads(t, "["+strings.Join(js, ",")+"]")
	var all []int64
	for i := range js {
		all = append(all, ids[fmt.Sprintf("r%d", i)])
	}
	return all
}

// When SuperOffice starts refusing the token in the middle of a batch
// (401 and no refresh helps), the batch stops at once: the leads it did
// not finish are cancelled, named, and keep their status; none is marked
// failed and no further lead is tried.
func TestBatchStopsWhenTheSignInIsRefused(t *testing.T) {
	e := newEnv(t, nil)
	all := eightLeads(t, e)
	var mu sync.Mutex
	var items []BatchItem
	sent := 0
	sum := e.eng.Batch(context.Background(), all, BatchOptions{CreateMissing: true, Concurrency: 2}, func(done, _ int, it BatchItem) {
		mu.Lock()
		defer mu.Unlock()
		items = append(items, it)
		if done == 2 {
			e.sim.Faults().ExpireTokens()
			sent = len(e.sim.Requests())
		}
	})
	if !sum.NotConnected || !SignInRefused(sum.StopErr) || sum.Failed != 0 || sum.Created < 2 || sum.Created+sum.Cancelled != len(all) {
		t.Fatalf("summary = %+v", sum)
	}
	// Each worker is refused at most once; then nothing more is tried.
	refused := 0
	for _, r := range e.sim.Requests()[sent:] {
		if r.Status == http.StatusUnauthorized {
			refused++
		}
	}
	if refused == 0 || refused > 2 {
		t.Errorf("%d requests refused, want 1 or 2 (at most one per worker)", refused)
	}
	for _, it := range items {
		if it.ID == "" || it.Company == "" {
			t.Errorf("item without id or name: %+v", it)
		}
		if it.Outcome != OutcomeCreated && it.Outcome != OutcomeCancelled {
			t.Errorf("item %s: outcome %q", it.ID, it.Outcome)
		}
	}
	ctx := context.Background()
	for _, id := range all {
		det, err := e.db.GetLead(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if det.Row.Status == store.StatusFailed {
			t.Errorf("%s was marked failed: %s", det.Row.CompanyName, det.Row.LastError)
		}
	}
	h, _ := e.db.History(ctx, store.HistoryFilter{})
	for _, x := range h {
		if x.Action == "failed" {
			t.Errorf("history has a failure for %s: %s", x.CompanyName, x.Error)
		}
	}
}

// A token refused on the very first request (the tenant metadata) stops
// the batch before any lead: every lead is cancelled with its id and name.
func TestBatchRefusedAtMetadataCancelsEveryLead(t *testing.T) {
	e := newEnv(t, nil)
	all := eightLeads(t, e)
	e.sim.Faults().ExpireTokens()
	var items []BatchItem
	sum := e.eng.Batch(context.Background(), all, BatchOptions{CreateMissing: true, Concurrency: 4}, func(_, _ int, it BatchItem) { items = append(items, it) })
	if !sum.NotConnected || sum.Cancelled != len(all) || sum.Failed != 0 || len(items) != len(all) {
		t.Fatalf("summary = %+v", sum)
	}
	for _, it := range items {
		if it.ID == "" || it.Outcome != OutcomeCancelled {
			t.Errorf("item = %+v", it)
		}
	}
	if n := e.requests("POST", "v1/Contact"); n != 0 {
		t.Errorf("%d creates sent", n)
	}
}

// A lead whose match fails (a 500 on the search) is saved as failed with
// the reason, so `--status failed` finds it and a second batch exports it.
func TestBatchMatchFailureIsSavedAsFailed(t *testing.T) {
	e := newEnv(t, nil)
	ids := e.importLeads(t, `[`+leadJSON("m", "Søgefejl ApS", "29935181", "sogefejl.dk", "")+`]`)
	ctx := context.Background()
	if _, err := e.eng.Meta(ctx); err != nil {
		t.Fatal(err)
	}
	e.sim.Faults().FailNextMatching("GET", "v1/Contact", 1, http.StatusInternalServerError, 0)
	sum := e.eng.Batch(ctx, []int64{ids["m"]}, BatchOptions{CreateMissing: true, Concurrency: 1}, nil)
	if sum.Failed != 1 || len(sum.FailedIDs) != 1 || sum.FailedIDs[0] != ids["m"] {
		t.Fatalf("summary = %+v", sum)
	}
	det, err := e.db.GetLead(ctx, ids["m"])
	if err != nil {
		t.Fatal(err)
	}
	if det.Row.Status != store.StatusFailed || !strings.Contains(det.Row.LastError, "500") {
		t.Fatalf("lead after a failed match: status %s, error %q", det.Row.Status, det.Row.LastError)
	}
	h, _ := e.db.History(ctx, store.HistoryFilter{LeadID: ids["m"]})
	if len(h) != 1 || h[0].Action != "failed" {
		t.Errorf("history = %+v", h)
	}
	failed, err := LeadsByStatus(ctx, e.db, store.StatusFailed)
	if err != nil || len(failed) != 1 {
		t.Fatalf("failed leads = %v %v", failed, err)
	}
	again := e.eng.Batch(ctx, failed, BatchOptions{CreateMissing: true, Concurrency: 1}, nil)
	if again.Created != 1 || len(e.companiesNamed("Søgefejl ApS")) != 1 {
		t.Errorf("retry = %+v", again)
	}
}

// A create whose answer was lost, and whose company could not be looked up
// right after (a 500), leaves an intent and a company no lead is linked
// to. The next batch adopts that company and updates it, instead of
// sending the lead to review with its own company as the candidate.
func TestBatchAdoptsTheCompanyOfALostCreate(t *testing.T) {
	e := newEnv(t, nil, so.WithHTTPClient(&http.Client{Timeout: 500 * time.Millisecond}))
	ids := e.importLeads(t, `[`+leadJSON("o", "Forældreløs Byg ApS", "", "forældreløs-byg.dk", "")+`]`)
	ctx := context.Background()
	if _, err := e.eng.Meta(ctx); err != nil {
		t.Fatal(err)
	}
	// Read the lists a create needs now, so the 500 below hits the look-up.
	if _, err := e.eng.NewCompany(ctx, ""); err != nil {
		t.Fatal(err)
	}
	f := e.sim.Faults()
	f.HangAfterCreate(3 * time.Second)
	f.FailNextMatching("GET", "v1/Contact", 1, http.StatusInternalServerError, 0)
	if _, err := e.eng.Sync(ctx, ids["o"], Choice{Create: true}); err == nil {
		t.Fatal("the create with a lost answer succeeded")
	}
	f.Reset()
	if n := len(e.companiesNamed("Forældreløs Byg ApS")); n != 1 {
		t.Fatalf("%d companies after the lost create, want 1 (it committed)", n)
	}
	if ins, _ := e.db.Intents(ctx, e.sim.Ctx()); len(ins) != 1 || ins[0].SOContactID != nil {
		t.Fatalf("intents = %+v, want one unsettled", ins)
	}
	sum := e.eng.Batch(ctx, []int64{ids["o"]}, BatchOptions{CreateMissing: true, Concurrency: 1}, nil)
	if sum.Updated != 1 || sum.Review != 0 || sum.Created != 0 {
		t.Fatalf("summary = %+v, want the lost company updated", sum)
	}
	if n := len(e.companiesNamed("Forældreløs Byg ApS")); n != 1 {
		t.Errorf("%d companies, want 1", n)
	}
	if ins, _ := e.db.Intents(ctx, e.sim.Ctx()); len(ins) != 0 {
		t.Errorf("intents left: %+v", ins)
	}
}
