package store

import (
	"context"
	"fmt"
)

// withStatus narrows a where clause to the leads with status st; "" leaves
// it as it is. The lead ids come from sync_state_by_status, so the list's
// order index is still the one walked.
func withStatus(w string, args []any, st Status) (string, []any) {
	if st == "" {
		return w, args
	}
	cond := `l.id IN (SELECT lead_id FROM sync_state INDEXED BY sync_state_by_status WHERE status = ?)`
	if w == "" {
		return ` WHERE ` + cond, append(args, string(st))
	}
	return w + ` AND ` + cond, append(args, string(st))
}

// keepStatus returns the hits whose lead has status st: a new set, as hits
// may be the cached one. Nil hits stand for all leads; st "" keeps hits
// as they are.
func (d *DB) keepStatus(ctx context.Context, hits *idSet, st Status) (*idSet, error) {
	if st == "" {
		return hits, nil
	}
	rows, err := d.db.QueryContext(ctx, `SELECT lead_id FROM sync_state INDEXED BY sync_state_by_status WHERE status = ?`, string(st))
	if err != nil {
		return nil, fmt.Errorf("filter status %s: %w", st, cancelled(ctx, err))
	}
	defer rows.Close()
	out := &idSet{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("filter status %s: %w", st, cancelled(ctx, err))
		}
		if hits == nil || hits.has(id) {
			out.add(id)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("filter status %s: %w", st, cancelled(ctx, err))
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("filter status %s: %w", st, err)
	}
	return out, nil
}

// StatusCounts counts all leads by sync status, for the list's filter
// chips. It reads sync_state_by_status only (a few ms at 100k leads).
func (d *DB) StatusCounts(ctx context.Context) (map[Status]int, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT status, count(*) FROM sync_state INDEXED BY sync_state_by_status GROUP BY status`)
	if err != nil {
		return nil, fmt.Errorf("count statuses: %w", cancelled(ctx, err))
	}
	defer rows.Close()
	out := map[Status]int{}
	for rows.Next() {
		var st Status
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, fmt.Errorf("count statuses: %w", cancelled(ctx, err))
		}
		out[st] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count statuses: %w", cancelled(ctx, err))
	}
	return out, nil
}
