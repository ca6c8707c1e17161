package leads

import "fyne.io/fyne/v2"

// columns lays out a row: the first object takes what the fixed-width
// columns leave, so long company names get the space and the score, CVR
// and status line up under their headings.
type columns struct{ fixed []float32 }

func (c columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var used float32
	for _, w := range c.fixed {
		used += w
	}
	x := float32(0)
	for i, o := range objs {
		w := size.Width - used
		if i > 0 && i-1 < len(c.fixed) {
			w = c.fixed[i-1]
		}
		if w < 0 {
			w = 0
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

func (c columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objs {
		ms := o.MinSize()
		if i > 0 && i-1 < len(c.fixed) {
			w += c.fixed[i-1]
		} else {
			w += ms.Width
		}
		if ms.Height > h {
			h = ms.Height
		}
	}
	return fyne.NewSize(w, h)
}
