package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// `match --json` says whose account each candidate is: the owner's full
// name, the category and SuperOffice's company number, as strings that
// are empty when the tenant has none; the table names the owner.
func TestMatchShowsOwnerCategoryNumber(t *testing.T) {
	s := startSim(t, &sotest.Seed{Companies: []sotest.SeedCompany{
		{ID: 40, Name: "Klitrose Byggeri", OrgNr: "29935181", Number2: "10040", OwnerID: 6, Category: "Kunde"},
		{ID: 41, Name: "Klitrose Byg"},
	}})
	env := staticEnv(s, filepath.Join(t.TempDir(), "leads.db"))
	if r := run(t, env, "import", sample("one-lead.json")); r.code != 0 {
		t.Fatal(r.stderr)
	}
	m := run(t, env, "match", "lead_00000_4ef8aa38", "--json")
	var doc struct {
		Candidates []map[string]any `json:"candidates"`
	}
	if err := json.Unmarshal([]byte(m.stdout), &doc); err != nil || m.code != 0 {
		t.Fatalf("match: %v %s", err, m.stderr)
	}
	want := map[float64][3]string{40: {"Mette Kjær Lund", "Kunde", "10040"}, 41: {"Demo Bruger", "", ""}}
	if len(doc.Candidates) != len(want) {
		t.Fatalf("candidates %+v", doc.Candidates)
	}
	for _, c := range doc.Candidates {
		w := want[c["contactId"].(float64)]
		for i, k := range []string{"owner", "category", "number"} {
			if v, ok := c[k].(string); !ok || v != w[i] {
				t.Errorf("candidate %v: %s = %#v, want %q", c["contactId"], k, c[k], w[i])
			}
		}
		for _, k := range []string{"contactId", "name", "orgNr", "domain", "score", "reasons", "reasonCodes"} {
			if _, ok := c[k]; !ok {
				t.Errorf("candidate lost %q", k)
			}
		}
	}
	// The table: the reasons as words (not a Go slice), then whose account
	// it is and its category.
	if tbl := run(t, env, "match", "lead_00000_4ef8aa38"); tbl.code != 0 || !strings.Contains(tbl.stdout, "(CVR matcher, navn ") ||
		!strings.Contains(tbl.stdout, "· Mette Kjær Lund  · Kunde") || strings.Contains(tbl.stdout, "([") {
		t.Errorf("the table does not list the reasons, the owner and the category:\n%s", tbl.stdout)
	}
	// A sync onto company 40 keeps its own name and says so in words.
	if r := run(t, env, "sync", "lead_00000_4ef8aa38", "--contact", "40"); r.code != 0 || !strings.Contains(r.stdout, "Beholdt eksisterende værdier: Name") || strings.Contains(r.stdout, ": [") {
		t.Errorf("sync onto 40 (exit %d) does not list the kept values as words:\n%s%s", r.code, r.stdout, r.stderr)
	}
}
