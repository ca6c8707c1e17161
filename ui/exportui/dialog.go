// Package exportui is "Eksporter til SuperOffice": the search with a
// spinner, the match dialog ("Sync til valgte" / "Opret & Sync"), the
// progress while syncing and the confirmation or the error with "Prøv
// igen". The matching and writing happen in the Service.
package exportui

import (
	"context"
	"errors"
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

	// Exposed for tests: the match dialog's widgets once shown.
	SyncChosen *widget.Button
	Create     *widget.Button
	Selected   int // index into found, -1 for none
	// Rows are the candidates' rows, index for index with found.
	Rows []*PickRow
	// Hint says why "Sync til valgte" is disabled ("Vælg et firma").
	Hint *widget.Label
	// Search and SearchButton look up another company in SuperOffice.
	Search       *widget.Entry
	SearchButton *widget.Button
	// ShowChanges expands the preview inside the dialog ("Vis ændringer").
	ShowChanges *widget.Button
	// Ask is the question before "Opret & Sync" beside a same-CVR company.
	Ask dialog.Dialog

	found   []match.Candidate
	leadCo  match.Company
	dlg     dialog.Dialog
	rowsBox *fyne.Container
	intro   *widget.Label
	note    *widget.Label // what the manual search found or not
	legend  *widget.Label // "≠ afviger fra leadet", when a value differs
	changes *changesView
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
	// Overwrites are the inline preview's overwrite check boxes, for tests.
	Overwrites Overwrites
	followUp   *FollowUp
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
	// FollowUp, when set, offers to book a follow-up (followup.go).
	FollowUp *FollowUp
}

// Start searches SuperOffice for the lead's company in the background and
// then shows the match dialog; o holds what the caller wants remembered,
// told or offered, and may be zero.
func Start(svc Service, win fyne.Window, lead store.LeadRow, o Opts) *Flow {
	f := &Flow{svc: svc, win: win, lead: lead, Selected: -1, Done: o.Done, ready: make(chan struct{}), Policy: o.Policy, reconnect: o.Reconnect, report: o.Report, banner: o.Banner}
	f.followUp = o.FollowUp
	wait := f.waiting(lang.L("Searching SuperOffice…"))
	type result struct {
		c    []match.Candidate
		lead match.Company
		err  error
	}
	async.Run(func() result {
		ctx := context.Background()
		c, err := svc.Match(ctx, lead.LocalID)
		return result{c, leadCompany(ctx, svc, lead), err}
	}, func(r result) {
		wait.Hide()
		defer close(f.ready)
		if r.err != nil {
			f.showError(r.err, func() { Start(svc, win, lead, o) })
			return
		}
		f.leadCo = r.lead
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

func (f *Flow) sync(ch export.Choice) {
	if f.dlg != nil {
		f.dlg.Hide()
	}
	ch.FollowUpDays = f.followUp.DaysChosen()
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
	if l := followUpLine(r); l != "" {
		lines = append(lines, l)
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
