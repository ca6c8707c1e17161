package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/auth"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	return runWith(t, env, &auth.MemKeyring{}, nil, args...)
}

// runWith runs a command in-process with a fake keyring and browser.
func runWith(t *testing.T, env map[string]string, kr auth.Keyring, browser func(string) error, args ...string) result {
	t.Helper()
	return runCtx(context.Background(), t, env, kr, browser, args...)
}

// defaultDBs holds each test's stand-in for the default database, so a
// command run without --db or RABITIQ_DB never touches the user's own
// database in the OS config folder.
var defaultDBs sync.Map // *testing.T → path

func runCtx(ctx context.Context, t *testing.T, env map[string]string, kr auth.Keyring, browser func(string) error, args ...string) result {
	t.Helper()
	if _, ok := env["RABITIQ_DB"]; !ok {
		p, _ := defaultDBs.LoadOrStore(t, filepath.Join(t.TempDir(), "default.db"))
		env = maps.Clone(env)
		if env == nil {
			env = map[string]string{}
		}
		env["RABITIQ_DB"] = p.(string)
	}
	var out, errb bytes.Buffer
	logDir := t.TempDir() // the logbook's file, unless the test chose one
	e := Env{Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
		if v, ok := env[k]; ok || k != "RABITIQ_LOG_DIR" {
			return v
		}
		return logDir
	},
		Now:     time.Now,
		Keyring: kr, OpenBrowser: browser}
	if browser == nil {
		e.OpenBrowser = func(string) error { return errors.New("no browser in tests") }
	}
	code := Run(ctx, e, args)
	return result{code, out.String(), errb.String()}
}

func sample(name string) string { return filepath.Join("..", "..", "testdata", "samples", name) }

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func keys(m map[string]any) []string {
	var k []string
	for key := range m {
		k = append(k, key)
	}
	sort.Strings(k)
	return k
}

