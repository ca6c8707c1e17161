package lead_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/lead/leadgen"
)

// BenchmarkDecode10k decodes 10,000 generated leads (about 30 MB).
func BenchmarkDecode10k(b *testing.B) {
	data := leadgen.File(10000, 2)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := lead.Decode("bench.json", data)
		if err != nil || len(res.Leads) != 10000 {
			b.Fatalf("err %v, %d leads", err, len(res.Leads))
		}
	}
	b.ReportMetric(float64(10000*b.N)/b.Elapsed().Seconds(), "leads/s")
}

// BenchmarkUnmarshalFloor10k is the floor the importer is measured
// against: encoding/json straight into structs, no tolerance at all.
func BenchmarkUnmarshalFloor10k(b *testing.B) {
	data := leadgen.File(10000, 2)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var leads []leadgen.FloorLead
		if err := json.Unmarshal(data, &leads); err != nil || len(leads) != 10000 {
			b.Fatalf("err %v, %d leads", err, len(leads))
		}
	}
	b.ReportMetric(float64(10000*b.N)/b.Elapsed().Seconds(), "leads/s")
}

// BenchmarkDecodeStream10k streams the same 10,000 leads from a file, as
// the importer reads them: the splitter's cost on top of Decode's.
func BenchmarkDecodeStream10k(b *testing.B) {
	data := leadgen.File(10000, 2)
	path := filepath.Join(b.TempDir(), "bench.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := lead.DecodeStream(path, 0, func(r *lead.Result, _, _ int64) error { n += len(r.Leads); return nil })
		if err != nil || n != 10000 {
			b.Fatalf("err %v, %d leads", err, n)
		}
	}
	b.ReportMetric(float64(10000*b.N)/b.Elapsed().Seconds(), "leads/s")
}
