package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ActionDeleted is the history action of a lead deleted locally: its
// audit line, which outlives the lead.
const ActionDeleted = "deleted"

// DeletedLead is a lead DeleteLeads removed.
type DeletedLead struct {
	LocalID     int64
	ID          string // RabitIQ lead id
	CompanyName string
}

// DeleteLeads removes leads from this computer only (nothing is sent to
// SuperOffice): each lead, its contacts, its raw JSON, its search index
// entry, its sync state and any create intent. Its sync history keeps
// only audit lines: lead id, company, date, tenant and what happened
// (which fields were written, how many persons), without the warnings and
// errors, which can name persons and their e-mails; plus one line saying
// it was deleted at. Either every lead in ids is deleted or,
// when one is unknown (an error wrapping ErrNotFound), none is.
//
// The database is opened with secure_delete, the search index entries
// are deleted with FTS5's secure-delete, and the write-ahead log is
// truncated afterwards, so the personal data is gone from the files too.
func (d *DB) DeleteLeads(ctx context.Context, ids []int64, at time.Time) ([]DeletedLead, error) {
	var out []DeletedLead
	err := d.write(ctx, func() error {
		out = out[:0]
		return d.inTx(ctx, func(tx *sql.Tx) error {
			if err := ftsSecureDelete(ctx, tx, true); err != nil {
				return err
			}
			seen := map[int64]bool{}
			for _, id := range ids {
				if seen[id] {
					continue
				}
				seen[id] = true
				dl, err := deleteLead(ctx, tx, id, at)
				if err != nil {
					return err
				}
				out = append(out, dl)
			}
			return ftsSecureDelete(ctx, tx, false)
		})
	})
	if err != nil {
		return nil, fmt.Errorf("delete leads: %w", err)
	}
	d.gen.Add(1) // cached search hits may name the deleted leads
	d.truncateWAL(ctx)
	return out, nil
}

// deleteLead deletes one lead inside tx (see DeleteLeads).
func deleteLead(ctx context.Context, tx *sql.Tx, id int64, at time.Time) (DeletedLead, error) {
	dl := DeletedLead{LocalID: id}
	var tenant string
	var so sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT l.rabitiq_id, l.company_name, coalesce(s.tenant, ''), s.so_contact_id
		FROM leads l LEFT JOIN sync_state s ON s.lead_id = l.id WHERE l.id = ?`, id).Scan(&dl.ID, &dl.CompanyName, &tenant, &so)
	if errors.Is(err, sql.ErrNoRows) {
		return dl, fmt.Errorf("lead %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return dl, fmt.Errorf("read lead %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE sync_history SET company_name = ?, details = json_remove(details, '$.warnings'), error = '' WHERE lead_id = ?`, dl.CompanyName, id); err != nil {
		return dl, fmt.Errorf("strip the history of lead %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO sync_history (lead_id, company_name, at, tenant, action, so_contact_id) VALUES (?, ?, ?, ?, ?, ?)`,
		id, dl.CompanyName, at.UTC().Format(time.RFC3339Nano), tenant, ActionDeleted, so); err != nil {
		return dl, fmt.Errorf("record the deletion of lead %d: %w", id, err)
	}
	// Contacts, sync state and intents go with the lead (ON DELETE
	// CASCADE), its search entry by the leads_fts_delete trigger.
	if _, err := tx.ExecContext(ctx, `DELETE FROM leads WHERE id = ?`, id); err != nil {
		return dl, fmt.Errorf("delete lead %d: %w", id, err)
	}
	return dl, nil
}

// ftsSecureDelete turns FTS5's secure-delete on or off for the search
// index. Without it a deleted row's words stay in the index's older
// segments (only marked deleted) until a merge. It is on only while
// deleting, as it makes every delete, also a re-import's, slower.
func ftsSecureDelete(ctx context.Context, tx *sql.Tx, on bool) error {
	v := 0
	if on {
		v = 1
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO leads_fts (leads_fts, rank) VALUES ('secure-delete', ?)`, v); err != nil {
		return fmt.Errorf("set the search index's secure-delete: %w", err)
	}
	return nil
}

// DeleteAll empties the database ("Slet alle lokale data"): every lead
// with its contacts and search entries, all sync state, intents and
// history (no audit line is kept: nothing is left to audit), the
// confirmed custom fields and the choices per tenant (category, business,
// follow-up). Only the schema stays. The SuperOffice
// sign-in lives in the OS keyring and is not touched. The file is then
// compacted (VACUUM) and the write-ahead log truncated, so nothing
// deleted stays in them.
func (d *DB) DeleteAll(ctx context.Context) error {
	err := d.write(ctx, func() error {
		return d.inTx(ctx, func(tx *sql.Tx) error {
			for _, q := range []string{
				`DELETE FROM leads`, // contacts, sync_state, sync_intents and leads_fts with it
				`DELETE FROM sync_history`,
				`DELETE FROM field_confirmations`,
				`DELETE FROM tenant_settings`, // the user's choices per tenant go too: nothing is left
				// The index of an empty table: drops every segment, and
				// with it the deleted rows' words.
				`INSERT INTO leads_fts (leads_fts) VALUES ('rebuild')`,
			} {
				if _, err := tx.ExecContext(ctx, q); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("delete all local data: %w", err)
	}
	d.gen.Add(1)
	if err := d.write(ctx, func() error {
		_, err := d.db.ExecContext(ctx, `VACUUM`)
		return err
	}); err != nil {
		return fmt.Errorf("delete all local data: compact the database: %w", err)
	}
	d.truncateWAL(ctx)
	return nil
}

// truncateWAL copies the write-ahead log into the database and empties
// it, so that older versions of deleted pages are not left in the -wal
// file. It is an operation on the database, not a connection setting, so
// it is run here rather than in the DSN. When a reader holds the log
// (another window's query) it is left for SQLite's next checkpoint; the
// deleted rows are already gone from the database's pages.
func (d *DB) truncateWAL(ctx context.Context) {
	var busy, logFrames, done int
	_ = d.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logFrames, &done)
}
