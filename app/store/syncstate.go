package store

import (
	"context"
	"fmt"
	"time"
)

// MarkSynced records that the lead now lives in SuperOffice as company
// soContactID on tenant, and remembers which content was synced.
func (d *DB) MarkSynced(ctx context.Context, localID, soContactID int64, tenant string, at time.Time) error {
	return d.write(ctx, func() error {
		res, err := d.db.ExecContext(ctx, `UPDATE sync_state SET status = 'synced', so_contact_id = ?, tenant = ?, last_sync_at = ?, last_error = '',
		synced_hash = (SELECT content_hash FROM leads WHERE id = ?) WHERE lead_id = ?`,
			soContactID, tenant, at.UTC().Format(time.RFC3339Nano), localID, localID)
		return oneRow(res, err, "mark lead %d synced", localID)
	})
}

// MarkFailed records a failed sync with the server's reason. A company id
// already known (from an earlier sync or a create that succeeded before a
// later step failed) is kept so that a retry updates it instead of
// creating another company.
func (d *DB) MarkFailed(ctx context.Context, localID int64, reason string, at time.Time) error {
	return d.write(ctx, func() error {
		res, err := d.db.ExecContext(ctx, `UPDATE sync_state SET status = 'failed', last_sync_at = ?, last_error = ? WHERE lead_id = ?`,
			at.UTC().Format(time.RFC3339Nano), reason, localID)
		return oneRow(res, err, "mark lead %d failed", localID)
	})
}

type rowsAffected interface{ RowsAffected() (int64, error) }

func oneRow(res rowsAffected, err error, format string, args ...any) error {
	what := fmt.Sprintf(format, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return nil
}
