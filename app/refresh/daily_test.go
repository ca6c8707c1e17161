package refresh

import (
	"context"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
)

// TestRunIfDueAtMostDaily checks the window's automatic read-back with a
// fake clock: it runs on the first start, not again within a day, again
// after a day, and a failed run is not remembered.
func TestRunIfDueAtMostDaily(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	e.linkMany(t, 2)
	clock := now
	e.svc.now = func() time.Time { return clock }

	run := func(wantRan bool, wantQueries int) {
		t.Helper()
		e.sim.ResetLogs()
		rep, ran, err := e.svc.RunIfDue(ctx)
		if err != nil || ran != wantRan || e.queries() != wantQueries {
			t.Fatalf("at %s: ran=%v err=%v queries=%d, want ran=%v queries=%d", clock, ran, err, e.queries(), wantRan, wantQueries)
		}
		if ran && len(rep.Leads) != 2 {
			t.Fatalf("at %s: %d leads checked, want 2", clock, len(rep.Leads))
		}
	}
	run(true, 1)
	clock = clock.Add(23 * time.Hour)
	run(false, 0)
	clock = clock.Add(2 * time.Hour)
	run(true, 1)
	if v, ok, _ := e.db.TenantSetting(ctx, e.sim.Ctx(), store.SettingRefreshLastRun); !ok || v != clock.UTC().Format(time.RFC3339Nano) {
		t.Errorf("last run stored as %q, want %s", v, clock)
	}

	// A failed run is not remembered: the next start tries again.
	clock = clock.Add(25 * time.Hour)
	e.sim.Faults().FailNext(50, 500, 0)
	if _, ran, err := e.svc.RunIfDue(ctx); !ran || err == nil {
		t.Fatalf("run against a failing tenant: ran=%v err=%v", ran, err)
	}
	e.sim.Faults().Reset()
	run(true, 1)
}
