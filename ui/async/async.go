// Package async is the one place that moves work off the Fyne UI goroutine
// and brings its result back. Views never call fyne.Do themselves; they
// call Run, so every widget update from a goroutine goes through fyne.Do.
package async

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
)

var inline atomic.Bool

// RunInline makes Run synchronous until the test ends. Fyne's test driver
// runs fyne.Do inline on whatever goroutine calls it, so a background
// goroutine would update widgets while the test reads them; tests of the
// views therefore run the work in line, and the real-window tour covers
// the background path.
func RunInline(t interface{ Cleanup(func()) }) {
	inline.Store(true)
	t.Cleanup(func() { inline.Store(false) })
}

// Run runs work on a new goroutine and then done with its result on the
// UI goroutine.
func Run[T any](work func() T, done func(T)) {
	if inline.Load() {
		done(work())
		return
	}
	go func() {
		v := work()
		fyne.Do(func() { done(v) })
	}()
}

// Do runs fn on the UI goroutine; for progress updates from long work.
func Do(fn func()) { fyne.Do(fn) }
