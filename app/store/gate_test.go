package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/core/lead"
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

// An import whose batch could run for an hour commits early as soon as a
// small write waits at the gate, so the write gets in; without that the
// write would wait for the whole import.
func TestImportCommitsEarlyForAWaitingWriter(t *testing.T) {
	d := openTest(t)
	ctx := context.Background()
	if _, err := d.ImportLeads(ctx, "a.json", []lead.Item{item(0, lead.Lead{ID: "w", CompanyName: "Venter ApS"})}, t0); err != nil {
		t.Fatal(err)
	}
	id, err := d.ResolveLead(ctx, "w")
	if err != nil {
		t.Fatal(err)
	}
	old := importBatch
	t.Cleanup(func() { importBatch = old })
	importBatch.min, importBatch.max, importBatch.check, importBatch.leads = 0, time.Hour, 0, 1<<30

	stop, running := make(chan struct{}), make(chan struct{})
	imported := make(chan error, 1)
	go func() {
		_, err := d.ImportBatches(ctx, "long.json", t0, func(add func([]lead.Item) error) error {
			for i := 0; ; i++ {
				if err := add([]lead.Item{item(i, lead.Lead{ID: fmt.Sprint("l", i), CompanyName: "Lang"})}); err != nil {
					return err
				}
				if i == 0 {
					close(running)
				}
				select {
				case <-stop:
					return nil
				default:
				}
			}
		})
		imported <- err
	}()
	<-running
	wrote := make(chan error, 1)
	go func() { wrote <- d.MarkSynced(ctx, id, 4711, "Cust1", t0) }()
	select {
	case err := <-wrote:
		if err != nil {
			t.Errorf("MarkSynced during the import: %v", err)
		}
	case <-time.After(8 * time.Second):
		t.Error("MarkSynced still waits: the import did not commit for it")
	}
	close(stop)
	if err := <-imported; err != nil {
		t.Fatal(err)
	}
}
