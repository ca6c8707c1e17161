package leads

import (
	"context"
	"slices"
	"testing"

	"github.com/rabitiq/superoffice-sync/app/store"
)

// unlimited is the list's fake with the store's meaning of Limit 0: all.
type unlimited struct{ *fakeService }

func (u unlimited) ListLeads(ctx context.Context, opt store.ListOptions) ([]store.LeadRow, error) {
	if opt.Limit == 0 {
		opt.Limit = len(u.rows)
	}
	return u.fakeService.ListLeads(ctx, opt)
}

// "Opdater fra SuperOffice" checks the synced leads the list shows: all
// of them (nil, no list read) with no search or chip, else those the
// search and chip leave, synced ones only; none shown is an empty list,
// not "all".
func TestShownSyncedFollowsSearchAndChip(t *testing.T) {
	one, two := int64(101), int64(102)
	rows := []store.LeadRow{
		{LocalID: 1, CompanyName: "Alfa ApS", Status: store.StatusSynced, SOContactID: &one},
		{LocalID: 2, CompanyName: "Alfa Byg ApS", Status: store.StatusNew},
		{LocalID: 3, CompanyName: "Beta ApS", Status: store.StatusSynced, SOContactID: &two},
	}
	v, svc, _ := setup(t, rows)
	v.svc = unlimited{svc}
	if s := v.ShownSynced(); s != nil {
		t.Fatal("with no search or chip the scope is not nil (all synced leads)")
	}
	v.Search.SetText("alfa")
	ids, err := v.ShownSynced()(context.Background())
	if err != nil || !slices.Equal(ids, []int64{1}) {
		t.Errorf("search alfa: %v %v, want [1]", ids, err)
	}
	v.Search.SetText("zzz")
	ids, err = v.ShownSynced()(context.Background())
	if err != nil || ids == nil || len(ids) != 0 {
		t.Errorf("nothing shown: %#v %v, want an empty non-nil list", ids, err)
	}
}
