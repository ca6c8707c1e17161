package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// FieldConfirmations returns the tenant fields the admin confirmed for
// tenant in the field setup screen, as RabitIQ Prog ID → tenant field key.
// The map is empty, not nil, when nothing is confirmed.
func (d *DB) FieldConfirmations(ctx context.Context, tenant string) (map[string]string, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT prog_id, tenant_key FROM field_confirmations WHERE tenant = ?`, tenant)
	if err != nil {
		return nil, fmt.Errorf("read confirmed fields of %s: %w", tenant, err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, key string
		if err := rows.Scan(&id, &key); err != nil {
			return nil, fmt.Errorf("read confirmed fields of %s: %w", tenant, err)
		}
		out[id] = key
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read confirmed fields of %s: %w", tenant, err)
	}
	return out, nil
}

// ConfirmField records that the RabitIQ field progID is written to the
// tenant's field tenantKey. It replaces an earlier confirmation of progID,
// and drops any other field's confirmation of the same tenant field: one
// tenant field holds one RabitIQ field's values.
func (d *DB) ConfirmField(ctx context.Context, tenant, progID, tenantKey string, at time.Time) error {
	progID, tenantKey = strings.TrimSpace(progID), strings.TrimSpace(tenantKey)
	if tenant == "" || progID == "" || tenantKey == "" {
		return errors.New("confirm field: tenant, Prog ID and tenant field are required")
	}
	err := d.write(ctx, func() error {
		return d.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `DELETE FROM field_confirmations WHERE tenant = ? AND lower(tenant_key) = lower(?) AND prog_id <> ?`,
				tenant, tenantKey, progID); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO field_confirmations (tenant, prog_id, tenant_key, confirmed_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (tenant, prog_id) DO UPDATE SET tenant_key = excluded.tenant_key, confirmed_at = excluded.confirmed_at`,
				tenant, progID, tenantKey, at.UTC().Format(time.RFC3339Nano))
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("confirm %s as %s on %s: %w", tenantKey, progID, tenant, err)
	}
	return nil
}

// UnconfirmField forgets the confirmation of progID on tenant; the field
// is then a suggestion again and not written. Forgetting what was never
// confirmed is not an error.
func (d *DB) UnconfirmField(ctx context.Context, tenant, progID string) error {
	if err := d.write(ctx, func() error {
		_, err := d.db.ExecContext(ctx, `DELETE FROM field_confirmations WHERE tenant = ? AND prog_id = ?`, tenant, strings.TrimSpace(progID))
		return err
	}); err != nil {
		return fmt.Errorf("undo the confirmation of %s on %s: %w", progID, tenant, err)
	}
	return nil
}
