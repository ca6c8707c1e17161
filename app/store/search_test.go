package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

func importSearchLeads(t *testing.T, d *DB) {
	t.Helper()
	var items []lead.Item
	for i, l := range []lead.Lead{
		{ID: "s1", CompanyName: "Jensen's Bøfhus", CVR: "29935181", CVRValid: true, Industry: "Restaurant", Location: "Aarhus C",
			Contacts: []lead.Contact{{Name: "Mette Kjær Østergaard", Email: "mette@bofhus.dk"}}},
		{ID: "s2", CompanyName: "Fjordkraft AND Energi", Industry: "Energi", Location: "København K"},
		{ID: "s3", CompanyName: "Havbris \"Quote\" ApS", Industry: "Software", Location: "Odense"},
	} {
		items = append(items, item(i, l))
	}
	if _, err := d.ImportLeads(context.Background(), "s.json", items, t0); err != nil {
		t.Fatal(err)
	}
}

func TestSearchIsFullTextWithPrefixesAndSurvivesAnyInput(t *testing.T) {
	d := openTest(t)
	importSearchLeads(t, d)
	ctx := context.Background()
	for q, want := range map[string]int{
		"jens": 1, "Jensen's": 1, "jensen's bøf": 1, "bøfhus aarhus": 1, "mette": 1, "østergaard": 1, "bofhus.dk": 1,
		"9935": 1, "2993 5181": 1, "299": 1, "energi": 1, "AND": 1, "OR": 0, "NOT": 0, "NEAR(": 0,
		`"`: 1, `"quote`: 1, `*`: 0, `-`: 0, `-jens`: 1, `jens*`: 1, `a:b`: 1, "(": 0, "'": 1, "k": 2, "købe": 1, "xyz": 0,
	} {
		n, err := d.CountLeads(ctx, q)
		if err != nil || n != want {
			t.Errorf("CountLeads(%q) = %d, %v; want %d", q, n, err, want)
		}
		rows, err := d.ListLeads(ctx, ListOptions{Query: q, Limit: 10})
		if err != nil || len(rows) != want {
			t.Errorf("ListLeads(%q) = %d rows, %v; want %d", q, len(rows), err, want)
		}
	}
}

func TestSearchFollowsUpdatesAndDeletes(t *testing.T) {
	d := openTest(t)
	importSearchLeads(t, d)
	ctx := context.Background()
	moved := item(0, lead.Lead{ID: "s1", CompanyName: "Jensen's Bøfhus", Location: "Vejle", Contacts: []lead.Contact{{Name: "Ole Larsen"}}})
	if c, err := d.ImportLeads(ctx, "s2.json", []lead.Item{moved}, t0); err != nil || c.Updated != 1 {
		t.Fatalf("%+v %v", c, err)
	}
	for q, want := range map[string]int{"vejle": 1, "aarhus": 0, "mette": 0, "larsen": 1, "jensen": 1} {
		if n, _ := d.CountLeads(ctx, q); n != want {
			t.Errorf("after update CountLeads(%q) = %d; want %d", q, n, want)
		}
	}
	if _, err := d.db.ExecContext(ctx, `DELETE FROM leads WHERE rabitiq_id = 's1'`); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM leads_fts WHERE leads_fts MATCH '"jensen"*'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("search entries left after delete: %d, %v", n, err)
	}
}

func TestMigrationBackfillsSearchForExistingLeads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	ctx := context.Background()
	d, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	importSearchLeads(t, d)
	// Turn the database back into one written before migration 0003.
	if _, err := d.db.ExecContext(ctx, `DROP TRIGGER leads_fts_delete; DROP TABLE leads_fts; DROP INDEX leads_list_score;
		DROP INDEX leads_list_imported; DELETE FROM migrations WHERE name LIKE '0003%'`); err != nil {
		t.Fatal(err)
	}
	d.Close()
	d, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for q, want := range map[string]int{"mette": 1, "bøfhus": 1, "odense": 1, "2993": 1} {
		if n, err := d.CountLeads(ctx, q); err != nil || n != want {
			t.Errorf("after backfill CountLeads(%q) = %d, %v; want %d", q, n, err, want)
		}
	}
}

func TestCancelledImportLeavesNothing(t *testing.T) {
	d := openTest(t)
	ctx, cancel := context.WithCancel(context.Background())
	_, err := d.ImportBatches(ctx, "big.json", t0, func(add func([]lead.Item) error) error {
		if err := add([]lead.Item{item(0, lead.Lead{ID: "c1", CompanyName: "Alfa"})}); err != nil {
			return err
		}
		cancel()
		return add([]lead.Item{item(1, lead.Lead{ID: "c2", CompanyName: "Beta"})})
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if n, _ := d.CountLeads(context.Background(), ""); n != 0 {
		t.Errorf("%d leads stored after a cancelled import, want 0", n)
	}
}

func TestDeepPagesFollowTheOrder(t *testing.T) {
	d := openTest(t)
	ctx := context.Background()
	var items []lead.Item
	for i := range 250 {
		l := lead.Lead{ID: "p" + string(rune('a'+i%26)) + string(rune('a'+i/26)), CompanyName: "Firma " + string(rune('A'+i%26)) + string(rune('a'+i/26))}
		if i%3 != 0 {
			l.Score = num(float64(i % 7))
		}
		items = append(items, item(i, l))
	}
	if _, err := d.ImportLeads(ctx, "p.json", items, t0); err != nil {
		t.Fatal(err)
	}
	for _, s := range []Sort{SortScore, SortName, SortImported} {
		all, err := d.ListLeads(ctx, ListOptions{Sort: s})
		if err != nil || len(all) != 250 {
			t.Fatalf("sort %d: %d rows, %v", s, len(all), err)
		}
		for off := 0; off < 250; off += 100 {
			page, err := d.ListLeads(ctx, ListOptions{Sort: s, Offset: off, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range page {
				if r.LocalID != all[off+i].LocalID {
					t.Fatalf("sort %d offset %d row %d = %d, want %d", s, off, i, r.LocalID, all[off+i].LocalID)
				}
			}
		}
	}
}
