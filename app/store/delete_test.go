package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// personLead is a lead whose one contact is a person with name, e-mail and
// phone, as a file has them.
func personLead(t *testing.T, i int, id, company, name, email, phone string) lead.Item {
	t.Helper()
	raw := `{"id":"` + id + `","companyName":"` + company + `","contacts":[{"name":"` + name + `","email":"` + email + `","phone":"` + phone + `"}]}`
	res, err := lead.Decode("test.json", []byte(raw))
	if err != nil || len(res.Leads) != 1 {
		t.Fatalf("test lead does not decode: %v", err)
	}
	return lead.Item{Index: i, Line: i + 1, Lead: res.Leads[0].Lead}
}

// fileBytes is the database file and its write-ahead log, as a disk holds them.
func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if wal, err := os.ReadFile(path + "-wal"); err == nil {
		b = append(b, wal...)
	}
	return b
}

// The personal data of the deleted lead; each word also appears
// lower-cased in the search index (each word shares no prefix with the
// word before it there, so it is stored whole, not prefix-compressed).
var forgotten = []string{"Xylophant Quimbyworth", "xylophant", "quimbyworth", "zz.mail@forget.example", "+45 9876 5432"}

func seedPersons(t *testing.T, d *DB) (forget, keep int64) {
	t.Helper()
	ctx := context.Background()
	items := []lead.Item{
		personLead(t, 0, "f1", "Glemmes ApS", "Xylophant Quimbyworth", "zz.mail@forget.example", "+45 9876 5432"),
		personLead(t, 1, "k1", "Bliver A/S", "Keepme Stayson", "keep.stay@keep.example", "+45 1111 2222"),
	}
	if _, err := d.ImportLeads(ctx, "test.json", items, t0); err != nil {
		t.Fatal(err)
	}
	forget, err := d.ResolveLead(ctx, "f1")
	if err != nil {
		t.Fatal(err)
	}
	keep, err = d.ResolveLead(ctx, "k1")
	if err != nil {
		t.Fatal(err)
	}
	so := int64(104)
	if _, err := d.AddHistory(ctx, HistoryEntry{LeadID: forget, At: t0, Tenant: "Cust1", User: "u1", Action: "failed", SOContactID: &so,
		Details: HistoryDetails{FieldsWritten: []string{"RabitIQ:1"}, PersonsCreated: 2, Warnings: []string{"person Xylophant Quimbyworth skipped"}}, Error: "e-mail zz.mail@forget.example is invalid"}); err != nil {
		t.Fatal(err)
	}
	if err := d.AddIntent(ctx, Intent{LeadID: forget, Tenant: "Cust1", Marker: `{"name":"Glemmes ApS"}`, CreatedAt: t0}); err != nil {
		t.Fatal(err)
	}
	return forget, keep
}

func TestDeleteLeadsForgetsThePersonInTheFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "leads.db")
	d, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	forget, keep := seedPersons(t, d)
	// The search finds the person, and its hits are cached.
	if n, err := d.CountLeads(ctx, "quimbyworth"); err != nil || n != 1 {
		t.Fatalf("before: search = %d, %v", n, err)
	}

	got, err := d.DeleteLeads(ctx, []int64{forget}, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].LocalID != forget || got[0].ID != "f1" || got[0].CompanyName != "Glemmes ApS" {
		t.Errorf("deleted = %+v", got)
	}
	if n, _ := d.CountLeads(ctx, "quimbyworth"); n != 0 {
		t.Errorf("search still finds the deleted lead's contact: %d", n)
	}
	if n, _ := d.CountLeads(ctx, ""); n != 1 {
		t.Errorf("count = %d, want 1", n)
	}
	rows, err := d.ListLeads(ctx, ListOptions{})
	if err != nil || len(rows) != 1 || rows[0].LocalID != keep {
		t.Errorf("list = %+v, %v", rows, err)
	}
	if _, err := d.GetLead(ctx, forget); !errors.Is(err, ErrNotFound) {
		t.Errorf("GetLead(deleted) = %v", err)
	}
	for _, table := range []string{"contacts", "sync_state", "sync_intents", "leads_fts"} {
		col := "lead_id"
		if table == "leads_fts" {
			col = "rowid"
		}
		var n int
		if err := d.db.QueryRow(`SELECT count(*) FROM `+table+` WHERE `+col+` = ?`, forget).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s still has %d rows of the lead (%v)", table, n, err)
		}
	}
	// The history keeps the audit lines, without details or errors.
	hist, err := d.History(ctx, HistoryFilter{LeadID: forget})
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[0].Action != ActionDeleted || hist[1].Action != "failed" {
		t.Fatalf("history = %+v", hist)
	}
	for _, h := range hist {
		if h.CompanyName != "Glemmes ApS" || h.Error != "" || len(h.Details.Warnings) != 0 {
			t.Errorf("audit line = %+v", h)
		}
	}
	if so := hist[1].SOContactID; so == nil || *so != 104 || hist[1].Tenant != "Cust1" || hist[1].Details.PersonsCreated != 2 || len(hist[1].Details.FieldsWritten) != 1 {
		t.Errorf("the audit line lost the company it was synced to: %+v", hist[1])
	}

	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	b := fileBytes(t, path)
	for _, s := range forgotten {
		if bytes.Contains(b, []byte(s)) {
			t.Errorf("the database file still holds %q", s)
		}
	}
	// The check can see personal data: the kept lead's is there.
	if !bytes.Contains(b, []byte("keep.stay@keep.example")) {
		t.Error("the kept lead's e-mail is not in the file: the byte check sees nothing")
	}
}

