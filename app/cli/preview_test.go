package cli

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/mapping"
	"github.com/rabitiq/superoffice-sync/core/msg"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The preview table of a clean sample lead, a messy one and one over every
// limit, in each language, is its golden file: a change of layout or of a
// word shows up as a diff. The Danish files are the tables core/mapping
// printed before the table moved here.
func TestPreviewTableGolden(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leads.db")
	if r := run(t, nil, "import", "--db", db, sample("one-lead.json"), filepath.Join("testdata", "preview", "leads.json")); r.code != 0 {
		t.Fatalf("import: %s%s", r.stdout, r.stderr)
	}
	for _, id := range []string{"lead_00000_4ef8aa38", "messy-1", "long-1"} {
		for _, l := range []string{"da", "en"} {
			r := run(t, map[string]string{"RABITIQ_LANG": l}, "preview", "--db", db, id)
			if r.code != 0 {
				t.Fatalf("preview %s: %s", id, r.stderr)
			}
			path := filepath.Join("testdata", "preview", id+"."+l+".txt")
			if *update {
				if err := os.WriteFile(path, []byte(r.stdout), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if r.stdout != string(want) {
				t.Errorf("preview %s in %s differs from %s:\n%s", id, l, path, r.stdout)
			}
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// An empty plan still prints its sections, and a failing writer's error
// reaches the caller.
func TestPreviewTableEmptyPlanAndWriteError(t *testing.T) {
	for l, want := range map[msg.Lang]string{msg.Danish: "(ingen)", msg.English: "(none)"} {
		var b bytes.Buffer
		if err := writePreviewTable(&b, mapping.Plan{}, l); err != nil || !strings.Contains(b.String(), want) {
			t.Errorf("%s: empty table: %v\n%s", l, err, b.String())
		}
	}
	if err := writePreviewTable(failWriter{}, mapping.Plan{}, msg.Danish); err == nil {
		t.Error("write error was lost")
	}
}

// Numbers are grouped the way the language writes them.
func TestReadableValue(t *testing.T) {
	for _, c := range []struct{ in, da, en string }{
		{"[I:58600000]", "58.600.000", "58,600,000"},
		{"[F:-1234567.5]", "-1.234.567,5", "-1,234,567.5"},
		{"[I:7]", "7", "7"},
		{"tekst [I:1]", "tekst [I:1]", "tekst [I:1]"},
	} {
		if got := readableValue(c.in, msg.Danish); got != c.da {
			t.Errorf("%s in Danish = %q, want %q", c.in, got, c.da)
		}
		if got := readableValue(c.in, msg.English); got != c.en {
			t.Errorf("%s in English = %q, want %q", c.in, got, c.en)
		}
	}
}
