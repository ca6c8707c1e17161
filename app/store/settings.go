package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The keys of tenant settings. Each tenant has its own lists, so a list
// item id chosen for one tenant means nothing in another.
const (
	// SettingNewCategory is the Category list item id new companies get.
	SettingNewCategory = "new.category"
	// SettingNewBusiness is the Business list item id new companies get
	// when the lead's industry names no item of the tenant's list.
	SettingNewBusiness = "new.business"
	// SettingFollowUpTask is the Task list item id of a booked follow-up.
	SettingFollowUpTask = "followup.task"
	// SettingFollowUpDays is how many working days ahead a follow-up is
	// booked; "0" or absent means no follow-up is booked.
	SettingFollowUpDays = "followup.days"
)

// TenantSetting returns the value stored for key on tenant, and whether
// one is stored.
func (d *DB) TenantSetting(ctx context.Context, tenant, key string) (string, bool, error) {
	var v string
	err := d.db.QueryRowContext(ctx, `SELECT value FROM tenant_settings WHERE tenant = ? AND key = ?`, tenant, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read setting %s of %s: %w", key, tenant, err)
	}
	return v, true, nil
}

// SetTenantSetting stores value for key on tenant; an empty value forgets
// the setting, so the tenant's own default applies again.
func (d *DB) SetTenantSetting(ctx context.Context, tenant, key, value string, at time.Time) error {
	tenant, key, value = strings.TrimSpace(tenant), strings.TrimSpace(key), strings.TrimSpace(value)
	if tenant == "" || key == "" {
		return errors.New("store setting: tenant and key are required")
	}
	err := d.write(ctx, func() error {
		if value == "" {
			_, err := d.db.ExecContext(ctx, `DELETE FROM tenant_settings WHERE tenant = ? AND key = ?`, tenant, key)
			return err
		}
		_, err := d.db.ExecContext(ctx, `INSERT INTO tenant_settings (tenant, key, value, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (tenant, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
			tenant, key, value, at.UTC().Format(time.RFC3339Nano))
		return err
	})
	if err != nil {
		return fmt.Errorf("store setting %s of %s: %w", key, tenant, err)
	}
	return nil
}
