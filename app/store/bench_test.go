package store

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/lead/leadgen"
)

// benchFile writes n generated leads to a temporary file.
func benchFile(b *testing.B, n int) string {
	b.Helper()
	p := filepath.Join(b.TempDir(), "leads.json")
	if err := os.WriteFile(p, leadgen.File(n, 7), 0o600); err != nil {
		b.Fatal(err)
	}
	return p
}

func freshDB(b *testing.B, i int) *DB {
	b.Helper()
	d, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench"+strconv.Itoa(i)+".db"))
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// benchImports runs fn once per iteration on a fresh database, timing only
// fn, and reports n leads per iteration as leads/s.
func benchImports(b *testing.B, n int, fn func(ctx context.Context, d *DB)) {
	ctx := context.Background()
	i := 0
	for b.Loop() {
		b.StopTimer()
		d := freshDB(b, i)
		i++
		b.StartTimer()
		fn(ctx, d)
		b.StopTimer()
		d.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "leads/s")
}

// insertRows inserts rows with one prepared statement in one transaction;
// next yields each row's arguments until it returns false.
func insertRows(b *testing.B, ctx context.Context, d *DB, query string, next func() ([]any, bool)) {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	st, err := tx.PrepareContext(ctx, query)
	if err != nil {
		b.Fatal(err)
	}
	for args, ok := next(); ok; args, ok = next() {
		if _, err := st.ExecContext(ctx, args...); err != nil {
			b.Fatal(err)
		}
	}
	st.Close()
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// floorInsert is the floor's store step: the lead rows, with the JSON of
// each as raw, inserted with one prepared statement in one transaction.
// next yields the decoded leads until it returns false.
func floorInsert(b *testing.B, ctx context.Context, d *DB, next func() (leadgen.FloorLead, bool)) {
	now := time.Now().UTC().Format(time.RFC3339Nano)
	insertRows(b, ctx, d, insertLeadSQL, func() ([]any, bool) {
		l, ok := next()
		if !ok {
			return nil, false
		}
		row, _ := json.Marshal(l)
		return []any{"id:" + l.ID, l.ID, l.CompanyName, fold(l.CompanyName), l.CVR, true, l.Website, l.Industry, l.Location,
			l.Score, len(l.Contacts), row, "", "leads.json", now, now}, true
	})
}

// BenchmarkImport10k is the whole import of one 10,000-lead file, as the
// CLI and the window do it: read, decode with every tolerance rule, and
// store leads, contacts and sync state in one transaction.
func BenchmarkImport10k(b *testing.B) {
	path := benchFile(b, 10000)
	benchImports(b, 10000, func(ctx context.Context, d *DB) {
		res, err := lead.DecodeFile(path)
		if err != nil {
			b.Fatal(err)
		}
		c, err := d.ImportLeads(ctx, "leads.json", res.Leads, time.Now())
		if err != nil || c.Imported != 10000 {
			b.Fatalf("%+v %v", c, err)
		}
	})
}

// BenchmarkImportFloor is the least any import can cost: encoding/json into
// plain structs and the same lead rows inserted with one prepared
// statement in one transaction, with no tolerance, no identity look-up and
// no contacts or sync-state rows.
func BenchmarkImportFloor(b *testing.B) {
	path := benchFile(b, 10000)
	benchImports(b, 10000, func(ctx context.Context, d *DB) {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		var leads []leadgen.FloorLead
		if err := json.Unmarshal(data, &leads); err != nil {
			b.Fatal(err)
		}
		i := 0
		floorInsert(b, ctx, d, func() (leadgen.FloorLead, bool) {
			if i == len(leads) {
				return leadgen.FloorLead{}, false
			}
			i++
			return leads[i-1], true
		})
	})
}

// BenchmarkImportParts splits BenchmarkImport10k into cumulative steps, to
// show where an import's time goes and what the least is that storing a
// lead can cost here (docs/PERFORMANCE.md, issue 2):
//
//   - Decode: lead.DecodeFile alone, every tolerance rule.
//   - RawOnly: Decode plus each lead's raw JSON into a table with no
//     index, in one transaction; the least any store of the leads costs.
//   - LeadRows: Decode plus the leads rows exactly as the import writes
//     them (with the list's and the identity's indexes), but no identity
//     look-up, contacts, search entry or sync state.
func BenchmarkImportParts(b *testing.B) {
	path := benchFile(b, 10000)
	decode := func() []lead.Item {
		res, err := lead.DecodeFile(path)
		if err != nil || len(res.Leads) != 10000 {
			b.Fatalf("decode: %d leads, %v", len(res.Leads), err)
		}
		return res.Leads
	}
	insertEach := func(ctx context.Context, d *DB, query string, args func(l *lead.Lead) []any) {
		items := decode()
		i := 0
		insertRows(b, ctx, d, query, func() ([]any, bool) {
			if i == len(items) {
				return nil, false
			}
			i++
			return args(items[i-1].Lead), true
		})
	}
	b.Run("Decode", func(b *testing.B) {
		benchImports(b, 10000, func(context.Context, *DB) { decode() })
	})
	b.Run("RawOnly", func(b *testing.B) {
		benchImports(b, 10000, func(ctx context.Context, d *DB) {
			b.StopTimer()
			if _, err := d.db.ExecContext(ctx, `CREATE TABLE bare (id INTEGER PRIMARY KEY, raw TEXT NOT NULL)`); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			insertEach(ctx, d, `INSERT INTO bare (raw) VALUES (?)`, func(l *lead.Lead) []any { return []any{[]byte(l.Raw)} })
		})
	})
	b.Run("LeadRows", func(b *testing.B) {
		ts := time.Now().UTC().Format(time.RFC3339Nano)
		benchImports(b, 10000, func(ctx context.Context, d *DB) {
			insertEach(ctx, d, insertLeadSQL, func(l *lead.Lead) []any {
				var score any
				if l.Score.Valid {
					score = l.Score.Value
				}
				return []any{l.IdentityKey(), l.ID, l.CompanyName, fold(l.CompanyName), l.CVR, l.CVRValid,
					l.Website, l.Industry, l.Location, score, len(l.Contacts), []byte(l.Raw), l.ContentHash(), "leads.json", ts, ts}
			})
		})
	})
}
