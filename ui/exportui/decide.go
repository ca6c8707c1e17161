package exportui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/match"
	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/dialogkeys"
)

// Comparer is the optional part of the Service that gives the lead's own
// values (what a create would write) for the side-by-side comparison;
// without it the dialog compares with the lead's name and CVR only.
type Comparer interface {
	LeadCompany(ctx context.Context, localID int64) (match.Company, error)
}

// Searcher is the optional part of the Service behind the dialog's search
// field: another company in SuperOffice by name or CVR, scored against
// the lead. Without it the dialog has no search field.
type Searcher interface {
	SearchCompanies(ctx context.Context, localID int64, text string) ([]match.Candidate, error)
}

// leadCompany is the lead's side of the comparison.
func leadCompany(ctx context.Context, svc Service, lead store.LeadRow) match.Company {
	if c, ok := svc.(Comparer); ok {
		if co, err := c.LeadCompany(ctx, lead.LocalID); err == nil {
			return co
		}
	}
	return match.Company{Name: lead.CompanyName, OrgNr: lead.CVR}
}

// dialogSize is the match dialog's size on a window of size win: all of
// it but a margin, up to a size that still reads as one dialog.
func dialogSize(win fyne.Size) fyne.Size {
	return fyne.NewSize(min(max(win.Width-24, 600), 1180), min(max(win.Height-24, 420), 820))
}

// showMatches is the one decision screen: the lead and the candidates
// side by side, a search for another company, the changes on demand, and
// "Sync til valgte" or "Opret & Sync".
func (f *Flow) showMatches(cs []match.Candidate) {
	f.found = cs
	f.intro = widget.NewLabel("")
	f.intro.Wrapping = fyne.TextWrapWord
	f.note = widget.NewLabel("")
	f.note.Wrapping = fyne.TextWrapWord
	f.note.Hide()
	f.rowsBox = container.NewVBox()
	f.Hint = widget.NewLabel("")
	f.Hint.Importance = widget.WarningImportance

	f.SyncChosen = widget.NewButtonWithIcon(lang.L("Sync to selected"), theme.ConfirmIcon(), func() {
		if f.Selected < 0 || f.Selected >= len(f.found) {
			return
		}
		ch := f.choice()
		if f.Policy != nil && f.changes != nil && f.changes.shown() {
			f.Policy.SetOverwrite(ch.Overwrite) // remembered once the user synced with them
		}
		f.sync(ch)
	})
	f.Create = widget.NewButtonWithIcon(lang.L("Create & Sync"), theme.ContentAddIcon(), f.createTapped)
	cancel := widget.NewButton(lang.L("Cancel"), func() { f.dlg.Hide() })

	top := container.NewVBox(f.intro)
	if s, ok := f.svc.(Searcher); ok {
		top.Add(f.searchRow(s))
	}
	top.Add(f.note)
	// The lead stays in sight above the candidates however far they
	// scroll: it is what each of them is read against.
	top.Add(headerRow())
	top.Add(leadRow(f.leadCo))
	body := container.NewVBox(f.rowsBox)
	f.legend = widget.NewLabel("≠ " + lang.L("differs from the lead"))
	f.legend.SizeName = theme.SizeNameCaptionText
	f.legend.Importance = widget.WarningImportance
	body.Add(f.legend)
	scroll := container.NewVScroll(body)
	bottom := container.NewBorder(nil, nil, nil, f.Hint)
	if p, ok := f.svc.(Previewer); ok {
		f.changes = newChangesView(f, p)
		f.ShowChanges = f.changes.toggle
		bottom.Add(container.NewHBox(f.ShowChanges)) // always in sight, however long the list
		body.Add(f.changes.box)
		f.changes.relayout = func(reveal bool) {
			body.Refresh()
			scroll.Refresh()
			if reveal {
				scroll.Offset = fyne.NewPos(0, f.changes.box.Position().Y)
				scroll.Refresh()
			}
		}
	}
	var foot fyne.CanvasObject = bottom
	if row := f.followUp.Row(); row != nil {
		foot = container.NewVBox(bottom, row)
	}
	content := container.NewBorder(top, foot, nil, nil, scroll)
	d := dialog.NewCustomWithoutButtons(lang.L("Export to SuperOffice")+": "+f.lead.CompanyName, content, f.win)
	d.SetButtons([]fyne.CanvasObject{cancel, f.Create, f.SyncChosen})
	d.Resize(dialogSize(f.win.Canvas().Size()))
	f.dlg = d
	f.Selected = -1
	f.fillRows()
	d.Show()
	dialogkeys.Bind(f.win, cancel.OnTapped, f.primaryAction)
	if i := preselect(f.lead, cs); i >= 0 {
		f.Choose(i)
	}
}

