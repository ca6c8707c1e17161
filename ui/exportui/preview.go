package exportui

import (
	"context"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/dialogkeys"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
)

// Previewer is the optional part of the Service that previews a sync; when
// the Service has it, the match dialog offers "Vis ændringer".
type Previewer interface {
	Diff(ctx context.Context, localID int64, ch export.Choice) (*export.Diff, error)
}

// Policy remembers which standard fields the user wants overwritten.
type Policy interface {
	Overwrite() []string
	SetOverwrite([]string)
}

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

// Overwrites holds the overwrite check boxes of the shown preview, by
// field, for tests.
type Overwrites map[string]*dialogkeys.Check

// changesView is "Vis ændringer": the preview of the current choice,
// expanded inside the match dialog, showing only what a sync changes.
type changesView struct {
	f      *Flow
	p      Previewer
	toggle *widget.Button
	box    *fyne.Container
	open   bool
	seq    int // the latest request; older answers are dropped
	over   map[string]bool
	// relayout fits the dialog to the preview's new size; reveal
	// scrolls the preview into sight.
	relayout func(reveal bool)
}

func newChangesView(f *Flow, p Previewer) *changesView {
	v := &changesView{f: f, p: p, box: container.NewVBox(), over: map[string]bool{}}
	if f.Policy != nil {
		for _, o := range f.Policy.Overwrite() {
			v.over[o] = true
		}
	}
	v.toggle = widget.NewButtonWithIcon(lang.L("Show changes"), theme.MenuExpandIcon(), v.flip)
	v.toggle.Importance = widget.LowImportance
	v.box.Hide()
	return v
}

func (v *changesView) shown() bool { return v.open }

// flip opens or closes the preview.
func (v *changesView) flip() {
	v.open = !v.open
	if !v.open {
		v.toggle.SetText(lang.L("Show changes"))
		v.toggle.SetIcon(theme.MenuExpandIcon())
		v.box.Hide()
		v.fit(false)
		return
	}
	v.toggle.SetText(lang.L("Hide changes"))
	v.toggle.SetIcon(theme.MenuDropUpIcon())
	v.box.Show()
	v.load()
}

// choiceChanged reloads an open preview for the newly chosen company.
func (v *changesView) choiceChanged() {
	if v.open {
		v.load()
	}
}

// overwrite is the fields the user ticked to overwrite.
func (v *changesView) overwrite() []string {
	var out []string
	for _, f := range slices.Sorted(maps.Keys(v.over)) {
		if v.over[f] {
			out = append(out, f)
		}
	}
	return out
}

// load asks for the preview of the current choice in the background.
func (v *changesView) load() {
	ch := v.f.choice()
	ch.Overwrite = v.overwrite()
	if ch.Create {
		ch.Overwrite = nil
	}
	v.seq++
	seq := v.seq
	wait := widget.NewProgressBarInfinite()
	v.box.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("Comparing with SuperOffice…")), wait}
	v.fit(true)
	type result struct {
		d   *export.Diff
		err error
	}
	async.Run(func() result {
		d, err := v.p.Diff(context.Background(), v.f.lead.LocalID, ch)
		return result{d, err}
	}, func(r result) {
		wait.Stop()
		if seq != v.seq {
			return
		}
		if r.err != nil {
			l := widget.NewLabel(lang.L("The preview failed:") + " " + PlainError(r.err))
			l.Wrapping = fyne.TextWrapWord
			l.Importance = widget.DangerImportance
			v.box.Objects = []fyne.CanvasObject{l}
			v.fit(true)
			return
		}
		v.show(export.HumanChanges(r.d, i18n.Lang()), ch.Create)
	})
}

// show lays out the real changes: for an update what SuperOffice has and
// what the lead brings, with the overwrite choice where SuperOffice has
// its own value; for a create what will be written.
func (v *changesView) show(p export.Preview, create bool) {
	v.f.Overwrites = Overwrites{}
	head := ""
	if i := v.f.Selected; i >= 0 && i < len(v.f.found) {
		c := v.f.found[i].Company
		head = lang.L("Changes in {{.Name}} (company {{.ID}})", map[string]any{"Name": c.Name, "ID": c.ContactID})
	}
	if create {
		head = lang.L("Written to the new company")
	}
	objs := []fyne.CanvasObject{bold(head)}
	cols := 4
	titles := []string{lang.L("Field"), lang.L("In SuperOffice"), lang.L("From the lead"), lang.L("Action")}
	if create {
		cols, titles = 3, []string{lang.L("Field"), lang.L("Written"), lang.L("Action")}
	}
	// One grid per row, so a row is only as tall as its own cells.
	grid := container.NewVBox()
	row := func(cells ...fyne.CanvasObject) { grid.Add(container.NewGridWithColumns(cols, cells...)) }
	var heads []fyne.CanvasObject
	for _, t := range titles {
		heads = append(heads, bold(t))
	}
	row(heads...)
	for _, c := range p.Changes {
		cells := []fyne.CanvasObject{cell(FieldText(c.Field))}
		if !create {
			cells = append(cells, cell(c.Current))
		}
		in := shorten(c.Incoming, 90)
		if c.Note != "" {
			in += " (" + c.Note + ")"
		}
		row(append(cells, cell(in), v.actionCell(c))...)
	}
	for _, pd := range p.Persons {
		cells := []fyne.CanvasObject{cell(lang.L("Person"))}
		if !create {
			cells = append(cells, cell(""))
		}
		row(append(cells, cell(strings.TrimSpace(pd.Name+" "+pd.Email)), widget.NewLabel(ActionText(pd.Action)))...)
	}
	if len(p.Changes)+len(p.Persons) == 0 {
		objs = append(objs, widget.NewLabel(lang.L("Nothing to change: SuperOffice already has the lead's values.")))
	} else {
		objs = append(objs, grid)
	}
	if p.Same+p.Skipped > 0 {
		foot := widget.NewLabel(lang.L("Not shown: unchanged fields ({{.Same}}) and fields missing in SuperOffice ({{.Skipped}}).",
			map[string]any{"Same": p.Same, "Skipped": p.Skipped}))
		foot.SizeName = theme.SizeNameCaptionText
		foot.Wrapping = fyne.TextWrapWord
		objs = append(objs, foot)
	}
	v.box.Objects = objs
	v.fit(true)
}

// fit lays the dialog out again after the preview changed.
func (v *changesView) fit(reveal bool) {
	v.box.Refresh()
	if v.relayout != nil {
		v.relayout(reveal)
	}
}

// actionCell is what happens to a field; a field SuperOffice has its own
// value for gets the "overskriv" box, and the action follows it.
func (v *changesView) actionCell(c export.Change) fyne.CanvasObject {
	action := widget.NewLabel(ActionText(c.Action))
	if !c.Overwritable {
		return action
	}
	field := c.Field
	box := dialogkeys.NewCheck(lang.L("overwrite"), func(on bool) {
		v.over[field] = on
		action.SetText(ActionText(map[bool]string{true: export.ActionWrite, false: export.ActionKeep}[on]))
	})
	box.SetChecked(v.over[field] || c.Action == export.ActionWrite)
	v.f.Overwrites[field] = box
	return container.NewHBox(action, box)
}

// shorten cuts s to n characters with "…", so a long text reads as a
// line and its note still shows.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func cell(s string) *widget.Label {
	l := widget.NewLabel(shorten(s, 120))
	l.Wrapping = fyne.TextWrapWord
	return l
}
