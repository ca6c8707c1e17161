package batchui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/dialogkeys"
)

// Loader reads the lead the queue shows.
type Loader func(id int64) (store.LeadRow, error)

// Decider opens the match dialog for a lead; it calls decided once the lead
// was synced or created, so the queue drops it. Cancelling the match dialog
// does not call decided: the lead stays in the queue.
type Decider func(r store.LeadRow, decided func())

// Queue is "Gennemse": the leads a batch left for a person, one at a time
// with "1 af 19", Spring over and Tilbage. The queue itself never changes a
// lead's status: the leads are stored as review already, so skipping or
// closing keeps them there and they can be found again in the list; only a
// decision in the match dialog moves a lead on. Widgets are exported for
// tests.
type Queue struct {
	Position *widget.Label
	Company  *widget.Label
	Decide   *widget.Button
	Skip     *widget.Button
	Back     *widget.Button
	Close    *widget.Button

	ids    []int64
	i      int
	cur    store.LeadRow
	load   Loader
	decide Decider
	dlg    dialog.Dialog
}

// OpenQueue shows the review queue for ids, starting with the first.
func OpenQueue(win fyne.Window, ids []int64, load Loader, decide Decider) *Queue {
	q := &Queue{ids: append([]int64(nil), ids...), load: load, decide: decide}
	q.Position = widget.NewLabel("")
	q.Position.TextStyle.Bold = true
	q.Company = widget.NewLabel("")
	q.Company.Wrapping = fyne.TextWrapWord
	note := widget.NewLabel(lang.L("Leads you skip or leave keep the status \"Needs review\", so you can find them in the list later."))
	note.Wrapping = fyne.TextWrapWord
	q.Decide = widget.NewButton(lang.L("Export to SuperOffice"), q.onDecide)
	q.Decide.Importance = widget.HighImportance
	q.Skip = widget.NewButton(lang.L("Skip"), func() { q.show(q.i + 1) })
	q.Back = widget.NewButton(lang.L("Back"), func() { q.show(q.i - 1) })
	d := dialog.NewCustomWithoutButtons(lang.L("Review leads"), container.NewVBox(q.Position, q.Company, note), win)
	q.Close = widget.NewButton(lang.L("Close"), d.Hide)
	d.SetButtons([]fyne.CanvasObject{q.Close, q.Back, q.Skip, q.Decide})
	d.Resize(fyne.NewSize(520, 260))
	q.dlg = d
	q.show(0)
	d.Show()
	dialogkeys.Bind(win, d.Hide, dialogkeys.Tap(q.Decide))
	return q
}

// Left is the leads still in the queue, in order.
func (q *Queue) Left() []int64 { return append([]int64(nil), q.ids...) }

// show makes the i'th lead current and sets the buttons for its place.
func (q *Queue) show(i int) {
	if len(q.ids) == 0 {
		q.Position.SetText(lang.L("All leads are reviewed."))
		q.Company.SetText("")
		q.Decide.Disable()
		q.Skip.Disable()
		q.Back.Disable()
		return
	}
	q.i = max(0, min(i, len(q.ids)-1))
	q.Position.SetText(lang.L("{{.N}} of {{.Total}}", map[string]any{"N": q.i + 1, "Total": len(q.ids)}))
	q.setEnabled(q.Back, q.i > 0)
	q.setEnabled(q.Skip, q.i < len(q.ids)-1)
	r, err := q.load(q.ids[q.i])
	if err != nil {
		q.cur = store.LeadRow{}
		q.Company.SetText(err.Error())
		q.Decide.Disable()
		return
	}
	q.cur = r
	q.Company.SetText(describe(r))
	q.Decide.Enable()
}

func (q *Queue) setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// onDecide opens the match dialog for the current lead; a decision there
// drops the lead from the queue and shows the one that took its place.
func (q *Queue) onDecide() {
	r := q.cur
	if r.LocalID == 0 || q.decide == nil {
		return
	}
	q.decide(r, func() { q.drop(r.LocalID) })
}

// drop takes id out of the queue (wherever it is now) and keeps the
// current place.
func (q *Queue) drop(id int64) {
	for k, v := range q.ids {
		if v != id {
			continue
		}
		q.ids = append(q.ids[:k], q.ids[k+1:]...)
		if k < q.i {
			q.i--
		}
		q.show(q.i)
		return
	}
}

// describe is the lead as the queue shows it: the company, then CVR and
// place when known.
func describe(r store.LeadRow) string {
	var more []string
	if r.CVR != "" {
		more = append(more, "CVR "+r.CVR)
	}
	if r.Location != "" {
		more = append(more, r.Location)
	}
	if len(more) == 0 {
		return r.CompanyName
	}
	return r.CompanyName + "\n" + strings.Join(more, " · ")
}
