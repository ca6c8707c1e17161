package store

import (
	"context"
	"errors"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// A lead a batch left for a person is stored as "review" with the reason,
// listed with that status, and leaves it when it is synced or fails; a
// lead already in SuperOffice is never demoted to review.
func TestReviewStatusIsSetListedAndCleared(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)
	if _, err := d.ImportLeads(ctx, "a.json", []lead.Item{
		item(0, lead.Lead{ID: "a", CompanyName: "Alfa ApS"}),
		item(1, lead.Lead{ID: "b", CompanyName: "Beta ApS"}),
		item(2, lead.Lead{ID: "c", CompanyName: "Gamma ApS"}),
	}, t0); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, ref := range []string{"a", "b", "c"} {
		id, err := d.ResolveLead(ctx, ref)
		if err != nil {
			t.Fatal(err)
		}
		ids[ref] = id
	}
	must(t, d.MarkReview(ctx, ids["a"], "several candidates"))
	must(t, d.MarkReview(ctx, ids["b"], ""))
	must(t, d.MarkSynced(ctx, ids["c"], 42, "Cust1", t0))
	must(t, d.MarkReview(ctx, ids["c"], "")) // synced meanwhile: stays synced

	rows, err := d.ListLeads(ctx, ListOptions{Sort: SortName})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]LeadRow{}
	for _, r := range rows {
		got[r.ID] = r
	}
	if r := got["a"]; r.Status != StatusReview || r.LastError != "several candidates" {
		t.Errorf("lead a = %s %q, want review with its reason", r.Status, r.LastError)
	}
	if got["b"].Status != StatusReview || got["c"].Status != StatusSynced {
		t.Errorf("statuses b, c = %s, %s; want review, synced", got["b"].Status, got["c"].Status)
	}

	must(t, d.MarkSynced(ctx, ids["a"], 43, "Cust1", t0))
	if s, err := d.StatusOf(ctx, ids["a"]); err != nil || s != StatusSynced {
		t.Errorf("after sync a = %s, %v; want synced", s, err)
	}
	if st := stateOf(t, d, ids["a"]); st.lastError != "" {
		t.Errorf("after sync a keeps the review reason %q", st.lastError)
	}
	must(t, d.MarkFailed(ctx, ids["b"], "HTTP 500", t0))
	if s, err := d.StatusOf(ctx, ids["b"]); err != nil || s != StatusFailed {
		t.Errorf("after a failure b = %s, %v; want failed", s, err)
	}
	must(t, d.MarkReview(ctx, ids["b"], ""))
	if st := stateOf(t, d, ids["b"]); st.status != StatusReview || st.lastError != "" {
		t.Errorf("failed, then left for review: b = %+v, want review without the old failure", st)
	}

	if err := d.MarkReview(ctx, 9999, ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("MarkReview of an unknown lead = %v, want ErrNotFound", err)
	}
	if _, err := d.StatusOf(ctx, 9999); !errors.Is(err, ErrNotFound) {
		t.Errorf("StatusOf an unknown lead = %v, want ErrNotFound", err)
	}
}
