// Package async is the one place that moves work off the Fyne UI goroutine
// and brings its result back. Views never call fyne.Do themselves; they
// call Run, so every widget update from a goroutine goes through fyne.Do.
package async

import "fyne.io/fyne/v2"

// Run runs work on a new goroutine and then done with its result on the
// UI goroutine.
func Run[T any](work func() T, done func(T)) {
	go func() {
		v := work()
		fyne.Do(func() { done(v) })
	}()
}

// Do runs fn on the UI goroutine; for progress updates from long work.
func Do(fn func()) { fyne.Do(fn) }
