// Package exportui is "Eksporter til SuperOffice": the search with a
// spinner, the match dialog ("Sync til valgte" / "Opret & Sync"), the
// progress while syncing and the confirmation or the error with "Prøv
// igen". The matching and writing happen in the Service.
package exportui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/match"
	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/dialogkeys"
	"github.com/rabitiq/superoffice-sync/ui/errdialog"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
)

// Service is what the export flow needs from the app.
type Service interface {
	Match(ctx context.Context, localID int64) ([]match.Candidate, error)
	Sync(ctx context.Context, localID int64, ch export.Choice) (*export.Result, error)
}

// Flow runs one export of one lead in a window.
type Flow struct {
	svc  Service
	win  fyne.Window
	lead store.LeadRow

	// Exposed for tests: the dialog's widgets once shown.
	Candidates *dialogkeys.List // Esc and Enter reach the dialog once a click focused it
	SyncChosen *widget.Button
	Create     *widget.Button
	Selected   int // index into found, -1 for none
	found      []match.Candidate
	dlg        dialog.Dialog
	// Done is called after a sync succeeded, so the caller can refresh.
	Done func(*export.Result)
	// Last is the last message dialog shown (result or error), for tests.
	Last dialog.Dialog
	// ready is closed once the match dialog (or the search's error) shows.
	ready     chan struct{}
	reconnect func()
	report    func() string
	banner    *Banner
	// Policy, when set, remembers the overwrite choices of the preview.
	Policy Policy
	// Overwrites and SyncPreviewed are the preview's widgets, for tests.
	Overwrites    Overwrites
	SyncPreviewed *widget.Button
}

// Ready is closed when the search is done and its dialog is shown.
func (f *Flow) Ready() <-chan struct{} { return f.ready }

// Opts are the optional parts of an export flow.
type Opts struct {
	// Policy, when set, remembers the overwrite choices of the preview.
	Policy Policy
	// Done is called after a sync succeeded, so the caller can refresh.
	Done func(*export.Result)
	// Reconnect, when set, is offered as "Forbind igen" when SuperOffice
	// no longer accepts the sign-in.
	Reconnect func()
	// Report, when set, makes the error report (the CLI's `report`) that
	// an error dialog's "Kopiér fejlrapport" copies for support.
	Report func() string
	// Banner, when set, shows the confirmation in the window instead of
	// a dialog the seller must close.
	Banner *Banner
}

// Start searches SuperOffice for the lead's company in the background and
// then shows the match dialog; o holds what the caller wants remembered,
// told or offered, and may be zero.
func Start(svc Service, win fyne.Window, lead store.LeadRow, o Opts) *Flow {
	f := &Flow{svc: svc, win: win, lead: lead, Selected: -1, Done: o.Done, ready: make(chan struct{}), Policy: o.Policy, reconnect: o.Reconnect, report: o.Report, banner: o.Banner}
	wait := f.waiting(lang.L("Searching SuperOffice…"))
	type result struct {
		c   []match.Candidate
		err error
	}
	async.Run(func() result {
		c, err := svc.Match(context.Background(), lead.LocalID)
		return result{c, err}
	}, func(r result) {
		wait.Hide()
		defer close(f.ready)
		if r.err != nil {
			f.showError(r.err, func() { Start(svc, win, lead, o) })
			return
		}
		f.showMatches(r.c)
	})
	return f
}

// waiting shows a dialog with the lead's company and a spinner while
// SuperOffice is asked; the caller hides it when the answer comes.
func (f *Flow) waiting(title string) dialog.Dialog {
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewLabel(f.lead.CompanyName), widget.NewProgressBarInfinite()), f.win)
	d.Show()
	return d
}

// preselect returns the candidate to select at first: the company the
// lead is already linked to, else the best one only when its CVR matches —
// a name-only guess is never preselected.
func preselect(lead store.LeadRow, cs []match.Candidate) int {
	if lead.SOContactID != nil {
		for i, c := range cs {
			if int64(c.Company.ContactID) == *lead.SOContactID {
				return i
			}
		}
	}
	if len(cs) > 0 && cs[0].Certain() {
		return 0
	}
	return -1
}

