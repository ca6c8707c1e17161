package leads

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
)

// labelWidth is the one label column of every label/value row in the
// pane, so values line up across sections instead of each form sizing
// its labels to its own longest one.
const labelWidth float32 = 170

// labelColumn lays out a row's label in a fixed-width column and its
// value in the rest.
type labelColumn struct{}

// Layout implements fyne.Layout.
func (labelColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) != 2 {
		return
	}
	pad := theme.Padding()
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(labelWidth, objs[0].MinSize().Height))
	objs[1].Move(fyne.NewPos(labelWidth+pad, 0))
	objs[1].Resize(fyne.NewSize(size.Width-labelWidth-pad, size.Height))
}

// MinSize implements fyne.Layout.
func (labelColumn) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) != 2 {
		return fyne.Size{}
	}
	l, v := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(labelWidth+theme.Padding()+v.Width, max(l.Height, v.Height))
}

// row is one label/value line with the pane's label width.
func row(label string, v fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return container.New(labelColumn{}, l, v)
}

// heading is a section heading: bold body text under a rule, not the
// 28 px card title that outshouted the company name.
func heading(text string) fyne.CanvasObject {
	return container.NewVBox(widget.NewSeparator(), widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
}

// section is a heading over its content.
func section(title string, content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(heading(title), content)
}

// fitSection is why the lead fits, its buying signals and conversation
// starters: what a seller reads before calling. Empty parts are left out.
func fitSection(l *lead.Lead) fyne.CanvasObject {
	box := container.NewVBox()
	for _, no := range []int{2, 7, 10} { // reasonForFit, buyingSignals, conversationStarters
		f, ok := fields.ByNo(no)
		if !ok || f.Text(l) == "" {
			continue
		}
		box.Add(widget.NewLabelWithStyle(i18n.Pick(f.LabelDA, f.LabelEN), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		box.Add(value(f.Text(l)))
	}
	if len(box.Objects) == 0 {
		return container.NewVBox()
	}
	return box
}

func standardSection(l *lead.Lead) fyne.CanvasObject {
	cvr := l.CVR
	if cvr != "" && !l.CVRValid {
		cvr += " ⚠ " + lang.L("invalid CVR, not used for matching")
	}
	return section(lang.L("Company"), form(
		lang.L("Name"), l.CompanyName, lang.L("Website"), l.Website, lang.L("CVR"), cvr,
		lang.L("Address"), l.Address, lang.L("Location"), l.Location, lang.L("Industry"), l.Industry))
}

// fieldGroups is the 37 RabitIQ fields in the guide's groups, folded
// away: reference material, opened when wanted.
func fieldGroups(l *lead.Lead) *widget.Accordion {
	acc := widget.NewAccordion()
	acc.MultiOpen = true
	for _, c := range fields.Categories() {
		acc.Append(widget.NewAccordionItem(i18n.Pick(c.NameDA, c.NameEN)+" · RabitIQ:"+c.Ranges, categoryForm(c, l)))
	}
	return acc
}

func categoryForm(c fields.Category, l *lead.Lead) fyne.CanvasObject {
	var pairs []string
	for _, no := range c.Members {
		f, _ := fields.ByNo(no)
		v := f.Text(l)
		if f.IsNumeric() {
			v = numberText(f.Num(l))
		}
		pairs = append(pairs, i18n.Pick(f.LabelDA, f.LabelEN), v)
	}
	return form(pairs...)
}

func (d *Detail) superOfficeSection(r store.LeadRow) fyne.CanvasObject {
	status := widget.NewLabel(StatusText(r.Status))
	status.Importance = StatusImportance(r.Status)
	items := []fyne.CanvasObject{status}
	if r.SOContactID != nil {
		id := fmt.Sprint(*r.SOContactID)
		if u := d.svc.CompanyURL(*r.SOContactID); u != nil {
			items = append(items, widget.NewHyperlink(lang.L("Company {{.ID}} in SuperOffice", map[string]any{"ID": id}), u))
		} else {
			items = append(items, widget.NewLabel(lang.L("Company {{.ID}} in SuperOffice", map[string]any{"ID": id})))
		}
	}
	items = append(items, d.refreshItems(r)...)
	if r.LastError != "" {
		e := value(r.LastError)
		e.Importance = widget.DangerImportance
		items = append(items, e)
	}
	return section("SuperOffice", container.NewVBox(items...))
}

func (d *Detail) historySection(localID int64) fyne.CanvasObject {
	hist, err := d.svc.History(context.Background(), store.HistoryFilter{LeadID: localID, Limit: 20})
	box := container.NewVBox()
	switch {
	case err != nil:
		box.Add(value(err.Error()))
	case len(hist) == 0:
		box.Add(widget.NewLabel(lang.L("Not synced yet")))
	}
	for _, h := range hist {
		box.Add(value(HistoryLine(h)))
	}
	return section(lang.L("Sync history"), box)
}
