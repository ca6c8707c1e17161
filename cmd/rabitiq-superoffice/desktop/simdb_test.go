package desktop

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// fieldsWithout is the 37 RabitIQ fields less the one with progID.
func fieldsWithout(progID string) []sotest.CustomFieldDef {
	var defs []sotest.CustomFieldDef
	for _, d := range sotest.RabitIQFields() {
		if d.ProgId != progID {
			defs = append(defs, d)
		}
	}
	return defs
}

// simAndDB starts an auto-approving simulator seeded with seed and opens
// a fresh database; both close when the test ends.
func simAndDB(t *testing.T, ctx context.Context, seed *sotest.Seed) (*sotest.Server, *store.DB) {
	t.Helper()
	sim, err := sotest.New(sotest.Config{AutoApprove: true, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "leads.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return sim, db
}
