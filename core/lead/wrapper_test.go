package lead

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// streamObjects reads data as DecodeStream does, top-level objects
// streamed whatever the file's size, a byte at a time when slow; it
// returns the batches joined, or the error.
func streamObjects(name string, data []byte, batch int, slow bool) (*Result, error) {
	var r io.Reader = bytes.NewReader(data)
	if slow {
		r = iotest.OneByteReader(r)
	}
	all := &Result{File: name}
	err := decodeStreamAt(name, r, int64(len(data)), -1, batch,
		func() (*Result, error) { return Decode(name, data) },
		func(res *Result, _, _ int64) error {
			all.Leads = append(all.Leads, res.Leads...)
			all.Rejected = append(all.Rejected, res.Rejected...)
			all.Warnings = append(all.Warnings, res.Warnings...)
			return nil
		})
	if err != nil {
		return nil, err
	}
	return all, nil
}

// outline is what a Result says, comparable: leads with their index,
// line, raw text and content, rejections and warnings.
func outline(res *Result) []string {
	if res == nil {
		return nil
	}
	var out []string
	for _, it := range res.Leads {
		out = append(out, fmt.Sprintf("lead %d@%d %s %s", it.Index, it.Line, it.Lead.ContentHash(), it.Lead.Raw))
	}
	for _, r := range res.Rejected {
		out = append(out, "rejected "+r.Error())
	}
	return append(out, warnTexts(res.Warnings)...)
}

// TestWrapperStreamedAsDecodeReads: a wrapper streamed reads exactly as
// Decode reads it, whatever its other keys, the spelling of "leads",
// several "leads" arrays, leads that are bad or not objects; a "leads"
// that is not an array, or a fault anywhere, refuses the file as Decode
// does (the same message, or for faults the same kind and line).
func TestWrapperStreamedAsDecodeReads(t *testing.T) {
	const a, b = `{"companyName": "A ApS", "score": "12,5", "contacts": [{"name": "Ole"}, 7]}`, `{"companyName": "B"}`
	for _, tc := range []struct {
		name, data string
		same       bool // the error message is Decode's to the letter
	}{
		{"plain", `{"leads": [` + a + `, ` + b + `]}`, true},
		{"metadata around", "\ufeff{\n \"exportedAt\": \"2024-12-05\",\n \"source\": {\"tool\": \"RabitIQ\", \"leads\": 5},\n \"leads\": [\n  " + a + ",\n  7,\n  {\"name\": \"\"},\n  " + b + "\n ],\n \"count\": [1, {\"x\": null}], \"companyName\": \"Not a lead\"\n}\n", true},
		{"spellings", `{"LEADS": [` + a + `], "l_e-a ds": [], "le\u0061ds": [` + b + `], "\u004c\u0065ads": [` + b + `]}`, true},
		{"escaped other keys", `{"le\nads": [1], "lead\u00e6": 2, "x\ud800": 3, "leads": [` + b + `]}`, true},
		{"empty", `{"leads": []}`, true},
		{"leads last", `{"x": [` + a + `], "companyName": "W", "leads": [` + b + `]}`, true},
		{"long key", `{"` + strings.Repeat("_", 300) + `leads": [` + b + `]}`, true},
		{"not an array", "{\"leads\": [" + b + "],\n \"Leads\": 5, \"x\": [1]}", true},
		{"null", `{"companyName": "A", "leads": null}`, true},
		{"broken after shape", `{"leads": {}, "x": 01}`, false},
		{"broken lead", "{\"leads\": [" + b + ",\n {\"companyName\": \"C\" \"x\"}]}", true},
		{"broken key", `{"leads": [], "x\q": 1}`, false},
		{"broken colon", `{"leads" 1}`, false},
		{"cut", `{"leads": [` + b + `, `, false},
		{"cut in array", `{"leads": [` + b, false},
		{"cut after", `{"leads": [` + b + `]`, false},
		{"trailing comma", `{"leads": [` + b + `],}`, false},
		{"too deep in lead", `{"leads": [{"x": ` + strings.Repeat("[", 62) + strings.Repeat("]", 62) + `}]}`, true},
		{"deep enough", `{"leads": [{"companyName": "D", "x": ` + strings.Repeat("[", 61) + strings.Repeat("]", 61) + `}]}`, true},
		{"too deep beside", `{"leads": [], "x": ` + strings.Repeat("[", 64) + strings.Repeat("]", 64) + `}`, false},
		{"garbage after", "{\n \"leads\": [" + b + "]}\n\n x", true},
		{"a lead", `{"companyName": "Solo", "x": {"leads": [1]}}`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, wantErr := Decode("w.json", []byte(tc.data))
			for _, batch := range []int{1, 2, 1000} {
				for _, slow := range []bool{false, true} {
					got, err := streamObjects("w.json", []byte(tc.data), batch, slow)
					if !reflect.DeepEqual(outline(got), outline(want)) {
						t.Fatalf("batch %d: streamed\n%q\nDecode\n%q", batch, outline(got), outline(want))
					}
					var fe, wfe *FileError
					switch {
					case (err == nil) != (wantErr == nil):
						t.Fatalf("batch %d: err %v, Decode %v", batch, err, wantErr)
					case err == nil:
					case tc.same && err.Error() != wantErr.Error():
						t.Errorf("batch %d: err %q, Decode %q", batch, err, wantErr)
					case !errors.As(err, &fe) || !errors.As(wantErr, &wfe) || fe.Err != wfe.Err || fe.Line != wfe.Line:
						t.Errorf("batch %d: err %v, Decode %v", batch, err, wantErr)
					}
				}
			}
		})
	}
}

