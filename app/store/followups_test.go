package store

import (
	"context"
	"errors"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

func TestFollowUpIntentThenBookedIsNeverReplaced(t *testing.T) {
	d := openTest(t)
	ctx := context.Background()
	if _, err := d.ImportLeads(ctx, "f.json", []lead.Item{item(0, lead.Lead{ID: "a", CompanyName: "Alfa ApS"})}, t0); err != nil {
		t.Fatal(err)
	}
	id, err := d.ResolveLead(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := d.FollowUpFor(ctx, "Cust1", id, 7); ok || err != nil {
		t.Fatalf("fresh database has a follow-up: %v", err)
	}
	f := FollowUp{LeadID: id, Tenant: "Cust1", ContactID: 7, Title: "Opfølgning: Alfa ApS", StartDate: "2026-12-14T09:00:00", CreatedAt: t0}
	if err := d.AddFollowUpIntent(ctx, f); err != nil {
		t.Fatal(err)
	}
	got, ok, err := d.FollowUpFor(ctx, "Cust1", id, 7)
	if !ok || err != nil || got.AppointmentID != 0 || got.Title != f.Title || got.StartDate != f.StartDate {
		t.Fatalf("intent: %+v %v %v", got, ok, err)
	}
	f.StartDate = "2026-12-15T09:00:00" // an intent that was looked up and not found is replaced
	if err := d.AddFollowUpIntent(ctx, f); err != nil {
		t.Fatal(err)
	}
	if err := d.DropFollowUpIntent(ctx, "Cust1", id, 7); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := d.FollowUpFor(ctx, "Cust1", id, 7); ok {
		t.Fatal("a refused follow-up's intent was kept")
	}
	if err := d.AddFollowUpIntent(ctx, f); err != nil {
		t.Fatal(err)
	}
	if err := d.FollowUpBooked(ctx, "Cust1", id, 7, 42); err != nil {
		t.Fatal(err)
	}
	if err := d.AddFollowUpIntent(ctx, f); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a booked follow-up was replaced by an intent: %v", err)
	}
	if err := d.DropFollowUpIntent(ctx, "Cust1", id, 7); err != nil {
		t.Fatal(err)
	}
	got, _, _ = d.FollowUpFor(ctx, "Cust1", id, 7)
	if got.AppointmentID != 42 || got.StartDate != "2026-12-15T09:00:00" {
		t.Fatalf("booked: %+v", got)
	}
	if _, ok, _ := d.FollowUpFor(ctx, "Cust2", id, 7); ok {
		t.Error("a follow-up leaked to another tenant")
	}
}
