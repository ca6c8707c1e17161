package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Intent is a company create that was about to be sent for a lead.
type Intent struct {
	LeadID      int64
	Tenant      string
	Marker      string // JSON, owned by the sync engine
	CreatedAt   time.Time
	SOContactID *int64
}

// AddIntent records that a create is about to be sent. It replaces an
// older intent of the same lead.
func (d *DB) AddIntent(ctx context.Context, in Intent) error {
	err := d.write(ctx, func() error {
		_, err := d.db.ExecContext(ctx, `INSERT INTO sync_intents (lead_id, tenant, marker, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (lead_id) DO UPDATE SET tenant = excluded.tenant, marker = excluded.marker, created_at = excluded.created_at, so_contact_id = NULL`,
			in.LeadID, in.Tenant, in.Marker, in.CreatedAt.UTC().Format(time.RFC3339Nano))
		return err
	})
	if err != nil {
		return fmt.Errorf("record create intent for lead %d: %w", in.LeadID, err)
	}
	return nil
}

// CreatedFor records the company a create produced, in the intent and on
// the lead, in one transaction: from here on a retry updates this company
// and never creates another.
func (d *DB) CreatedFor(ctx context.Context, leadID, soContactID int64, tenant string) error {
	return d.write(ctx, func() error {
		return d.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `UPDATE sync_intents SET so_contact_id = ? WHERE lead_id = ?`, soContactID, leadID); err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, `UPDATE sync_state SET so_contact_id = ?, tenant = ? WHERE lead_id = ?`, soContactID, tenant, leadID)
			return oneRow(res, err, "record company %d for lead %d", soContactID, leadID)
		})
	})
}

// DeleteIntent removes a lead's intent once the outcome is settled.
func (d *DB) DeleteIntent(ctx context.Context, leadID int64) error {
	if err := d.write(ctx, func() error {
		_, err := d.db.ExecContext(ctx, `DELETE FROM sync_intents WHERE lead_id = ?`, leadID)
		return err
	}); err != nil {
		return fmt.Errorf("clear create intent for lead %d: %w", leadID, err)
	}
	return nil
}

// Intents returns the unsettled intents of a tenant.
func (d *DB) Intents(ctx context.Context, tenant string) ([]Intent, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT lead_id, tenant, marker, created_at, so_contact_id FROM sync_intents WHERE tenant = ? ORDER BY lead_id`, tenant)
	if err != nil {
		return nil, fmt.Errorf("read create intents: %w", err)
	}
	defer rows.Close()
	var out []Intent
	for rows.Next() {
		var in Intent
		var at string
		var so sql.NullInt64
		if err := rows.Scan(&in.LeadID, &in.Tenant, &in.Marker, &at, &so); err != nil {
			return nil, err
		}
		in.CreatedAt, _ = time.Parse(time.RFC3339Nano, at)
		if so.Valid {
			in.SOContactID = &so.Int64
		}
		out = append(out, in)
	}
	return out, rows.Err()
}

// SyncTarget is the company a lead is linked to on a tenant, if any.
func (d *DB) SyncTarget(ctx context.Context, leadID int64, tenant string) (int64, bool, error) {
	var so sql.NullInt64
	var t string
	err := d.db.QueryRowContext(ctx, `SELECT so_contact_id, tenant FROM sync_state WHERE lead_id = ?`, leadID).Scan(&so, &t)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, fmt.Errorf("lead %d: %w", leadID, ErrNotFound)
	}
	if err != nil {
		return 0, false, err
	}
	if !so.Valid || (t != "" && t != tenant) {
		return 0, false, nil
	}
	return so.Int64, true, nil
}
