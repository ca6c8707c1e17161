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
