// Package history is the "Synkroniseringslog": every sync attempt of every
// lead, filterable, and exportable to CSV.
package history

import (
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/errdialog"
	"github.com/rabitiq/superoffice-sync/ui/leads"
)

// Service is what the log needs from the app.
type Service interface {
	History(ctx context.Context, f store.HistoryFilter) ([]store.HistoryEntry, error)
}

// maxRows bounds what the log loads; the CSV export takes the same rows.
const maxRows = 5000

// View is the log. Widgets are exported for tests.
type View struct {
	Filter *widget.Entry
	Action *widget.Select
	List   *widget.List
	Export *widget.Button
	Count  *widget.Label

	svc   Service
	win   fyne.Window
	all   []store.HistoryEntry
	shown []store.HistoryEntry
	root  fyne.CanvasObject
}

var actions = []string{"", "created", "updated", "failed", store.ActionDeleted}

func actionLabel(a string) string {
	switch a {
	case "created":
		return lang.L("Created in SuperOffice")
	case "updated":
		return lang.L("Updated in SuperOffice")
	case "failed":
		return lang.L("Failed")
	case store.ActionDeleted:
		return lang.L("Deleted locally")
	}
	return lang.L("All")
}

// New builds the log; Reload fills it.
func New(svc Service, win fyne.Window) *View {
	v := &View{svc: svc, win: win}
	v.Filter = widget.NewEntry()
	v.Filter.SetPlaceHolder(lang.L("Filter by company, user or error"))
	v.Filter.OnChanged = func(string) { v.apply() }
	var labels []string
	for _, a := range actions {
		labels = append(labels, actionLabel(a))
	}
	v.Count = widget.NewLabel("")
	v.Action = widget.NewSelect(labels, nil)
	v.Action.SetSelectedIndex(0)
	v.List = widget.NewList(func() int { return len(v.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return container.NewVBox(widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			h := v.shown[i]
			box := o.(*fyne.Container).Objects
			box[0].(*widget.Label).SetText(h.CompanyName)
			box[1].(*widget.Label).SetText(leads.HistoryLine(h))
			v.List.SetItemHeight(i, o.MinSize().Height)
		})
	v.Action.OnChanged = func(string) { v.apply() }
	v.Export = widget.NewButton(lang.L("Export CSV…"), v.exportCSV)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(v.Action, v.Export), v.Filter)
	v.root = container.NewBorder(top, v.Count, nil, nil, v.List)
	return v
}

// Content returns the screen's root object.
func (v *View) Content() fyne.CanvasObject { return v.root }

// Reload reads the log again.
func (v *View) Reload() {
	all, err := v.svc.History(context.Background(), store.HistoryFilter{Limit: maxRows})
	if err != nil {
		v.Count.SetText(err.Error())
		return
	}
	v.all = all
	v.apply()
}

// Shown returns the entries the filter lets through.
func (v *View) Shown() []store.HistoryEntry { return v.shown }

func (v *View) apply() {
	a := ""
	if i := v.Action.SelectedIndex(); i > 0 {
		a = actions[i]
	}
	v.shown = export.FilterHistory(v.all, a, v.Filter.Text)
	v.Count.SetText(lang.N("{{.Count}} sync attempts", len(v.shown), map[string]any{"Count": len(v.shown)}))
	v.List.Refresh()
}

// WriteCSV writes the shown entries as CSV.
func (v *View) WriteCSV(w io.Writer) error { return export.WriteHistoryCSV(w, v.shown) }

func (v *View) exportCSV() {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		defer wc.Close()
		if err := v.WriteCSV(wc); err != nil {
			errdialog.Show(v.win, errdialog.Opts{Title: lang.L("Export CSV…"), Intro: lang.L("The file could not be saved:")}, err)
		}
	}, v.win)
	d.SetFileName("synkroniseringslog.csv")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv"}))
	d.Show()
}
