package cli

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

const threeLeads = `[{"id":"n1","companyName":"Nord Afvist ApS"},{"id":"n2","companyName":"Syd Afvist ApS"},{"id":"n3","companyName":"Øst Afvist ApS"}]`

// syncAllJSON splits `sync --all --json` into its lead lines and summary.
func syncAllJSON(t *testing.T, out string) ([]map[string]any, map[string]any) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var items []map[string]any
	for _, l := range lines[:len(lines)-1] {
		var it map[string]any
		if err := json.Unmarshal([]byte(l), &it); err != nil {
			t.Fatalf("lead line %q: %v", l, err)
		}
		items = append(items, it)
	}
	var sum struct {
		Summary map[string]any `json:"summary"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &sum); err != nil || sum.Summary == nil {
		t.Fatalf("summary line %q: %v", lines[len(lines)-1], err)
	}
	return items, sum.Summary
}

// leadStatuses reads `leads --json` into status by RabitIQ id.
func leadStatuses(t *testing.T, env map[string]string) map[string]string {
	t.Helper()
	var rows []struct{ ID, Status string }
	if err := json.Unmarshal([]byte(run(t, env, "leads", "--json").stdout), &rows); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows {
		out[r.ID] = r.Status
	}
	return out
}

// assertRefusedRun checks a `sync --all --json` that SuperOffice refused:
// exit 3 with the guide's words, every lead named and cancelled, the
// summary says notConnected, and every lead keeps its status.
func assertRefusedRun(t *testing.T, env map[string]string, r result) {
	t.Helper()
	if r.code != ExitNotConnected || !strings.Contains(r.stderr, "SuperOffice er ikke forbundet") {
		t.Fatalf("exit %d, stderr %q, want 3 and \"SuperOffice er ikke forbundet\"", r.code, r.stderr)
	}
	items, sum := syncAllJSON(t, r.stdout)
	if len(items) != 3 {
		t.Fatalf("%d lead lines, want 3:\n%s", len(items), r.stdout)
	}
	for _, it := range items {
		if it["id"] == "" || it["outcome"] != export.OutcomeCancelled {
			t.Errorf("lead line = %v, want its id and outcome cancelled", it)
		}
	}
	if sum["notConnected"] != true || sum["failed"] != 0.0 || sum["cancelled"] != 3.0 || sum["total"] != 3.0 {
		t.Errorf("summary = %v", sum)
	}
	for id, st := range leadStatuses(t, env) {
		if st != "new" {
			t.Errorf("lead %s is %s after a refused run, want new", id, st)
		}
	}
}

// A static token SuperOffice refuses (401: it has expired) makes `sync --all` stop at the
// first request with exit 3, not fail every lead with exit 1.
func TestSyncAllRefusedTokenExit3(t *testing.T) {
	s := startSim(t, nil)
	env := staticEnv(s, filepath.Join(t.TempDir(), "leads.db"))
	run(t, env, "import", writeFile(t, "l.json", threeLeads))
	s.Faults().ExpireTokens()
	r := run(t, env, "sync", "--all", "--create-missing", "--json")
	assertRefusedRun(t, env, r)
	if n := len(s.Requests()); n > 6 {
		t.Errorf("%d requests for a refused token, want no more than the first metadata reads", n)
	}
}

// A sign-in whose refresh token SuperOffice revoked (the access token has
// expired too) is "not connected" as well: exit 3, every lead untouched.
func TestSyncAllRevokedSignInExit3(t *testing.T) {
	s := startSim(t, nil)
	kr := &auth.MemKeyring{}
	env := map[string]string{"RABITIQ_SO_AUTHORITY": s.Authority(), "RABITIQ_SO_CLIENT_ID": s.ClientID(), "RABITIQ_DB": filepath.Join(t.TempDir(), "leads.db")}
	if c := runWith(t, env, kr, browserFor(t), "connect", "--env", "sod"); c.code != 0 {
		t.Fatalf("connect: %d %s", c.code, c.stderr)
	}
	run(t, env, "import", writeFile(t, "l.json", threeLeads))
	s.Faults().ExpireTokens()
	s.Faults().RevokeRefreshTokens()
	r := runWith(t, env, kr, nil, "sync", "--all", "--create-missing", "--json")
	assertRefusedRun(t, env, r)
	if n := len(s.Companies()); n != 0 {
		t.Errorf("%d companies created", n)
	}
}

// An earlier run created a company but lost the answer, and could not
// look it up (a 500): the lead has an open intent and the company is
// linked to nothing. `sync --all` settles it first and updates that
// company, instead of sending the lead to review with its own company.
func TestSyncAllSettlesALostCreate(t *testing.T) {
	s := startSim(t, nil)
	dbPath := filepath.Join(t.TempDir(), "leads.db")
	env := staticEnv(s, dbPath)
	const name = "Forældreløs Byg ApS"
	run(t, env, "import", writeFile(t, "l.json", `{"id":"o1","companyName":"`+name+`","website":"https://forældreløs-byg.dk","location":"Aarhus"}`))
	ctx := context.Background()
	db, err := store.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	cl, err := export.NewClient(s.APIURL(), oauth2.StaticTokenSource(&oauth2.Token{AccessToken: s.AccessToken()}), nil, &http.Client{Timeout: 500 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	e := export.New(db, cl, export.Tenant{Ctx: s.Ctx(), User: "earlier@rabitiq.dk"}, nil)
	if _, err := e.Meta(ctx); err != nil {
		t.Fatal(err)
	}
	// Read the lists a create needs now, so the 500 below hits the look-up.
	if _, err := e.NewCompany(ctx, ""); err != nil {
		t.Fatal(err)
	}
	id, err := db.ResolveLead(ctx, "o1")
	if err != nil {
		t.Fatal(err)
	}
	s.Faults().HangAfterCreate(3 * time.Second)
	s.Faults().FailNextMatching("GET", "v1/Contact", 1, http.StatusInternalServerError, 0)
	if _, err := e.Sync(ctx, id, export.Choice{Create: true}); err == nil {
		t.Fatal("the create with a lost answer succeeded")
	}
	db.Close()
	s.Faults().Reset()
	var made []sotest.Company
	for _, c := range s.Companies() {
		if c.Name == name {
			made = append(made, c)
		}
	}
	if len(made) != 1 {
		t.Fatalf("%d companies after the lost create, want 1", len(made))
	}
	r := run(t, env, "sync", "--all", "--json")
	if r.code != ExitOK {
		t.Fatalf("sync --all: exit %d, %s\n%s", r.code, r.stderr, r.stdout)
	}
	items, sum := syncAllJSON(t, r.stdout)
	if len(items) != 1 || items[0]["outcome"] != export.OutcomeUpdated || items[0]["contactId"] != float64(made[0].ContactId) {
		t.Errorf("lead line = %v, want updated company %d", items, made[0].ContactId)
	}
	if sum["review"] != 0.0 || sum["updated"] != 1.0 {
		t.Errorf("summary = %v", sum)
	}
	n := 0
	for _, c := range s.Companies() {
		if c.Name == name {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d companies named %q, want 1", n, name)
	}
	if st := leadStatuses(t, env)["o1"]; st != "synced" {
		t.Errorf("lead is %s, want synced", st)
	}
}
