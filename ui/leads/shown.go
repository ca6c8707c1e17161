package leads

import (
	"context"

	"github.com/rabitiq/superoffice-sync/app/store"
)

// ShownSynced returns, read now on the UI goroutine, a function that
// lists from any goroutine the synced leads the list shows (its search
// and status chip): what "Opdater fra SuperOffice" checks. With no search
// and no chip it returns nil, which means every synced lead, without
// reading the whole list.
func (v *View) ShownSynced() func(ctx context.Context) ([]int64, error) {
	q, st := v.query, v.Chips.Active()
	if q == "" && st == "" {
		return nil
	}
	return func(ctx context.Context) ([]int64, error) {
		rows, err := v.svc.ListLeads(ctx, store.ListOptions{Query: q, Status: st})
		if err != nil {
			return nil, err
		}
		ids := []int64{}
		for _, r := range rows {
			if r.SOContactID != nil {
				ids = append(ids, r.LocalID)
			}
		}
		return ids, nil
	}
}
