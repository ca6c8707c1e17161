package exportui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/dialogkeys"
)

// Previewer is the optional part of the Service that previews a sync; when
// the Service has it, "Sync til valgte" shows the preview first.
type Previewer interface {
	Diff(ctx context.Context, localID int64, ch export.Choice) (*export.Diff, error)
}

// Policy remembers which standard fields the user wants overwritten.
type Policy interface {
	Overwrite() []string
	SetOverwrite([]string)
}

// standardFields can be overwritten per sync ("overskriv").
var standardFields = map[string]bool{"Name": true, "Department": true, "OrgNr": true, "Description": true, "Urls": true, "Address": true, "Country": true}

// ActionText is a preview action as the user reads it.
func ActionText(a string) string {
	switch a {
	case export.ActionWrite:
		return lang.L("written")
	case export.ActionSkip:
		return lang.L("skipped")
	case export.ActionTruncate:
		return lang.L("truncated")
	case export.PersonCreate:
		return lang.L("will be created")
	case export.PersonUpdate:
		return lang.L("will be updated")
	case export.PersonUnchanged:
		return lang.L("unchanged")
	default:
		return lang.L("kept")
	}
}

// Overwrites holds the overwrite check boxes of the last preview, by
// field, for tests.
type Overwrites map[string]*dialogkeys.Check

// preview shows the diff for ch and lets the user choose, per standard
// field, to overwrite SuperOffice's value; then it syncs.
func (f *Flow) preview(p Previewer, ch export.Choice) {
	wait := f.waiting(lang.L("Comparing with SuperOffice…"))
	if f.Policy != nil {
		ch.Overwrite = f.Policy.Overwrite()
	}
	type result struct {
		d   *export.Diff
		err error
	}
	async.Run(func() result {
		d, err := p.Diff(context.Background(), f.lead.LocalID, ch)
		return result{d, err}
	}, func(r result) {
		wait.Hide()
		if r.err != nil {
			f.showError(r.err, func() { f.preview(p, ch) })
			return
		}
		f.showDiff(r.d, ch)
	})
}

func (f *Flow) showDiff(d *export.Diff, ch export.Choice) {
	over := map[string]bool{}
	for _, o := range ch.Overwrite {
		over[o] = true
	}
	f.Overwrites = Overwrites{}
	grid := container.NewGridWithColumns(4,
		bold(lang.L("Field")), bold(lang.L("In SuperOffice")), bold(lang.L("From the lead")), bold(lang.L("Action")))
	for _, fd := range d.Fields {
		name := FieldText(fd.Field)
		action := fyne.CanvasObject(widget.NewLabel(ActionText(fd.Action)))
		if standardFields[fd.Field] && fd.Current != "" && fd.Incoming != "" && fd.Current != fd.Incoming {
			c := dialogkeys.NewCheck(lang.L("overwrite"), nil)
			c.SetChecked(over[fd.Field])
			f.Overwrites[fd.Field] = c
			action = container.NewHBox(action, c)
		}
		grid.Add(cell(name))
		grid.Add(cell(fd.Current))
		grid.Add(cell(fd.Incoming))
		grid.Add(action)
	}
	for _, p := range d.Persons {
		grid.Add(cell(lang.L("Person")))
		grid.Add(cell(p.Name))
		grid.Add(cell(p.Email))
		grid.Add(widget.NewLabel(ActionText(p.Action)))
	}
	scroll := container.NewVScroll(grid)
	scroll.SetMinSize(fyne.NewSize(760, 420))
	dlg := dialog.NewCustomWithoutButtons(lang.L("Preview")+": "+f.lead.CompanyName, scroll, f.win)
	f.SyncPreviewed = widget.NewButton(lang.L("Sync"), func() {
		ch.Overwrite = nil
		for field, c := range f.Overwrites {
			if c.Checked {
				ch.Overwrite = append(ch.Overwrite, field)
			}
		}
		if f.Policy != nil {
			f.Policy.SetOverwrite(ch.Overwrite)
		}
		dlg.Hide()
		f.sync(ch)
	})
	f.SyncPreviewed.Importance = widget.HighImportance
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), dlg.Hide), f.SyncPreviewed})
	dlg.Resize(fyne.NewSize(820, 560))
	f.Last = dlg
	dlg.Show()
	dialogkeys.Bind(f.win, dlg.Hide, dialogkeys.Tap(f.SyncPreviewed))
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func cell(s string) *widget.Label {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 80 {
		s = string(r[:79]) + "…"
	}
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
