package desktop

import (
	"context"
	"time"

	"fyne.io/fyne/v2"

	"github.com/rabitiq/superoffice-sync/app/refresh"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/leads"
	"github.com/rabitiq/superoffice-sync/ui/refreshui"
)

// Refresh reads leads' companies back from SuperOffice (refreshui.Service).
func (s *Services) Refresh(ctx context.Context, ids []int64) (*refresh.Report, error) {
	return s.Tenant.Refresh(ctx, ids)
}

// RefreshIfDue is the daily automatic read-back (refreshui.Service).
func (s *Services) RefreshIfDue(ctx context.Context) (*refresh.Report, bool, error) {
	return s.Tenant.RefreshIfDue(ctx)
}

// RefreshOf is a lead's last read-back, for its card (leads.RefreshReader).
func (s *Services) RefreshOf(ctx context.Context, id int64) (store.Refresh, bool, error) {
	return s.Tenant.RefreshOf(ctx, id)
}

// autoRefreshCheck is how often an open window asks whether the daily
// read-back is due: cheap (one setting read), so a window left open for
// days still reads back once a day.
const autoRefreshCheck = time.Hour

// refreshAction builds "Opdater fra SuperOffice" for the list's shown
// leads; after a read-back the list and the card show what it found.
func refreshAction(svc *Services, w fyne.Window, list *leads.View, reload func(int64)) *refreshui.Action {
	a := refreshui.New(svc, w)
	a.Shown = func() refreshui.Scope { return list.ShownSynced() }
	a.OnDone = func(*refresh.Report) { reload(0) }
	t := time.NewTicker(autoRefreshCheck)
	go func() {
		for range t.C {
			async.Do(a.Auto)
		}
	}()
	return a
}
