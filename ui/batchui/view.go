// Package batchui is "Eksportér flere": choose which leads (alle nye,
// alle ændrede, alle fejlede), run the batch in the background with a
// progress bar (n/N, current company, time left) and a cancel button, then
// a summary with "Prøv fejlede igen" and the leads that need review.
package batchui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/dialogkeys"
	"github.com/rabitiq/superoffice-sync/ui/errdialog"
)

// Service is what the batch needs from the app.
type Service interface {
	LeadsByStatus(ctx context.Context, statuses ...store.Status) ([]int64, error)
	Batch(ctx context.Context, ids []int64, opt export.BatchOptions, progress func(done, total int, it export.BatchItem)) export.BatchSummary
}

// Flow is one batch export. Widgets are exported for tests.
type Flow struct {
	Which         *widget.RadioGroup
	CreateMissing *dialogkeys.Check
	Start         *widget.Button
	Bar           *widget.ProgressBar
	Current       *widget.Label
	Cancel        *widget.Button
	Summary       *widget.Label
	RetryFailed   *widget.Button
	ReviewButton  *widget.Button
	// CopyReport is "Kopiér fejlrapport", shown when a lead failed.
	CopyReport *widget.Button

	// Review is called with the leads that need the match dialog.
	Review func(ids []int64)
	// Done is called when a batch finished, so the list can refresh.
	Done func(export.BatchSummary)

	svc      Service
	win      fyne.Window
	selected []int64
	dlg      dialog.Dialog
	stop     context.CancelFunc
	last     export.BatchSummary
	body     *fyne.Container
	choices  []choice
	// now is the clock of the time estimate; tests set a fake one.
	now func() time.Time
}

// Open shows the batch dialog. selected are the leads ticked in the list;
// when there are any, "Valgte" is offered first.
func Open(svc Service, win fyne.Window, selected []int64, review func([]int64), done func(export.BatchSummary)) *Flow {
	f := &Flow{svc: svc, win: win, Review: review, Done: done, selected: selected, now: time.Now}
	f.choices = choices(len(selected) > 0)
	f.Which = widget.NewRadioGroup(f.labels(), nil)
	f.Which.SetSelected(f.Which.Options[0])
	f.count()
	f.CreateMissing = dialogkeys.NewCheck(lang.L("Create missing companies (leads with no match in SuperOffice)"), nil)
	note := widget.NewLabel(lang.L("Leads whose CVR matches exactly one company are synced to it; leads with several or uncertain matches go to a review list. Nothing is created on a name-only guess."))
	note.Wrapping = fyne.TextWrapWord
	f.Bar = widget.NewProgressBar()
	f.Current = widget.NewLabel("")
	f.Summary = widget.NewLabel("")
	f.Summary.Wrapping = fyne.TextWrapWord
	f.Cancel = widget.NewButton(lang.L("Cancel"), func() {
		if f.stop != nil {
			f.stop()
		}
	})
	f.RetryFailed = widget.NewButton(lang.L("Retry failed"), func() { f.run(f.last.FailedIDs, f.last.ReviewIDs) })
	f.ReviewButton = widget.NewButton(lang.L("Review"), func() {
		f.dlg.Hide()
		if f.Review != nil {
			f.Review(f.last.ReviewIDs)
		}
	})
	f.Start = widget.NewButton(lang.L("Export"), f.onStart)
	f.Start.Importance = widget.HighImportance
	for _, o := range []fyne.CanvasObject{f.Bar, f.Current, f.Cancel, f.RetryFailed, f.ReviewButton} {
		o.Hide()
	}
	f.CopyReport = errdialog.ReportButton(nil)
	f.CopyReport.Hide()
	// The summary scrolls: with many failed leads its lines would
	// otherwise push the buttons out of the dialog.
	f.body = container.NewBorder(container.NewVBox(f.Which, f.CreateMissing, note, f.Bar, f.Current), nil, nil, nil,
		container.NewVScroll(f.Summary))
	d := dialog.NewCustomWithoutButtons(lang.L("Export several leads"), f.body, win)
	closeBtn := widget.NewButton(lang.L("Close"), func() {
		if f.stop != nil {
			f.stop()
		}
		d.Hide()
	})
	d.SetButtons([]fyne.CanvasObject{closeBtn, f.Cancel, f.RetryFailed, f.ReviewButton, f.CopyReport, f.Start})
	d.Resize(fyne.NewSize(720, 560))
	f.dlg = d
	d.Show()
	dialogkeys.Bind(win, closeBtn.OnTapped, f.primary)
	return f
}

