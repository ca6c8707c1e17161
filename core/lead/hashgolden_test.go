package lead_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// goldenHash is one line of testdata/contenthash.golden.jsonl: a lead and
// the ContentHash that the code before the field table (commit fbc9f3c)
// computed for it. Stored databases hold these hashes, so they must never
// change: a different hash would mark every lead "changed" on the next
// import after an upgrade. Never regenerate the file; if the encoding has
// to change on purpose, bump contentHashVersion and add a new file.
//
// The entries are the decoded sample files ("<file>#<index>"), ten
// generated leads and 60 random leads that set every field, valid and
// invalid numbers, CVR validity and contacts alike.
type goldenHash struct {
	Name string          `json:"name"`
	Hash string          `json:"hash"`
	Lead json.RawMessage `json:"lead"`
}

func readGoldenHashes(t *testing.T) []goldenHash {
	t.Helper()
	data, err := os.ReadFile("testdata/contenthash.golden.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var out []goldenHash
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var g goldenHash
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		out = append(out, g)
	}
	if len(out) < 100 {
		t.Fatalf("only %d golden hashes", len(out))
	}
	return out
}

// TestContentHashGolden: every stored lead hashes as the old code did.
func TestContentHashGolden(t *testing.T) {
	for _, g := range readGoldenHashes(t) {
		var l lead.Lead
		if err := json.Unmarshal(g.Lead, &l); err != nil {
			t.Fatalf("%s: %v", g.Name, err)
		}
		if got := l.ContentHash(); got != g.Hash {
			t.Errorf("%s: hash %s, the old code gave %s", g.Name, got, g.Hash)
		}
	}
}

// TestDecodeGolden: the sample files still decode to exactly the leads the
// old code produced, so import, hash and mapping all see the same values.
func TestDecodeGolden(t *testing.T) {
	decoded := map[string]*lead.Result{}
	n := 0
	for _, g := range readGoldenHashes(t) {
		file, idx, ok := strings.Cut(g.Name, "#")
		if !strings.Contains(file, ".") || !ok {
			continue
		}
		res := decoded[file]
		if res == nil {
			var err error
			if res, err = lead.DecodeFile(filepath.Join("../../testdata/samples", file)); err != nil {
				t.Fatal(err)
			}
			decoded[file] = res
		}
		i, _ := strconv.Atoi(idx)
		var got *lead.Lead
		for _, it := range res.Leads {
			if it.Index == i {
				got = it.Lead
			}
		}
		if got == nil {
			t.Errorf("%s: not imported", g.Name)
			continue
		}
		n++
		if h := got.ContentHash(); h != g.Hash {
			t.Errorf("%s: hash %s, the old code gave %s", g.Name, h, g.Hash)
		}
		c := *got
		c.Raw = nil
		gotJSON, _ := json.Marshal(&c)
		var want lead.Lead
		_ = json.Unmarshal(g.Lead, &want)
		wantJSON, _ := json.Marshal(&want)
		if !bytes.Equal(gotJSON, wantJSON) {
			t.Errorf("%s decodes differently:\n got %s\nwant %s", g.Name, gotJSON, wantJSON)
		}
	}
	if n != 34 {
		t.Errorf("%d sample leads checked, want 34", n)
	}
}
