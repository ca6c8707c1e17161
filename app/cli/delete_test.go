package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/store"
)

// noNetwork fails the test on any HTTP request: delete must not reach
// SuperOffice, not even to look at the connection.
type noNetwork struct{ t *testing.T }

func (n noNetwork) RoundTrip(r *http.Request) (*http.Response, error) {
	n.t.Errorf("delete sent %s %s", r.Method, r.URL)
	return nil, errors.New("no network in this test")
}

// runOffline runs a command with a keyring that holds a sign-in-looking
// entry and an HTTP client that fails the test if it is used.
func runOffline(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	e := Env{Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }, Now: time.Now,
		Keyring: &auth.MemKeyring{}, HTTPClient: &http.Client{Transport: noNetwork{t}},
		OpenBrowser: func(string) error { t.Error("delete opened a browser"); return nil }}
	code := Run(context.Background(), e, args)
	return result{code, out.String(), errb.String()}
}

func leadIDs(t *testing.T, db string) []string {
	t.Helper()
	r := run(t, nil, "leads", "--db", db, "--json")
	if r.code != ExitOK {
		t.Fatalf("leads: exit %d, %s", r.code, r.stderr)
	}
	var rows []leadJSON
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, l := range rows {
		ids = append(ids, l.ID)
	}
	return ids
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func TestDeleteRemovesTheLeadLocallyOnly(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "leads.db")
	if r := run(t, nil, "import", "--db", db, sample("leads-5.ndjson")); r.code != ExitOK {
		t.Fatalf("import: exit %d, %s", r.code, r.stderr)
	}
	const gone, email = "lead_00000_07b37e14", "line.jensen@hoejbjerg-0.dk"
	d, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	local, err := d.ResolveLead(ctx, gone)
	if err != nil {
		t.Fatal(err)
	}
	before, err := d.CountLeads(ctx, "Line Jensen hoejbjerg")
	d.Close()
	if err != nil || before != 1 {
		t.Fatalf("search before = %d, %v", before, err)
	}

	r := runOffline(t, map[string]string{"RABITIQ_LANG": "en"}, "delete", "--db", db, gone, "--json")
	if r.code != ExitOK {
		t.Fatalf("delete: exit %d, %s", r.code, r.stderr)
	}
	var doc map[string][]map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, r.stdout)
	}
	if del := doc["deleted"]; len(del) != 1 || del[0]["id"] != gone || del[0]["localId"] != float64(local) || len(del[0]) != 2 {
		t.Errorf("JSON = %s", r.stdout)
	}
	if ids := leadIDs(t, db); len(ids) != 4 || contains(ids, gone) {
		t.Errorf("leads after delete = %v", ids)
	}
	d, err = store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := d.CountLeads(ctx, "Line Jensen hoejbjerg"); err != nil || n != 0 {
		t.Errorf("search after delete = %d, %v", n, err)
	}
	d.Close()
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if wal, err := os.ReadFile(db + "-wal"); err == nil {
		b = append(b, wal...)
	}
	if bytes.Contains(b, []byte(email)) {
		t.Errorf("the database file still holds %s", email)
	}

	// Plain text says what went and that SuperOffice is unchanged.
	r = runOffline(t, map[string]string{"RABITIQ_LANG": "en"}, "delete", "--db", db, "lead_00001_728a6fcf")
	if r.code != ExitOK || !strings.Contains(r.stdout, "lead_00001_728a6fcf") || !strings.Contains(r.stdout, "SuperOffice is unchanged") {
		t.Errorf("delete text: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestDeleteUnknownLeadDeletesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leads.db")
	if r := run(t, nil, "import", "--db", db, sample("leads-5.ndjson")); r.code != ExitOK {
		t.Fatalf("import: exit %d, %s", r.code, r.stderr)
	}
	r := runOffline(t, map[string]string{"RABITIQ_LANG": "en"}, "delete", "--db", db, "lead_00002_b45f51c3", "no-such-lead", "--json")
	if r.code != ExitFailure {
		t.Fatalf("exit %d, want %d; %s", r.code, ExitFailure, r.stderr)
	}
	if !strings.Contains(r.stderr, `"no-such-lead"`) || !strings.Contains(r.stderr, "nothing was deleted") || strings.Contains(r.stderr, "lead_00002") {
		t.Errorf("stderr = %q", r.stderr)
	}
	if ids := leadIDs(t, db); len(ids) != 5 || !contains(ids, "lead_00002_b45f51c3") {
		t.Errorf("leads = %v: nothing should be deleted", ids)
	}
	if r := runOffline(t, nil, "delete", "--db", db); r.code != ExitUsage {
		t.Errorf("delete without LEAD: exit %d, want %d", r.code, ExitUsage)
	}
}
