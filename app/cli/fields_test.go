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

// mixedTenant has, besides fields by Prog ID, one missing field (9), a
// number field made as text under our Prog ID (18), a text field found
// by label with a date type (13), and a field made on Person (34).
func mixedTenant() *sotest.Seed {
	var contact, person []sotest.CustomFieldDef
	for i, f := range sotest.RabitIQFields() {
		switch i + 1 {
		case 9:
		case 13:
			contact = append(contact, sotest.CustomFieldDef{ProgId: "SuperOffice:50", Label: "Forretningsmodel", Type: "Date"})
		case 18:
			f.Type = "ShortText"
			contact = append(contact, f)
		case 34:
			person = append(person, f)
		default:
			contact = append(contact, f)
		}
	}
	return &sotest.Seed{ContactFields: contact, PersonFields: person}
}

// `fields` prints, under each field that is not ready, what to do in the
// guide's words and the CLI's language, and names types as the guide
// does; --json carries the same advice and its code beside the old fields.
func TestFieldsPrintsTheGuidesAdvice(t *testing.T) {
	s := startSim(t, mixedTenant())
	for _, tc := range []struct {
		lang   string
		advice map[string]string // Prog ID → the line under its row
		words  []string
	}{
		{"da", map[string]string{
			"RabitIQ:9":  `    → Opret feltet på Firma: Tilføj → navn "Intent Signaler", type Text (Long), Prog ID RabitIQ:9 → Publicér`,
			"RabitIQ:13": `    → Forkert type: SuperOffice:50 er Date, vælg Text. Opret feltet på Firma: Tilføj → navn "Forretningsmodel", type Text, Prog ID RabitIQ:13 → Publicér`,
			"RabitIQ:18": `    → Forkert type: feltet er Text, vælg Number. Giv det gamle felt et andet Prog ID (eller slet det), og opret feltet på Firma: Tilføj → navn "Antal ansatte", type Number, Prog ID RabitIQ:18 → Publicér`,
			"RabitIQ:34": `    → Feltet er oprettet på Person (RabitIQ:34) – opret det på Firma: Tilføj → navn "Brugernoter", type Text (Long), Prog ID RabitIQ:34 → Publicér`,
		}, []string{"33 af 37 felter klar", "✗ mangler"}},
		{"en", map[string]string{
			"RabitIQ:9":  `    → Create the field on Company: Add → name "Intent Signals", type Text (Long), Prog ID RabitIQ:9 → Publish`,
			"RabitIQ:13": `    → Wrong type: SuperOffice:50 is Date, choose Text. Create the field on Company: Add → name "Business Model", type Text, Prog ID RabitIQ:13 → Publish`,
			"RabitIQ:18": `    → Wrong type: the field is Text, choose Number. Give the old field another Prog ID (or delete it), then create the field on Company: Add → name "Employees", type Number, Prog ID RabitIQ:18 → Publish`,
			"RabitIQ:34": `    → The field was created on Person (RabitIQ:34) – create it on Company: Add → name "User Notes", type Text (Long), Prog ID RabitIQ:34 → Publish`,
		}, []string{"33 of 37 fields ready", "✗ missing"}},
	} {
		env := staticEnv(s, "")
		env["RABITIQ_LANG"] = tc.lang
		r := run(t, env, "fields")
		if r.code != ExitOK {
			t.Fatalf("%s: exit %d: %s", tc.lang, r.code, r.stderr)
		}
		lines := strings.Split(r.stdout, "\n")
		advised := 0
		for i, line := range lines {
			if strings.HasPrefix(line, "    → ") {
				advised++
				continue
			}
			id, _, _ := strings.Cut(line, " ")
			want, ok := tc.advice[id]
			if !ok {
				continue
			}
			if i+1 >= len(lines) || lines[i+1] != want {
				t.Errorf("%s: under %q:\n got %q\nwant %q", tc.lang, line, lines[min(i+1, len(lines)-1)], want)
			}
		}
		if advised != len(tc.advice) {
			t.Errorf("%s: %d advice lines, want %d (only fields that are not ready):\n%s", tc.lang, advised, len(tc.advice), r.stdout)
		}
		for _, w := range tc.words {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%s: output lacks %q", tc.lang, w)
			}
		}
		if strings.Contains(r.stdout, "LongText") || strings.Contains(r.stdout, "ShortText") || !strings.Contains(r.stdout, "Text (Long)") {
			t.Errorf("%s: types are not the guide's names:\n%s", tc.lang, r.stdout)
		}

		rows := fieldRows(t, run(t, env, "fields", "--json"))
		for id, want := range tc.advice {
			if got := rows[id]["advice"]; got != strings.TrimPrefix(want, "    → ") {
				t.Errorf("%s: %s advice = %q", tc.lang, id, got)
			}
		}
		for id, code := range map[string]string{"RabitIQ:9": "fieldsetup.create", "RabitIQ:13": "fieldsetup.wrong-type", "RabitIQ:18": "fieldsetup.wrong-type-progid", "RabitIQ:34": "fieldsetup.on-person", "RabitIQ:1": ""} {
			if got := rows[id]["adviceCode"]; got != code {
				t.Errorf("%s: %s adviceCode = %q, want %q", tc.lang, id, got, code)
			}
		}
		// The JSON contract keeps the API's type names and raw tenant types.
		if r2 := rows["RabitIQ:2"]; r2["type"] != "LongText" || r2["status"] != "present" || r2["advice"] != "" {
			t.Errorf("%s: RabitIQ:2 = %v", tc.lang, r2)
		}
		if r18 := rows["RabitIQ:18"]; r18["status"] != "wrong-type" || r18["tenantType"] != "ShortText" {
			t.Errorf("%s: RabitIQ:18 = %v", tc.lang, r18)
		}
	}
}
