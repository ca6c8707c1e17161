package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// refreshOut is `refresh --json`.
type refreshOut struct {
	Leads []struct {
		LocalID   int64  `json:"localId"`
		ID        string `json:"id"`
		ContactID int    `json:"contactId"`
		State     string `json:"state"`
		Changes   []struct {
			Field       string `json:"field"`
			Local       string `json:"local"`
			SuperOffice string `json:"superOffice"`
		} `json:"changes"`
	} `json:"leads"`
}

// TestRefreshEndToEnd syncs three leads with the CLI, then plays a user
// in SuperOffice (an OrgNr edited, a company deleted) and checks
// `refresh --json` and the table: gone, changed with the field, same, in
// one query and without a single write to SuperOffice.
func TestRefreshEndToEnd(t *testing.T) {
	s := startSim(t, &sotest.Seed{ContactFields: sotest.RabitIQFields()})
	db := filepath.Join(t.TempDir(), "leads.db")
	env := staticEnv(s, db)
	env["RABITIQ_LANG"] = "da"
	leads := `[{"id":"a","companyName":"Alfa ApS","cvr":"38112759"},{"id":"b","companyName":"Beta ApS"},{"id":"c","companyName":"Gamma ApS"},{"id":"n","companyName":"Ny ApS"}]`
	if r := run(t, env, "import", writeFile(t, "l.json", leads)); r.code != 0 {
		t.Fatal(r.stderr)
	}
	ids := map[string]int{}
	for _, ref := range []string{"a", "b", "c"} {
		r := run(t, env, "sync", ref, "--create", "--json")
		var res struct {
			ContactID int `json:"contactId"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || r.code != 0 {
			t.Fatalf("sync %s: %v %s", ref, err, r.stderr)
		}
		ids[ref] = res.ContactID
	}
	api := &simAPI{t: t, s: s}
	api.do(http.MethodPatch, fmt.Sprintf("v1/Contact/%d", ids["a"]), `[{"op":"replace","path":"OrgNr","value":"12345674"}]`, 200)
	api.do(http.MethodDelete, fmt.Sprintf("v1/Contact/%d", ids["b"]), "", 204)
	s.ResetLogs()

	r := run(t, env, "refresh", "--all", "--json")
	if r.code != 0 {
		t.Fatalf("refresh: exit %d %s", r.code, r.stderr)
	}
	var out refreshOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, l := range out.Leads {
		got[l.ID] = l.State
		if l.ContactID != ids[l.ID] || l.LocalID == 0 {
			t.Errorf("lead %s: contactId %d localId %d, want %d", l.ID, l.ContactID, l.LocalID, ids[l.ID])
		}
		if l.ID == "a" && (len(l.Changes) != 1 || l.Changes[0].Field != "OrgNr" || l.Changes[0].Local != "38112759" || l.Changes[0].SuperOffice != "12345674") {
			t.Errorf("changes of a: %+v", l.Changes)
		}
		if l.Changes == nil {
			t.Errorf("lead %s: changes is null, want []", l.ID)
		}
	}
	if len(out.Leads) != 3 || got["a"] != "changed" || got["b"] != "gone" || got["c"] != "same" {
		t.Errorf("refresh --json states %v (%d leads), want a changed, b gone, c same; the unsynced lead left out:\n%s", got, len(out.Leads), r.stdout)
	}
	for _, q := range s.Requests() {
		if q.Method != http.MethodGet {
			t.Errorf("refresh sent %s %s", q.Method, q.Path)
		}
	}
	if n := len(s.Requests()); n != 1 {
		t.Errorf("refresh of 3 leads sent %d requests, want 1 query", n)
	}

	tbl := run(t, env, "refresh", "a")
	if tbl.code != 0 || !strings.Contains(tbl.stdout, "CVR-nr. (OrgNr): 38112759 → 12345674") || !strings.Contains(tbl.stdout, "Ændret i SuperOffice") ||
		!strings.Contains(tbl.stdout, "1 lead kontrolleret: 0 uændrede, 1 ændret, 0 findes ikke længere") {
		t.Errorf("refresh table: exit %d\n%s%s", tbl.code, tbl.stdout, tbl.stderr)
	}
	if none := run(t, env, "refresh", "n", "--json"); none.code != 0 || !strings.Contains(none.stdout, `"leads": []`) {
		t.Errorf("refresh of an unsynced lead: exit %d %s", none.code, none.stdout)
	}
}

// TestRefreshExitCodes: usage 2, unknown lead 1, not connected 3.
func TestRefreshExitCodes(t *testing.T) {
	env := map[string]string{"RABITIQ_DB": filepath.Join(t.TempDir(), "l.db")}
	run(t, env, "import", writeFile(t, "l.json", `{"id":"x","companyName":"X ApS"}`))
	for _, args := range [][]string{{"refresh"}, {"refresh", "x", "--all"}, {"refresh", "x", "y"}} {
		if r := run(t, env, args...); r.code != ExitUsage {
			t.Errorf("%v: exit %d, want 2", args, r.code)
		}
	}
	if r := run(t, env, "refresh", "nobody"); r.code != ExitFailure {
		t.Errorf("unknown lead: exit %d, want 1 (%s)", r.code, r.stderr)
	}
	r := runWith(t, env, &auth.MemKeyring{}, nil, "refresh", "--all")
	if r.code != ExitNotConnected || !strings.Contains(r.stderr, "SuperOffice er ikke forbundet") {
		t.Errorf("not connected: exit %d, stderr %q", r.code, r.stderr)
	}
}

// simAPI is a user's own requests to the tenant (not the app's).
type simAPI struct {
	t *testing.T
	s *sotest.Server
}

func (a *simAPI) do(method, path, body string, want int) {
	a.t.Helper()
	req, _ := http.NewRequest(method, a.s.APIURL()+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+a.s.AccessToken())
	req.Header.Set("Accept", "application/json")
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != want {
		a.t.Fatalf("%s %s: %d, want %d", method, path, resp.StatusCode, want)
	}
}

// TestRefreshAllBatchesFiftyPerQuery: `refresh --all --json` of 120
// synced leads sends three searches of at most 50 ids, and nothing else.
func TestRefreshAllBatchesFiftyPerQuery(t *testing.T) {
	s := startSim(t, &sotest.Seed{ContactFields: sotest.RabitIQFields()})
	db := filepath.Join(t.TempDir(), "leads.db")
	env := staticEnv(s, db)
	var js []string
	for i := range 120 {
		js = append(js, fmt.Sprintf(`{"id":"r%d","companyName":"Firma %d ApS"}`, i, i))
	}
	if r := run(t, env, "import", writeFile(t, "l.json", "["+strings.Join(js, ",")+"]")); r.code != 0 {
		t.Fatal(r.stderr)
	}
	d, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 120 {
		cid, err := s.AddCompany(sotest.SeedCompany{Name: fmt.Sprintf("Firma %d ApS", i)})
		if err != nil {
			t.Fatal(err)
		}
		id, err := d.ResolveLead(context.Background(), fmt.Sprintf("r%d", i))
		if err != nil {
			t.Fatal(err)
		}
		if err := d.MarkSynced(context.Background(), id, int64(cid), s.Ctx(), time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	d.Close()
	r := run(t, env, "refresh", "--all", "--json")
	var out refreshOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || r.code != 0 || len(out.Leads) != 120 {
		t.Fatalf("refresh --all: exit %d, %v, %d leads: %s", r.code, err, len(out.Leads), r.stderr)
	}
	for _, l := range out.Leads {
		if l.State != "same" {
			t.Fatalf("lead %s: %s", l.ID, l.State)
		}
	}
	reqs := s.Requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3", len(reqs))
	}
	for _, q := range reqs {
		v, _ := url.ParseQuery(q.Query)
		f := v.Get("$filter")
		if q.Method != http.MethodGet || !strings.HasPrefix(f, "contactId in (") || strings.Count(f, ",")+1 > 50 {
			t.Errorf("%s %s $filter=%q", q.Method, q.Path, f)
		}
	}
}