func TestDeleteLeadsDeletesNoneWhenOneIsUnknown(t *testing.T) {
	d := openTest(t)
	ctx := context.Background()
	forget, keep := seedPersons(t, d)
	_, err := d.DeleteLeads(ctx, []int64{forget, keep + 1000}, t0)
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
	if n, _ := d.CountLeads(ctx, ""); n != 2 {
		t.Errorf("count = %d, want 2: nothing deleted", n)
	}
	if hist, _ := d.History(ctx, HistoryFilter{LeadID: forget}); len(hist) != 1 || hist[0].Error == "" {
		t.Errorf("history changed: %+v", hist)
	}
}

func TestDeleteAllLeavesAnEmptyDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "leads.db")
	d, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	seedPersons(t, d)
	if err := d.ConfirmField(ctx, "Cust1", "RabitIQ:1", "SuperOffice:1", t0); err != nil {
		t.Fatal(err)
	}
	if err := d.SetTenantSetting(ctx, "Cust1", SettingNewCategory, "3", t0); err != nil {
		t.Fatal(err)
	}
	if n, _ := d.CountLeads(ctx, "keepme"); n != 1 {
		t.Fatalf("before: search = %d", n)
	}
	if err := d.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := d.CountLeads(ctx, "keepme"); n != 0 {
		t.Errorf("search after delete-all = %d", n)
	}
	// Every table of the schema is empty, whatever tables come later;
	// the search index's own shadow tables are checked through it.
	tables, err := d.db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'leads_fts_%' AND name != 'migrations'`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		tables.Scan(&n)
		names = append(names, n)
	}
	tables.Close()
	if len(names) < 7 {
		t.Fatalf("tables = %v", names)
	}
	for _, n := range names {
		var c int
		if err := d.db.QueryRow(`SELECT count(*) FROM ` + n).Scan(&c); err != nil || c != 0 {
			t.Errorf("%s has %d rows (%v)", n, c, err)
		}
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	b := fileBytes(t, path)
	for _, s := range append(forgotten, "keep.stay@keep.example", "Keepme Stayson", "keepme", "Bliver A/S") {
		if bytes.Contains(b, []byte(s)) {
			t.Errorf("the database file still holds %q", s)
		}
	}
	if !strings.Contains(string(b), "SQLite format 3") {
		t.Error("not a database file any more")
	}
}

// A database from before leads could be deleted keeps its history, with
// the company's name copied into it, when it is opened by this version.
func TestMigrationKeepsHistoryWithTheCompanyName(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	if err := createPrivate(path); err != nil {
		t.Fatal(err)
	}
	old, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.Exec(`CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)`); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"0001_init.sql", "0002_sync_intents.sql", "0003_search_and_list_indexes.sql", "0004_drop_redundant_score_index.sql", "0005_field_confirmations.sql"} {
		body, err := migrationFS.ReadFile("migrations/" + n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := old.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if _, err := old.Exec(`INSERT INTO migrations (name) VALUES (?)`, n); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`INSERT INTO leads (id, identity, company_name, name_fold, raw, content_hash, source_file, imported_at, updated_at) VALUES (7, 'id:x', 'Gammel Historie ApS', 'gammel historie aps', '{}', 'h', 'f.json', 't', 't')`,
		`INSERT INTO sync_state (lead_id) VALUES (7)`,
		`INSERT INTO sync_history (lead_id, at, action, so_contact_id, details) VALUES (7, '2026-01-02T03:04:05Z', 'created', 55, '{"created":true,"personsCreated":1}')`,
	} {
		if _, err := old.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	d, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.DeleteLeads(ctx, []int64{7}, t0); err != nil {
		t.Fatal(err)
	}
	h, err := d.History(ctx, HistoryFilter{LeadID: 7})
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 || h[1].Action != "created" || h[1].CompanyName != "Gammel Historie ApS" || h[1].SOContactID == nil || *h[1].SOContactID != 55 || h[1].Details.PersonsCreated != 1 {
		t.Errorf("history after migration and delete = %+v", h)
	}
}
