// Package async is the one place that moves work off the Fyne UI goroutine
// and brings its result back. Views never call fyne.Do themselves; they
// call Run, so every widget update from a goroutine goes through fyne.Do.
package async

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
)

var (
	inline atomic.Bool
	queue  atomic.Pointer[chan func()]
)

// RunInline makes Run synchronous until the test ends. Fyne's test driver
// runs fyne.Do inline on whatever goroutine calls it, so a background
// goroutine would update widgets while the test reads them; tests of the
// views therefore run the work in line, and the real-window tour covers
// the background path.
func RunInline(t interface{ Cleanup(func()) }) {
	inline.Store(true)
	t.Cleanup(func() { inline.Store(false) })
}

// RunQueued makes Run work on a goroutine as in the window, but hand each
// done to the returned channel instead of to fyne.Do, until the test ends.
// The test then plays the UI goroutine: it receives and calls each done
// itself, so it can see two Runs overlap (a search cancelled by the next)
// without widgets being touched from two goroutines.
func RunQueued(t interface{ Cleanup(func()) }) <-chan func() {
	ch := make(chan func(), 16)
	queue.Store(&ch)
	t.Cleanup(func() { queue.Store(nil) })
	return ch
}

// Run runs work on a new goroutine and then done with its result on the
// UI goroutine.
func Run[T any](work func() T, done func(T)) {
	if inline.Load() {
		done(work())
		return
	}
	if q := queue.Load(); q != nil {
		go func() {
			v := work()
			*q <- func() { done(v) }
		}()
		return
	}
	go func() {
		v := work()
		fyne.Do(func() { done(v) })
	}()
}

// Do runs fn on the UI goroutine; for progress updates from long work.
func Do(fn func()) { fyne.Do(fn) }
