package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// A tenant with every RabitIQ field by Prog ID except Branche, and an
// unrelated "Branche" field (SuperOffice:5) of its own.
func brancheSeed() *sotest.Seed {
	var defs []sotest.CustomFieldDef
	for _, d := range sotest.RabitIQFields() {
		if d.ProgId != "RabitIQ:3" {
			defs = append(defs, d)
		}
	}
	return &sotest.Seed{ContactFields: append(defs, sotest.CustomFieldDef{ProgId: "SuperOffice:5", Label: "Branche", Type: "ShortText"})}
}

func fieldRows(t *testing.T, r result) map[string]map[string]string {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var rows []map[string]string
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil || len(rows) != 37 {
		t.Fatalf("%v, %d rows", err, len(rows))
	}
	out := map[string]map[string]string{}
	for _, row := range rows {
		out[row["progId"]] = row
	}
	return out
}

func TestFieldsSuggestsALabelMatchAndConfirmStoresIt(t *testing.T) {
	s := startSim(t, brancheSeed())
	db := filepath.Join(t.TempDir(), "leads.db")
	env := staticEnv(s, db)

	rows := fieldRows(t, run(t, env, "fields", "--json"))
	if r := rows["RabitIQ:3"]; r["status"] != "suggested" || r["tenantKey"] != "SuperOffice:5" || r["matchedBy"] != "label" || r["confirmedKey"] != "" {
		t.Errorf("RabitIQ:3 = %v, want suggested SuperOffice:5", r)
	}
	if r := rows["RabitIQ:1"]; r["status"] != "present" || r["matchedBy"] != "progid" {
		t.Errorf("RabitIQ:1 = %v", r)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a plain check created the database: %v", err)
	}
	text := run(t, env, "fields").stdout
	if !strings.Contains(text, "? foreslået") || !strings.Contains(text, "36 af 37 felter klar") || !strings.Contains(text, "fields --confirm") {
		t.Errorf("text output:\n%s", text)
	}

	rows = fieldRows(t, run(t, env, "fields", "--confirm", "rabitiq:3=SuperOffice:5", "--json"))
	if r := rows["RabitIQ:3"]; r["status"] != "present" || r["matchedBy"] != "confirmed" || r["confirmedKey"] != "SuperOffice:5" {
		t.Errorf("after --confirm: %v", r)
	}
	// Stored: a later plain check still uses it.
	text = run(t, env, "fields").stdout
	if !strings.Contains(text, "✓ bekræftet") || !strings.Contains(text, "37 af 37 felter klar") {
		t.Errorf("text output after confirming:\n%s", text)
	}
	rows = fieldRows(t, run(t, env, "fields", "--unconfirm", "RabitIQ:3", "--json"))
	if r := rows["RabitIQ:3"]; r["status"] != "suggested" || r["confirmedKey"] != "" {
		t.Errorf("after --unconfirm: %v", r)
	}

	// A confirmation of a field the tenant lacks is stored but said to be unused.
	r := run(t, env, "fields", "--confirm", "RabitIQ:4=SuperOffice:99")
	if r.code != 0 || !strings.Contains(r.stderr, "RabitIQ:4: SuperOffice:99 bruges ikke") {
		t.Errorf("unknown tenant field: exit %d, stderr %q", r.code, r.stderr)
	}
	for _, bad := range [][]string{{"--confirm", "RabitIQ:3"}, {"--confirm", "RabitIQ:99=SuperOffice:5"}, {"--unconfirm", "Branche"}} {
		if r := run(t, env, append([]string{"fields"}, bad...)...); r.code != ExitUsage {
			t.Errorf("fields %v: exit %d, want %d", bad, r.code, ExitUsage)
		}
	}
}
