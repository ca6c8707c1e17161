package lead_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/lead/leadgen"
)

// bigFile writes, streamed to disk, an array of `around` generated leads,
// then big (written by fill), then `around` more. It returns the line the
// big lead starts on.
func bigFile(tb testing.TB, path string, around int, fill func(w *bufio.Writer)) int {
	tb.Helper()
	return bigFileIn(tb, path, "", "", around, fill)
}

// bigFileIn is bigFile with the array between open and close, such as
// `{"leads": ` and `}` for a wrapper.
func bigFileIn(tb testing.TB, path, open, close string, around int, fill func(w *bufio.Writer)) int {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	body := func(seed uint64) []byte {
		b := bytes.TrimSpace(leadgen.File(around, seed))
		return bytes.TrimSuffix(bytes.TrimPrefix(b, []byte("[")), []byte("]"))
	}
	before := append([]byte(open+"[\n"), body(1)...)
	before = append(before, ",\n  "...)
	w.Write(before)
	fill(w)
	w.WriteString(",\n")
	w.Write(body(2))
	w.WriteString("]" + close + "\n")
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	return 1 + bytes.Count(before, []byte{'\n'})
}

// stringLead writes a lead whose notes are n bytes of text, then tail
// (before the closing brace).
func stringLead(n int, tail string) func(w *bufio.Writer) {
	return func(w *bufio.Writer) {
		w.WriteString(`{"companyName": "Huge ApS", "notes": "`)
		chunk := bytes.Repeat([]byte("abcdefg æøå \\\" \\u00e6 "), 1<<12)
		left := n // the writer may be called again
		for ; left >= len(chunk); left -= len(chunk) {
			w.Write(chunk)
		}
		w.WriteString(strings.Repeat("x", left)) // not cut inside an escape
		w.WriteString(`"` + tail + `}`)
	}
}

// structLead writes a lead whose competitors array holds about n bytes of
// small objects: the too-big path must check structure, not only text.
func structLead(n int) func(w *bufio.Writer) {
	return func(w *bufio.Writer) {
		w.WriteString("{\"companyName\": \"Huge ApS\",\n \"competitors\": [")
		for i := 0; n > 0; i++ {
			s := fmt.Sprintf("\n  {\"name\": \"X%d\", \"n\": -1.5e+3, \"ok\": true, \"z\": null, \"a\": [0, {}, []]},", i)
			w.WriteString(s)
			n -= len(s)
		}
		w.WriteString("\n  {}]\n}")
	}
}

type outcome struct {
	leads    int
	rejected []lead.Rejection
	err      error
}

func readBoth(t *testing.T, path string) (whole, stream outcome) {
	t.Helper()
	res, err := lead.DecodeFile(path)
	whole.err = err
	if err == nil {
		whole.leads, whole.rejected = len(res.Leads), res.Rejected
	}
	stream.err = lead.DecodeStream(path, 7, func(r *lead.Result, _, _ int64) error {
		stream.leads += len(r.Leads)
		stream.rejected = append(stream.rejected, r.Rejected...)
		return nil
	})
	return whole, stream
}

// TestBigLeadRejectedOthersImport: a lead over MaxLeadSize is rejected
// with its index and line, whether it is text or structure, and the
// file's other leads import, read whole or streamed.
func TestBigLeadRejectedOthersImport(t *testing.T) {
	for _, tc := range []struct {
		name string
		fill func(w *bufio.Writer)
		mib  string
	}{
		{"text", stringLead(lead.MaxLeadSize+1<<20, ""), "9.0"},
		{"structure", structLead(lead.MaxLeadSize + 2<<20), "10.0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "big.json")
			line := bigFile(t, path, 5, tc.fill)
			want := fmt.Sprintf("big.json: lead 6 (line %d): lead is %s MiB; leads larger than 8 MiB are not imported", line, tc.mib)
			whole, stream := readBoth(t, path)
			for _, o := range []struct {
				name string
				outcome
			}{{"DecodeFile", whole}, {"DecodeStream", stream}} {
				if o.err != nil || o.leads != 10 || len(o.rejected) != 1 {
					t.Fatalf("%s: %d leads, %d rejected, err %v; want 10 leads and the big one rejected", o.name, o.leads, len(o.rejected), o.err)
				}
				if r := o.rejected[0]; r.Index != 5 || r.Line != line || r.Error() != want {
					t.Errorf("%s: rejection %q (index %d), want %q", o.name, r.Error(), r.Index, want)
				}
			}
		})
	}
}

// TestLeadSizeLimitIsExact: a lead of exactly MaxLeadSize bytes imports,
// one byte more is rejected.
func TestLeadSizeLimitIsExact(t *testing.T) {
	overhead := len(`{"companyName": "Huge ApS", "notes": ""}`)
	for _, extra := range []int{0, 1} {
		path := filepath.Join(t.TempDir(), "edge.json")
		n := lead.MaxLeadSize - overhead + extra
		fill := func(w *bufio.Writer) {
			w.WriteString(`{"companyName": "Huge ApS", "notes": "` + strings.Repeat("x", n) + `"}`)
		}
		bigFile(t, path, 1, fill)
		whole, stream := readBoth(t, path)
		for _, o := range []outcome{whole, stream} {
			if o.err != nil || o.leads != 3-extra || len(o.rejected) != extra {
				t.Errorf("lead of MaxLeadSize+%d bytes: %d leads, %d rejected, %v", extra, o.leads, len(o.rejected), o.err)
			}
		}
	}
}

