package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

var t0 = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func openTest(t *testing.T) *DB {
	t.Helper()
	d, err := Open(context.Background(), filepath.Join(t.TempDir(), "sub dir æøå", "leads.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// item stores l with raw JSON that decodes back to l, as an import would.
func item(i int, l lead.Lead) lead.Item {
	m := map[string]any{"id": l.ID, "companyName": l.CompanyName, "cvr": l.CVR, "industry": l.Industry, "location": l.Location}
	if l.Score.Valid {
		m["score"] = l.Score.Value
	}
	var cs []map[string]string
	for _, c := range l.Contacts {
		cs = append(cs, map[string]string{"name": c.Name, "email": c.Email})
	}
	m["contacts"] = cs
	raw, _ := json.Marshal(m)
	res, err := lead.Decode("test.json", raw)
	if err != nil || len(res.Leads) != 1 {
		panic(fmt.Sprint("test lead does not decode: ", err))
	}
	return lead.Item{Index: i, Line: i + 1, Lead: res.Leads[0].Lead}
}

func num(v float64) lead.Number { return lead.Number{Value: v, Valid: true} }

func TestOpenAppliesMigrationsAndPragmasOnEveryConnection(t *testing.T) {
	d := openTest(t)
	ctx := context.Background()
	// Hold several connections at once so the pool must open new ones.
	for i := 0; i < 3; i++ {
		c, err := d.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		var mode string
		var fk, sync, busy int
		if err := c.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		c.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk)
		c.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync)
		c.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&busy)
		if mode != "wal" || fk != 1 || sync != 2 || busy != 10000 {
			t.Errorf("conn %d: journal_mode=%s foreign_keys=%d synchronous=%d busy_timeout=%d", i, mode, fk, sync, busy)
		}
	}
	var n int
	if err := d.db.QueryRow(`SELECT count(*) FROM migrations`).Scan(&n); err != nil || n < 1 {
		t.Fatalf("migrations applied = %d, %v", n, err)
	}
}

func TestReopenIsIdempotentAndNewerDatabaseIsRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "leads.db")
	d, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	d, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	if _, err := d.db.Exec(`INSERT INTO migrations (name) VALUES ('9999_from_the_future.sql')`); err != nil {
		t.Fatal(err)
	}
	d.Close()
	_, err = Open(ctx, path)
	if !errors.Is(err, ErrNewerDatabase) {
		t.Fatalf("Open(newer) = %v, want ErrNewerDatabase", err)
	}
	if want := "9999_from_the_future.sql"; !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
		t.Errorf("error %q should name the migration and the file", err)
	}
}

