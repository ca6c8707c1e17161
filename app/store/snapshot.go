package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Snapshot is a lead's company as SuperOffice held it right after our
// last sync (or, for a lead synced before snapshots were kept, at its
// first read-back): what "Opdater fra SuperOffice" measures a user's
// changes there against.
type Snapshot struct {
	LeadID    int64
	Tenant    string
	ContactID int64
	Name      string
	OrgNr     string
	Website   string // the first web address
	OwnerID   int    // the owner's associate id; 0 when SuperOffice did not say
	OwnerName string // the owner's full name; "" when SuperOffice did not say
	TakenAt   time.Time
}

// SaveSnapshots stores snapshots in one transaction, each replacing the
// lead's earlier one (a re-sync moves the yardstick to what it left).
func (d *DB) SaveSnapshots(ctx context.Context, ss []Snapshot) error {
	if len(ss) == 0 {
		return nil
	}
	err := d.write(ctx, func() error {
		return d.inTx(ctx, func(tx *sql.Tx) error {
			for _, s := range ss {
				if err := saveSnapshot(ctx, tx, s); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("store sync snapshot: %w", err)
	}
	return nil
}

// saveSnapshot stores s in tx, replacing the lead's earlier snapshot.
func saveSnapshot(ctx context.Context, tx *sql.Tx, s Snapshot) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO sync_snapshot (lead_id, tenant, so_contact_id, name, orgnr, website, owner_id, owner_name, taken_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lead_id) DO UPDATE SET tenant = excluded.tenant, so_contact_id = excluded.so_contact_id,
		name = excluded.name, orgnr = excluded.orgnr, website = excluded.website, owner_id = excluded.owner_id,
		owner_name = excluded.owner_name, taken_at = excluded.taken_at`,
		s.LeadID, s.Tenant, s.ContactID, s.Name, s.OrgNr, s.Website, s.OwnerID, s.OwnerName, s.TakenAt.UTC().Format(time.RFC3339Nano)); err != nil {
		return fmt.Errorf("lead %d: %w", s.LeadID, err)
	}
	return nil
}

// SnapshotOf returns the lead's snapshot on tenant if it describes the
// company the lead is linked to now (one of an earlier company is no
// yardstick and is not returned).
func (d *DB) SnapshotOf(ctx context.Context, leadID int64, tenant string) (Snapshot, bool, error) {
	s := Snapshot{LeadID: leadID}
	var at string
	err := d.db.QueryRowContext(ctx, `SELECT p.tenant, p.so_contact_id, p.name, p.orgnr, p.website, p.owner_id, p.owner_name, p.taken_at
		FROM sync_snapshot p JOIN sync_state s ON s.lead_id = p.lead_id
		WHERE p.lead_id = ? AND p.tenant = ? AND s.so_contact_id = p.so_contact_id`, leadID, tenant).
		Scan(&s.Tenant, &s.ContactID, &s.Name, &s.OrgNr, &s.Website, &s.OwnerID, &s.OwnerName, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return Snapshot{}, false, nil
	}
	if err != nil {
		return Snapshot{}, false, fmt.Errorf("sync snapshot of lead %d: %w", leadID, err)
	}
	if s.TakenAt, err = time.Parse(time.RFC3339Nano, at); err != nil {
		return Snapshot{}, false, fmt.Errorf("sync snapshot of lead %d: %w", leadID, err)
	}
	return s, true, nil
}
