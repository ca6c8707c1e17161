package store

import (
	"context"
	"testing"
)

// BenchmarkStatusSort100k pages the 100,000-lead list by status and, in
// the same run, by score (the default order), so the two can be compared
// as a ratio on a noisy machine. The leads get a spread of statuses for
// the run (4 in 10 new, 3 synced, 1 each failed, review, changed) and are
// all new again afterwards, as BenchmarkRead100k expects of a kept
// RABITIQ_BENCH_DB. Searches reuse their cached hits: this measures the
// page, not the full-text query.
func BenchmarkStatusSort100k(b *testing.B) {
	path := db100k(b)
	ctx := context.Background()
	d, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	const spread = `UPDATE sync_state SET status = CASE lead_id % 10 WHEN 0 THEN 'failed' WHEN 1 THEN 'review'
		WHEN 2 THEN 'changed' WHEN 3 THEN 'synced' WHEN 4 THEN 'synced' WHEN 5 THEN 'synced' ELSE 'new' END`
	if _, err := d.db.ExecContext(ctx, spread); err != nil {
		b.Fatal(err)
	}
	defer func() {
		if _, err := d.db.ExecContext(ctx, `UPDATE sync_state SET status = 'new'`); err != nil {
			b.Error(err)
		}
	}()
	newLeads, err := d.CountLeadsWithStatus(ctx, "", StatusNew)
	if err != nil || newLeads < 1000 {
		b.Fatal(newLeads, err)
	}
	cases := []struct {
		name    string
		opt     ListOptions
		atLeast int
	}{
		{"FirstPage", ListOptions{Limit: 100}, 100},
		{"DeepPage", ListOptions{Offset: 99000, Limit: 100}, 100},
		{"DeepPageReversed", ListOptions{Reverse: true, Offset: 99000, Limit: 100}, 100},
		{"SearchFirstPage/energi", ListOptions{Query: "energi", Limit: 100}, 100},
		{"SearchDeepPage/energi", ListOptions{Query: "energi", Offset: 99000, Limit: 100}, 100},
		{"SearchFirstPage/klitrose_byg", ListOptions{Query: "klitrose byg", Limit: 100}, 1},
		{"ChipFirstPage/new", ListOptions{Status: StatusNew, Limit: 100}, 100},
		{"ChipDeepPage/new", ListOptions{Status: StatusNew, Offset: newLeads - 100, Limit: 100}, 100},
		{"ChipSearchDeepPage/new_energi", ListOptions{Status: StatusNew, Query: "energi", Offset: newLeads - 100, Limit: 100}, 100},
	}
	for _, c := range cases {
		for _, s := range []struct {
			name string
			sort Sort
		}{{"Score", SortScore}, {"Status", SortStatus}} {
			opt := c.opt
			opt.Sort = s.sort
			b.Run(c.name+"/"+s.name, func(b *testing.B) {
				for b.Loop() {
					if rows, err := d.ListLeads(ctx, opt); err != nil || len(rows) < c.atLeast {
						b.Fatal(len(rows), err)
					}
				}
			})
		}
	}
}
