package instance

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// dbPath is a database path with a space and æøå, as real users have.
func dbPath(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "Mine Data æøå", "leads.db")
}

func TestSecondAcquireFailsTyped(t *testing.T) {
	p := dbPath(t)
	first, err := Acquire(p)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	second, err := Acquire(p)
	var running *RunningError
	if !errors.As(err, &running) {
		t.Fatalf("second Acquire = %v, %v; want *RunningError", second, err)
	}
	if running.LockPath != LockPath(p) || running.Raised {
		t.Errorf("RunningError = %+v", running)
	}
}

func TestRaiseReachesFirst(t *testing.T) {
	p := dbPath(t)
	first, err := Acquire(p)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	raised := make(chan struct{}, 1)
	first.OnRaise(func() { raised <- struct{}{} })

	_, err = Start(context.Background(), p)
	var running *RunningError
	if !errors.As(err, &running) || !running.Raised {
		t.Fatalf("Start = %v; want a raised *RunningError", err)
	}
	select {
	case <-raised:
	case <-time.After(5 * time.Second):
		t.Fatal("the first instance was not asked to raise")
	}
}

func TestReleasedOnClose(t *testing.T) {
	p := dbPath(t)
	first, err := Acquire(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	if err := first.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	again, err := Start(context.Background(), p)
	if err != nil {
		t.Fatalf("Start after Close: %v", err)
	}
	again.Close()
}

// A lock file left behind, unlocked, by a crashed process is taken over.
func TestStaleFileIsTakenOver(t *testing.T) {
	p := dbPath(t)
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(LockPath(p), []byte("1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	l, err := Acquire(p)
	if err != nil {
		t.Fatalf("Acquire over a stale file: %v", err)
	}
	l.Close()
}

// A holder that never answers gives a RunningError that says so, in time.
func TestRaiseFailsClearly(t *testing.T) {
	p := dbPath(t)
	first, err := Acquire(p)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	first.ln.Close() // the holder stops answering but keeps the lock
	first.wg.Wait()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, err = Start(ctx, p)
	var running *RunningError
	if !errors.As(err, &running) || running.Raised || running.Err == nil {
		t.Fatalf("Start = %v; want a not-raised *RunningError with a reason", err)
	}
}
