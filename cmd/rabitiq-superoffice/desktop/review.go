package desktop

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/batchui"
	"github.com/rabitiq/superoffice-sync/ui/exportui"
)

// reviewQueue is what "Gennemse (N)" does: it opens the queue of the leads
// a batch left for a person. Each decision goes through the match dialog
// with o's hooks; a lead synced there leaves the queue and refresh updates
// the list, while the leads not decided stay in review.
func reviewQueue(svc *Services, w fyne.Window, o exportui.Opts, refresh func(id int64)) func(ids []int64) {
	load := func(id int64) (store.LeadRow, error) {
		det, err := svc.GetLead(context.Background(), id)
		if err != nil {
			return store.LeadRow{}, err
		}
		return det.Row, nil
	}
	return func(ids []int64) {
		if len(ids) == 0 {
			return
		}
		batchui.OpenQueue(w, ids, load, func(r store.LeadRow, decided func()) {
			lo := o
			lo.Done = func(*export.Result) {
				refresh(r.LocalID)
				decided()
			}
			exportui.Start(svc, w, r, lo)
		})
	}
}
