package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// A lead `sync --all` leaves for a person (a name-only match) is stored
// as "review": its JSON line and `leads --json` say so, `leads --status
// review` lists it alone, and `sync --all --status review` works through
// that pile.
func TestReviewStatusThroughTheCLI(t *testing.T) {
	s := startSim(t, &sotest.Seed{Companies: []sotest.SeedCompany{{ID: 51, Name: "Gamma Data ApS"}}})
	env := staticEnv(s, filepath.Join(t.TempDir(), "leads.db"))
	if r := run(t, env, "import", writeFile(t, "l.json", `[
		{"id":"c","companyName":"Gamma Data A/S","location":"Vejle"},
		{"id":"b","companyName":"Beta Kvantefysik IVS","website":"beta-q.dk","location":"Odense"}]`)); r.code != ExitOK {
		t.Fatalf("import: exit %d %s", r.code, r.stderr)
	}
	r := run(t, env, "sync", "--all", "--create-missing", "--json")
	if r.code != ExitOK {
		t.Fatalf("sync --all: exit %d, %s\n%s", r.code, r.stderr, r.stdout)
	}
	items, sum := syncAllJSON(t, r.stdout)
	got := map[string]map[string]any{}
	for _, it := range items {
		got[it["id"].(string)] = it
	}
	if got["c"]["outcome"] != export.OutcomeReview || got["c"]["status"] != "review" {
		t.Errorf("name-only lead line = %v, want outcome and status review", got["c"])
	}
	if got["b"]["outcome"] != export.OutcomeCreated || got["b"]["status"] != "synced" {
		t.Errorf("created lead line = %v, want status synced", got["b"])
	}
	if sum["review"] != 1.0 || sum["created"] != 1.0 {
		t.Errorf("summary = %v", sum)
	}
	if st := leadStatuses(t, env); st["c"] != "review" || st["b"] != "synced" {
		t.Errorf("leads --json statuses = %v, want c review and b synced", st)
	}

	var rows []map[string]any
	r = run(t, env, "leads", "--status", "review", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &rows); r.code != ExitOK || err != nil {
		t.Fatalf("leads --status review --json: exit %d, %v\n%s", r.code, err, r.stderr)
	}
	if len(rows) != 1 || rows[0]["id"] != "c" || rows[0]["status"] != "review" {
		t.Errorf("leads --status review = %v, want lead c alone", rows)
	}
	text := run(t, env, "leads", "--status", "review")
	if text.code != ExitOK || !strings.Contains(text.stdout, "skal gennemses") || strings.Contains(text.stdout, "Beta") ||
		!strings.Contains(text.stdout, "1 leads") {
		t.Errorf("leads --status review (text):\n%s", text.stdout)
	}
	if en := run(t, map[string]string{"RABITIQ_DB": env["RABITIQ_DB"], "RABITIQ_LANG": "en"}, "leads", "--status", "review"); !strings.Contains(en.stdout, "needs review") {
		t.Errorf("leads --status review in English:\n%s", en.stdout)
	}
	if bad := run(t, env, "leads", "--status", "pending"); bad.code != ExitUsage || !strings.Contains(bad.stderr, "review") {
		t.Errorf("leads --status pending: exit %d %q, want 2 naming the statuses", bad.code, bad.stderr)
	}

	// Working through the pile: only the review lead is tried, and with
	// no certain match it stays in review.
	r = run(t, env, "sync", "--all", "--status", "review", "--json")
	if r.code != ExitOK {
		t.Fatalf("sync --all --status review: exit %d, %s\n%s", r.code, r.stderr, r.stdout)
	}
	if items, _ := syncAllJSON(t, r.stdout); len(items) != 1 || items[0]["id"] != "c" || items[0]["status"] != "review" {
		t.Errorf("sync --all --status review = %v, want lead c still in review", items)
	}
	if bad := run(t, env, "sync", "--all", "--status", "synced"); bad.code != ExitUsage || !strings.Contains(bad.stderr, "review") {
		t.Errorf("sync --all --status synced: exit %d %q, want 2 naming the statuses", bad.code, bad.stderr)
	}
}
