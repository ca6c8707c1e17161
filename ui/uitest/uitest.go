// Package uitest holds helpers for the views' Fyne test-driver tests.
package uitest

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
)

// Setup starts a test app in Danish and returns a window of a usual size.
// It restores the translations afterwards.
func Setup(t *testing.T) fyne.Window {
	t.Helper()
	t.Cleanup(func() { _ = i18n.Load("da") })
	test.NewTempApp(t)
	async.RunInline(t)
	if err := i18n.Load("da"); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1000, 700))
	return w
}

// Walk calls fn for o and every object below it.
func Walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, k := range v.Objects {
			Walk(k, fn)
		}
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(v).Objects() {
			Walk(k, fn)
		}
	}
}

// Button finds a button by its text below o.
func Button(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	Walk(o, func(x fyne.CanvasObject) {
		if b, ok := x.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	return found
}

// Texts returns the text of every label and text object below o.
func Texts(o fyne.CanvasObject) []string {
	var out []string
	Walk(o, func(x fyne.CanvasObject) {
		switch l := x.(type) {
		case *widget.Label:
			if l.Text != "" {
				out = append(out, l.Text)
			}
		case *canvas.Text:
			if l.Text != "" {
				out = append(out, l.Text)
			}
		}
	})
	return out
}

// Eventually waits until cond holds, for work that finishes on another
// goroutine and reports through fyne.Do.
func Eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Top returns the window's topmost overlay (a dialog), or nil.
func Top(w fyne.Window) fyne.CanvasObject { return w.Canvas().Overlays().Top() }

// Press types a key on the window as the desktop driver does: to the
// focused widget if there is one, else to the canvas's OnTypedKey.
func Press(w fyne.Window, key fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: key}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := w.Canvas().OnTypedKey(); h != nil {
		h(ev)
	}
}
