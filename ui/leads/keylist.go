package leads

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// List is the lead list's widget.List with the keys a keyboard user needs.
// A focused widget.List (Fyne 2.7.1) only moves its focus ring on Up and
// Down and selects on Space, so the detail pane would not follow the
// arrows and Enter would do nothing. List selects the row the arrows move
// to (which shows it through OnSelected) and gives Enter to OnEnter.
type List struct {
	widget.List
	// OnEnter is called when Enter or the keypad's Enter is pressed with
	// a row selected.
	OnEnter func(id widget.ListItemID)
	// selected is the selected row, -1 for none; the View keeps it, as
	// widget.List does not tell.
	selected widget.ListItemID
}

// newList is widget.NewList for the lead list.
func newList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *List {
	l := &List{selected: -1}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey moves the selection with Up and Down and hands Enter to
// OnEnter; other keys go to widget.List.
func (l *List) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyDown:
		// With nothing selected the first arrow selects the row with the
		// focus ring (the top one, or the one last clicked), not the next.
		if l.selected >= 0 {
			l.List.TypedKey(ev)
		}
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // selects the focused row
	case fyne.KeyReturn, fyne.KeyEnter:
		if l.selected >= 0 && l.OnEnter != nil {
			l.OnEnter(l.selected)
		}
	default:
		l.List.TypedKey(ev)
	}
}
