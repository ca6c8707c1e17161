package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// The list's status chips (issue 19): ListOptions.Status and
// CountLeadsWithStatus keep the leads of one status, in the list's order
// and pages, with and without a search (few hits are sorted, many are
// read through pageOfHits); StatusCounts counts every status.
func TestStatusFilterListsCountsAndPages(t *testing.T) {
	d := openTest(t)
	ctx := context.Background()
	const n = 2600 // "new" keeps more than manyHitsThreshold leads
	items := make([]lead.Item, 0, n)
	for i := range n {
		l := lead.Lead{ID: fmt.Sprintf("f%05d", i), CompanyName: fmt.Sprintf("Firma %c %d", 'A'+i%26, i)}
		if i%3 != 0 {
			l.Score = num(float64(i % 7))
		}
		items = append(items, item(i, l))
	}
	if _, err := d.ImportLeads(ctx, "f.json", items, t0); err != nil {
		t.Fatal(err)
	}
	if _, err := d.db.Exec(`UPDATE sync_state SET status = 'failed' WHERE lead_id % 10 = 0`); err != nil {
		t.Fatal(err)
	}
	if _, err := d.db.Exec(`UPDATE sync_state SET status = 'review' WHERE lead_id % 10 = 1`); err != nil {
		t.Fatal(err)
	}
	counts, err := d.StatusCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts[StatusFailed] != n/10 || counts[StatusReview] != n/10 || counts[StatusNew] != n-2*n/10 || counts[StatusSynced] != 0 {
		t.Errorf("StatusCounts = %v", counts)
	}
	if counts[StatusNew] < manyHitsThreshold {
		t.Fatalf("only %d new leads: the many-hits path is not exercised", counts[StatusNew])
	}
	for _, q := range []string{"", "firma", "firma b"} {
		for _, st := range []Status{StatusNew, StatusFailed, StatusReview, StatusSynced} {
			for _, s := range []Sort{SortScore, SortName} {
				all, err := d.ListLeads(ctx, ListOptions{Query: q, Sort: s})
				if err != nil {
					t.Fatal(err)
				}
				var want []int64
				for _, r := range all {
					if r.Status == st {
						want = append(want, r.LocalID)
					}
				}
				var got []int64
				for off := 0; ; off += 300 {
					page, err := d.ListLeads(ctx, ListOptions{Query: q, Sort: s, Status: st, Offset: off, Limit: 300})
					if err != nil {
						t.Fatal(err)
					}
					for _, r := range page {
						if r.Status != st {
							t.Fatalf("q %q status %s: row %d has status %s", q, st, r.LocalID, r.Status)
						}
						got = append(got, r.LocalID)
					}
					if len(page) < 300 {
						break
					}
				}
				if !slices.Equal(got, want) {
					t.Errorf("q %q status %s sort %d: %d rows, want %d in the list's order", q, st, s, len(got), len(want))
				}
				c, err := d.CountLeadsWithStatus(ctx, q, st)
				if err != nil || c != len(want) {
					t.Errorf("q %q status %s: count %d, %v; want %d", q, st, c, err, len(want))
				}
			}
		}
	}
}
