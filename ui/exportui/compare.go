package exportui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/core/match"
)

// columns are the match dialog's columns, lead and candidates side by
// side, in the order the seller reads them; a column with two fields
// shows them as two lines, so all eight fit at 1024 px.
var columns = [][]string{{match.FieldName}, {match.FieldOrgNr}, {match.FieldAddress, match.FieldCity},
	{match.FieldWebsite, match.FieldPhone}, {match.FieldOwner, match.FieldCategory}}

// columnWeights share the width after the radio column; the name gets
// the most, since it is what the seller recognises a company by.
var columnWeights = []float32{2.0, 1.0, 1.95, 1.55, 1.5}

// radioWidth is the fixed first column.
const radioWidth = 34

// columnTitle is a compared column's heading.
func columnTitle(field string) string {
	switch field {
	case match.FieldName:
		return lang.L("Name")
	case match.FieldOrgNr:
		return lang.L("CVR/Org.nr.")
	case match.FieldAddress:
		return lang.L("Address")
	case match.FieldCity:
		return lang.L("City")
	case match.FieldWebsite:
		return lang.L("Website")
	case match.FieldPhone:
		return lang.L("Phone")
	case match.FieldOwner:
		return lang.L("Our contact")
	}
	return lang.L("Category")
}

// cellValue is a company's value in a compared column as shown.
func cellValue(field string, c match.Company) string {
	switch field {
	case match.FieldName:
		if c.Department != "" {
			return c.Name + ", " + c.Department
		}
		return c.Name
	case match.FieldOrgNr:
		return c.OrgNr
	case match.FieldAddress:
		return c.Address
	case match.FieldCity: // the country too: a Norwegian lead is not the Danish company
		return strings.Join(nonBlank(strings.TrimSpace(c.Zip+" "+c.City), c.Country), ", ")
	case match.FieldWebsite:
		return match.Domain(c.Website)
	case match.FieldPhone:
		return c.Phone
	case match.FieldOwner:
		return c.Owner
	}
	return c.Category
}

// columnsLayout puts a row's cells side by side: a fixed radio column,
// then the rest by weight, so header, lead and candidates line up.
type columnsLayout struct{}

