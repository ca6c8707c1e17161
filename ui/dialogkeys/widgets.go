package dialogkeys

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// List is a widget.List for a dialog: a click on a row gives the list the
// focus, and a focused widget.List swallows Esc and Enter, so after
// choosing a company with the mouse the keys would do nothing. List
// passes them to the dialog (Typed) and keeps its own arrow keys.
type List struct {
	widget.List
}

// NewList is widget.NewList for a dialog.
func NewList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *List {
	l := &List{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey gives Esc and Enter to the dialog, other keys to the list.
func (l *List) TypedKey(ev *fyne.KeyEvent) {
	if Typed(fyne.CurrentApp().Driver().CanvasForObject(l), ev) {
		return
	}
	l.List.TypedKey(ev)
}

// Check is a widget.Check for a dialog: a click gives it the focus, and
// Esc and Enter then go to the dialog (Typed) rather than nowhere.
type Check struct {
	widget.Check
}

// NewCheck is widget.NewCheck for a dialog.
func NewCheck(label string, changed func(bool)) *Check {
	c := &Check{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey gives Esc and Enter to the dialog.
func (c *Check) TypedKey(ev *fyne.KeyEvent) {
	if !Typed(fyne.CurrentApp().Driver().CanvasForObject(c), ev) {
		c.Check.TypedKey(ev)
	}
}