// fillRows (re)builds the candidates' rows and the buttons' state.
func (f *Flow) fillRows() {
	f.Rows = f.Rows[:0]
	f.rowsBox.RemoveAll()
	for i, c := range f.found {
		r := newPickRow(f.leadCo, c, func() { f.Choose(i) })
		f.Rows = append(f.Rows, r)
		f.rowsBox.Add(r)
	}
	switch {
	case len(f.found) == 0:
		f.intro.SetText(lang.L("The company was not found in SuperOffice. Create it with \"Create & Sync\", or search for it by another name."))
	case !match.AnyResembles(f.found):
		f.intro.SetText(lang.L("No company in SuperOffice resembles the lead. Create it with \"Create & Sync\", or choose a company below."))
	default:
		f.intro.SetText(lang.L("Choose the existing company to update, or create a new one."))
	}
	f.legend.Hide()
	for i, r := range f.Rows {
		r.setSelected(i == f.Selected)
		if len(r.Differs) > 0 {
			f.legend.Show()
		}
	}
	f.updateButtons()
}

// Choose selects candidate i (-1: none), as a tap on its row does.
func (f *Flow) Choose(i int) {
	if i >= len(f.found) {
		return
	}
	f.Selected = i
	for j, r := range f.Rows {
		r.setSelected(j == i)
	}
	f.updateButtons()
	if f.changes != nil {
		f.changes.choiceChanged()
	}
}

// createIsPrimary is the rule for the primary button: "Opret & Sync"
// when nothing is chosen and no candidate resembles the lead (none at
// all, or all below match.WeakScore or with another CVR); otherwise
// "Sync til valgte", disabled until a company is chosen.
func (f *Flow) createIsPrimary() bool {
	return f.Selected < 0 && !match.AnyResembles(f.found)
}

// updateButtons applies the primary-button rule and says why "Sync til
// valgte" is disabled.
func (f *Flow) updateButtons() {
	create := f.createIsPrimary()
	f.Create.Importance, f.SyncChosen.Importance = widget.MediumImportance, widget.HighImportance
	if create {
		f.Create.Importance, f.SyncChosen.Importance = widget.HighImportance, widget.MediumImportance
	}
	if f.Selected >= 0 {
		f.SyncChosen.Enable()
		f.Hint.Hide()
	} else {
		f.SyncChosen.Disable()
		f.Hint.SetText(lang.L("Choose a company") + " ↑")
		if len(f.found) == 0 {
			f.Hint.SetText(lang.L("No company to choose"))
		}
		f.Hint.Show()
	}
	f.Create.Refresh()
	f.SyncChosen.Refresh()
}

// primaryAction is Enter: the primary button, when it is enabled.
func (f *Flow) primaryAction() {
	if f.createIsPrimary() {
		dialogkeys.Tap(f.Create)()
		return
	}
	dialogkeys.Tap(f.SyncChosen)()
}

// choice is what a sync now would do: update the chosen company or
// create one, with the overwrite choices of the preview when it is open,
// else those remembered.
func (f *Flow) choice() export.Choice {
	ch := export.Choice{Create: true}
	if f.Selected >= 0 && f.Selected < len(f.found) {
		ch = export.Choice{ContactID: f.found[f.Selected].Company.ContactID}
	}
	if f.changes != nil && f.changes.shown() {
		ch.Overwrite = f.changes.overwrite()
	} else if f.Policy != nil {
		ch.Overwrite = f.Policy.Overwrite()
	}
	if ch.Create {
		ch.Overwrite = nil
	}
	return ch
}

