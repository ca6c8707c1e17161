package store

import (
	"path/filepath"
	"testing"
	"time"
)

// The writer gate: a small write waits while an import batch runs, gets
// in as soon as the batch commits, and the import's next batch waits
// until that write is done. Handles in one process exclude each other as
// handles in two processes do.
func TestGateLetsWaitingWriterInBetweenBatches(t *testing.T) {
	g := newGate(filepath.Join(t.TempDir(), "leads.db"))
	imp := g.open()
	defer imp.close()
	imp.batch()

	entered := make(chan func(), 1)
	go func() { entered <- g.shared() }()
	select {
	case release := <-entered:
		release()
		t.Fatal("a small write got in while an import batch was running")
	case <-time.After(100 * time.Millisecond):
	}

	nextBatch := make(chan struct{})
	go func() {
		imp.yield() // the batch committed
		imp.batch()
		close(nextBatch)
	}()
	var release func()
	select {
	case release = <-entered:
	case <-time.After(10 * time.Second):
		t.Fatal("the waiting write did not get in after the batch committed")
	}
	select {
	case <-nextBatch:
		t.Fatal("the import began its next batch while the write was still writing")
	case <-time.After(100 * time.Millisecond):
	}
	release()
	select {
	case <-nextBatch:
	case <-time.After(10 * time.Second):
		t.Fatal("the import did not go on after the write")
	}
}