// primary is Enter: "Gennemse (N)" once a run left leads for review (the
// next thing to do), else "Eksportér".
func (f *Flow) primary() {
	if f.ReviewButton.Visible() && f.ReviewButton.Importance == widget.HighImportance {
		dialogkeys.Tap(f.ReviewButton)()
		return
	}
	dialogkeys.Tap(f.Start)()
}

func (f *Flow) onStart() {
	c := f.chosen()
	if c.ticked {
		f.run(f.selected, nil)
		return
	}
	ids, err := f.svc.LeadsByStatus(context.Background(), c.statuses...)
	if err != nil {
		f.Summary.SetText(lang.L("The leads to export could not be read."))
		errdialog.Show(f.win, errdialog.Opts{Title: lang.L("Export several leads"), Intro: lang.L("The leads to export could not be read.")}, err)
		return
	}
	if len(ids) == 0 {
		f.Summary.SetText(lang.L("No leads to export."))
		return
	}
	f.run(ids, nil)
}

// run exports ids; pending are review leads of an earlier run that stay
// on the review list.
func (f *Flow) run(ids, pending []int64) {
	ctx, cancel := context.WithCancel(context.Background())
	f.stop = cancel
	f.Start.Disable()
	f.Start.Importance = widget.HighImportance
	f.ReviewButton.Importance = widget.MediumImportance
	f.RetryFailed.Hide()
	f.ReviewButton.Hide()
	f.CopyReport.Hide()
	f.Bar.Show()
	f.Bar.SetValue(0)
	f.Current.Show()
	f.Cancel.Show()
	f.Summary.SetText("")
	f.dlg.Refresh()
	opt := export.BatchOptions{CreateMissing: f.CreateMissing.Checked}
	start := f.now()
	var mu sync.Mutex
	var failures []string
	async.Run(func() export.BatchSummary {
		return f.svc.Batch(ctx, ids, opt, func(done, total int, it export.BatchItem) {
			mu.Lock()
			line := ProgressText(done, total, it.Company, f.now().Sub(start))
			if it.Outcome == export.OutcomeFailed {
				failures = append(failures, FailureLine(it))
			}
			mu.Unlock()
			async.Do(func() {
				f.Bar.SetValue(float64(done) / float64(total))
				f.Current.SetText(line)
			})
		})
	}, func(s export.BatchSummary) {
		cancel()
		f.stop = nil
		s.ReviewIDs = append(append([]int64{}, pending...), s.ReviewIDs...)
		s.Review = len(s.ReviewIDs)
		f.last = s
		f.Start.Enable()
		f.Cancel.Hide()
		mu.Lock()
		text := strings.Join(append([]string{SummaryText(s)}, failures...), "\n")
		mu.Unlock()
		f.Summary.SetText(text)
		if s.Failed > 0 {
			f.RetryFailed.Show()
			if errdialog.HasReport() {
				f.CopyReport.SetText(lang.L("Copy error report"))
				f.CopyReport.Show()
			}
		}
		if s.Review > 0 {
			// Reviewing is what is left to do: it becomes the primary
			// button, and Eksportér (which would find no new leads) not.
			f.ReviewButton.SetText(lang.L("Review") + fmt.Sprintf(" (%d)", s.Review))
			f.ReviewButton.Importance = widget.HighImportance
			f.Start.Importance = widget.MediumImportance
			f.ReviewButton.Show()
		}
		f.Start.Refresh()
		f.ReviewButton.Refresh()
		// The run moved leads between statuses: the choices count again.
		f.count()
		// Buttons shown or hidden above need the dialog laid out again,
		// or they are drawn over one another.
		f.dlg.Refresh()
		if f.Done != nil {
			f.Done(s)
		}
	})
}

// SummaryText is a finished batch as the user reads it.
func SummaryText(s export.BatchSummary) string {
	return lang.L("{{.Synced}} synced ({{.Created}} created, {{.Updated}} updated), {{.Review}} need review, {{.Failed}} failed, {{.Cancelled}} cancelled.",
		map[string]any{"Synced": s.Synced(), "Created": s.Created, "Updated": s.Updated, "Review": s.Review, "Failed": s.Failed, "Cancelled": s.Cancelled})
}

// FailureLine is a failed lead in the summary: its company and, in plain
// words (errdialog.Plain), why; the technical error is in the log and
// the error report.
func FailureLine(it export.BatchItem) string {
	why := it.Error
	if it.Err != nil || why != "" {
		why = strings.ReplaceAll(strings.ReplaceAll(errdialog.Plain(it.Err), "\n– ", " – "), "\n", " – ")
	}
	if it.Company == "" {
		return "✗ " + why
	}
	return "✗ " + it.Company + ": " + why
}
