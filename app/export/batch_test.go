package export

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

func batchTenant() *sotest.Seed {
	return tenantWith(
		sotest.SeedCompany{ID: 50, Name: "Alfa Energi", OrgNr: "72494814"}, // certain for lead a
		sotest.SeedCompany{ID: 51, Name: "Gamma Data ApS"},                 // name-only for lead c
	)
}

const batchLeads = `[
 {"id":"a","companyName":"Alfa Energi A/S","cvr":"72494814","location":"Aarhus"},
 {"id":"b","companyName":"Beta Kvantefysik IVS","website":"beta-q.dk","location":"Odense"},
 {"id":"c","companyName":"Gamma Data A/S","location":"Vejle"},
 {"id":"d","companyName":"Delta Robotics ApS","cvr":"87033082","location":"Aalborg"}]`

func TestBatchMixedOutcomes(t *testing.T) {
	e := newEnv(t, batchTenant())
	ids := e.importLeads(t, batchLeads)
	ctx := context.Background()
	// d was exported before: the batch updates its company.
	first, err := e.eng.Sync(ctx, ids["d"], Choice{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var seen []BatchItem
	sum := e.eng.Batch(ctx, []int64{ids["a"], ids["b"], ids["c"], ids["d"]}, BatchOptions{CreateMissing: true, Concurrency: 3},
		func(done, total int, it BatchItem) {
			mu.Lock()
			seen = append(seen, it)
			mu.Unlock()
		})
	if sum.Total != 4 || sum.Created != 1 || sum.Updated != 2 || sum.Review != 1 || sum.Failed != 0 || len(seen) != 4 {
		t.Fatalf("summary = %+v, items %+v", sum, seen)
	}
	out := map[string]BatchItem{}
	for _, it := range seen {
		out[it.ID] = it
	}
	if out["a"].Outcome != OutcomeUpdated || out["a"].ContactID != 50 {
		t.Errorf("a (same CVR) = %+v", out["a"])
	}
	if out["b"].Outcome != OutcomeCreated {
		t.Errorf("b (no candidate, create missing) = %+v", out["b"])
	}
	if out["c"].Outcome != OutcomeReview || sum.ReviewIDs[0] != ids["c"] || out["c"].Status != store.StatusReview {
		t.Errorf("c (name-only) = %+v", out["c"])
	}
	// The name-only lead stays findable as "review" after the batch; the
	// exported ones are synced.
	for ref, want := range map[string]store.Status{"a": store.StatusSynced, "b": store.StatusSynced, "c": store.StatusReview, "d": store.StatusSynced} {
		if st, err := e.db.StatusOf(ctx, ids[ref]); err != nil || st != want || out[ref].Status != want {
			t.Errorf("lead %s stored %s (%v), item says %s; want %s", ref, st, err, out[ref].Status, want)
		}
	}
	if out["d"].Outcome != OutcomeUpdated || out["d"].ContactID != first.ContactID {
		t.Errorf("d (linked) = %+v", out["d"])
	}
	if c, _ := e.sim.Company(51); c.CustomFields["RabitIQ:6"] != "" {
		t.Error("a name-only guess was written to")
	}
	// Without CreateMissing a lead with no candidate is not created.
	e2 := newEnv(t, batchTenant())
	ids2 := e2.importLeads(t, batchLeads)
	s2 := e2.eng.Batch(ctx, []int64{ids2["b"]}, BatchOptions{}, nil)
	if s2.Review != 1 || len(e2.sim.Companies()) != 2 {
		t.Errorf("without create-missing: %+v, %d companies", s2, len(e2.sim.Companies()))
	}
	if st, err := e2.db.StatusOf(ctx, ids2["b"]); err != nil || st != store.StatusReview {
		t.Errorf("b left without create-missing = %s, %v; want review", st, err)
	}
	// A second batch over the review pile leaves it there.
	if s3 := e2.eng.Batch(ctx, []int64{ids2["b"]}, BatchOptions{}, nil); s3.Review != 1 {
		t.Errorf("second batch over the review pile: %+v", s3)
	}
	if st, _ := e2.db.StatusOf(ctx, ids2["b"]); st != store.StatusReview {
		t.Errorf("b after a second batch = %s, want review", st)
	}
	h, _ := e.db.History(ctx, store.HistoryFilter{})
	if len(h) != 4 {
		t.Errorf("%d history rows, want 4 (d twice, a, b)", len(h))
	}
	// The person decides later: syncing it to the company clears review.
	if _, err := e.eng.Sync(ctx, ids["c"], Choice{ContactID: 51}); err != nil {
		t.Fatal(err)
	}
	if st, err := e.db.StatusOf(ctx, ids["c"]); err != nil || st != store.StatusSynced {
		t.Errorf("c after the person's sync = %s, %v; want synced", st, err)
	}
}

func TestBatchCancelAndRateLimitStorm(t *testing.T) {
	e := newEnv(t, batchTenant())
	var js []string
	for i, name := range []string{"Nord", "Syd", "Øst", "Vest", "Midt", "Fjord", "Hav", "Skov"} {
		js = append(js, `{"id":"x`+string(rune('0'+i))+`","companyName":"`+name+` Testfirma ApS"}`)
	}
	ids := e.importLeads(t, "["+strings.Join(js, ",")+"]")
	var all []int64
	for _, id := range ids {
		all = append(all, id)
	}
	ctx, cancel := context.WithCancel(context.Background())
	e.sim.Faults().Latency(30 * time.Millisecond)
	sum := e.eng.Batch(ctx, all, BatchOptions{CreateMissing: true, Concurrency: 2}, func(done, total int, it BatchItem) {
		if done == 2 {
			cancel()
		}
	})
	if sum.Cancelled == 0 || sum.Created+sum.Cancelled+sum.Failed != len(all) {
		t.Fatalf("cancelled batch summary = %+v", sum)
	}
	// Finished leads stay done; the rest can run again without duplicates.
	e.sim.Faults().Latency(0)
	e.sim.Faults().FailNext(6, 429, time.Second)
	var errs []string
	again := e.eng.Batch(context.Background(), all, BatchOptions{CreateMissing: true}, func(_, _ int, it BatchItem) {
		if it.Error != "" {
			errs = append(errs, it.Company+": "+it.Error)
		}
	})
	if again.Failed != 0 || again.Created+again.Updated != len(all) {
		t.Fatalf("second batch through a 429 storm = %+v: %v", again, errs)
	}
	names := map[string]int{}
	for _, c := range e.sim.Companies() {
		names[c.Name]++
	}
	for n, k := range names {
		if k > 1 {
			t.Errorf("%d companies named %q", k, n)
		}
	}
	for _, id := range all {
		det, _ := e.db.GetLead(context.Background(), id)
		if det.Row.Status != store.StatusSynced || det.Row.SOContactID == nil {
			t.Errorf("%s: %s, id %v", det.Row.CompanyName, det.Row.Status, det.Row.SOContactID)
		}
	}
}

func TestFieldsDeletedBetweenTwoLeads(t *testing.T) {
	e := newEnv(t, nil)
	ids := e.importLeads(t, `[`+leadJSON("l1", "Første Firma ApS", "", "", `,"buyingSignals":["a"]`)+`,`+
		leadJSON("l2", "Andet Firma ApS", "", "", `,"buyingSignals":["b"]`)+`,`+leadJSON("l3", "Tredje Firma ApS", "", "", `,"buyingSignals":["c"]`)+`]`)
	ctx := context.Background()
	if r, err := e.eng.Sync(ctx, ids["l1"], Choice{Create: true}); err != nil || indexOf(r.CustomFields.Written, "RabitIQ:7") < 0 {
		t.Fatalf("first lead: %+v %v", r, err)
	}
	// The admin deletes RabitIQ:7 (Købssignaler) while the app runs.
	var rest []sotest.CustomFieldDef
	for _, f := range sotest.RabitIQFields() {
		if f.ProgId != "RabitIQ:7" {
			rest = append(rest, f)
		}
	}
	if err := e.sim.SetContactFields(rest); err != nil {
		t.Fatal(err)
	}
	r2, err := e.eng.Sync(ctx, ids["l2"], Choice{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if indexOf(r2.CustomFields.Written, "RabitIQ:7") >= 0 || indexOf(r2.CustomFields.Skipped, "RabitIQ:7") < 0 || !strings.Contains(strings.Join(r2.Warnings, " "), "RabitIQ:7") {
		t.Errorf("second lead did not report the deleted field: %+v", r2)
	}
	// That write still sent the stale key: exactly one violation, no more.
	if v := e.sim.Violations(); len(v) != 1 || v[0].Kind != sotest.KindUnknownCustomField {
		t.Fatalf("violations after the stale write: %+v", v)
	}
	e.sim.ResetLogs()
	// The next lead reads the fields again and never sends the key.
	r3, err := e.eng.Sync(ctx, ids["l3"], Choice{Create: true})
	if err != nil || indexOf(r3.CustomFields.Skipped, "RabitIQ:7") < 0 {
		t.Fatalf("third lead: %+v %v", r3, err)
	}
}
