package store

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
)

func TestFieldConfirmationsArePerTenant(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "leads.db")
	d, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := d.FieldConfirmations(ctx, "Cust1"); err != nil || got == nil || len(got) != 0 {
		t.Fatalf("fresh database: %v, %v", got, err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(d.ConfirmField(ctx, "Cust1", "RabitIQ:3", "SuperOffice:5", t0))
	must(d.ConfirmField(ctx, "Cust1", "RabitIQ:4", "x_size", t0))
	must(d.ConfirmField(ctx, "Cust2", "RabitIQ:3", "SuperOffice:9", t0))
	// Confirming again replaces; a tenant field taken by another Prog ID
	// moves to the new one.
	must(d.ConfirmField(ctx, "Cust1", "RabitIQ:4", "x_storrelse", t0))
	must(d.ConfirmField(ctx, "Cust1", "RabitIQ:5", "superoffice:5", t0))
	// Reopen: the confirmations are stored, not cached.
	must(d.Close())
	if d, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	want := map[string]map[string]string{
		"Cust1": {"RabitIQ:4": "x_storrelse", "RabitIQ:5": "superoffice:5"},
		"Cust2": {"RabitIQ:3": "SuperOffice:9"},
		"Cust3": {},
	}
	for tenant, w := range want {
		got, err := d.FieldConfirmations(ctx, tenant)
		if err != nil || !reflect.DeepEqual(got, w) {
			t.Errorf("%s: %v, %v; want %v", tenant, got, err, w)
		}
	}
	must(d.UnconfirmField(ctx, "Cust1", "RabitIQ:5"))
	must(d.UnconfirmField(ctx, "Cust1", "RabitIQ:30")) // never confirmed
	if got, _ := d.FieldConfirmations(ctx, "Cust1"); !reflect.DeepEqual(got, map[string]string{"RabitIQ:4": "x_storrelse"}) {
		t.Errorf("after undo Cust1 = %v", got)
	}
	if got, _ := d.FieldConfirmations(ctx, "Cust2"); len(got) != 1 {
		t.Errorf("undo on Cust1 touched Cust2: %v", got)
	}
	if err := d.ConfirmField(ctx, "Cust1", "RabitIQ:6", " ", t0); err == nil {
		t.Error("an empty tenant field was accepted")
	}
}
