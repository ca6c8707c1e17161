// Package dialogkeys gives the app's dialogs their keys: Esc runs
// Annuller/Luk and Enter the primary button, as long as the dialog is the
// top one on the window. Fyne 2.7 dialogs have no keys of their own, and
// a key reaches the window's canvas (Canvas.OnTypedKey) only when no
// widget in the top overlay has the focus, so this is the one place that
// routes those keys; a focused entry or button keeps its own keys.
package dialogkeys

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// binding is one shown dialog's keys; pop is its overlay on the canvas.
type binding struct {
	pop             fyne.CanvasObject
	cancel, primary func()
}

// canvasKeys is the key handler installed on one canvas while dialogs
// with keys are open; orig is the handler it replaced and gets back.
type canvasKeys struct {
	orig  func(*fyne.KeyEvent)
	stack []binding
}

var (
	mu       sync.Mutex
	canvases = map[fyne.Canvas]*canvasKeys{}
)

// Bind gives the dialog just shown on win (the top overlay: call it right
// after Show) its keys: Esc runs cancel and Enter (Return or the keypad's
// Enter) runs primary; either may be nil. Other keys, and all keys once
// the dialog is hidden or covered by another overlay, go to the handler
// the canvas had before.
func Bind(win fyne.Window, cancel, primary func()) {
	c := win.Canvas()
	pop := c.Overlays().Top()
	if pop == nil {
		return
	}
	mu.Lock()
	defer mu.Unlock()
	ck := canvases[c]
	if ck == nil {
		ck = &canvasKeys{orig: c.OnTypedKey()}
		canvases[c] = ck
		c.SetOnTypedKey(func(ev *fyne.KeyEvent) { typed(c, ev) })
	}
	ck.stack = append(ck.stack, binding{pop: pop, cancel: cancel, primary: primary})
}

// ShowConfirm shows a yes/no confirmation on win with its keys: Esc
// answers no, as Annuller does, and Enter yes, as the confirm button does.
func ShowConfirm(win fyne.Window, d *dialog.ConfirmDialog) {
	d.Show()
	Bind(win, d.Hide, d.Confirm)
}

// ShowDestructive shows a confirmation of something that cannot be undone
// (deleting leads, all local data): Esc answers no, and Enter does
// nothing, so a key pressed out of habit never deletes; the confirm
// button must be clicked (or reached with Tab and Space).
func ShowDestructive(win fyne.Window, d *dialog.ConfirmDialog) {
	d.Show()
	Bind(win, d.Hide, nil)
}

// Tap is a button's action for Bind: it taps b only when b is shown and
// enabled, as a click would.
func Tap(b *widget.Button) func() {
	return func() {
		if b != nil && b.Visible() && !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	}
}

// typed handles a key on canvas c: the top dialog's action for Esc and
// Enter, anything else goes to the canvas's own handler.
func typed(c fyne.Canvas, ev *fyne.KeyEvent) {
	if act, orig := lookup(c, ev); act != nil {
		act(ev)
	} else if orig != nil {
		orig(ev)
	}
}

// Typed runs the action of the top dialog on c for ev (Esc or Enter) and
// reports whether there was one. A focusable widget in a dialog, which
// gets keys before the canvas does, passes them on with it (see List).
func Typed(c fyne.Canvas, ev *fyne.KeyEvent) bool {
	if c == nil {
		return false
	}
	act, _ := lookup(c, ev)
	if act != nil {
		act(ev)
	}
	return act != nil
}

// lookup forgets dialogs no longer shown on c and returns the top
// dialog's action for ev, if any, and the canvas's own handler.
func lookup(c fyne.Canvas, ev *fyne.KeyEvent) (act, orig func(*fyne.KeyEvent)) {
	mu.Lock()
	defer mu.Unlock()
	ck := canvases[c]
	if ck == nil {
		return nil, nil
	}
	shown := c.Overlays().List()
	live := ck.stack[:0]
	for _, b := range ck.stack {
		if contains(shown, b.pop) {
			live = append(live, b)
		}
	}
	ck.stack = live
	var fn func()
	if n := len(live); n > 0 && live[n-1].pop == c.Overlays().Top() {
		switch ev.Name {
		case fyne.KeyEscape:
			fn = live[n-1].cancel
		case fyne.KeyReturn, fyne.KeyEnter:
			fn = live[n-1].primary
		}
	}
	if len(live) == 0 { // no dialog left: give the canvas its handler back
		delete(canvases, c)
		c.SetOnTypedKey(ck.orig)
	}
	if fn != nil {
		act = func(*fyne.KeyEvent) { fn() }
	}
	return act, ck.orig
}

func contains(objs []fyne.CanvasObject, o fyne.CanvasObject) bool {
	for _, x := range objs {
		if x == o {
			return true
		}
	}
	return false
}