// sameCVR is the candidate whose org number equals the lead's, if any.
func (f *Flow) sameCVR() (match.Candidate, bool) {
	for _, c := range f.found {
		if c.OrgNrMatch {
			return c, true
		}
	}
	return match.Candidate{}, false
}

// createTapped is "Opret & Sync": at once when no company has the lead's
// CVR, else only after the user confirms a duplicate is wanted, with
// Annuller the default.
func (f *Flow) createTapped() {
	c, dup := f.sameCVR()
	if !dup {
		f.sync(export.Choice{Create: true})
		return
	}
	text := widget.NewLabel(lang.L("{{.Name}} (company {{.ID}}) in SuperOffice has the same CVR as the lead. Create a new company anyway? That makes a duplicate.",
		map[string]any{"Name": c.Company.Name, "ID": c.Company.ContactID}))
	text.Wrapping = fyne.TextWrapWord
	var ask *dialog.CustomDialog
	no := widget.NewButton(lang.L("Cancel"), func() { ask.Hide() })
	no.Importance = widget.HighImportance
	yes := widget.NewButton(lang.L("Create anyway"), func() {
		ask.Hide()
		f.sync(export.Choice{Create: true})
	})
	yes.Importance = widget.DangerImportance
	ask = dialog.NewCustomWithoutButtons(lang.L("Same CVR already in SuperOffice"), text, f.win)
	ask.SetButtons([]fyne.CanvasObject{yes, no})
	ask.Resize(fyne.NewSize(min(480, f.win.Canvas().Size().Width-40), 200))
	f.Ask = ask
	ask.Show()
	dialogkeys.Bind(f.win, ask.Hide, ask.Hide) // Enter answers Annuller: no duplicate by a stray key
}

// searchRow is the search field: another company by name or CVR.
func (f *Flow) searchRow(s Searcher) fyne.CanvasObject {
	f.Search = widget.NewEntry()
	f.Search.SetPlaceHolder(lang.L("Search SuperOffice by company name or CVR"))
	run := func() { f.searchFor(s, f.Search.Text) }
	f.Search.OnSubmitted = func(string) { run() }
	f.SearchButton = widget.NewButtonWithIcon(lang.L("Search"), theme.SearchIcon(), run)
	return container.NewBorder(nil, nil, nil, f.SearchButton, f.Search)
}

// searchFor runs the manual search and adds what it finds to the
// candidates, keeping the user's choice.
func (f *Flow) searchFor(s Searcher, text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	f.SearchButton.Disable()
	type result struct {
		c   []match.Candidate
		err error
	}
	async.Run(func() result {
		c, err := s.SearchCompanies(context.Background(), f.lead.LocalID, text)
		return result{c, err}
	}, func(r result) {
		f.SearchButton.Enable()
		f.note.Importance = widget.MediumImportance
		if r.err != nil {
			f.note.Importance = widget.DangerImportance
			f.note.SetText(lang.L("The search failed:") + " " + PlainError(r.err))
			f.note.Show()
			return
		}
		added := f.addCandidates(r.c)
		switch {
		case len(r.c) == 0:
			f.note.SetText(lang.L("No company in SuperOffice matches “{{.Text}}”.", map[string]any{"Text": text}))
		case added == 0:
			f.note.SetText(lang.L("The search found only companies already listed."))
		default:
			f.note.SetText(lang.L("Added from the search: {{.N}}.", map[string]any{"N": added}))
		}
		f.note.Show()
	})
}

// addCandidates appends the companies not yet listed and reports how
// many were new.
func (f *Flow) addCandidates(cs []match.Candidate) int {
	seen := map[int]bool{}
	for _, c := range f.found {
		seen[c.Company.ContactID] = true
	}
	n := 0
	for _, c := range cs {
		if !seen[c.Company.ContactID] {
			seen[c.Company.ContactID] = true
			f.found = append(f.found, c)
			n++
		}
	}
	if n > 0 {
		f.fillRows()
	}
	return n
}

// String is the flow's state for test failures.
func (f *Flow) String() string {
	return fmt.Sprintf("selected %d of %d, create primary %v", f.Selected, len(f.found), f.createIsPrimary())
}
