package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// Outcome says what importing one lead did.
type Outcome int

// The outcomes of importing one lead.
const (
	Imported  Outcome = iota // a new lead
	Updated                  // a known lead whose content changed
	Unchanged                // a known lead with the same content
)

// FileCounts counts the outcomes of importing one file.
type FileCounts struct {
	Imported, Updated, Unchanged int
}

// ImportLeads stores the leads of one file in a single transaction: either
// all of them land or, on any error, none do and the database is as before.
// A known lead (same identity) is updated only when its content changed,
// and a synced lead that changed is marked "changed" so the user sees that
// SuperOffice is behind.
func (d *DB) ImportLeads(ctx context.Context, file string, items []lead.Item, now time.Time) (FileCounts, error) {
	return d.ImportBatches(ctx, file, now, func(add func([]lead.Item) error) error { return add(items) })
}

// ImportBatches is ImportLeads for a file decoded in batches (see
// lead.DecodeStream), so a 100,000-lead file never has to be in memory at
// once. produce calls add with each batch; every batch goes into the same
// transaction, which commits only when produce returns nil. ctx is checked
// between leads: a cancelled import rolls back and leaves nothing of the
// file behind.
func (d *DB) ImportBatches(ctx context.Context, file string, now time.Time, produce func(add func([]lead.Item) error) error) (FileCounts, error) {
	var c FileCounts
	ts := now.UTC().Format(time.RFC3339Nano)
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		imp, err := prepareImport(ctx, tx)
		if err != nil {
			return err
		}
		defer imp.close()
		return produce(func(items []lead.Item) error {
			for _, it := range items {
				if err := ctx.Err(); err != nil {
					return fmt.Errorf("%s: import stopped: %w", file, err)
				}
				o, err := imp.one(ctx, file, it.Lead, ts)
				if err != nil {
					return fmt.Errorf("%s: lead %d (line %d): %w", file, it.Index+1, it.Line, err)
				}
				switch o {
				case Imported:
					c.Imported++
				case Updated:
					c.Updated++
				default:
					c.Unchanged++
				}
			}
			return nil
		})
	})
	if err != nil {
		return FileCounts{}, err
	}
	d.gen.Add(1)
	return c, nil
}

// insertLeadSQL stores a new lead; BenchmarkImportParts times it alone.
const insertLeadSQL = `INSERT INTO leads (identity, rabitiq_id, company_name, name_fold, cvr, cvr_valid, website, industry, location, score, contact_count, raw, content_hash, source_file, imported_at, updated_at)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

type importStmts struct {
	find, insert, update, delContacts, insContact, insState, markChanged, insFTS, delFTS *sql.Stmt
}

func prepareImport(ctx context.Context, tx *sql.Tx) (*importStmts, error) {
	s := &importStmts{}
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&s.find, `SELECT id, content_hash FROM leads WHERE identity = ?`},
		{&s.insert, insertLeadSQL},
		{&s.update, `UPDATE leads SET rabitiq_id = ?, company_name = ?, name_fold = ?, cvr = ?, cvr_valid = ?, website = ?, industry = ?, location = ?, score = ?, contact_count = ?, raw = ?, content_hash = ?, source_file = ?, updated_at = ? WHERE id = ?`},
		{&s.delContacts, `DELETE FROM contacts WHERE lead_id = ?`},
		{&s.insContact, `INSERT INTO contacts (lead_id, position, name, title, email, phone, linkedin) VALUES (?, ?, ?, ?, ?, ?, ?)`},
		{&s.insState, `INSERT INTO sync_state (lead_id, status) VALUES (?, 'new')`},
		{&s.markChanged, `UPDATE sync_state SET status = 'changed' WHERE lead_id = ? AND status = 'synced'`},
		{&s.insFTS, `INSERT INTO leads_fts (rowid, name, cvr, industry, location, contacts) VALUES (?, ?, ?, ?, ?, ?)`},
		{&s.delFTS, `DELETE FROM leads_fts WHERE rowid = ?`},
	} {
		st, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			s.close()
			return nil, fmt.Errorf("prepare import: %w", err)
		}
		*p.dst = st
	}
	return s, nil
}

func (s *importStmts) close() {
	for _, st := range []*sql.Stmt{s.find, s.insert, s.update, s.delContacts, s.insContact, s.insState, s.markChanged, s.insFTS, s.delFTS} {
		if st != nil {
			st.Close()
		}
	}
}

func (s *importStmts) one(ctx context.Context, file string, l *lead.Lead, ts string) (Outcome, error) {
	if l == nil {
		return 0, errors.New("no lead")
	}
	hash := l.ContentHash()
	var score any
	if l.Score.Valid {
		score = l.Score.Value
	}
	var id int64
	var oldHash string
	switch err := s.find.QueryRowContext(ctx, l.IdentityKey()).Scan(&id, &oldHash); {
	case errors.Is(err, sql.ErrNoRows):
		res, err := s.insert.ExecContext(ctx, l.IdentityKey(), l.ID, l.CompanyName, fold(l.CompanyName), l.CVR, l.CVRValid,
			l.Website, l.Industry, l.Location, score, len(l.Contacts), []byte(l.Raw), hash, file, ts, ts)
		if err != nil {
			return 0, fmt.Errorf("insert lead: %w", err)
		}
		if id, err = res.LastInsertId(); err != nil {
			return 0, err
		}
		if _, err := s.insState.ExecContext(ctx, id); err != nil {
			return 0, fmt.Errorf("insert sync state: %w", err)
		}
		if err := s.search(ctx, id, l); err != nil {
			return 0, err
		}
		return Imported, s.contacts(ctx, id, l.Contacts)
	case err != nil:
		return 0, fmt.Errorf("find lead: %w", err)
	case oldHash == hash:
		return Unchanged, nil
	}
	if _, err := s.update.ExecContext(ctx, l.ID, l.CompanyName, fold(l.CompanyName), l.CVR, l.CVRValid, l.Website,
		l.Industry, l.Location, score, len(l.Contacts), []byte(l.Raw), hash, file, ts, id); err != nil {
		return 0, fmt.Errorf("update lead: %w", err)
	}
	if _, err := s.delContacts.ExecContext(ctx, id); err != nil {
		return 0, fmt.Errorf("replace contacts: %w", err)
	}
	if _, err := s.markChanged.ExecContext(ctx, id); err != nil {
		return 0, fmt.Errorf("mark changed: %w", err)
	}
	if _, err := s.delFTS.ExecContext(ctx, id); err != nil {
		return 0, fmt.Errorf("replace search entry: %w", err)
	}
	if err := s.search(ctx, id, l); err != nil {
		return 0, err
	}
	return Updated, s.contacts(ctx, id, l.Contacts)
}

func (s *importStmts) contacts(ctx context.Context, leadID int64, cs []lead.Contact) error {
	for i, c := range cs {
		if _, err := s.insContact.ExecContext(ctx, leadID, i, c.Name, c.Title, c.Email, c.Phone, c.LinkedIn); err != nil {
			return fmt.Errorf("insert contact %d: %w", i+1, err)
		}
	}
	return nil
}

// search writes the lead's full-text entry (see migration 0003).
func (s *importStmts) search(ctx context.Context, id int64, l *lead.Lead) error {
	var b strings.Builder
	for _, c := range l.Contacts {
		b.WriteString(c.Name + " " + c.Title + " " + c.Email + " ")
	}
	if _, err := s.insFTS.ExecContext(ctx, id, l.CompanyName, l.CVR, l.Industry, l.Location, b.String()); err != nil {
		return fmt.Errorf("insert search entry: %w", err)
	}
	return nil
}
