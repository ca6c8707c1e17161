package store

import (
	"context"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// TestSnapshotFollowsTheLink checks that a sync snapshot is stored,
// replaced by the next one, not returned for another tenant or once the
// lead is linked to another company, and deleted with the lead.
func TestSnapshotFollowsTheLink(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)
	if _, err := d.ImportLeads(ctx, "a.json", []lead.Item{item(0, lead.Lead{ID: "a", CompanyName: "Alfa ApS"})}, t0); err != nil {
		t.Fatal(err)
	}
	id, err := d.ResolveLead(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	if err := d.MarkSynced(ctx, id, 101, "Cust1", at); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := d.SnapshotOf(ctx, id, "Cust1"); ok || err != nil {
		t.Fatalf("a lead never snapshotted has one (%v)", err)
	}
	first := Snapshot{LeadID: id, Tenant: "Cust1", ContactID: 101, Name: "Alfa", OrgNr: "12345678", Website: "alfa.dk", OwnerID: 6, OwnerName: "Mette Kjær Lund", TakenAt: at}
	second := first
	second.Name, second.OwnerID, second.OwnerName, second.TakenAt = "Alfa ApS", 7, "Jonas Berg", at.Add(time.Hour)
	for _, s := range []Snapshot{first, second} {
		if err := d.SaveSnapshots(ctx, []Snapshot{s}); err != nil {
			t.Fatal(err)
		}
	}
	got, ok, err := d.SnapshotOf(ctx, id, "Cust1")
	if err != nil || !ok || !got.TakenAt.Equal(second.TakenAt) {
		t.Fatalf("SnapshotOf = %+v, %v, %v; want %+v", got, ok, err, second)
	}
	got.TakenAt = second.TakenAt
	if got != second {
		t.Errorf("SnapshotOf = %+v, want the re-sync's %+v", got, second)
	}
	if _, ok, _ := d.SnapshotOf(ctx, id, "Cust2"); ok {
		t.Error("a snapshot on Cust1 is returned for Cust2")
	}
	if err := d.MarkSynced(ctx, id, 202, "Cust1", at); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := d.SnapshotOf(ctx, id, "Cust1"); ok {
		t.Error("a snapshot of company 101 is the yardstick of a lead now linked to 202")
	}
	if _, err := d.DeleteLeads(ctx, []int64{id}, at); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sync_snapshot`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d snapshots left after the lead was deleted (%v)", n, err)
	}
}
