package cli

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// Words only one language uses, in the CLI's own text and the catalogue's
// messages. None occurs in the sample leads (checked below), so a marker
// in the output is the CLI's words, not lead data shown as it is.
var (
	danishMarkers = []string{"afkortet", "tegn", "mangler", "ugyldigt", "FIRMA", "KONTAKTER", "sendes ikke", "springes over", "felter",
		"Advarsler", "oprettet", "opdateret", "importeret", "uændret", "afvist", "advarsel", "firma", "synkroniseret", "Kontaktperson",
		"Brugerdefinerede", "Hjemmeside", "beholdes", "skrives", "HANDLING", "I alt", "klar"}
	englishMarkers = []string{"truncated", "cut from", "characters", "missing", "invalid", "COMPANY", "CONTACTS", "not sent", "skipped",
		"fields", "Warnings", "created", "updated", "imported", "unchanged", "rejected", "warning", "company", "new", "synced",
		"Contact person", "Website", "keep", "write", "ACTION", "In all", "ready", "rounded"}
)

// markersIn lists the markers that occur in s as whole words.
func markersIn(s string, markers []string) []string {
	var out []string
	for _, m := range markers {
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(m) + `\b`).MatchString(s) {
			out = append(out, m)
		}
	}
	return out
}

// With RABITIQ_LANG=da the CLI's output has no English words and with
// RABITIQ_LANG=en no Danish ones: import, leads, preview, fields, match,
// sync (one lead, a dry run and --all), against the simulator.
func TestOutputSpeaksOneLanguage(t *testing.T) {
	files := []string{sample("one-lead.json"), sample("wrapped-3.json")}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if m := markersIn(string(b), append(append([]string{}, danishMarkers...), englishMarkers...)); len(m) > 0 {
			t.Fatalf("%s holds markers %v: choose others", f, m)
		}
	}
	for _, c := range []struct {
		lang    string
		foreign []string
	}{{"da", englishMarkers}, {"en", danishMarkers}} {
		t.Run(c.lang, func(t *testing.T) {
			// Two fields missing, so the sync warns and skips.
			s := startSim(t, &sotest.Seed{ContactFields: sotest.RabitIQFields()[:35],
				Companies: []sotest.SeedCompany{{ID: 40, Name: "Klitrose Byggeri", OrgNr: "29935181", Department: "Egen afdeling"}}})
			env := staticEnv(s, filepath.Join(t.TempDir(), "leads.db"))
			env["RABITIQ_LANG"] = c.lang
			var out strings.Builder
			for _, args := range [][]string{
				append([]string{"import"}, files...),
				{"leads"},
				{"preview", "lead_00000_4ef8aa38"},
				{"fields"},
				{"match", "lead_00000_4ef8aa38"},
				{"sync", "lead_00000_4ef8aa38", "--contact", "40", "--dry-run"},
				{"sync", "lead_00000_4ef8aa38", "--contact", "40"},
				{"sync", "--all", "--create-missing"},
				{"leads"},
			} {
				r := run(t, maps.Clone(env), args...)
				if r.code != 0 {
					t.Fatalf("%v: exit %d\n%s", args, r.code, r.stderr)
				}
				if m := markersIn(r.stdout+r.stderr, c.foreign); len(m) > 0 {
					t.Errorf("%s %v says %v:\n%s%s", c.lang, args, m, r.stdout, r.stderr)
				}
				out.WriteString(r.stdout)
			}
			// The run did say what the markers look for, in its own language.
			own := danishMarkers
			if c.lang == "en" {
				own = englishMarkers
			}
			if m := markersIn(out.String(), own); len(m) < len(own)/2 {
				t.Errorf("%s output has only %v of its own words:\n%s", c.lang, m, out.String())
			}
		})
	}
}

// A command's -h and a wrong flag list its flags in the CLI's language.
func TestFlagHelpSpeaksOneLanguage(t *testing.T) {
	for _, c := range []struct {
		lang, want string
		foreign    []string
	}{
		{"da", "med --all: leads der eksporteres ad gangen (standard: 4)", []string{"print", "database file", "Usage", "default:"}},
		{"en", "with --all: leads exported at once (default: 4)", []string{"skriv", "databasefil", "Flag til", "standard:"}},
	} {
		env := map[string]string{"RABITIQ_LANG": c.lang}
		r := run(t, env, "sync", "-h")
		if r.code != ExitUsage || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%s: sync -h = %d\n%s", c.lang, r.code, r.stderr)
		}
		for _, args := range [][]string{{"sync", "-h"}, {"import", "--bogus"}, {"leads", "-h"}, {"fields", "-h"}, {"connect", "-h"}} {
			r := run(t, env, args...)
			for _, f := range c.foreign {
				if strings.Contains(r.stderr, f) {
					t.Errorf("%s %v says %q:\n%s", c.lang, args, f, r.stderr)
				}
			}
		}
	}
}

// sync --create --json on a CVR already in SuperOffice says so in the
// CLI's language and adds a stable code beside the text.
func TestSyncCreateExistingCVRJSONHasCode(t *testing.T) {
	s := startSim(t, &sotest.Seed{Companies: []sotest.SeedCompany{{ID: 40, Name: "Klitrose Byggeri", OrgNr: "29935181"}}})
	env := staticEnv(s, filepath.Join(t.TempDir(), "leads.db"))
	if r := run(t, env, "import", sample("one-lead.json")); r.code != 0 {
		t.Fatal(r.stderr)
	}
	for lang, want := range map[string]string{"da": "der findes allerede et firma med samme CVR", "en": "a company with the same CVR is already in SuperOffice"} {
		lenv := maps.Clone(env)
		lenv["RABITIQ_LANG"] = lang
		r := run(t, lenv, "sync", "lead_00000_4ef8aa38", "--create", "--json")
		var doc map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || r.code != ExitFailure {
			t.Fatalf("%s: exit %d, %v\n%s%s", lang, r.code, err, r.stdout, r.stderr)
		}
		if e, _ := doc["error"].(string); !strings.Contains(e, want) || doc["code"] != "export.company-exists" || doc["existingContactId"] != float64(40) {
			t.Errorf("%s: %v", lang, doc)
		}
	}
}