func TestImportReimportChangeAndSyncedBecomesChanged(t *testing.T) {
	d := openTest(t)
	ctx := context.Background()
	items := []lead.Item{
		item(0, lead.Lead{ID: "a", CompanyName: "Alfa ApS", Score: num(50), Contacts: []lead.Contact{{Name: "Ann", Email: "ann@alfa.dk"}}}),
		item(1, lead.Lead{ID: "b", CompanyName: "Beta A/S", Score: num(90)}),
		item(2, lead.Lead{ID: "c", CompanyName: "Cæsar I/S"}),
	}
	c, err := d.ImportLeads(ctx, "f.json", items, t0)
	if err != nil || c != (FileCounts{Imported: 3}) {
		t.Fatalf("first import = %+v, %v", c, err)
	}
	c, err = d.ImportLeads(ctx, "f.json", items, t0)
	if err != nil || c != (FileCounts{Unchanged: 3}) {
		t.Fatalf("re-import = %+v, %v", c, err)
	}
	idA, err := d.ResolveLead(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if err := d.MarkSynced(ctx, idA, 4711, "Cust1", t0); err != nil {
		t.Fatal(err)
	}
	changed := item(0, lead.Lead{ID: "a", CompanyName: "Alfa ApS", Score: num(55), Contacts: []lead.Contact{{Name: "Ann"}, {Name: "Bo"}}})
	c, err = d.ImportLeads(ctx, "g.json", append([]lead.Item{changed}, items[1:]...), t0.Add(time.Hour))
	if err != nil || c != (FileCounts{Updated: 1, Unchanged: 2}) {
		t.Fatalf("changed import = %+v, %v", c, err)
	}
	det, err := d.GetLead(ctx, idA)
	if err != nil {
		t.Fatal(err)
	}
	if det.Row.Status != StatusChanged || det.Row.SOContactID == nil || *det.Row.SOContactID != 4711 {
		t.Errorf("status = %s, so id = %v; want changed and 4711 kept", det.Row.Status, det.Row.SOContactID)
	}
	if det.Row.Contacts != 2 || len(det.Lead.Contacts) != 2 || det.Lead.Score.Value != 55 {
		t.Errorf("lead not updated: %+v", det.Row)
	}
	if string(det.Raw) == "" {
		t.Error("raw JSON not kept")
	}
}

// A lead that cannot be stored rolls back the batch it is in (here the
// whole small file) and the error names the file and the lead.
func TestFailedLeadRollsBackItsBatch(t *testing.T) {
	d := openTest(t)
	ctx := context.Background()
	items := []lead.Item{item(0, lead.Lead{ID: "a", CompanyName: "Alfa"}), {Index: 1, Line: 2}, item(2, lead.Lead{ID: "c", CompanyName: "C"})}
	if _, err := d.ImportLeads(ctx, "broken.json", items, t0); err == nil || !strings.Contains(err.Error(), "broken.json: lead 2 (line 2)") {
		t.Fatalf("err = %v, want one naming the file and lead", err)
	}
	if n, _ := d.CountLeads(ctx, ""); n != 0 {
		t.Fatalf("%d leads stored after a failed file, want 0", n)
	}
}

func TestListSortSearchPageAndResolve(t *testing.T) {
	d := openTest(t)
	ctx := context.Background()
	var items []lead.Item
	for i, l := range []lead.Lead{
		{ID: "x1", CompanyName: "Østjysk Bolig", Score: num(70), CVR: "29935181", CVRValid: true, Industry: "Byg"},
		{ID: "x2", CompanyName: "aarhus 100%_data", Score: num(70), Location: "Aarhus C"},
		{ID: "x3", CompanyName: "Bornholm Fisk", Industry: "Fiskeri"},
		{ID: "x4", CompanyName: "Zealand Tech", Score: num(99)},
	} {
		items = append(items, item(i, l))
	}
	if _, err := d.ImportLeads(ctx, "f.json", items, t0); err != nil {
		t.Fatal(err)
	}
	rows, err := d.ListLeads(ctx, ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range rows {
		names = append(names, r.CompanyName)
	}
	want := []string{"Zealand Tech", "aarhus 100%_data", "Østjysk Bolig", "Bornholm Fisk"}
	if len(names) != 4 || names[0] != want[0] || names[1] != want[1] || names[2] != want[2] || names[3] != want[3] {
		t.Errorf("order = %q, want %q (score desc, name, no score last)", names, want)
	}
	for q, wantN := range map[string]int{"østjysk": 1, "ØSTJYSK": 1, "2993": 1, "fiskeri": 1, "aarhus": 1, "100%": 1, "%": 1, "_": 1, "": 4, "nothing": 0} {
		n, err := d.CountLeads(ctx, q)
		if err != nil || n != wantN {
			t.Errorf("CountLeads(%q) = %d, %v; want %d", q, n, err, wantN)
		}
	}
	page, err := d.ListLeads(ctx, ListOptions{Sort: SortName, Offset: 1, Limit: 2})
	if err != nil || len(page) != 2 || page[0].CompanyName != "Bornholm Fisk" {
		t.Errorf("page = %+v, %v", page, err)
	}
	id, err := d.ResolveLead(ctx, "x3")
	if err != nil {
		t.Fatal(err)
	}
	if id2, err := d.ResolveLead(ctx, strconv.FormatInt(id, 10)); err != nil || id2 != id {
		t.Errorf("ResolveLead(local id) = %d, %v", id2, err)
	}
	if _, err := d.ResolveLead(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("ResolveLead(nope) = %v", err)
	}
	if err := d.MarkFailed(ctx, 9999, "x", t0); !errors.Is(err, ErrNotFound) {
		t.Errorf("MarkFailed(unknown) = %v", err)
	}
}
