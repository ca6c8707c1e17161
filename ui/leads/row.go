package leads

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/store"
)

// rowWidths are the score, CVR and status columns. They are fixed and
// narrow (a score is two digits but its header carries a sort arrow, a CVR
// eight digits, the status a small badge), so the company name — what the
// user decides on — takes the rest: at 1024×640 with the default split a
// 30-character name shows in full.
var rowWidths = []float32{70, 90, 110}

// markerWidth is the selected row's bar, in px.
const markerWidth = 4

// newRow is a list row: a check box (to export several leads at once),
// then company, score, CVR and status, and a bar at the company's left
// edge on the selected row.
func newRow() fyne.CanvasObject {
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	cvr := widget.NewLabel("")
	cvr.Truncation = fyne.TextTruncateEllipsis
	cols := container.New(columns{rowWidths}, name, widget.NewLabel(""), cvr, newBadge())
	bar := canvas.NewRectangle(color.Transparent)
	bar.SetMinSize(fyne.NewSize(markerWidth, 1))
	check := widget.NewCheck("", nil)
	// Objects: the columns, the check box (left), the bar over the
	// columns' left edge; updateRow finds them by these places.
	return container.New(layout.NewBorderLayout(nil, nil, check, nil), cols, check, container.NewBorder(nil, nil, bar, nil))
}

// showMarker shows the bar on the selected row, in primary: the arrow
// keys move the selection, and the selection's tint alone is too faint
// to find (about 1.2:1; primary is over 5:1 in both themes, which
// apptheme's TestFocusVisible measures). A tint strong enough would
// make the status words on the row unreadable.
func showMarker(row *fyne.Container, selected bool) {
	bar := markerOf(row)
	bar.FillColor = color.Transparent
	if selected {
		bar.FillColor = theme.Color(theme.ColorNamePrimary)
	}
	bar.Refresh()
}

// markerOf is a row's bar (see newRow for the row's parts).
func markerOf(row *fyne.Container) *canvas.Rectangle {
	return row.Objects[2].(*fyne.Container).Objects[0].(*canvas.Rectangle)
}

func (v *View) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	parts := o.(*fyne.Container).Objects
	cells := parts[0].(*fyne.Container).Objects
	check := parts[1].(*widget.Check)
	showMarker(o.(*fyne.Container), id == v.List.selected)
	r, ok := v.Row(id)
	check.OnChanged = nil // rows are reused: never fire for the previous lead
	if !ok {
		for _, c := range cells {
			c.(*widget.Label).SetText("")
		}
		check.SetChecked(false)
		return
	}
	check.SetChecked(v.checked[r.LocalID])
	localID := r.LocalID
	check.OnChanged = func(on bool) { v.SetChecked(localID, on) }
	cells[0].(*widget.Label).SetText(r.CompanyName)
	score := "–"
	if r.Score != nil {
		score = fmt.Sprintf("%g", *r.Score)
	}
	cells[1].(*widget.Label).SetText(score)
	cvr := r.CVR
	if cvr != "" && !r.CVRValid {
		cvr = "⚠ " + cvr
	}
	cells[2].(*widget.Label).SetText(cvr)
	st := cells[3].(*widget.Label)
	st.SetText(StatusText(r.Status))
	st.Importance = StatusImportance(r.Status)
	st.Refresh()
}

// newBadge is the status cell: the status in small text coloured by
// StatusImportance, so "Skal gennemses" fits its 110 px column.
func newBadge() *widget.Label {
	b := widget.NewLabel("")
	b.SizeName = theme.SizeNameCaptionText
	b.TextStyle.Bold = true
	b.Truncation = fyne.TextTruncateEllipsis
	return b
}

// StatusText is a sync status as the user reads it.
func StatusText(s store.Status) string {
	switch s {
	case store.StatusSynced:
		return lang.L("Synced")
	case store.StatusChanged:
		return lang.L("Changed")
	case store.StatusFailed:
		return lang.L("Failed")
	case store.StatusReview: // a batch left it for the user to decide
		return lang.L("Needs review")
	default:
		return lang.L("New")
	}
}

// StatusImportance colours a status badge.
func StatusImportance(s store.Status) widget.Importance {
	switch s {
	case store.StatusSynced:
		return widget.SuccessImportance
	case store.StatusChanged:
		return widget.WarningImportance
	case store.StatusFailed:
		return widget.DangerImportance
	case store.StatusReview:
		return widget.HighImportance
	default:
		return widget.MediumImportance
	}
}