// TestWrapperDataAfterIsRefused: a streamed wrapper, like a streamed
// array, must be the file's only value; Decode reads a one-line one
// followed by more lines as JSON Lines, the stream refuses it (it may
// have handed over leads already, so it cannot read the file again).
func TestWrapperDataAfterIsRefused(t *testing.T) {
	data := []byte(`{"leads": [{"companyName": "A"}]}` + "\n" + `{"companyName": "B"}` + "\n")
	if _, err := Decode("w.json", data); err != nil {
		t.Fatalf("Decode: %v, want JSON Lines", err)
	}
	_, err := streamObjects("w.json", data, 2, false)
	var fe *FileError
	if !errors.Is(err, ErrSyntax) || !errors.As(err, &fe) || fe.Line != 2 || fe.Column != 1 {
		t.Errorf("err = %v, want a syntax error at line 2, column 1", err)
	}
}

// TestBigWrapperNeverReadWhole: a big wrapper with a huge lead is
// streamed, never read whole (which MaxFileSize would bound, and memory
// with it); the huge lead is rejected with its index and line, the
// others import.
func TestBigWrapperNeverReadWhole(t *testing.T) {
	var head, tail bytes.Buffer
	head.WriteString("{\"exportedAt\": \"2024-12-05\",\n \"leads\": [\n")
	for i := range 3 {
		fmt.Fprintf(&head, "  {\"companyName\": \"Firma %d\"},\n", i)
	}
	head.WriteString(`  {"companyName": "Huge ApS", "notes": "`)
	tail.WriteString("\"},\n  {\"companyName\": \"Sidst\"}\n ],\n \"count\": 5\n}\n")
	huge := int64(MaxFileSize) + 1<<20 // more than DecodeFile reads
	total := int64(head.Len()) + huge + int64(tail.Len())
	r := io.MultiReader(&head, io.LimitReader(repeatReader('x'), huge), &tail)
	var leads, idx, line int
	var reason string
	err := decodeStream("big.json", r, total, StreamBatch,
		func() (*Result, error) { t.Fatal("the wrapper was read whole"); return nil, nil },
		func(res *Result, _, _ int64) error {
			leads += len(res.Leads)
			for _, rej := range res.Rejected {
				idx, line, reason = rej.Index, rej.Line, rej.Reason()
			}
			return nil
		})
	if err != nil || leads != 4 || idx != 3 || line != 6 || !strings.HasPrefix(reason, "lead is 257.0 MiB") {
		t.Errorf("err %v, %d leads, rejected lead %d (line %d): %q; want 4 leads and lead 3 (line 6) rejected", err, leads, idx, line, reason)
	}
}

// repeatReader is an endless stream of one byte.
type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}
