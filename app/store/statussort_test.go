package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// statusSortDB imports n leads, every third named with a "&" and every
// seventh with "Bølge", and spreads the five statuses over them by id.
// It returns each lead's status by local id.
func statusSortDB(t *testing.T, n int) (*DB, map[int64]Status) {
	t.Helper()
	d := openTest(t)
	ctx := context.Background()
	items := make([]lead.Item, 0, n)
	for i := range n {
		name := fmt.Sprintf("Firma %d", i)
		if i%3 == 0 {
			name = fmt.Sprintf("Hansen & Søn %d", i)
		}
		if i%7 == 0 {
			name += " Bølge"
		}
		l := lead.Lead{ID: fmt.Sprintf("s%05d", i), CompanyName: name}
		if i%2 == 0 {
			l.Score = num(float64(i % 9))
		}
		items = append(items, item(i, l))
	}
	if _, err := d.ImportLeads(ctx, "s.json", items, t0); err != nil {
		t.Fatal(err)
	}
	// Not in the rank order, so that neither id order nor the CHECK's
	// order could pass for the status order by accident.
	spread := []Status{StatusSynced, StatusNew, StatusFailed, StatusChanged, StatusReview, StatusNew, StatusSynced}
	for k, st := range spread {
		if _, err := d.db.Exec(`UPDATE sync_state SET status = ? WHERE lead_id % ? = ?`, string(st), len(spread), k); err != nil {
			t.Fatal(err)
		}
	}
	got := map[int64]Status{}
	rows, err := d.db.Query(`SELECT lead_id, status FROM sync_state`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var st Status
		if err := rows.Scan(&id, &st); err != nil {
			t.Fatal(err)
		}
		got[id] = st
	}
	if len(got) != n {
		t.Fatalf("%d sync states for %d leads", len(got), n)
	}
	return d, got
}

// wantStatusOrder is the status order worked out apart from SQL: failed,
// review, changed, new, synced, the newest (highest) id first within one.
func wantStatusOrder(status map[int64]Status, keep func(int64) bool, reverse bool) []int64 {
	rank := map[Status]int{StatusFailed: 0, StatusReview: 1, StatusChanged: 2, StatusNew: 3, StatusSynced: 4}
	var ids []int64
	for id := range status {
		if keep(id) {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b int64) int {
		if c := cmp.Compare(rank[status[a]], rank[status[b]]); c != 0 {
			return c
		}
		return cmp.Compare(b, a)
	})
	if reverse {
		slices.Reverse(ids)
	}
	return ids
}

