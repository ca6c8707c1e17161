// Package refreshui is "Opdater fra SuperOffice": the lead list's action
// that reads the shown leads' companies back from SuperOffice, and the
// window's automatic read-back at most once a day while connected. The
// reading and comparing happen in the Service (app/refresh); the lead
// card shows what was found.
package refreshui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/refresh"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/async"
)

// Service is what the read-back needs from the app.
type Service interface {
	// Refresh reads back the leads ids (all synced leads when empty).
	Refresh(ctx context.Context, ids []int64) (*refresh.Report, error)
	// RefreshIfDue reads back every synced lead unless that was done
	// within a day; ran says whether it did.
	RefreshIfDue(ctx context.Context) (*refresh.Report, bool, error)
}

// Scope lists the leads to read back, off the UI goroutine: nil means
// every synced lead, an empty list means none.
type Scope func(ctx context.Context) ([]int64, error)

// Action is the "Opdater fra SuperOffice" button and the automatic run.
type Action struct {
	// Button starts a read-back of the shown leads.
	Button *widget.Button
	// Shown returns, on the UI goroutine, the scope of the leads the list
	// shows now; nil Shown means every synced lead.
	Shown func() Scope
	// OnDone is called after a read-back that checked leads, so the list
	// and the card show what it found.
	OnDone func(*refresh.Report)
	// Last is the last dialog shown (result or error), for tests.
	Last dialog.Dialog

	svc       Service
	win       fyne.Window
	connected bool
	running   bool
}

// New builds the action for win; it is disabled until SetConnected(true).
func New(svc Service, win fyne.Window) *Action {
	a := &Action{svc: svc, win: win}
	a.Button = widget.NewButtonWithIcon(lang.L("Update from SuperOffice"), theme.ViewRefreshIcon(), a.Run)
	a.gate()
	return a
}

// SetConnected enables the action while SuperOffice is connected, and on
// connecting runs the automatic read-back if it is due.
func (a *Action) SetConnected(ok bool) {
	was := a.connected
	a.connected = ok
	a.gate()
	if ok && !was {
		a.Auto()
	}
}

func (a *Action) gate() {
	if a.connected && !a.running {
		a.Button.Enable()
	} else {
		a.Button.Disable()
	}
}

// Run reads back the shown leads and says what it found.
func (a *Action) Run() {
	if !a.connected || a.running {
		return
	}
	var scope Scope
	if a.Shown != nil {
		scope = a.Shown()
	}
	a.start()
	type result struct {
		rep  *refresh.Report
		none bool
		err  error
	}
	async.Run(func() result {
		ctx := context.Background()
		var ids []int64
		if scope != nil {
			var err error
			if ids, err = scope(ctx); err != nil {
				return result{err: err}
			}
			if ids != nil && len(ids) == 0 {
				return result{none: true}
			}
		}
		rep, err := a.svc.Refresh(ctx, ids)
		return result{rep: rep, err: err}
	}, func(r result) {
		a.stop()
		if r.rep != nil && len(r.rep.Leads) > 0 {
			a.done(r.rep)
		}
		switch {
		case r.err != nil:
			a.Last = dialog.NewInformation(lang.L("Could not update from SuperOffice"), r.err.Error(), a.win)
		case r.none || r.rep == nil || len(r.rep.Leads) == 0:
			a.Last = dialog.NewInformation(lang.L("Update from SuperOffice"), lang.L("No synced leads to check"), a.win)
		default:
			a.Last = dialog.NewInformation(lang.L("Update from SuperOffice"), Summary(r.rep), a.win)
		}
		a.Last.Show()
	})
}

// Auto runs the daily read-back of every synced lead when it is due; it
// says nothing unless something changed on screen. A failure is left for
// the next start (the app's log has it).
func (a *Action) Auto() {
	if !a.connected || a.running {
		return
	}
	a.start()
	type result struct {
		rep *refresh.Report
		ran bool
	}
	async.Run(func() result {
		rep, ran, _ := a.svc.RefreshIfDue(context.Background())
		return result{rep, ran}
	}, func(r result) {
		a.stop()
		if r.ran && r.rep != nil && len(r.rep.Leads) > 0 {
			a.done(r.rep)
		}
	})
}

func (a *Action) start() {
	a.running = true
	a.Button.SetText(lang.L("Updating from SuperOffice…"))
	a.gate()
}

func (a *Action) stop() {
	a.running = false
	a.Button.SetText(lang.L("Update from SuperOffice"))
	a.gate()
}

func (a *Action) done(rep *refresh.Report) {
	if a.OnDone != nil {
		a.OnDone(rep)
	}
}

// Summary counts what a read-back found, in the window's words.
func Summary(rep *refresh.Report) string {
	n := map[string]int{}
	for _, l := range rep.Leads {
		n[l.State]++
	}
	return lang.N("{{.Count}} leads checked in SuperOffice: {{.Same}} same, {{.Changed}} changed, {{.Gone}} no longer exist", len(rep.Leads),
		map[string]any{"Count": len(rep.Leads), "Same": n[store.RefreshSame], "Changed": n[store.RefreshChanged], "Gone": n[store.RefreshGone]})
}
