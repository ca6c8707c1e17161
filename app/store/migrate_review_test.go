package store

import (
	"context"
	"database/sql"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// A database written before the review status (migrations up to 0006)
// opens with every lead's sync state as it was, accepts "review"
// afterwards, and still removes a lead's sync state with the lead.
func TestReviewMigrationKeepsSyncStates(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)`); err != nil {
		t.Fatal(err)
	}
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	for _, n := range names {
		base := filepath.Base(n)
		if base >= "0007" {
			break
		}
		body, err := migrationFS.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", base, err)
		}
		if _, err := raw.Exec(`INSERT INTO migrations (name) VALUES (?)`, base); err != nil {
			t.Fatal(err)
		}
	}
	for i, st := range []struct {
		status, lastError string
		company           any
	}{{"new", "", nil}, {"synced", "", int64(70)}, {"failed", "HTTP 500", int64(71)}, {"changed", "", int64(72)}} {
		id := i + 1
		name := "Firma " + st.status
		if _, err := raw.Exec(`INSERT INTO leads (id, identity, rabitiq_id, company_name, name_fold, raw, content_hash, source_file, imported_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, 'h', 'a.json', '2026-11-25T12:00:00Z', '2026-11-25T12:00:00Z')`,
			id, "id:"+st.status, st.status, name, strings.ToLower(name), `{"id":"`+st.status+`","companyName":"`+name+`"}`); err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(`INSERT INTO sync_state (lead_id, status, so_contact_id, tenant, last_error, synced_hash) VALUES (?, ?, ?, 'Cust1', ?, 'h')`,
			id, st.status, st.company, st.lastError); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := raw.Exec(`UPDATE sync_state SET status = 'review' WHERE lead_id = 1`); err == nil || !strings.Contains(err.Error(), "CHECK") {
		t.Fatalf("the old schema took 'review' (%v): the test does not start from the old database", err)
	}
	raw.Close()

	d, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	for id, want := range map[int64]leadState{
		1: {status: StatusNew}, 2: {status: StatusSynced, company: 70}, 3: {status: StatusFailed, company: 71, lastError: "HTTP 500"}, 4: {status: StatusChanged, company: 72},
	} {
		got := stateOf(t, d, id)
		if got.status != want.status || got.company != want.company || got.lastError != want.lastError || got.syncedHash != "h" {
			t.Errorf("lead %d after the migration = %+v, want %+v", id, got, want)
		}
	}
	must(t, d.MarkReview(ctx, 1, ""))
	if s, err := d.StatusOf(ctx, 1); err != nil || s != StatusReview {
		t.Errorf("lead 1 = %s, %v; want review", s, err)
	}
	if _, err := d.db.ExecContext(ctx, `DELETE FROM leads WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM sync_state WHERE lead_id = 1`).Scan(&n); err != nil || n != 0 {
		t.Errorf("sync state rows of a deleted lead = %d, %v; want 0 (cascade)", n, err)
	}
}
