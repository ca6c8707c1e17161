package store

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

// busyErr is what modernc.org/sqlite returns for SQLITE_BUSY and its
// extended codes.
type busyErr struct{ code int }

func (e busyErr) Error() string { return "database is locked" }
func (e busyErr) Code() int     { return e.code }

// A small write that meets "database is locked" (SQLITE_BUSY, or an
// extended busy code such as BUSY_SNAPSHOT that SQLite does not wait out)
// is tried again; other errors and a cancelled context are returned at
// once, and the retries stop after the budget.
func TestSmallWritesRetryWhileBusy(t *testing.T) {
	d := openTest(t)
	ctx := context.Background()
	old := busyRetry
	t.Cleanup(func() { busyRetry = old })
	busyRetry.first, busyRetry.max, busyRetry.budget = time.Millisecond, 2*time.Millisecond, 200*time.Millisecond

	calls := 0
	err := d.write(ctx, func() error {
		if calls++; calls < 3 {
			return fmt.Errorf("mark lead 1 synced: %w", busyErr{5 | 3<<8}) // SQLITE_BUSY_SNAPSHOT
		}
		return nil
	})
	if err != nil || calls != 3 {
		t.Errorf("busy twice, then ok: err = %v after %d calls, want nil after 3", err, calls)
	}

	calls = 0
	other := errors.New("constraint failed")
	if err := d.write(ctx, func() error { calls++; return other }); !errors.Is(err, other) || calls != 1 {
		t.Errorf("other error: %v after %d calls, want it at once", err, calls)
	}

	calls = 0
	start := time.Now()
	err = d.write(ctx, func() error { calls++; return busyErr{5} })
	if !isBusy(err) || calls < 3 || time.Since(start) > 5*time.Second {
		t.Errorf("always busy: %v after %d calls in %v, want busy after several calls within the budget", err, calls, time.Since(start))
	}

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	calls = 0
	if err := d.write(cctx, func() error { calls++; return busyErr{5} }); !isBusy(err) || calls != 1 {
		t.Errorf("cancelled: %v after %d calls, want the busy error at once", err, calls)
	}

	if isBusy(errors.New("no such table")) || isBusy(busyErr{6}) || !isBusy(errors.New("database is locked (5) (SQLITE_BUSY)")) {
		t.Error("isBusy misclassifies")
	}
}
