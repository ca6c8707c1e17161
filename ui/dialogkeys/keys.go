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

// Tap is a button's action for Bind: it taps b only when b is shown and
// enabled, as a click would.
func Tap(b *widget.Button) func() {
	return func() {
		if b != nil && b.Visible() && !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	}
}

// typed handles a key on canvas c: it forgets dialogs no longer shown,
// runs the top dialog's action for Esc and Enter, and passes anything
// else on.
func typed(c fyne.Canvas, ev *fyne.KeyEvent) {
	mu.Lock()
	ck := canvases[c]
	if ck == nil {
		mu.Unlock()
		return
	}
	shown := c.Overlays().List()
	live := ck.stack[:0]
	for _, b := range ck.stack {
		if contains(shown, b.pop) {
			live = append(live, b)
		}
	}
	ck.stack = live
	orig := ck.orig
	var act func()
	if n := len(live); n > 0 && live[n-1].pop == c.Overlays().Top() {
		switch ev.Name {
		case fyne.KeyEscape:
			act = live[n-1].cancel
		case fyne.KeyReturn, fyne.KeyEnter:
			act = live[n-1].primary
		}
	}
	if len(live) == 0 { // no dialog left: give the canvas its handler back
		delete(canvases, c)
		c.SetOnTypedKey(orig)
	}
	mu.Unlock()
	switch {
	case act != nil:
		act()
	case orig != nil:
		orig(ev)
	}
}

func contains(objs []fyne.CanvasObject, o fyne.CanvasObject) bool {
	for _, x := range objs {
		if x == o {
			return true
		}
	}
	return false
}
