package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// statusRank is the rank of sync_state.status in the status sort, spelled
// exactly as the expression of sync_state_by_status_rank (migration 0012):
// SQLite uses an index on an expression only for the same expression.
const statusRank = `(CASE status WHEN 'failed' THEN 0 WHEN 'review' THEN 1 WHEN 'changed' THEN 2 WHEN 'new' THEN 3 WHEN 'synced' THEN 4 ELSE 5 END)`

// statusRankOf is statusRank for one status, to walk one status's range.
func statusRankOf(st Status) int {
	switch st {
	case StatusFailed:
		return 0
	case StatusReview:
		return 1
	case StatusChanged:
		return 2
	case StatusNew:
		return 3
	case StatusSynced:
		return 4
	}
	return 5
}

// statusOrder is the ORDER BY of the status sort over sync_state: the
// rank, then the newest lead first. Reversed, both terms flip, which is
// sync_state_by_status_rank read backwards.
func statusOrder(reverse bool) string {
	if reverse {
		return ` ORDER BY ` + statusRank + ` DESC, lead_id`
	}
	return ` ORDER BY ` + statusRank + `, lead_id DESC`
}

// statusWalk selects lead ids in the status order from the index alone,
// only those of st when st is set.
func statusWalk(st Status, reverse bool) (string, []any) {
	q := `SELECT lead_id FROM sync_state INDEXED BY sync_state_by_status_rank`
	if st == "" {
		return q + statusOrder(reverse), nil
	}
	// One rank: SQLite does not see that the equality makes the rank's
	// ORDER BY term constant and would sort, so the lead id alone orders.
	q += ` WHERE ` + statusRank + ` = ?`
	if reverse {
		return q + ` ORDER BY lead_id`, []any{statusRankOf(st)}
	}
	return q + ` ORDER BY lead_id DESC`, []any{statusRankOf(st)}
}

// listByStatus is ListLeads for SortStatus. The page's ids come from
// sync_state_by_status_rank: LIMIT/OFFSET on it without a search, the
// walk that keeps the hits with many of them (as pageOfHits does on a
// leads index), a sort of the hits with few. A status chip narrows the
// walk to its status's range of the index.
func (d *DB) listByStatus(ctx context.Context, opt ListOptions) ([]LeadRow, error) {
	walk, args := statusWalk(opt.Status, opt.Reverse)
	var ids []int64
	var err error
	if strings.TrimSpace(opt.Query) == "" {
		if opt.Limit > 0 {
			walk += ` LIMIT ? OFFSET ?`
			args = append(args, opt.Limit, opt.Offset)
		}
		ids, err = d.idsOf(ctx, walk, args...)
	} else {
		var hits *idSet
		if hits, err = d.matchSet(ctx, opt.Query); err != nil {
			return nil, fmt.Errorf("list leads: %w", err)
		}
		if hits, err = d.keepStatus(ctx, hits, opt.Status); err != nil {
			return nil, fmt.Errorf("list leads: %w", err)
		}
		if hits.Len() >= manyHitsThreshold {
			ids, err = d.walkKeeping(ctx, walk, args, hits, opt.Offset, opt.Limit)
		} else {
			ids, err = d.sortByStatus(ctx, hits, opt)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("list leads: %w", cancelled(ctx, err))
	}
	out, err := d.rowsByID(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("list leads: %w", cancelled(ctx, err))
	}
	if err := ctx.Err(); err != nil { // stopped early: out may be short
		return nil, fmt.Errorf("list leads: %w", err)
	}
	return out, nil
}

// matchSet is the ids a non-blank query matches: the word search's hits,
// or for a query of punctuation only the names that contain it.
func (d *DB) matchSet(ctx context.Context, query string) (*idSet, error) {
	hits, err := d.hitSet(ctx, query)
	if err != nil || hits != nil {
		return hits, err
	}
	w, args := where(query)
	ids, err := d.idsOf(ctx, `SELECT l.id FROM leads l`+w, args...)
	if err != nil {
		return nil, fmt.Errorf("search leads: %w", cancelled(ctx, err))
	}
	set := &idSet{}
	for _, id := range ids {
		set.add(id)
	}
	return set, nil
}

// sortByStatus pages a few hits in the status order: below
// manyHitsThreshold, sorting them beats walking the whole index. The ids
// go in as one JSON array, whatever their number.
func (d *DB) sortByStatus(ctx context.Context, hits *idSet, opt ListOptions) ([]int64, error) {
	list := hits.ids()
	if len(list) == 0 {
		return nil, nil
	}
	js, err := json.Marshal(list)
	if err != nil {
		return nil, err
	}
	q := `SELECT lead_id FROM sync_state WHERE lead_id IN (SELECT value FROM json_each(?))` + statusOrder(opt.Reverse)
	args := []any{string(js)}
	if opt.Limit > 0 {
		q += ` LIMIT ? OFFSET ?`
		args = append(args, opt.Limit, opt.Offset)
	}
	return d.idsOf(ctx, q, args...)
}

// idsOf runs a query of one id column.
func (d *DB) idsOf(ctx context.Context, q string, args ...any) ([]int64, error) {
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// ids lists the set's ids in ascending order.
func (s *idSet) ids() []int64 {
	out := make([]int64, 0, s.Len())
	if s == nil {
		return out
	}
	for w, bits := range s.bits {
		for b := 0; bits != 0; b++ {
			if bits&1 != 0 {
				out = append(out, int64(w)<<6|int64(b))
			}
			bits >>= 1
		}
	}
	return out
}
