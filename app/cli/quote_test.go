package cli

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// TestMatchApostropheNameStrict: `match` finds a company whose name has an
// apostrophe on a strict tenant, which answers the undocumented doubled
// quote (two apostrophes) with a 400, and no $filter carries an apostrophe at all
// (issue 14 item 3).
func TestMatchApostropheNameStrict(t *testing.T) {
	keyOnce.Do(func() { simKey, _ = rsa.GenerateKey(rand.Reader, 2048) })
	s, err := sotest.New(sotest.Config{Strict: true, AutoApprove: true, SigningKey: simKey, Seed: &sotest.Seed{Companies: []sotest.SeedCompany{
		{ID: 40, Name: "Bagerens Mel og Brød's ApS"}, {ID: 41, Name: "Bagerens Brød A/S"},
		{ID: 42, Name: "Jensen's Bøfhus A/S"}, {ID: 43, Name: "Jensen ApS"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	dir := t.TempDir()
	file := filepath.Join(dir, "leads.json")
	if err := os.WriteFile(file, []byte(`[{"id":"rq-bager","companyName":"Bagerens Mel og Brød's ApS","location":"Aarhus, Danmark","score":70},
		{"id":"rq-jensen","companyName":"Jensen's Bøfhus A/S","location":"Aarhus, Danmark","score":70}]`), 0o600); err != nil {
		t.Fatal(err)
	}
	env := staticEnv(s, filepath.Join(dir, "leads.db"))
	if r := run(t, env, "import", file); r.code != 0 {
		t.Fatal(r.stderr)
	}
	for id, want := range map[string]int{"rq-bager": 40, "rq-jensen": 42} {
		m := run(t, env, "match", id, "--json")
		var md struct {
			Candidates []struct {
				ContactID int    `json:"contactId"`
				Name      string `json:"name"`
			} `json:"candidates"`
		}
		if err := json.Unmarshal([]byte(m.stdout), &md); err != nil || m.code != 0 {
			t.Fatalf("match %s: exit %d, %v, %s", id, m.code, err, m.stderr)
		}
		if len(md.Candidates) == 0 || md.Candidates[0].ContactID != want {
			t.Errorf("match %s: candidates = %+v, want %d first", id, md.Candidates, want)
		}
	}
	filters := 0
	for _, r := range s.Requests() {
		q, _ := url.ParseQuery(r.Query)
		for _, f := range q["$filter"] {
			filters++
			// Literals are delimited by quotes; none is doubled or escaped.
			if strings.Contains(f, "''") || strings.Contains(f, `\`) || strings.Count(f, "'")%2 != 0 {
				t.Errorf("quote inside a $filter literal: %s", f)
			}
		}
	}
	if filters == 0 {
		t.Error("match sent no $filter search")
	}
	if v := s.Violations(); len(v) > 0 {
		t.Errorf("strict simulator violations: %+v", v)
	}
}
