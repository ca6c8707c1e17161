package store

import (
	"os"
	"time"
)

// writerGate makes long imports take turns with every other writer, in
// this process and in others (the window and a CLI run at once).
//
// SQLite's write lock is not fair: a writer that waits sleeps in the busy
// handler and polls (every 100 ms after the first 0.3 s), while an import
// that commits a batch takes the lock again within microseconds, so the
// waiter can miss every gap until its busy timeout runs out. The gate is
// two lock files beside the database that every writer of this app goes
// through, so waiting happens in the OS, which wakes a waiter the moment
// the lock is free:
//
//   - <db>-writers: an import holds it exclusive for each batch
//     transaction; a small write holds it shared while it writes. An
//     import that sees someone waiting commits its batch early.
//   - <db>-waiting: whoever waits for <db>-writers holds this one shared
//     until it gets it. After each commit an import takes it exclusive
//     for a moment, which waits until every writer that was already
//     waiting has got in, before it starts its next batch.
//
// So a writer waits for at most the rest of the batch that is running,
// which commits early for it (see importBatch). Locks belong to
// the open file, so each use opens its own handles and writers in one
// process gate each other too. The gate only orders writers; SQLite's
// locks still guard the data. When the lock files cannot be opened (a
// read-only folder), writers go ungated, as before.
type writerGate struct{ writers, waiting string }

func newGate(dbPath string) writerGate {
	return writerGate{writers: dbPath + "-writers", waiting: dbPath + "-waiting"}
}

// gateHandle is one writer's open handles on the lock files; a nil file
// (it could not be opened) makes the lock calls on it do nothing.
type gateHandle struct{ writers, waiting *os.File }

func openLock(path string) *os.File {
	if path == "" {
		return nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil
	}
	return f
}

func (g writerGate) open() *gateHandle {
	return &gateHandle{writers: openLock(g.writers), waiting: openLock(g.waiting)}
}

// shared lets a small write in: it returns once no import batch is
// running, and holds the gate shared until release is called.
func (g writerGate) shared() (release func()) {
	h := g.open()
	h.enter(lockShared)
	return h.close
}

// enter waits for the writers lock, taken with lock, announcing the wait
// on the waiting lock meanwhile.
func (h *gateHandle) enter(lock func(*os.File) error) {
	if h.writers == nil {
		return
	}
	if h.waiting != nil {
		_ = lockShared(h.waiting)
	}
	_ = lock(h.writers)
	if h.waiting != nil {
		_ = unlock(h.waiting)
	}
}

// batch is entered by an import before each batch transaction.
func (h *gateHandle) batch() { h.enter(lockExclusive) }

// othersWaiting reports whether another writer waits for the gate, so
// that an import's batch should commit now. It asks without waiting.
func (h *gateHandle) othersWaiting() bool {
	if h.waiting == nil {
		return false
	}
	if tryLockExclusive(h.waiting) {
		_ = unlock(h.waiting)
		return false
	}
	return true
}

// yieldGrace is how long an import that had to let writers in waits
// before its next batch, so that a writer's next write (a sync records
// its status, then its history) gets in too instead of waiting a whole
// batch. It costs the import only when others write meanwhile.
const yieldGrace = 20 * time.Millisecond

// yield, after an import's commit, releases the writers lock and waits
// until every writer that was waiting for it has got it.
func (h *gateHandle) yield() {
	if h.writers == nil {
		return
	}
	_ = unlock(h.writers)
	if h.waiting == nil {
		return
	}
	if !h.othersWaiting() {
		return
	}
	if lockExclusive(h.waiting) == nil {
		_ = unlock(h.waiting)
	}
	time.Sleep(yieldGrace)
}

func (h *gateHandle) close() {
	for _, f := range []*os.File{h.writers, h.waiting} {
		if f != nil {
			_ = unlock(f)
			_ = f.Close()
		}
	}
}
