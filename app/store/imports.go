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

// ImportLeads stores the leads of one file (see ImportBatches).
// A known lead (same identity) is updated only when its content changed,
// and a synced lead that changed is marked "changed" so the user sees that
// SuperOffice is behind; a lead left for review that changed is "new" again.
func (d *DB) ImportLeads(ctx context.Context, file string, items []lead.Item, now time.Time) (FileCounts, error) {
	return d.ImportBatches(ctx, file, now, func(add func([]lead.Item) error) error { return add(items) })
}

// An import commits its batch transaction early, after importBatch.min,
// when another writer of this app waits for the database (the writer
// gate, gate.go, tells), and otherwise every importBatch.max or
// importBatch.leads leads. One transaction for a whole 100,000-lead file
// held SQLite's write lock for ~19 s, longer than the 10 s busy timeout,
// so a sync or a second import in another process failed with "database
// is locked". Committing every quarter second instead cost 12–43 % at
// 100k (a WAL fsync per commit, measured in docs/PERFORMANCE.md); so an
// import commits often only while someone waits, and a writer that does
// not use the gate still waits at most about a second.
var importBatch = struct {
	min, max, check time.Duration
	leads           int
}{min: 100 * time.Millisecond, max: time.Second, check: 10 * time.Millisecond, leads: 10000}

// ImportBatches stores the leads of one file decoded in batches (see
// lead.DecodeStream), so a 100,000-lead file never has to be in memory at
// once. produce calls add with each batch of decoded leads.
//
// The leads are committed in batch transactions (importBatch), not as
// one: other writers get the database between them. On an error, a
// cancelled ctx (checked between leads) or a crash, the leads committed so
// far stay and the rest of the file is not stored; importing the file
// again is safe and completes it, because a known lead with the same
// content is left as it is. The counts returned with an error are those
// of the committed leads. produce runs while a batch holds the writer
// gate, so it must not write to the database itself (reads are fine).
func (d *DB) ImportBatches(ctx context.Context, file string, now time.Time, produce func(add func([]lead.Item) error) error) (FileCounts, error) {
	r := &importRun{d: d, file: file, ts: now.UTC().Format(time.RFC3339Nano), gate: d.gate.open()}
	defer r.gate.close()
	err := produce(func(items []lead.Item) error { return r.add(ctx, items) })
	if err == nil {
		err = r.commit()
	}
	if err != nil {
		r.rollback()
		return r.done, err
	}
	return r.done, nil
}

// importRun is one file's import: the open batch transaction, its
// statements and what it and the committed batches did.
type importRun struct {
	d        *DB
	file, ts string
	gate     *gateHandle

	tx      *sql.Tx
	st      *importStmts
	began   time.Time
	checked time.Duration // when in the batch the gate was last asked
	n       int
	pending FileCounts // in the open transaction
	done    FileCounts // committed
}

func (r *importRun) add(ctx context.Context, items []lead.Item) error {
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("%s: import stopped: %w", r.file, err)
		}
		if r.tx == nil {
			if err := r.begin(ctx); err != nil {
				return fmt.Errorf("%s: %w", r.file, err)
			}
		}
		o, err := r.st.one(ctx, r.file, it.Lead, r.ts)
		if err != nil {
			return fmt.Errorf("%s: lead %d (line %d): %w", r.file, it.Index+1, it.Line, err)
		}
		switch o {
		case Imported:
			r.pending.Imported++
		case Updated:
			r.pending.Updated++
		default:
			r.pending.Unchanged++
		}
		if r.n++; r.batchDone() {
			if err := r.commit(); err != nil {
				return fmt.Errorf("%s: %w", r.file, err)
			}
		}
	}
	return nil
}

// batchDone reports whether the open batch should commit now: it is
// long enough, or another writer waits and it has run importBatch.min.
func (r *importRun) batchDone() bool {
	el := time.Since(r.began)
	if r.n >= importBatch.leads || el >= importBatch.max {
		return true
	}
	if el < importBatch.min || el-r.checked < importBatch.check {
		return false
	}
	r.checked = el
	return r.gate.othersWaiting()
}

// begin opens the next batch's transaction, holding the writer gate
// (gate.go) until its commit.
func (r *importRun) begin(ctx context.Context) error {
	r.gate.batch()
	tx, err := r.d.db.BeginTx(ctx, nil)
	if err != nil {
		r.gate.yield()
		return fmt.Errorf("begin: %w", err)
	}
	st, err := prepareImport(ctx, tx)
	if err != nil {
		_ = tx.Rollback()
		r.gate.yield()
		return err
	}
	r.tx, r.st, r.began, r.checked, r.n = tx, st, time.Now(), 0, 0
	return nil
}

// commit commits the open batch, if any, tells cached searches that the
// leads changed, and lets writers that waited meanwhile go first.
func (r *importRun) commit() error {
	if r.tx == nil {
		return nil
	}
	r.st.close()
	err := r.tx.Commit()
	r.tx, r.st = nil, nil
	defer r.gate.yield()
	if err != nil {
		r.pending = FileCounts{}
		return fmt.Errorf("commit: %w", err)
	}
	r.d.gen.Add(1)
	r.done.Imported += r.pending.Imported
	r.done.Updated += r.pending.Updated
	r.done.Unchanged += r.pending.Unchanged
	r.pending = FileCounts{}
	return nil
}

func (r *importRun) rollback() {
	if r.tx != nil {
		r.st.close()
		_ = r.tx.Rollback()
		r.tx, r.st, r.pending = nil, nil, FileCounts{}
		r.gate.yield()
	}
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
		// New content makes a synced lead "changed" (SuperOffice is
		// behind) and sends a lead left for review back to "new": the
		// person's decision was about the old content, and the next batch
		// matches the new one afresh.
		{&s.markChanged, `UPDATE sync_state SET status = CASE status WHEN 'synced' THEN 'changed' ELSE 'new' END
			WHERE lead_id = ? AND status IN ('synced', 'review')`},
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