func (columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	var total float32
	for _, w := range columnWeights {
		total += w
	}
	rest := size.Width - radioWidth
	x := float32(0)
	for i, o := range objs {
		w := float32(radioWidth)
		if i > 0 && i-1 < len(columnWeights) {
			w = rest * columnWeights[i-1] / total
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

func (columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(radioWidth+float32(len(columns))*60, h)
}

// PickRow is one candidate in the match dialog: a radio and the
// company's values beside the lead's. A tap anywhere on it chooses it.
type PickRow struct {
	widget.BaseWidget
	radio    *widget.Icon
	bg       *canvas.Rectangle
	content  fyne.CanvasObject
	selected bool
	onTap    func()
	// Differs lists the columns whose value differs from the lead's, for
	// tests and for the marks the row shows.
	Differs []string
}

// Tapped chooses the row.
func (r *PickRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

// setSelected shows the row as chosen or not: the radio's icon and a
// tinted background, never the colour alone.
func (r *PickRow) setSelected(on bool) {
	r.selected = on
	if on {
		r.radio.SetResource(theme.RadioButtonCheckedIcon())
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
	} else {
		r.radio.SetResource(theme.RadioButtonIcon())
		r.bg.FillColor = color.Transparent
	}
	r.bg.Refresh()
}

// Selected reports whether the row is the chosen candidate.
func (r *PickRow) Selected() bool { return r.selected }

// CreateRenderer draws the background under the row.
func (r *PickRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.bg, r.content))
}

// newPickRow is candidate c's row against the lead's values, with its
// score and reasons on a line of their own below.
func newPickRow(lead match.Company, c match.Candidate, onTap func()) *PickRow {
	r := &PickRow{radio: widget.NewIcon(theme.RadioButtonIcon()), bg: canvas.NewRectangle(color.Transparent), onTap: onTap}
	cells := []fyne.CanvasObject{container.NewCenter(r.radio)}
	for _, col := range columns {
		box := lines()
		for _, f := range col {
			differs := match.Differs(f, lead, c.Company)
			if differs {
				r.Differs = append(r.Differs, f)
			}
			if f == match.FieldCity && match.Differs(match.FieldCountry, lead, c.Company) {
				r.Differs = append(r.Differs, match.FieldCountry)
				differs = true
			}
			l := valueLabel(cellValue(f, c.Company), differs)
			l.TextStyle.Bold = f == match.FieldName
			box.Add(l)
		}
		cells = append(cells, box)
	}
	info := widget.NewLabel(CandidateInfo(c))
	info.Truncation = fyne.TextTruncateEllipsis
	info.SizeName = theme.SizeNameCaptionText
	r.content = lines(container.New(columnsLayout{}, cells...), indented(info))
	r.ExtendBaseWidget(r)
	return r
}

// valueLabel is one cell: "—" for an unknown value; a value that differs
// from the lead's is marked with "≠" and the theme's warning colour.
func valueLabel(v string, differs bool) *widget.Label {
	l := widget.NewLabel(v)
	l.Truncation = fyne.TextTruncateEllipsis
	switch {
	case strings.TrimSpace(v) == "":
		l.SetText("—")
		l.Importance = widget.LowImportance
	case differs:
		l.SetText("≠ " + v)
		l.Importance = widget.WarningImportance
	}
	return l
}

// leadRow is the lead's own values, the row the candidates are read
// against.
func leadRow(lead match.Company) fyne.CanvasObject {
	cells := []fyne.CanvasObject{container.NewCenter(widget.NewIcon(theme.AccountIcon()))}
	for _, col := range columns {
		box := lines()
		for _, f := range col {
			v := cellValue(f, lead)
			if f == match.FieldOwner && v == "" {
				v = lang.L("you, when created")
			}
			l := valueLabel(v, false)
			l.TextStyle.Bold = f == match.FieldName
			box.Add(l)
		}
		cells = append(cells, box)
	}
	tag := widget.NewLabel(lang.L("The lead"))
	tag.SizeName = theme.SizeNameCaptionText
	tag.Importance = widget.HighImportance
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	return container.NewStack(bg, lines(container.New(columnsLayout{}, cells...), indented(tag)))
}

// lines stacks a cell's labels closer than a VBox does: a label's own
// padding is space enough between two lines of one company.
func lines(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewCustomPaddedVBoxLayout(-theme.InnerPadding()), objs...)
}

// indented places o under the columns, past the radio.
func indented(o fyne.CanvasObject) fyne.CanvasObject {
	gap := canvas.NewRectangle(color.Transparent)
	gap.SetMinSize(fyne.NewSize(radioWidth, 0))
	return container.NewBorder(nil, nil, gap, nil, o)
}

// headerRow names the columns, one line per field.
func headerRow() fyne.CanvasObject {
	cells := []fyne.CanvasObject{widget.NewLabel("")}
	for _, col := range columns {
		box := lines()
		for _, f := range col {
			l := widget.NewLabelWithStyle(columnTitle(f), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			l.Truncation = fyne.TextTruncateEllipsis
			l.SizeName = theme.SizeNameCaptionText
			box.Add(l)
		}
		cells = append(cells, box)
	}
	return container.New(columnsLayout{}, cells...)
}

// CandidateInfo is a candidate's second line: score, reasons, id and
// SuperOffice number.
func CandidateInfo(c match.Candidate) string {
	parts := []string{fmt.Sprintf("%d %%", int(c.Score*100+0.5))}
	if r := ReasonsText(c.Reasons); r != "" {
		parts = append(parts, r)
	}
	id := fmt.Sprintf("#%d", c.Company.ContactID)
	if c.Company.Number != "" {
		id += " · " + lang.L("no.") + " " + c.Company.Number
	}
	return strings.Join(append(parts, id), " · ")
}

func nonBlank(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
