package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// MarkSynced records that the lead now lives in SuperOffice as company
// soContactID on tenant, and remembers which content was synced.
func (d *DB) MarkSynced(ctx context.Context, localID, soContactID int64, tenant string, at time.Time) error {
	return d.MarkSyncedWith(ctx, localID, soContactID, tenant, at, nil)
}

// MarkSyncedWith is MarkSynced that also stores snap, the company as the
// sync left it, in the same transaction: a lead is never synced without
// the yardstick of its next read-back, and a sync costs one commit.
func (d *DB) MarkSyncedWith(ctx context.Context, localID, soContactID int64, tenant string, at time.Time, snap *Snapshot) error {
	return d.write(ctx, func() error {
		return d.inTx(ctx, func(tx *sql.Tx) error {
			res, err := tx.ExecContext(ctx, `UPDATE sync_state SET status = 'synced', so_contact_id = ?, tenant = ?, last_sync_at = ?, last_error = '',
			synced_hash = (SELECT content_hash FROM leads WHERE id = ?) WHERE lead_id = ?`,
				soContactID, tenant, at.UTC().Format(time.RFC3339Nano), localID, localID)
			if err := oneRow(res, err, "mark lead %d synced", localID); err != nil || snap == nil {
				return err
			}
			if err := saveSnapshot(ctx, tx, *snap); err != nil {
				return fmt.Errorf("store sync snapshot: %w", err)
			}
			return nil
		})
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

// MarkReview records that a batch left the lead for a person to decide
// (several candidates, a name-only match, a company with its CVR already
// there), so the lead can be found again with `leads --status review` and
// the window's status filter. reason, if any, says why (an empty one
// clears an earlier failure's). Only a lead that is not in SuperOffice
// (new, failed or already review) is marked: a lead another process
// synced meanwhile stays synced.
func (d *DB) MarkReview(ctx context.Context, localID int64, reason string) error {
	return d.write(ctx, func() error {
		res, err := d.db.ExecContext(ctx, `UPDATE sync_state SET status = 'review', last_error = ?
		WHERE lead_id = ? AND status IN ('new', 'failed', 'review')`, reason, localID)
		if err != nil {
			return fmt.Errorf("mark lead %d for review: %w", localID, err)
		}
		if n, err := res.RowsAffected(); err != nil || n > 0 {
			return err
		}
		_, err = d.StatusOf(ctx, localID) // no row: unknown lead, or left as it was
		return err
	})
}

// StatusOf returns the lead's stored sync status.
func (d *DB) StatusOf(ctx context.Context, localID int64) (Status, error) {
	var s Status
	err := d.db.QueryRowContext(ctx, `SELECT status FROM sync_state WHERE lead_id = ?`, localID).Scan(&s)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("lead %d: %w", localID, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("status of lead %d: %w", localID, err)
	}
	return s, nil
}
