package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// A reversed sort (tapping the list's header again) is the forward order
// turned around, page by page, both for the whole list and for a search
// with many hits (which walks the order's index, pageOfHits).
func TestReversedSortIsTheForwardOrderBackwards(t *testing.T) {
	d := openTest(t)
	ctx := context.Background()
	const n = manyHitsThreshold + 100
	items := make([]lead.Item, 0, n)
	for i := range n {
		l := lead.Lead{ID: fmt.Sprintf("r%05d", i), CompanyName: fmt.Sprintf("Firma %c%c %d", 'A'+i%26, 'a'+i/26%26, i)}
		if i%3 != 0 {
			l.Score = num(float64(i % 7))
		}
		items = append(items, item(i, l))
	}
	if _, err := d.ImportLeads(ctx, "r.json", items, t0); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"", "firma"} {
		for _, s := range []Sort{SortScore, SortName, SortImported} {
			fwd, err := d.ListLeads(ctx, ListOptions{Query: q, Sort: s})
			if err != nil || len(fwd) != n {
				t.Fatalf("q %q sort %d: %d rows, %v", q, s, len(fwd), err)
			}
			var rev []int64
			for off := 0; off < n; off += 500 {
				page, err := d.ListLeads(ctx, ListOptions{Query: q, Sort: s, Reverse: true, Offset: off, Limit: 500})
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range page {
					rev = append(rev, r.LocalID)
				}
			}
			want := make([]int64, 0, n)
			for _, r := range slices.Backward(fwd) {
				want = append(want, r.LocalID)
			}
			if !slices.Equal(rev, want) {
				t.Errorf("q %q sort %d: reversed order differs from the forward order backwards", q, s)
			}
		}
	}
}

// Every order, forward and reversed, is read from its index: a temporary
// sort would cost 0.3 s per page at 100k leads.
func TestEveryListOrderWalksItsIndex(t *testing.T) {
	d := openTest(t)
	for _, s := range []Sort{SortScore, SortName, SortImported} {
		for _, rev := range []bool{false, true} {
			order, index := listOrder(s, rev)
			rows, err := d.db.Query(`EXPLAIN QUERY PLAN SELECT l.id FROM leads l INDEXED BY ` + index + order + ` LIMIT 100 OFFSET 99900`)
			if err != nil {
				t.Fatal(err)
			}
			var plan []string
			for rows.Next() {
				var id, parent, unused int
				var detail string
				if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
					t.Fatal(err)
				}
				plan = append(plan, detail)
			}
			rows.Close()
			if p := strings.Join(plan, "; "); strings.Contains(p, "TEMP B-TREE") || !strings.Contains(p, index) {
				t.Errorf("sort %d reverse %v: plan %q sorts instead of walking %s", s, rev, p, index)
			}
		}
	}
}
