package store

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"time"
)

// busyRetry bounds how long a small write keeps retrying after SQLite
// first answers "database is locked" (after its own busy timeout, or at
// once for the kinds of busy it does not wait out). A sync that has
// already created a company in SuperOffice must get to record it.
var busyRetry = struct {
	budget, first, max time.Duration
}{budget: 10 * time.Second, first: 10 * time.Millisecond, max: 500 * time.Millisecond}

// sqliteBusy is SQLite's primary result code SQLITE_BUSY; extended codes
// (BUSY_SNAPSHOT, BUSY_RECOVERY, BUSY_TIMEOUT) keep it in the low byte.
const sqliteBusy = 5

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	var coded interface{ Code() int }
	if errors.As(err, &coded) {
		return coded.Code()&0xff == sqliteBusy
	}
	return err != nil && strings.Contains(err.Error(), "database is locked")
}

// write runs one small write (a status, a history line, an intent) while
// holding the writer gate shared, so that a long import lets it through
// between two batches, and retries it with a growing, jittered pause
// while SQLite says the database is locked, for at most busyRetry.budget.
// fn must do all or nothing (one statement or one transaction): a busy
// error means it changed nothing, so running it again is safe.
func (d *DB) write(ctx context.Context, fn func() error) error {
	release := d.gate.shared()
	defer release()
	var deadline time.Time
	pause := busyRetry.first
	for {
		err := fn()
		if err == nil || !isBusy(err) || ctx.Err() != nil {
			return err
		}
		if deadline.IsZero() {
			deadline = time.Now().Add(busyRetry.budget)
		}
		wait := pause/2 + rand.N(pause/2+1)
		if time.Now().Add(wait).After(deadline) {
			return err
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
		pause = min(2*pause, busyRetry.max)
	}
}
