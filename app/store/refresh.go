package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The states of a read-back from SuperOffice.
const (
	RefreshSame    = "same"    // the company is there and holds what it held after our last sync
	RefreshChanged = "changed" // a user changed name, OrgNr, website or owner there
	RefreshGone    = "gone"    // deleted or merged away: the lead must be matched again
)

// SettingRefreshLastRun is the tenant setting with the time (RFC 3339) the
// window last read the linked companies back, so it does so at most daily.
const SettingRefreshLastRun = "refresh.lastRun"

// RefreshChange is one field that differs in SuperOffice: Local is what
// SuperOffice held after our last sync, SuperOffice what it holds now.
// For the owner both are full names (what a person reads; "" when the
// tenant did not say) and the associate ids, which are what is compared,
// ride along (0 in changes stored before names were read).
type RefreshChange struct {
	Field              string `json:"field"`
	Local              string `json:"local"`
	SuperOffice        string `json:"superOffice"`
	LocalOwnerID       int    `json:"localOwnerId,omitempty"`
	SuperOfficeOwnerID int    `json:"superOfficeOwnerId,omitempty"`
}

// Refresh is the stored outcome of one lead's read-back.
type Refresh struct {
	LeadID    int64
	Tenant    string
	ContactID int64
	State     string
	Changes   []RefreshChange
	OwnerID   int // the owner the company is compared with (0: none known)
	CheckedAt time.Time
}

// LinkedLead is a lead synced to a company on a tenant.
type LinkedLead struct {
	LocalID     int64
	ID          string // RabitIQ id
	CompanyName string
	ContactID   int64
}

// LinkedLeads returns the leads linked to a company on tenant (all of
// them when ids is empty, else those of ids that are linked), by local id.
func (d *DB) LinkedLeads(ctx context.Context, tenant string, ids []int64) ([]LinkedLead, error) {
	q := `SELECT l.id, l.rabitiq_id, l.company_name, s.so_contact_id FROM leads l JOIN sync_state s ON s.lead_id = l.id
		WHERE s.so_contact_id IS NOT NULL AND (s.tenant = '' OR s.tenant = ?)`
	args := []any{tenant}
	if len(ids) > 0 {
		q += ` AND l.id IN (?` + strings.Repeat(",?", len(ids)-1) + `)`
		for _, id := range ids {
			args = append(args, id)
		}
	}
	rows, err := d.db.QueryContext(ctx, q+` ORDER BY l.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("linked leads: %w", err)
	}
	defer rows.Close()
	var out []LinkedLead
	for rows.Next() {
		var l LinkedLead
		if err := rows.Scan(&l.LocalID, &l.ID, &l.CompanyName, &l.ContactID); err != nil {
			return nil, fmt.Errorf("linked leads: %w", err)
		}
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("linked leads: %w", err)
	}
	return out, nil
}

// SaveRefreshes stores read-back outcomes in one transaction: all of a
// batch or none, so a failure never leaves half a batch judged.
func (d *DB) SaveRefreshes(ctx context.Context, rs []Refresh) error {
	if len(rs) == 0 {
		return nil
	}
	err := d.write(ctx, func() error {
		return d.inTx(ctx, func(tx *sql.Tx) error {
			for _, r := range rs {
				ch := r.Changes
				if ch == nil {
					ch = []RefreshChange{}
				}
				js, err := json.Marshal(ch)
				if err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO refresh_state (lead_id, tenant, so_contact_id, state, changes, owner_id, checked_at)
					VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lead_id) DO UPDATE SET tenant = excluded.tenant, so_contact_id = excluded.so_contact_id,
					state = excluded.state, changes = excluded.changes, owner_id = excluded.owner_id, checked_at = excluded.checked_at`,
					r.LeadID, r.Tenant, r.ContactID, r.State, string(js), r.OwnerID, r.CheckedAt.UTC().Format(time.RFC3339Nano)); err != nil {
					return fmt.Errorf("lead %d: %w", r.LeadID, err)
				}
			}
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("store read-back: %w", err)
	}
	return nil
}

// RefreshOf returns the lead's last read-back, if there is one for the
// company it is linked to now on tenant (an answer about an earlier
// company is stale and not returned).
func (d *DB) RefreshOf(ctx context.Context, leadID int64, tenant string) (Refresh, bool, error) {
	r := Refresh{LeadID: leadID}
	var js, at string
	err := d.db.QueryRowContext(ctx, `SELECT r.tenant, r.so_contact_id, r.state, r.changes, r.owner_id, r.checked_at
		FROM refresh_state r JOIN sync_state s ON s.lead_id = r.lead_id
		WHERE r.lead_id = ? AND r.tenant = ? AND s.so_contact_id = r.so_contact_id`, leadID, tenant).
		Scan(&r.Tenant, &r.ContactID, &r.State, &js, &r.OwnerID, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return Refresh{}, false, nil
	}
	if err != nil {
		return Refresh{}, false, fmt.Errorf("read-back of lead %d: %w", leadID, err)
	}
	if err := json.Unmarshal([]byte(js), &r.Changes); err != nil {
		return Refresh{}, false, fmt.Errorf("read-back of lead %d: %w", leadID, err)
	}
	if r.CheckedAt, err = time.Parse(time.RFC3339Nano, at); err != nil {
		return Refresh{}, false, fmt.Errorf("read-back of lead %d: %w", leadID, err)
	}
	return r, true, nil
}

// MarkGoneForReview leaves a lead whose company is gone from SuperOffice
// for a person to match again (status review, with reason), but only while
// it is still linked to that company: a batch must never re-create a
// company a user deleted or merged on purpose.
func (d *DB) MarkGoneForReview(ctx context.Context, leadID, contactID int64, reason string) error {
	return d.write(ctx, func() error {
		res, err := d.db.ExecContext(ctx, `UPDATE sync_state SET status = 'review', last_error = ? WHERE lead_id = ? AND so_contact_id = ?`,
			reason, leadID, contactID)
		return oneRow(res, err, "leave lead %d for review", leadID)
	})
}
