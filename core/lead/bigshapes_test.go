package lead_test

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// writeShape writes parts to path through a buffer, big ones streamed.
func writeShape(t *testing.T, path string, parts ...func(w *bufio.Writer)) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	for _, p := range parts {
		p(w)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

func text(s string) func(w *bufio.Writer) { return func(w *bufio.Writer) { w.WriteString(s) } }

// TestBigLeadInEveryShape: a lead over MaxLeadSize is rejected with its
// index and line in every file shape (one lead, wrapper, JSON Lines), by
// both readers, and the other leads import; a big JSON Lines line that is
// broken past the limit is that line's rejection.
func TestBigLeadInEveryShape(t *testing.T) {
	big := stringLead(lead.MaxLeadSize+1<<20, "")
	small := `{"companyName": "Lille ApS"}`
	for _, tc := range []struct {
		name        string
		parts       []func(w *bufio.Writer)
		leads       int
		index, line int
		reason      string
	}{
		{"one.json", []func(w *bufio.Writer){text("\ufeff\n"), big, text("\n")}, 0, 0, 2, "lead is 9.0 MiB"},
		{"wrapper.json", []func(w *bufio.Writer){text(`{"source": "x", "leads": [` + small + ",\n"), big, text(",\n" + small + "]}")}, 2, 1, 2, "lead is 9.0 MiB"},
		{"wrapper-leads-last.json", []func(w *bufio.Writer){text(`{"x": [`), big, text("],\n \"leads\": [" + small + "]}")}, 1, 0, 0, ""},
		{"lines.ndjson", []func(w *bufio.Writer){text(small + "\n"), big, text("\n" + small + "\n")}, 2, 1, 2, "lead is 9.0 MiB"},
		{"sniffed-lines.json", []func(w *bufio.Writer){text(small + "\n"), big, text("\n" + small + "\n")}, 2, 1, 2, "lead is 9.0 MiB"},
		{"broken-line.ndjson", []func(w *bufio.Writer){text(small + "\n"), stringLead(lead.MaxLeadSize+1<<20, `, "x": 01`), text("\n" + small + "\n")}, 2, 1, 2,
			"line is not well-formed JSON: column "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.name)
			writeShape(t, path, tc.parts...)
			whole, stream := readBoth(t, path)
			for _, o := range []outcome{whole, stream} {
				if o.err != nil || o.leads != tc.leads {
					t.Fatalf("%d leads, err %v; want %d", o.leads, o.err, tc.leads)
				}
				if tc.reason == "" {
					if len(o.rejected) != 0 {
						t.Errorf("rejected %v; want none (the big value is not a lead)", o.rejected)
					}
					continue
				}
				if len(o.rejected) != 1 {
					t.Fatalf("rejected %v; want the big lead", o.rejected)
				}
				r := o.rejected[0]
				if r.Index != tc.index || r.Line != tc.line || !strings.Contains(r.Reason(), tc.reason) {
					t.Errorf("rejection %q (index %d), want index %d, line %d, %q", r.Error(), r.Index, tc.index, tc.line, tc.reason)
				}
			}
		})
	}
}

// TestBigLeadInEveryShapeBroken: a big lead broken, too deep or cut past
// the limit fails the file (or, in JSON Lines, too deep still does).
func TestBigLeadInEveryShapeBroken(t *testing.T) {
	for _, tc := range []struct {
		name     string
		parts    []func(w *bufio.Writer)
		sentinel error
	}{
		{"one.json", []func(w *bufio.Writer){stringLead(lead.MaxLeadSize+1<<20, `, "x": 01`)}, lead.ErrSyntax},
		{"one-deep.json", []func(w *bufio.Writer){stringLead(lead.MaxLeadSize+1<<20, `, "x": `+strings.Repeat("[", 70)+strings.Repeat("]", 70))}, lead.ErrTooDeep},
		{"one-cut.json", []func(w *bufio.Writer){stringLead(lead.MaxLeadSize+1<<20, `, "x": [1, `), text("  ")}, lead.ErrSyntax},
		{"lines-deep.ndjson", []func(w *bufio.Writer){text("{\"name\": \"A\"}\n"), stringLead(lead.MaxLeadSize+1<<20, `, "x": `+strings.Repeat("[", 70)+strings.Repeat("]", 70))}, lead.ErrTooDeep},
		{"wrapper-broken.json", []func(w *bufio.Writer){text(`{"leads": [`), stringLead(lead.MaxLeadSize+1<<20, `, "x" 1`), text("]}")}, lead.ErrSyntax},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.name)
			writeShape(t, path, tc.parts...)
			whole, stream := readBoth(t, path)
			for _, err := range []error{whole.err, stream.err} {
				var fe *lead.FileError
				if !errors.Is(err, tc.sentinel) || !errors.As(err, &fe) || fe.Line < 1 {
					t.Errorf("err = %v, want %v with a line", err, tc.sentinel)
				}
			}
		})
	}
}

// TestBigLeadShapesBoundedAllocation: a 48 MiB lead costs less than
// itself in every streamed shape: the file is that one lead, JSON Lines,
// or a wrapper (its leads arrays streamed; other keys, even huge ones
// before "leads", checked and not kept).
func TestBigLeadShapesBoundedAllocation(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 48 MB files")
	}
	big := stringLead(48<<20, "")
	small := text(`{"companyName": "Lille ApS"}`)
	for _, tc := range []struct {
		name  string
		parts []func(w *bufio.Writer)
		max   uint64
	}{
		{"one.json", []func(w *bufio.Writer){big}, 40 << 20},
		{"lines.ndjson", []func(w *bufio.Writer){small, text("\n"), big, text("\n"), small}, 40 << 20},
		{"wrapper.json", []func(w *bufio.Writer){text(`{"leads": [`), small, text(","), big, text("]}")}, 40 << 20},
		{"wrapper-keys-around.json", []func(w *bufio.Writer){text(`{"exportedAt": "2024-12-05", "source": {"tool": "RabitIQ"}, "Leads": [`), small, text(",\n"), big, text(",\n"), small, text(`], "count": 3}`)}, 40 << 20},
		{"wrapper-huge-key-first.json", []func(w *bufio.Writer){text(`{"notes": `), stringLead(48<<20, ""), text(`, "leads": [`), big, text(`], "leads": [`), small, text("]}")}, 40 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.name)
			writeShape(t, path, tc.parts...)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			var rejected []lead.Rejection
			err := lead.DecodeStream(path, 0, func(r *lead.Result, _, _ int64) error {
				rejected = append(rejected, r.Rejected...)
				return nil
			})
			runtime.ReadMemStats(&after)
			if err != nil || len(rejected) != 1 || !strings.HasPrefix(rejected[0].Reason(), "lead is 48.0 MiB") {
				t.Fatalf("rejected %v, err %v; want the lead rejected", rejected, err)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > tc.max {
				t.Errorf("allocated %s MiB for a 48 MiB lead, want < %d MiB", strconv.FormatFloat(float64(alloc)/(1<<20), 'f', 1, 64), tc.max>>20)
			}
		})
	}
}
