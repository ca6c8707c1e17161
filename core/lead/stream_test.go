package lead_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/lead/leadgen"
)

type summary struct {
	Leads    []string
	Rejected []string
	Warnings []string
}

func summarise(res *lead.Result, into *summary) {
	for _, it := range res.Leads {
		into.Leads = append(into.Leads, string(rune('0'+it.Index%10))+it.Lead.IdentityKey()+it.Lead.ContentHash()+string(it.Lead.Raw)+"@"+string(rune('0'+it.Line%50)))
	}
	for _, r := range res.Rejected {
		into.Rejected = append(into.Rejected, r.Error())
	}
	for _, w := range res.Warnings {
		into.Warnings = append(into.Warnings, w.String())
	}
}

// TestDecodeStreamMatchesDecodeFile: batches give exactly what one
// DecodeFile gives (leads, indexes, lines, rejections, warnings, errors),
// with batch boundaries anywhere.
func TestDecodeStreamMatchesDecodeFile(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"gen.json":       leadgen.File(23, 5),
		"bom.json":       append([]byte("\xef\xbb\xbf"), leadgen.File(3, 1)...),
		"empty.json":     []byte(" [ ] \n"),
		"mixed.json":     []byte("[\n {\"companyName\": \"Ålborg Øl\", \"cvr\": \"123\", \"score\": \"høj\"},\n 7, \"x\", null,\n {\"id\": \"n\"},\n {\"companyName\": \"B\", \"contacts\": \"Ole\"}, {\"companyName\":\"C\"}\n]\n"),
		"truncated.json": []byte("[\n {\"companyName\": \"A\"},\n {\"companyName\": \"B\""),
		"badinner.json":  []byte("[\n {\"companyName\": \"A\"},\n {\"companyName\":\n  \"B\" \"x\"}\n]"),
		"trailing.json":  []byte("[{\"companyName\": \"A\"}]\n[{\"companyName\": \"B\"}] x"),
		"comma.json":     []byte("[{\"companyName\": \"A\"},]"),
		// A fault in a pending element is found before one after it,
		// whatever the batch size.
		"pending.json":  []byte("[{\"companyName\": \"A\"},\n 7, x"),
		"pending2.json": []byte("[{\"companyName\": \"A\"}, 0x, 1 2]"),
		"deep.json":     []byte("[{\"companyName\": \"A\", \"x\": " + string(repeat('[', 70)) + string(repeat(']', 70)) + "}]"),
		// JSON Lines, streamed line by line since issue 15 item 8.
		"lines.ndjson":       []byte("\n{\"companyName\": \"A\"}\n  \n{\"companyName\": \"B\", \"x\": 01}\n[1]\n{\"companyName\": \"Ø\"} x\n{\"companyName\":\n{\"companyName\": \"C\"}"),
		"crlf.jsonl":         []byte("\xef\xbb\xbf{\"companyName\": \"A\"}\r\n\r\n{\"companyName\": \"B\"}\r\n"),
		"pretty.ndjson":      []byte("{\n  \"companyName\": \"A\"\n}\n"),
		"array.ndjson":       []byte("[{\"companyName\": \"A\"},\n {\"companyName\": \"B\"}]\n"),
		"empty.ndjson":       []byte(" \n\n"),
		"deep-line.ndjson":   []byte("{\"companyName\": \"A\"}\n{\"companyName\": \"B\", \"x\": " + string(repeat('[', 70)) + "}\n"),
		"broken-first.jsonl": []byte("{\"companyName\": \"A\"\n{\"companyName\": \"B\"}\n"),
	}
	for _, name := range []string{"leads-25.json", "one-lead.json", "wrapped-3.json", "leads-5.ndjson"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "samples", name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = b
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		var want summary
		res, wantErr := lead.DecodeFile(p)
		if wantErr == nil {
			summarise(res, &want)
		}
		for _, batch := range []int{1, 2, 7, 1000} {
			var got summary
			var lastDone int64
			err := lead.DecodeStream(p, batch, func(r *lead.Result, done, total int64) error {
				if done < lastDone || done > total || total != int64(len(data)) {
					t.Errorf("%s: progress %d/%d after %d", name, done, total, lastDone)
				}
				lastDone = done
				summarise(r, &got)
				return nil
			})
			if name == "trailing.json" {
				// Decode reads a one-line array followed by more as NDJSON;
				// a streamed array refuses what follows it.
				if err == nil {
					t.Errorf("%s: no error for data after the array", name)
				}
				continue
			}
			if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
				t.Errorf("%s batch %d: err = %v, want %v", name, batch, err, wantErr)
				continue
			}
			if wantErr == nil && !reflect.DeepEqual(got, want) {
				t.Errorf("%s batch %d: stream differs from DecodeFile:\n got %q\nwant %q", name, batch, got, want)
			}
		}
	}
}

func repeat(c byte, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = c
	}
	return b
}

func TestDecodeStreamStopsOnCallbackErrorAndReadsPastMaxFileSize(t *testing.T) {
	p := filepath.Join(t.TempDir(), "leads.json")
	if err := os.WriteFile(p, leadgen.File(10, 1), 0o600); err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	calls := 0
	err := lead.DecodeStream(p, 3, func(*lead.Result, int64, int64) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("err = %v after %d calls, want stop after 1", err, calls)
	}
}