func (f *Flow) showMatches(cs []match.Candidate) {
	f.found = cs
	f.Candidates = dialogkeys.NewList(func() int { return len(f.found) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(name, widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := f.found[i]
			box := o.(*fyne.Container).Objects
			box[0].(*widget.Label).SetText(CandidateTitle(c))
			box[1].(*widget.Label).SetText(ReasonsText(c.Reasons))
		})
	f.SyncChosen = widget.NewButton(lang.L("Sync to selected"), func() {
		if f.Selected < 0 {
			return
		}
		ch := export.Choice{ContactID: f.found[f.Selected].Company.ContactID}
		if p, ok := f.svc.(Previewer); ok {
			f.dlg.Hide()
			f.preview(p, ch)
			return
		}
		f.sync(ch)
	})
	f.SyncChosen.Importance = widget.HighImportance
	f.SyncChosen.Disable()
	f.Create = widget.NewButton(lang.L("Create & Sync"), func() { f.sync(export.Choice{Create: true}) })
	f.Candidates.OnSelected = func(i widget.ListItemID) { f.Selected = i; f.SyncChosen.Enable() }
	f.Candidates.OnUnselected = func(widget.ListItemID) { f.Selected = -1; f.SyncChosen.Disable() }
	intro := lang.L("Choose the existing company to update, or create a new one.")
	if len(cs) == 0 {
		intro = lang.L("The company was not found in SuperOffice. Create it with \"Create & Sync\".")
	}
	head := widget.NewLabel(intro)
	head.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(head, nil, nil, nil, f.Candidates)
	cancel := widget.NewButton(lang.L("Cancel"), func() { f.dlg.Hide() })
	d := dialog.NewCustomWithoutButtons(lang.L("Export to SuperOffice")+": "+f.lead.CompanyName, body, f.win)
	d.SetButtons([]fyne.CanvasObject{cancel, f.Create, f.SyncChosen})
	d.Resize(fyne.NewSize(640, 420))
	f.dlg = d
	d.Show()
	dialogkeys.Bind(f.win, cancel.OnTapped, dialogkeys.Tap(f.SyncChosen))
	if i := preselect(f.lead, cs); i >= 0 {
		f.Candidates.Select(i)
	}
}

// CandidateTitle is a candidate's first line: name, department, org
// number, id and score.
func CandidateTitle(c match.Candidate) string {
	parts := []string{c.Company.Name}
	if c.Company.Department != "" {
		parts = append(parts, c.Company.Department)
	}
	if c.Company.OrgNr != "" {
		parts = append(parts, lang.L("CVR")+" "+c.Company.OrgNr)
	}
	return fmt.Sprintf("%s  ·  %d %%  ·  #%d", strings.Join(parts, ", "), int(c.Score*100+0.5), c.Company.ContactID)
}

func (f *Flow) sync(ch export.Choice) {
	if f.dlg != nil {
		f.dlg.Hide()
	}
	wait := f.waiting(lang.L("Syncing…"))
	type result struct {
		r   *export.Result
		err error
	}
	async.Run(func() result {
		r, err := f.svc.Sync(context.Background(), f.lead.LocalID, ch)
		return result{r, err}
	}, func(r result) {
		wait.Hide()
		if r.err != nil {
			f.showError(r.err, func() { f.sync(ch) })
			return
		}
		f.showResult(r.r)
		if f.Done != nil {
			f.Done(r.r)
		}
	})
}

// ResultText is the confirmation's text: what was written, created,
// skipped or kept.
func ResultText(r *export.Result) string {
	head := lang.L("{{.Name}} (company {{.ID}}) was updated in SuperOffice.", map[string]any{"Name": r.CompanyName, "ID": r.ContactID})
	if r.Created {
		head = lang.L("{{.Name}} (company {{.ID}}) was created in SuperOffice.", map[string]any{"Name": r.CompanyName, "ID": r.ContactID})
	}
	lines := []string{head,
		lang.L("{{.Fields}} fields written, {{.Skipped}} skipped, {{.Created}} persons created, {{.Updated}} updated",
			map[string]any{"Fields": len(r.CustomFields.Written), "Skipped": len(r.CustomFields.Skipped), "Created": r.Persons.Created, "Updated": r.Persons.Updated})}
	if n := len(r.CustomFields.Unchanged); n > 0 {
		lines = append(lines, lang.L("{{.N}} fields already had the lead's value and were not sent.", map[string]any{"N": n}))
	}
	reasons := r.SkipReasons
	if len(reasons) == 0 && len(r.CustomFields.Skipped) > 0 { // a result from before reasons were kept
		reasons = []export.SkipReason{{Code: export.SkipMissing, Fields: r.CustomFields.Skipped}}
	}
	for _, sr := range reasons {
		lines = append(lines, skipLabel(sr.Code)+" "+FieldsText(sr.Fields))
	}
	if len(r.Kept) > 0 {
		lines = append(lines, lang.L("Existing values kept:")+" "+FieldsText(r.Kept))
	}
	for _, w := range r.OtherWarnings(i18n.Lang()) {
		lines = append(lines, "⚠ "+w)
	}
	return strings.Join(lines, "\n")
}

// skipLabel introduces the fields skipped for one reason.
func skipLabel(code string) string {
	switch code {
	case export.SkipWrongType:
		return lang.L("Skipped, the field has the wrong type in SuperOffice:")
	case export.SkipOnPerson:
		return lang.L("Skipped, the field was created on Person instead of Company:")
	case export.SkipUnconfirmed:
		return lang.L("Skipped until confirmed in Field setup:")
	}
	return lang.L("Fields not created in SuperOffice were skipped:")
}

func (f *Flow) showResult(r *export.Result) {
	if f.banner != nil {
		f.banner.Show(r)
		return
	}
	f.Last = showResultDialog(f.win, r)
}

// showResultDialog is the full result, ResultText, in a dialog: the
// confirmation without a banner, and the banner's "Detaljer".
func showResultDialog(win fyne.Window, r *export.Result) dialog.Dialog {
	title := widget.NewLabelWithStyle("✓ "+lang.L("Synced"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Importance = widget.SuccessImportance
	text := widget.NewLabel(ResultText(r))
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(560, 200))
	d := dialog.NewCustom(lang.L("Export to SuperOffice"), lang.L("Close"), container.NewBorder(title, nil, nil, nil, scroll), win)
	d.Show()
	dialogkeys.Bind(win, d.Hide, d.Hide)
	return d
}

// showError says in plain words what failed (errdialog, as on every
// screen); the technical chain is in the log file, which "Kopiér
// fejlrapport" points support to.
func (f *Flow) showError(err error, retry func()) {
	o := errdialog.Opts{Title: lang.L("Export to SuperOffice"), Intro: lang.L("The export failed:"), Report: f.report,
		Action: widget.NewButton(lang.L("Try again"), retry)}
	if errors.Is(err, auth.ErrNotConnected) && f.reconnect != nil {
		// Retrying cannot help: the sign-in is gone. Offer to connect again.
		o.Intro = ""
		o.Text = lang.L("SuperOffice is not connected") + "\n" + lang.L("The sign-in has expired or was removed in SuperOffice. Connect again to continue.")
		o.Action = widget.NewButton(lang.L("Connect again"), f.reconnect)
	}
	f.Last = errdialog.Show(f.win, o, err)
}
