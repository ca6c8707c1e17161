package dialogkeys

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// Esc runs the dialog's cancel and Enter (either key) its primary action.
func TestEscCancelsEnterConfirms(t *testing.T) {
	w := uitest.Setup(t)
	for _, enter := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter} {
		var got []string
		d := dialog.NewCustomWithoutButtons("t", widget.NewLabel("x"), w)
		d.Show()
		Bind(w, func() { got = append(got, "cancel") }, func() { got = append(got, "primary") })
		uitest.Press(w, fyne.KeyEscape)
		uitest.Press(w, enter)
		uitest.Press(w, fyne.KeyA) // neither
		if len(got) != 2 || got[0] != "cancel" || got[1] != "primary" {
			t.Errorf("%s: actions = %v, want [cancel primary]", enter, got)
		}
		d.Hide()
	}
}

// Once the dialog is hidden its keys are gone and the window's own key
// handler is back; a dialog under another one gets no keys.
func TestKeysOnlyForTheTopShownDialog(t *testing.T) {
	w := uitest.Setup(t)
	var window, first, second int
	w.Canvas().SetOnTypedKey(func(*fyne.KeyEvent) { window++ })
	d1 := dialog.NewCustomWithoutButtons("1", widget.NewLabel("1"), w)
	d1.Show()
	Bind(w, func() { first++ }, nil)
	d2 := dialog.NewCustomWithoutButtons("2", widget.NewLabel("2"), w)
	d2.Show()
	Bind(w, func() { second++; d2.Hide() }, nil)
	uitest.Press(w, fyne.KeyEscape)
	if first != 0 || second != 1 {
		t.Fatalf("Esc with two dialogs: first %d, second %d; want only the top one", first, second)
	}
	uitest.Press(w, fyne.KeyEscape)
	if first != 1 || second != 1 {
		t.Fatalf("Esc after the top one closed: first %d, second %d", first, second)
	}
	uitest.Press(w, fyne.KeyReturn) // first has no primary: the window's handler
	if window != 1 {
		t.Errorf("window handler ran %d times, want 1", window)
	}
	d1.Hide()
	uitest.Press(w, fyne.KeyEscape)
	uitest.Press(w, fyne.KeyEscape)
	if first != 1 || window != 3 {
		t.Errorf("after both closed: first %d, window %d; want 1, 3", first, window)
	}
	if _, left := canvases[w.Canvas()]; left {
		t.Error("the canvas is still tracked after its dialogs closed")
	}
}

// Tap taps a button only as a click could: shown and enabled.
func TestTapOnlyEnabledShownButtons(t *testing.T) {
	uitest.Setup(t)
	n := 0
	b := widget.NewButton("b", func() { n++ })
	Tap(b)()
	b.Disable()
	Tap(b)()
	b.Enable()
	b.Hide()
	Tap(b)()
	Tap(nil)()
	if n != 1 {
		t.Errorf("tapped %d times, want 1 (only while shown and enabled)", n)
	}
}

// A confirmation answers no on Esc and yes on Enter.
func TestShowConfirmKeys(t *testing.T) {
	w := uitest.Setup(t)
	for key, want := range map[fyne.KeyName]bool{fyne.KeyEscape: false, fyne.KeyReturn: true} {
		var got []bool
		ShowConfirm(w, dialog.NewConfirm("t", "sikker?", func(ok bool) { got = append(got, ok) }, w))
		uitest.Press(w, key)
		if len(got) != 1 || got[0] != want || uitest.Top(w) != nil {
			t.Errorf("%s: answers %v (dialog open: %v), want [%v] and closed", key, got, uitest.Top(w) != nil, want)
		}
	}
}

// A list in a dialog that got the focus from a click passes Esc and Enter
// to the dialog: a plain widget.List would swallow them.
func TestFocusedListPassesKeys(t *testing.T) {
	w := uitest.Setup(t)
	var got []string
	l := NewList(func() int { return 3 }, func() fyne.CanvasObject { return widget.NewLabel("") }, func(widget.ListItemID, fyne.CanvasObject) {})
	d := dialog.NewCustomWithoutButtons("t", l, w)
	d.Resize(fyne.NewSize(300, 300))
	d.Show()
	Bind(w, func() { got = append(got, "cancel") }, func() { got = append(got, "primary") })
	w.Canvas().Focus(l)
	if w.Canvas().Focused() != l {
		t.Fatalf("the list did not take the focus: %v", w.Canvas().Focused())
	}
	uitest.Press(w, fyne.KeyReturn)
	uitest.Press(w, fyne.KeyEscape)
	if len(got) != 2 || got[0] != "primary" || got[1] != "cancel" {
		t.Errorf("focused list: actions %v, want [primary cancel]", got)
	}
}

// A focused check box in a dialog passes Esc and Enter on too.
func TestFocusedCheckPassesKeys(t *testing.T) {
	w := uitest.Setup(t)
	var got []string
	c := NewCheck("x", nil)
	d := dialog.NewCustomWithoutButtons("t", c, w)
	d.Show()
	Bind(w, func() { got = append(got, "cancel") }, func() { got = append(got, "primary") })
	w.Canvas().Focus(c)
	if w.Canvas().Focused() != c {
		t.Fatalf("the check did not take the focus: %v", w.Canvas().Focused())
	}
	uitest.Press(w, fyne.KeyReturn)
	uitest.Press(w, fyne.KeyEscape)
	if len(got) != 2 || got[0] != "primary" || got[1] != "cancel" {
		t.Errorf("focused check: actions %v, want [primary cancel]", got)
	}
}
