package store

import (
	"context"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// TestRefreshStateFollowsTheLink checks that a read-back is stored with
// its changes and time, replaced by the next one, not returned once the
// lead is linked to another company, and deleted with the lead.
func TestRefreshStateFollowsTheLink(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)
	if _, err := d.ImportLeads(ctx, "a.json", []lead.Item{item(0, lead.Lead{ID: "a", CompanyName: "Alfa ApS"}),
		item(1, lead.Lead{ID: "b", CompanyName: "Beta ApS"})}, t0); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, ref := range []string{"a", "b"} {
		id, err := d.ResolveLead(ctx, ref)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	at := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	if err := d.MarkSynced(ctx, ids[0], 101, "Cust1", at); err != nil {
		t.Fatal(err)
	}
	linked, err := d.LinkedLeads(ctx, "Cust1", nil)
	if err != nil || len(linked) != 1 || linked[0].ContactID != 101 || linked[0].LocalID != ids[0] {
		t.Fatalf("LinkedLeads = %+v, %v; want lead %d on 101", linked, err, ids[0])
	}
	if other, _ := d.LinkedLeads(ctx, "Cust2", nil); len(other) != 0 {
		t.Errorf("a lead synced on Cust1 is linked on Cust2: %+v", other)
	}
	if some, _ := d.LinkedLeads(ctx, "Cust1", []int64{ids[1]}); len(some) != 0 {
		t.Errorf("an unsynced lead is linked: %+v", some)
	}
	want := Refresh{LeadID: ids[0], Tenant: "Cust1", ContactID: 101, State: RefreshChanged, OwnerID: 5, CheckedAt: at,
		Changes: []RefreshChange{{Field: "OrgNr", Local: "12345678", SuperOffice: "87654321"}}}
	if err := d.SaveRefreshes(ctx, []Refresh{{LeadID: ids[0], Tenant: "Cust1", ContactID: 101, State: RefreshSame, CheckedAt: at}}); err != nil {
		t.Fatal(err)
	}
	if err := d.SaveRefreshes(ctx, []Refresh{want}); err != nil {
		t.Fatal(err)
	}
	got, ok, err := d.RefreshOf(ctx, ids[0], "Cust1")
	if err != nil || !ok || got.State != RefreshChanged || len(got.Changes) != 1 || got.Changes[0] != want.Changes[0] ||
		!got.CheckedAt.Equal(at) || got.OwnerID != 5 {
		t.Fatalf("RefreshOf = %+v, %v, %v; want %+v", got, ok, err, want)
	}
	if err := d.MarkSynced(ctx, ids[0], 202, "Cust1", at); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := d.RefreshOf(ctx, ids[0], "Cust1"); ok {
		t.Error("a read-back of company 101 is shown for a lead now linked to 202")
	}
	if err := d.MarkGoneForReview(ctx, ids[0], 101, "gone"); err == nil {
		t.Error("a lead linked to 202 was left for review because 101 is gone")
	}
	if err := d.MarkGoneForReview(ctx, ids[0], 202, "gone"); err != nil {
		t.Fatal(err)
	}
	if s, _ := d.StatusOf(ctx, ids[0]); s != "review" {
		t.Errorf("status %q after MarkGoneForReview, want review", s)
	}
	if _, err := d.DeleteLeads(ctx, []int64{ids[0]}, at); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM refresh_state`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d read-backs left after the lead was deleted (%v)", n, err)
	}
}
