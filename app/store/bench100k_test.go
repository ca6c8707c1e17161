package store

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/lead/leadgen"
)

// bigFile writes n generated leads (n a multiple of 1000) as one JSON
// array, 1000 at a time so the generator never holds the 330 MB of a
// 100,000-lead file at once. Seeds differ per chunk, so ids differ.
func bigFile(b *testing.B, n int) string {
	b.Helper()
	p := filepath.Join(b.TempDir(), "leads.json")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	if err := leadgen.WriteBig(f, n); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return p
}

// importStream is what importer.File does: stream-decode and store in
// batches inside one transaction.
func importStream(ctx context.Context, d *DB, path string) (FileCounts, error) {
	return d.ImportBatches(ctx, filepath.Base(path), time.Now(), func(add func([]lead.Item) error) error {
		return lead.DecodeStream(path, lead.StreamBatch, func(res *lead.Result, _, _ int64) error { return add(res.Leads) })
	})
}

// peakRSSMB is the process's peak resident memory so far (VmHWM), in MB.
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkImport100k is the whole streamed import of one 100,000-lead
// (330 MB) file. peak-RSS-MB is the process's high-water mark, which
// includes the benchmark's own generation of the file.
func BenchmarkImport100k(b *testing.B) {
	path := bigFile(b, 100000)
	benchImports(b, 100000, func(ctx context.Context, d *DB) {
		c, err := importStream(ctx, d, path)
		if err != nil || c.Imported != 100000 {
			b.Fatalf("%+v %v", c, err)
		}
	})
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
}

// BenchmarkImportFloor100k is BenchmarkImportFloor at 100,000 leads. A
// single json.Unmarshal of 330 MB would need gigabytes, so the floor
// decodes element by element with encoding/json's Decoder.
func BenchmarkImportFloor100k(b *testing.B) {
	path := bigFile(b, 100000)
	benchImports(b, 100000, func(ctx context.Context, d *DB) {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		dec := json.NewDecoder(bufio.NewReaderSize(f, 1<<20))
		if _, err := dec.Token(); err != nil {
			b.Fatal(err)
		}
		floorInsert(b, ctx, d, func() (leadgen.FloorLead, bool) {
			var l leadgen.FloorLead
			if !dec.More() {
				return l, false
			}
			if err := dec.Decode(&l); err != nil {
				b.Fatal(err)
			}
			return l, true
		})
	})
}

// db100k builds a database of 100,000 leads for the read benchmarks.
func db100k(b *testing.B) string {
	b.Helper()
	// RABITIQ_BENCH_DB keeps the database between runs while tuning queries.
	db := os.Getenv("RABITIQ_BENCH_DB")
	if db != "" {
		if _, err := os.Stat(db); err == nil {
			return db
		}
	} else {
		db = filepath.Join(b.TempDir(), "100k.db")
	}
	path := bigFile(b, 100000)
	d, err := Open(context.Background(), db)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := importStream(context.Background(), d, path); err != nil {
		b.Fatal(err)
	}
	d.Close()
	os.Remove(path)
	return db
}

// BenchmarkFirstScreen100k is what the window does at start: open the
// store (migrations checked), count the leads and read the first page.
// BenchmarkDeepPage100k reads a page near the end, as after dragging the
// scroll bar to the bottom. BenchmarkSearch100k runs typical searches.
func BenchmarkRead100k(b *testing.B) {
	path := db100k(b)
	ctx := context.Background()
	b.Run("FirstScreen", func(b *testing.B) {
		for b.Loop() {
			d, err := Open(ctx, path)
			if err != nil {
				b.Fatal(err)
			}
			if n, err := d.CountLeads(ctx, ""); err != nil || n != 100000 {
				b.Fatal(n, err)
			}
			if rows, err := d.ListLeads(ctx, ListOptions{Limit: 100}); err != nil || len(rows) != 100 {
				b.Fatal(len(rows), err)
			}
			d.Close()
		}
	})
	d, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	for _, s := range []struct {
		name string
		sort Sort
	}{{"Score", SortScore}, {"Name", SortName}, {"Imported", SortImported}} {
		b.Run("DeepPage"+s.name, func(b *testing.B) {
			for b.Loop() {
				if rows, err := d.ListLeads(ctx, ListOptions{Sort: s.sort, Offset: 99900, Limit: 100}); err != nil || len(rows) != 100 {
					b.Fatal(len(rows), err)
				}
			}
		})
		// A tapped-again header: the same index, walked backwards.
		b.Run("DeepPageReversed"+s.name, func(b *testing.B) {
			for b.Loop() {
				if rows, err := d.ListLeads(ctx, ListOptions{Sort: s.sort, Reverse: true, Offset: 99900, Limit: 100}); err != nil || len(rows) != 100 {
					b.Fatal(len(rows), err)
				}
			}
		})
	}
	// A status chip: every lead is new here, the filter's worst case.
	b.Run("DeepPageStatusNew", func(b *testing.B) {
		for b.Loop() {
			if rows, err := d.ListLeads(ctx, ListOptions{Status: StatusNew, Offset: 99900, Limit: 100}); err != nil || len(rows) != 100 {
				b.Fatal(len(rows), err)
			}
		}
	})
	b.Run("StatusCounts", func(b *testing.B) {
		for b.Loop() {
			if c, err := d.StatusCounts(ctx); err != nil || c[StatusNew] != 100000 {
				b.Fatal(c, err)
			}
		}
	})
	for _, q := range []string{"klitrose byg", "firma-4711", "Mette", "1234", "energi"} {
		b.Run("Search/"+q, func(b *testing.B) {
			for b.Loop() {
				d.gen.Add(1) // a new search each time: no cached hits
				if _, err := d.CountLeads(ctx, q); err != nil {
					b.Fatal(err)
				}
				if _, err := d.ListLeads(ctx, ListOptions{Query: q, Limit: 100}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
