package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

type settingsOut map[string]struct {
	ID     int    `json:"id"`
	Name   string `json:"name"`
	Source string `json:"source"`
	GoneID int    `json:"goneId"`
	Items  []struct {
		ID   int    `json:"id"`
		Name string `json:"name"`
	} `json:"items"`
}

func settingsJSON(t *testing.T, r result) settingsOut {
	t.Helper()
	if r.code != ExitOK {
		t.Fatalf("settings: exit %d: %s", r.code, r.stderr)
	}
	var out settingsOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	return out
}

// `settings` shows the tenant's defaults, stores choices by name or id,
// refuses an unknown item without storing anything (exit 1) and a create
// then uses the choices; exit 3 without a connection.
func TestSettingsChooseAndCreateUsesThem(t *testing.T) {
	s := startSim(t, nil)
	db := filepath.Join(t.TempDir(), "leads.db")
	env := staticEnv(s, db)
	out := settingsJSON(t, run(t, env, "settings", "--json"))
	if c := out["category"]; c.Name != "Prospekt" || c.Source != "default" || len(c.Items) != 5 {
		t.Errorf("category = %+v", c)
	}
	if b := out["business"]; b.ID != 0 || b.Source != "none" {
		t.Errorf("business = %+v", b)
	}
	if f := out["followUpTask"]; f.Name != "Telefonsamtale" || f.Source != "default" {
		t.Errorf("followUpTask = %+v", f)
	}

	if r := run(t, env, "settings", "--category", "kunde", "--business", "Fantasi"); r.code != ExitFailure || !strings.Contains(r.stderr, `"Fantasi"`) {
		t.Errorf("unknown business: exit %d, %s", r.code, r.stderr)
	}
	if c := settingsJSON(t, run(t, env, "settings", "--json"))["category"]; c.Source != "default" {
		t.Errorf("a refused call stored the category: %+v", c)
	}
	out = settingsJSON(t, run(t, env, "settings", "--category", "kunde", "--business", "11", "--follow-up-task", "Møde", "--json"))
	if out["category"].Name != "Kunde" || out["business"].Name != "Andet" || out["followUpTask"].ID != 2 || out["category"].Source != "chosen" {
		t.Errorf("after choosing: %+v", out)
	}
	text := run(t, env, "settings").stdout
	for _, want := range []string{"Kategori for nye firmaer", "Kunde (id 1)", "Branche for nye firmaer", "Andet (id 11)", "Møde (id 2)"} {
		if !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}

	run(t, env, "import", writeFile(t, "l.json", `[{"id":"n1","companyName":"Ny Kunde ApS","industry":"Handel"},{"id":"n2","companyName":"Ny Anden ApS","industry":"Kunst"}]`))
	dry := run(t, env, "sync", "n1", "--create", "--dry-run", "--json")
	if !strings.Contains(dry.stdout, `"incoming": "Kunde"`) || !strings.Contains(dry.stdout, `"incoming": "Handel"`) {
		t.Errorf("dry run does not name category and business:\n%s", dry.stdout)
	}
	for _, id := range []string{"n1", "n2"} {
		if r := run(t, env, "sync", id, "--create", "--json"); r.code != ExitOK {
			t.Fatalf("sync %s: %d %s", id, r.code, r.stderr)
		}
	}
	got := map[string][2]int{}
	for _, c := range s.Companies() {
		got[c.Name] = [2]int{propID(c, "Category"), propID(c, "Business")}
	}
	if got["Ny Kunde ApS"] != [2]int{1, 4} || got["Ny Anden ApS"] != [2]int{1, 11} {
		t.Errorf("created companies (category, business) = %v", got)
	}
	if v := s.Violations(); len(v) > 0 {
		t.Errorf("violations: %+v", v)
	}

	// The choice is the tenant's: a script can forget it again.
	if c := settingsJSON(t, run(t, env, "settings", "--category", "", "--json"))["category"]; c.Source != "default" {
		t.Errorf("cleared category = %+v", c)
	}
	if r := runWith(t, map[string]string{"RABITIQ_DB": db}, &auth.MemKeyring{}, nil, "settings"); r.code != ExitNotConnected {
		t.Errorf("not connected: exit %d", r.code)
	}
}

// propID is the id of a company's list reference, from its stored props.
func propID(c sotest.Company, name string) int {
	m, _ := c.Props[name].(map[string]any)
	n, _ := m["Id"].(json.Number)
	i, _ := n.Int64()
	return int(i)
}