func TestImportJSONContractAndReimport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leads.db")
	r := run(t, nil, "import", "--db", db, "--json", sample("leads-25.json"), sample("leads-5.ndjson"), sample("wrapped-3.json"), sample("one-lead.json"))
	if r.code != ExitOK {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	var doc struct {
		Files []map[string]any `json:"files"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, r.stdout)
	}
	if len(doc.Files) != 4 {
		t.Fatalf("%d files reported", len(doc.Files))
	}
	wantKeys := "file imported rejected unchanged updated warningCodes warnings" // warningCodes added beside warnings
	total := 0.0
	for _, f := range doc.Files {
		if got := strings.Join(keys(f), " "); got != wantKeys {
			t.Errorf("file keys = %q, want %q", got, wantKeys)
		}
		total += f["imported"].(float64) + f["updated"].(float64) + f["unchanged"].(float64)
	}
	if total < 34 {
		t.Errorf("only %v leads accounted for", total)
	}
	r = run(t, nil, "import", "--db", db, "--json", sample("leads-25.json"))
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || r.code != 0 {
		t.Fatal(err, r.code)
	}
	if f := doc.Files[0]; f["imported"].(float64) != 0 || f["updated"].(float64) != 0 || f["unchanged"].(float64) != 25 {
		t.Errorf("re-import = %v, want 25 unchanged", f)
	}
}

func TestImportBadFileExit1GoodLeadsKept(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leads.db")
	broken := writeFile(t, "broken.json", `[{"companyName": "Halv A/S", `)
	mixed := writeFile(t, "mixed.json", `[{"companyName":"God ApS","id":"g1"},{"companyName":"  "},{"companyName":"Også God","id":"g2","contacts":"nope"}]`)
	r := run(t, map[string]string{"RABITIQ_DB": db}, "import", "--json", broken, mixed)
	if r.code != ExitFailure {
		t.Fatalf("exit %d, want 1", r.code)
	}
	var doc struct {
		Files []struct {
			File     string `json:"file"`
			Imported int    `json:"imported"`
			Rejected []struct {
				Index  int    `json:"index"`
				Line   int    `json:"line"`
				Reason string `json:"reason"`
			} `json:"rejected"`
			Error string `json:"error"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if b := doc.Files[0]; b.Error == "" || !strings.Contains(b.Error, "broken.json") || b.Imported != 0 {
		t.Errorf("broken file = %+v, want an error naming the file", b)
	}
	m := doc.Files[1]
	if m.Error != "" || len(m.Rejected) == 0 {
		t.Fatalf("mixed file = %+v", m)
	}
	for _, rj := range m.Rejected {
		if !strings.Contains(rj.Reason, "mixed.json") {
			t.Errorf("reason %q does not name the file", rj.Reason)
		}
	}
	r = run(t, nil, "leads", "--db", db, "--json")
	if !strings.Contains(r.stdout, `"God ApS"`) {
		t.Errorf("good lead not imported next to bad ones:\n%s", r.stdout)
	}
}

func TestLeadsJSONContract(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leads.db")
	if r := run(t, nil, "import", "--db", db, sample("leads-25.json")); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	r := run(t, nil, "leads", "--db", db, "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 25 {
		t.Fatalf("%d rows", len(rows))
	}
	want := "companyName contacts cvr cvrValid id importedAt localId score status superOfficeContactId"
	prev := 1e9
	for _, row := range rows {
		if got := strings.Join(keys(row), " "); got != want {
			t.Fatalf("keys = %q, want %q", got, want)
		}
		if row["status"] != "new" || row["superOfficeContactId"] != nil {
			t.Errorf("fresh lead = %v", row)
		}
		if _, err := time.Parse(time.RFC3339, row["importedAt"].(string)); err != nil {
			t.Errorf("importedAt: %v", err)
		}
		if s, ok := row["score"].(float64); ok {
			if s > prev {
				t.Errorf("not sorted by score: %v after %v", s, prev)
			}
			prev = s
		}
	}
	text := run(t, nil, "leads", "--db", db)
	if text.code != 0 || !strings.Contains(text.stdout, "FIRMA") || !strings.Contains(text.stdout, "25 leads") {
		t.Errorf("text output:\n%s", text.stdout)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{{}, {"import"}, {"import", "--nope", "x.json"}, {"frobnicate"}, {"leads", "extra"}, {"version", "x"}} {
		if r := run(t, nil, args...); r.code != ExitUsage {
			t.Errorf("%q: exit %d, want 2 (stderr %q)", args, r.code, r.stderr)
		}
	}
	if r := run(t, nil, "help"); r.code != 0 || !strings.Contains(r.stdout, "import") {
		t.Errorf("help: %d %q", r.code, r.stdout)
	}
}

func TestVersion(t *testing.T) {
	r := run(t, nil, "version")
	if r.code != 0 || strings.TrimSpace(r.stdout) == "" {
		t.Fatalf("version: %d %q", r.code, r.stdout)
	}
}

func TestParseAllowsFlagsAfterArguments(t *testing.T) {
	fs := newFlags(Env{Stderr: &bytes.Buffer{}}, "x")
	j := fs.Bool("json", false, "")
	db := fs.String("db", "", "")
	pos, err := parse(fs, []string{"LEAD-1", "--json", "--db", "a b.db", "--", "--literal"})
	if err != nil || !*j || *db != "a b.db" || strings.Join(pos, ",") != "LEAD-1,--literal" {
		t.Fatalf("parse = %q %v json=%v db=%q", pos, err, *j, *db)
	}
}

// Every sample lead previews, as JSON and as the Danish table.
func TestPreviewEverySampleLead(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leads.db")
	if r := run(t, nil, "import", "--db", db, sample("leads-25.json"), sample("leads-5.ndjson"), sample("wrapped-3.json"), sample("one-lead.json")); r.code != 0 {
		t.Fatal(r.stderr)
	}
	var rows []struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal([]byte(run(t, nil, "leads", "--db", db, "--json").stdout), &rows); err != nil || len(rows) < 26 {
		t.Fatalf("%v, %d leads", err, len(rows))
	}
	rounded := 0
	for _, row := range rows {
		r := run(t, nil, "preview", "--db", db, row.ID, "--json")
		var doc map[string]json.RawMessage
		if r.code != 0 || json.Unmarshal([]byte(r.stdout), &doc) != nil || len(doc["contact"]) < 10 {
			t.Errorf("preview %s: exit %d %s", row.ID, r.code, r.stderr)
		}
		// Every rounded number names its field by Prog ID (issue 14).
		var warnings []string
		_ = json.Unmarshal(doc["warnings"], &warnings)
		for _, w := range warnings {
			if strings.Contains(w, "afrundet fra") {
				rounded++
				if !strings.HasPrefix(w, "RabitIQ:") {
					t.Errorf("preview %s: a rounding warning without its Prog ID: %q", row.ID, w)
				}
			}
		}
		if len(doc["note"]) == 0 {
			t.Errorf("preview %s made offline does not say its lengths are the documented ones", row.ID)
		}
		if tbl := run(t, nil, "preview", "--db", db, row.ID); tbl.code != 0 || len(tbl.stdout) < 100 {
			t.Errorf("preview table %s: exit %d", row.ID, tbl.code)
		}
	}
	if rounded == 0 {
		t.Error("no sample lead has a rounded number; the Prog ID check above tested nothing")
	}
	if r := run(t, nil, "preview", "--db", db, "no-such-lead"); r.code != ExitFailure || !strings.Contains(r.stderr, "no-such-lead") {
		t.Errorf("unknown lead: %d %q", r.code, r.stderr)
	}
}
