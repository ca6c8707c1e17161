package store

import (
	"context"
	"fmt"
	"strings"
	"sync"
)

// hitCache keeps the ids one word search matched, so that counting the
// leads and reading their pages (the list asks for both, page after page)
// run the full-text query once, not once per call.
type hitCache struct {
	mu    sync.Mutex
	query string
	gen   uint64
	ids   *idSet
}

// idSet is a set of lead ids as a bitmap: ids are small dense integers
// (rowids), and at 100k hits a bitmap fills and probes several times
// faster than a map.
type idSet struct {
	bits []uint64
	n    int
}

func (s *idSet) add(id int64) {
	if id < 0 {
		return
	}
	w := int(id >> 6)
	for w >= len(s.bits) {
		s.bits = append(s.bits, make([]uint64, len(s.bits)+64)...)
	}
	if s.bits[w]&(1<<(id&63)) == 0 {
		s.bits[w] |= 1 << (id & 63)
		s.n++
	}
}

func (s *idSet) has(id int64) bool {
	w := int(id >> 6)
	return id >= 0 && w < len(s.bits) && s.bits[w]&(1<<(id&63)) != 0
}

// Len is the number of ids in the set.
func (s *idSet) Len() int {
	if s == nil {
		return 0
	}
	return s.n
}

// hitSet returns the ids of the leads a word search matches, or nil when
// query has no words (punctuation only).
func (d *DB) hitSet(ctx context.Context, query string) (*idSet, error) {
	query, _ = CapSearch(query)
	hq, args := hitsQuery(query)
	if hq == "" {
		return nil, nil
	}
	gen := d.gen.Load()
	d.hits.mu.Lock()
	defer d.hits.mu.Unlock()
	if d.hits.ids != nil && d.hits.query == query && d.hits.gen == gen {
		return d.hits.ids, nil
	}
	rows, err := d.db.QueryContext(ctx, hq, args...)
	if err != nil {
		return nil, fmt.Errorf("search leads: %w", cancelled(ctx, err))
	}
	defer rows.Close()
	ids := &idSet{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("search leads: %w", cancelled(ctx, err))
		}
		ids.add(id)
		if testHookHitRow != nil {
			testHookHitRow()
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search leads: %w", cancelled(ctx, err))
	}
	// SQLite stops a statement whose context ends as if it had no more
	// rows or with "interrupted"; either way these hits are incomplete
	// and must neither be cached nor counted.
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("search leads: %w", err)
	}
	d.hits.query, d.hits.gen, d.hits.ids = query, gen, ids
	return ids, nil
}

// testHookHitRow, when set by a test, runs after each hit is read: where
// a test cancels a search midway, deterministically.
var testHookHitRow func()

// cancelled returns ctx's error when ctx has ended, so that callers can
// tell a search stopped by the next keystroke (errors.Is
// context.Canceled) from a failed one; else err.
func cancelled(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// pageOfHits walks the order's index and keeps the ids in hits, skipping
// offset of them and stopping after limit: with many hits it stops after
// a few hundred index entries instead of sorting every hit.
func (d *DB) pageOfHits(ctx context.Context, index, order string, hits *idSet, offset, limit int) ([]int64, error) {
	return d.walkKeeping(ctx, `SELECT l.id FROM leads l INDEXED BY `+index+order, nil, hits, offset, limit)
}

// walkKeeping runs walk, a query of ids in a list order, and keeps the ids
// in hits as pageOfHits does.
func (d *DB) walkKeeping(ctx context.Context, walk string, args []any, hits *idSet, offset, limit int) ([]int64, error) {
	rows, err := d.db.QueryContext(ctx, walk, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var page []int64
	seen := 0
	for rows.Next() && (limit <= 0 || len(page) < limit) {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		if !hits.has(id) {
			continue
		}
		if seen++; seen > offset {
			page = append(page, id)
		}
	}
	return page, rows.Err()
}

// rowsByID reads the list rows of ids, in the order of ids.
func (d *DB) rowsByID(ctx context.Context, ids []int64) ([]LeadRow, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := d.db.QueryContext(ctx, `SELECT `+rowColumns+` FROM leads l JOIN sync_state s ON s.lead_id = l.id WHERE l.id IN (`+
		strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := map[int64]LeadRow{}
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			return nil, err
		}
		byID[r.LocalID] = r
	}
	out := make([]LeadRow, 0, len(ids))
	for _, id := range ids {
		if r, ok := byID[id]; ok {
			out = append(out, r)
		}
	}
	return out, rows.Err()
}