// pagedIDs reads the whole list page by page, as the window scrolls.
func pagedIDs(t *testing.T, d *DB, opt ListOptions, size int) []int64 {
	t.Helper()
	var ids []int64
	for off := 0; ; off += size {
		opt.Offset, opt.Limit = off, size
		page, err := d.ListLeads(context.Background(), opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range page {
			ids = append(ids, r.LocalID)
		}
		if len(page) < size {
			return ids
		}
	}
}

// Issue 19: the status header sorts what needs the user first — failed,
// review, changed, new, synced — and tapped again the other way round,
// with a search (many hits walk the index, few are sorted, punctuation
// searches names) and with a status chip, and the pages put together are
// the whole order, each lead once.
func TestStatusSortOrderPagesAndReverse(t *testing.T) {
	const n = manyHitsThreshold*3/2 + 300 // "firma" (2 in 3 names) has more than manyHitsThreshold hits
	d, status := statusSortDB(t, n)
	ctx := context.Background()
	names := map[int64]string{}
	all, err := d.ListLeads(ctx, ListOptions{Sort: SortName})
	if err != nil || len(all) != n {
		t.Fatalf("%d rows, %v", len(all), err)
	}
	for _, r := range all {
		names[r.LocalID] = strings.ToLower(r.CompanyName)
	}
	hits, err := d.hitSet(ctx, "firma")
	if err != nil || hits.Len() < manyHitsThreshold {
		t.Fatalf("firma: %d hits (%v): the many-hits walk is not exercised", hits.Len(), err)
	}
	searches := []struct {
		q    string
		keep func(name string) bool
	}{
		{"", func(string) bool { return true }},
		{"firma", func(s string) bool { return strings.HasPrefix(s, "firma ") }},             // many hits
		{"bølge", func(s string) bool { return strings.Contains(s, "bølge") }},               // few hits
		{"&", func(s string) bool { return strings.Contains(s, "&") }},                       // punctuation only
		{"ingen-saadan", func(s string) bool { return strings.Contains(s, "ingen saadan") }}, // no hits
	}
	for _, s := range searches {
		for _, chip := range append([]Status{""}, Statuses...) {
			for _, rev := range []bool{false, true} {
				keep := func(id int64) bool { return s.keep(names[id]) && (chip == "" || status[id] == chip) }
				want := wantStatusOrder(status, keep, rev)
				opt := ListOptions{Query: s.q, Sort: SortStatus, Reverse: rev, Status: chip}
				whole, err := d.ListLeads(ctx, opt)
				if err != nil {
					t.Fatal(err)
				}
				got := make([]int64, 0, len(whole))
				for _, r := range whole {
					got = append(got, r.LocalID)
					if r.Status != status[r.LocalID] {
						t.Fatalf("lead %d shows status %s, stored %s", r.LocalID, r.Status, status[r.LocalID])
					}
				}
				name := fmt.Sprintf("q %q chip %q reverse %v", s.q, chip, rev)
				if !slices.Equal(got, want) {
					t.Errorf("%s: %d leads not in the status order (%d wanted)", name, len(got), len(want))
				}
				for _, size := range []int{100, 37} {
					if paged := pagedIDs(t, d, opt, size); !slices.Equal(paged, want) {
						t.Errorf("%s: pages of %d differ from the whole order (%d vs %d leads)", name, size, len(paged), len(want))
					}
				}
				if c, err := d.CountLeadsWithStatus(ctx, s.q, chip); err != nil || c != len(want) {
					t.Errorf("%s: count %d (%v), listed %d", name, c, err, len(want))
				}
			}
		}
	}
	// The first page starts with the failed leads, the reversed one with the synced.
	for rev, first := range map[bool]Status{false: StatusFailed, true: StatusSynced} {
		page, err := d.ListLeads(ctx, ListOptions{Sort: SortStatus, Reverse: rev, Limit: 10})
		if err != nil || len(page) != 10 || page[0].Status != first || page[9].Status != first {
			t.Errorf("reverse %v: first page %v, %v; want %s first", rev, page, err, first)
		}
	}
}

// The status order reads its page from sync_state_by_status_rank
// (migration 0012), with and without a chip, forward and reversed: a
// temporary sort of 100k sync states for every page is what the index
// avoids.
func TestStatusSortWalksItsIndex(t *testing.T) {
	d := openTest(t)
	for _, st := range []Status{"", StatusNew, StatusFailed} {
		for _, rev := range []bool{false, true} {
			walk, args := statusWalk(st, rev)
			rows, err := d.db.Query(`EXPLAIN QUERY PLAN `+walk+` LIMIT 100 OFFSET 99000`, args...)
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
			p := strings.Join(plan, "; ")
			if strings.Contains(p, "TEMP B-TREE") || !strings.Contains(p, "COVERING INDEX sync_state_by_status_rank") {
				t.Errorf("chip %q reverse %v: plan %q sorts instead of walking the index", st, rev, p)
			}
			if st != "" && !strings.Contains(p, "<expr>=?") {
				t.Errorf("chip %q: plan %q walks every status, not the chip's range", st, p)
			}
			// Covered for real: no seek into the table for any entry
			// (an index on an expression alone left one per entry).
			code, err := d.db.Query(`EXPLAIN `+walk+` LIMIT 100 OFFSET 99000`, args...)
			if err != nil {
				t.Fatal(err)
			}
			for code.Next() {
				var addr, p1, p2, p3, p5 any
				var op, p4, comment any
				if err := code.Scan(&addr, &op, &p1, &p2, &p3, &p4, &p5, &comment); err != nil {
					t.Fatal(err)
				}
				if s := fmt.Sprint(op); s == "DeferredSeek" || s == "SeekRowid" || s == "NotExists" {
					t.Errorf("chip %q reverse %v: the walk seeks into sync_state (%s)", st, rev, s)
				}
			}
			code.Close()
		}
	}
}