// TestBigLeadBrokenIsFileError: a big lead that is not well-formed past
// MaxLeadSize, or nests too deep there, or is cut off, fails the whole
// file with the place of the fault, as a small one would.
func TestBigLeadBrokenIsFileError(t *testing.T) {
	for _, tc := range []struct {
		name     string
		tail     string
		sentinel error
		same     bool // the streamed message is the whole-file one
	}{
		{"bad number", ",\n \"x\": 01", lead.ErrSyntax, true},
		{"missing colon", ",\n \"x\" 1", lead.ErrSyntax, true},
		{"bad escape", ",\n \"x\": \"\\q\"", lead.ErrSyntax, true},
		{"bad unicode escape", ",\n \"x\": \"ab\\u00x1\"", lead.ErrSyntax, true},
		{"control character", ",\n \"x\": \"a\tb\"", lead.ErrSyntax, true},
		{"bad literal", ",\n \"x\": nul", lead.ErrSyntax, false},
		{"too deep", ",\n \"x\": " + strings.Repeat("[", 80) + strings.Repeat("]", 80), lead.ErrTooDeep, true},
		{"unclosed", ",\n \"x\": [1, 2", lead.ErrSyntax, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "big.json")
			fill := stringLead(lead.MaxLeadSize+1<<20, tc.tail)
			if tc.name == "unclosed" {
				fill = func(w *bufio.Writer) { stringLead(lead.MaxLeadSize+1<<20, tc.tail)(w) }
			}
			bigFile(t, path, 3, fill)
			if tc.name == "unclosed" {
				// Cut the file inside the big lead's last array.
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, data[:bytes.LastIndex(data, []byte("[1, 2"))+5], 0o600); err != nil {
					t.Fatal(err)
				}
			}
			whole, stream := readBoth(t, path)
			var fe *lead.FileError
			if !errors.Is(stream.err, tc.sentinel) || !errors.As(stream.err, &fe) || fe.Line < 4 {
				t.Fatalf("stream: %v, want %v at the fault's line", stream.err, tc.sentinel)
			}
			if !errors.Is(whole.err, tc.sentinel) {
				t.Fatalf("whole: %v, want %v", whole.err, tc.sentinel)
			}
			if tc.same && stream.err.Error() != whole.err.Error() {
				t.Errorf("stream %q, whole %q", stream.err, whole.err)
			}
		})
	}
}

// TestBigLeadBoundedAllocation: streaming a file with a 48 MiB lead
// allocates less than the lead's size in all, because the lead is
// checked and dropped, not kept, whether the leads are the top-level
// array or in a {"leads": [...]} wrapper with other keys around it.
// (Allocation is counted, not timed.)
func TestBigLeadBoundedAllocation(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB file")
	}
	for _, shape := range []struct{ name, open, close string }{
		{"array", "", ""},
		{"wrapper", "{\"exportedAt\": \"2024-12-05T10:00:00Z\", \"source\": {\"tool\": \"RabitIQ\"},\n\"leads\": ", ",\n\"count\": 201}"},
	} {
		t.Run(shape.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "big.json")
			line := bigFileIn(t, path, shape.open, shape.close, 100, stringLead(48<<20, ""))
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			leads := 0
			var rejected []lead.Rejection
			err := lead.DecodeStream(path, lead.StreamBatch, func(r *lead.Result, _, _ int64) error {
				leads, rejected = leads+len(r.Leads), append(rejected, r.Rejected...)
				return nil
			})
			runtime.ReadMemStats(&after)
			if err != nil || leads != 200 || len(rejected) != 1 || rejected[0].Index != 100 || rejected[0].Line != line {
				t.Fatalf("%d leads, rejected %v, %v; want 200 and the big one (lead 101, line %d) rejected", leads, rejected, err, line)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 40<<20 {
				t.Errorf("allocated %.1f MiB for a file with a 48 MiB lead, want < 40 MiB", float64(alloc)/(1<<20))
			}
		})
	}
}

// TestDeepBracketsStopEarly: a file of 16 MiB of '[' is refused at the
// nesting limit, with its place, without reading it into memory.
func TestDeepBracketsStopEarly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deep.json")
	if err := os.WriteFile(path, bytes.Repeat([]byte("["), 16<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	err := lead.DecodeStream(path, 0, func(*lead.Result, int64, int64) error { return nil })
	runtime.ReadMemStats(&after)
	if !errors.Is(err, lead.ErrTooDeep) || err.Error() != "deep.json: line 1, column 65: JSON nested deeper than 64 levels; file refused" {
		t.Fatalf("err = %v, want ErrTooDeep at column 65", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Errorf("allocated %.1f MiB to refuse 16 MiB of '[', want < 8 MiB", float64(alloc)/(1<<20))
	}
}

// BenchmarkBigLeadMemory streams a file with one 40 MiB lead in the
// middle of 2,000 normal ones and reports the bytes allocated and the
// peak heap in use (sampled) per read. The huge lead must be rejected
// and the others imported.
func BenchmarkBigLeadMemory(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.json")
	bigFile(b, path, 1000, stringLead(40<<20, ""))
	var peak atomic.Uint64
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
			}
		}
	}()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	peak.Store(0)
	for b.Loop() {
		leads, rejected := 0, 0
		err := lead.DecodeStream(path, lead.StreamBatch, func(r *lead.Result, _, _ int64) error {
			leads, rejected = leads+len(r.Leads), rejected+len(r.Rejected)
			return nil
		})
		if err != nil || leads != 2000 || rejected != 1 {
			b.Fatalf("%d leads, %d rejected, %v", leads, rejected, err)
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/(1<<20), "MiB-alloc/op")
	b.ReportMetric(float64(peak.Load())/(1<<20), "MiB-peak-heap")
}
