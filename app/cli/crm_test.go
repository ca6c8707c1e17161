package cli

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

var (
	keyOnce sync.Once
	simKey  *rsa.PrivateKey
)

func startSim(t *testing.T, seed *sotest.Seed) *sotest.Server {
	t.Helper()
	return startSimWith(t, sotest.Config{Seed: seed})
}

// startSimWith starts a simulator from cfg with the tests' key, approval,
// company and mode, and fails the test on any rule a request broke.
func startSimWith(t *testing.T, cfg sotest.Config) *sotest.Server {
	t.Helper()
	keyOnce.Do(func() { simKey, _ = rsa.GenerateKey(rand.Reader, 2048) })
	cfg.AutoApprove, cfg.SigningKey, cfg.CompanyName, cfg.Strict = true, simKey, "Demo Tenant ApS", strictSim
	s, err := sotest.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if v := s.Violations(); len(v) > 0 {
			t.Errorf("simulator violations: %+v", v)
		}
		s.Close()
	})
	return s
}

func staticEnv(s *sotest.Server, db string) map[string]string {
	return map[string]string{"RABITIQ_SO_API_URL": s.APIURL(), "RABITIQ_SO_ACCESS_TOKEN": s.AccessToken(), "RABITIQ_DB": db}
}

func TestFieldsClassifiesMixedTenant(t *testing.T) {
	fs := sotest.RabitIQFields()
	var contact, person []sotest.CustomFieldDef
	for i, f := range fs {
		switch i + 1 {
		case 9: // missing
		case 18:
			f.Type = "ShortText" // a number field created as text
			contact = append(contact, f)
		case 34:
			person = append(person, f) // created on Person
		default:
			contact = append(contact, f)
		}
	}
	s := startSim(t, &sotest.Seed{ContactFields: contact, PersonFields: person})
	r := run(t, staticEnv(s, ""), "fields", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var rows []map[string]string
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil || len(rows) != 37 {
		t.Fatalf("%v, %d rows", err, len(rows))
	}
	want := map[string]string{"RabitIQ:1": "present", "RabitIQ:9": "missing", "RabitIQ:18": "wrong-type", "RabitIQ:34": "on-person", "RabitIQ:37": "present"}
	for i, row := range rows {
		if row["progId"] != "RabitIQ:"+itoa(i+1) {
			t.Fatalf("row %d is %s: not in field order", i, row["progId"])
		}
		if w, ok := want[row["progId"]]; ok && row["status"] != w {
			t.Errorf("%s status = %s, want %s", row["progId"], row["status"], w)
		}
	}
	if rows[0]["label"] != "RabitIQ Score" || rows[0]["type"] != "Number" || rows[0]["tenantKey"] != "RabitIQ:1" || rows[0]["tenantType"] == "" {
		t.Errorf("row 1 = %v", rows[0])
	}
	text := run(t, staticEnv(s, ""), "fields")
	if !strings.Contains(text.stdout, "35 af 37 felter klar") && !strings.Contains(text.stdout, "af 37 felter klar") {
		t.Errorf("text output lacks the summary:\n%s", text.stdout)
	}
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func TestNotConnectedExit3(t *testing.T) {
	env := map[string]string{"RABITIQ_DB": filepath.Join(t.TempDir(), "l.db")}
	for _, args := range [][]string{{"fields"}, {"match", "x"}, {"sync", "x", "--create"}} {
		if args[0] != "fields" {
			run(t, env, "import", writeFile(t, "l.json", `{"id":"x","companyName":"X ApS"}`))
		}
		r := runWith(t, env, &auth.MemKeyring{}, nil, args...)
		if r.code != ExitNotConnected || !strings.Contains(r.stderr, "SuperOffice er ikke forbundet") {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	r := runWith(t, env, &auth.MemKeyring{}, nil, "status", "--json")
	if r.code != ExitNotConnected || !strings.Contains(r.stdout, `"connected": false`) {
		t.Errorf("status: %d %s", r.code, r.stdout)
	}
}

func TestPreviewMatchSyncEndToEnd(t *testing.T) {
	s := startSim(t, &sotest.Seed{Companies: []sotest.SeedCompany{{ID: 40, Name: "Klitrose Byggeri", OrgNr: "29935181"}}})
	db := filepath.Join(t.TempDir(), "leads.db")
	env := staticEnv(s, db)
	if r := run(t, env, "import", sample("one-lead.json")); r.code != 0 {
		t.Fatal(r.stderr)
	}
	p := run(t, env, "preview", "lead_00000_4ef8aa38", "--json")
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(p.stdout), &doc); err != nil || p.code != 0 {
		t.Fatalf("preview: %v %s", err, p.stderr)
	}
	for _, k := range []string{"contact", "customFields", "persons", "warnings"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("preview lacks %q", k)
		}
	}
	if !strings.Contains(string(doc["customFields"]), `"RabitIQ:1": "[I:43]"`) && !strings.Contains(string(doc["customFields"]), `"RabitIQ:1":"[I:43]"`) {
		t.Errorf("customFields = %s", doc["customFields"])
	}
	if len(s.Requests()) != 0 {
		t.Errorf("preview made %d requests", len(s.Requests()))
	}
	if tbl := run(t, env, "preview", "1"); tbl.code != 0 || !strings.Contains(tbl.stdout, "Klitrose Byg P/S") {
		t.Errorf("preview table (by local id):\n%s", tbl.stdout)
	}

	m := run(t, env, "match", "lead_00000_4ef8aa38", "--json")
	var md struct {
		Candidates []struct {
			ContactID int      `json:"contactId"`
			Name      string   `json:"name"`
			OrgNr     string   `json:"orgNr"`
			Domain    string   `json:"domain"`
			Score     float64  `json:"score"`
			Reasons   []string `json:"reasons"`
		} `json:"candidates"`
	}
	if err := json.Unmarshal([]byte(m.stdout), &md); err != nil || m.code != 0 {
		t.Fatalf("match: %v %s", err, m.stderr)
	}
	if len(md.Candidates) == 0 || md.Candidates[0].ContactID != 40 || md.Candidates[0].Score < 0.99 {
		t.Fatalf("candidates = %+v", md.Candidates)
	}
	// The reasons speak the CLI's language; their codes stay the same.
	for _, c := range []struct{ lang, reason string }{{"da", "CVR matcher"}, {"en", "CVR matches"}} {
		lenv := maps.Clone(env)
		lenv["RABITIQ_LANG"] = c.lang
		var got struct {
			Candidates []struct {
				Reasons     []string `json:"reasons"`
				ReasonCodes []struct {
					Code string `json:"code"`
				} `json:"reasonCodes"`
			} `json:"candidates"`
		}
		lm := run(t, lenv, "match", "lead_00000_4ef8aa38", "--json")
		if err := json.Unmarshal([]byte(lm.stdout), &got); err != nil || len(got.Candidates) == 0 {
			t.Fatalf("match in %s: %v %s", c.lang, err, lm.stderr)
		}
		first := got.Candidates[0]
		if len(first.Reasons) == 0 || first.Reasons[0] != c.reason || len(first.ReasonCodes) != len(first.Reasons) || first.ReasonCodes[0].Code != "match.cvr-match" {
			t.Errorf("match in %s: reasons %q, codes %+v", c.lang, first.Reasons, first.ReasonCodes)
		}
	}

	sy := run(t, env, "sync", "lead_00000_4ef8aa38", "--contact", "40", "--json")
	if sy.code != 0 {
		t.Fatalf("sync: %d %s", sy.code, sy.stderr)
	}
	var res map[string]any
	if err := json.Unmarshal([]byte(sy.stdout), &res); err != nil {
		t.Fatal(err)
	}
	// The contract's keys, plus skipReasons (added by issue 14) and
	// warningCodes (issue 16).
	if got := strings.Join(keys(res), " "); got != "contactId created customFields kept persons skipReasons warningCodes warnings" {
		t.Errorf("sync JSON keys = %q", got)
	}
	if res["contactId"].(float64) != 40 || res["created"].(bool) {
		t.Errorf("sync = %v", res)
	}
	cf := res["customFields"].(map[string]any)
	if _, ok := cf["written"].([]any); !ok {
		t.Errorf("customFields = %v", cf)
	}
	l := run(t, env, "leads", "--json")
	if !strings.Contains(l.stdout, `"superOfficeContactId": 40`) || !strings.Contains(l.stdout, `"status": "synced"`) {
		t.Errorf("leads after sync:\n%s", l.stdout)
	}
	for _, args := range [][]string{{"sync", "1"}, {"sync", "1", "--create", "--contact", "4"}, {"sync", "1", "--contact", "x"}} {
		if r := run(t, env, args...); r.code != ExitUsage {
			t.Errorf("%v: exit %d, want 2", args, r.code)
		}
	}
}

// browserFor plays the user: it follows the authorize redirect back to
// the CLI's loopback listener.
func browserFor(t *testing.T) func(string) error {
	return func(u string) error {
		go func() {
			hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }, Timeout: 10 * time.Second}
			resp, err := hc.Get(u)
			if err != nil {
				t.Errorf("authorize: %v", err)
				return
			}
			resp.Body.Close()
			loc, _ := url.Parse(resp.Header.Get("Location"))
			if r, err := http.Get(loc.String()); err == nil {
				r.Body.Close()
			}
		}()
		return nil
	}
}

func TestConnectStatusDisconnect(t *testing.T) {
	s := startSim(t, nil)
	kr := &auth.MemKeyring{}
	db := filepath.Join(t.TempDir(), "leads.db")
	env := map[string]string{"RABITIQ_SO_AUTHORITY": s.Authority(), "RABITIQ_SO_CLIENT_ID": s.ClientID(), "RABITIQ_DB": db}
	c := runWith(t, env, kr, browserFor(t), "connect", "--env", "sod")
	if c.code != 0 {
		t.Fatalf("connect: %d %s", c.code, c.stderr)
	}
	lines := strings.Split(strings.TrimSpace(c.stdout), "\n")
	if !strings.HasPrefix(lines[0], "Open: "+s.Authority()+"/common/oauth/authorize?") || lines[len(lines)-1] != "Forbundet til Demo Tenant ApS ("+s.Ctx()+")" {
		t.Errorf("connect printed:\n%s", c.stdout)
	}
	st := runWith(t, env, kr, nil, "status", "--json")
	var sj map[string]any
	if err := json.Unmarshal([]byte(st.stdout), &sj); err != nil || st.code != 0 {
		t.Fatalf("status: %v %d %s", err, st.code, st.stderr)
	}
	if sj["connected"] != true || sj["environment"] != "sod" || sj["ctx"] != s.Ctx() || sj["companyName"] != "Demo Tenant ApS" || sj["apiUrl"] != s.APIURL() || sj["user"] == "" {
		t.Errorf("status = %v", sj)
	}
	// The refresh token is in the keyring and nowhere in the database.
	run(t, env, "import", sample("one-lead.json"))
	raw, _ := os.ReadFile(db)
	for _, secret := range kr.Dump() {
		var cr auth.Credentials
		if json.Unmarshal([]byte(secret), &cr) == nil && cr.RefreshToken != "" && strings.Contains(string(raw), cr.RefreshToken) {
			t.Error("the refresh token is in the SQLite file")
		}
	}
	f := runWith(t, env, kr, nil, "fields", "--json")
	if f.code != 0 {
		t.Errorf("fields over OAuth: %d %s", f.code, f.stderr)
	}
	// No token or code ever reaches the output: grep all of it.
	secrets := secretsSeen(t, kr, s)
	all := c.stdout + c.stderr + st.stdout + st.stderr + f.stdout + f.stderr
	for _, secret := range secrets {
		if strings.Contains(all, secret) {
			t.Errorf("a token or code appears in the CLI's output")
		}
	}
	if d := runWith(t, env, kr, nil, "disconnect"); d.code != 0 || kr.Len() != 0 {
		t.Errorf("disconnect: %d, %d keyring entries left", d.code, kr.Len())
	}
	if l := run(t, env, "leads", "--json"); !strings.Contains(l.stdout, "Klitrose") {
		t.Error("disconnect lost leads")
	}
	if st := runWith(t, env, kr, nil, "status"); st.code != ExitNotConnected {
		t.Errorf("status after disconnect: %d", st.code)
	}
	// --no-browser only prints the URL and waits for the user.
	opened := false
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	c = runCtx(ctx, t, env, kr, func(string) error { opened = true; return nil }, "connect", "--no-browser")
	if c.code != ExitFailure || opened || !strings.HasPrefix(c.stdout, "Open: http") || !strings.Contains(c.stderr, "cancelled") {
		t.Errorf("connect --no-browser: exit %d, opened %v, stdout %q, stderr %q", c.code, opened, c.stdout, c.stderr)
	}
}

func TestDryRunWritesNothingAndSyncAll(t *testing.T) {
	s := startSim(t, &sotest.Seed{Companies: []sotest.SeedCompany{{ID: 40, Name: "Klitrose Byggeri", OrgNr: "29935181", Department: "Egen afdeling"}}})
	db := filepath.Join(t.TempDir(), "leads.db")
	env := staticEnv(s, db)
	if r := run(t, env, "import", sample("one-lead.json"), sample("wrapped-3.json")); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := run(t, env, "sync", "lead_00000_4ef8aa38", "--contact", "40", "--dry-run", "--json")
	if r.code != 0 {
		t.Fatalf("dry run: %d %s", r.code, r.stderr)
	}
	var d struct {
		Fields []struct {
			Field, Current, Incoming, Action string
		} `json:"fields"`
		Persons []struct{ Email, Action string } `json:"persons"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil || len(d.Fields) < 10 || len(d.Persons) == 0 {
		t.Fatalf("dry run JSON: %v\n%s", err, r.stdout)
	}
	for _, f := range d.Fields {
		if f.Field == "Department" && (f.Action != "keep" || f.Current != "Egen afdeling") {
			t.Errorf("Department = %+v", f)
		}
		if f.Action != "keep" && f.Action != "write" && f.Action != "skip" && f.Action != "truncate" {
			t.Errorf("unknown action %q", f.Action)
		}
	}
	for _, req := range s.Requests() {
		if req.Method != "GET" {
			t.Errorf("dry run sent %s %s", req.Method, req.Path)
		}
	}
	if l := run(t, env, "leads", "--json"); strings.Contains(l.stdout, `"synced"`) {
		t.Error("dry run changed a lead's status")
	}
	all := run(t, env, "sync", "--all", "--status", "new", "--create-missing", "--concurrency", "2", "--json")
	lines := strings.Split(strings.TrimSpace(all.stdout), "\n")
	if len(lines) != 5 {
		t.Fatalf("sync --all printed %d lines, want 4 leads + summary:\n%s", len(lines), all.stdout)
	}
	var sum struct {
		Summary struct{ Total, Created, Updated, Review, Failed int } `json:"summary"`
	}
	if err := json.Unmarshal([]byte(lines[4]), &sum); err != nil || sum.Summary.Total != 4 || sum.Summary.Failed != 0 || sum.Summary.Updated != 1 {
		t.Errorf("summary = %+v %v (exit %d)", sum, err, all.code)
	}
	for _, args := range [][]string{{"sync", "--all", "--status", "x"}, {"sync", "--all", "lead"}, {"sync", "--all", "--concurrency", "0"}} {
		if r := run(t, env, args...); r.code != ExitUsage {
			t.Errorf("%v: exit %d", args, r.code)
		}
	}
}

// secretsSeen is every refresh token in the keyring and every bearer token
// and authorization code the simulator received: what must never appear
// in the CLI's output, its log or its report. Fewer than three means the
// test signed in too little to prove anything.
func secretsSeen(t *testing.T, kr *auth.MemKeyring, s *sotest.Server) []string {
	t.Helper()
	var secrets []string
	for _, secret := range kr.Dump() {
		var cr auth.Credentials
		if json.Unmarshal([]byte(secret), &cr) == nil && cr.RefreshToken != "" {
			secrets = append(secrets, cr.RefreshToken)
		}
	}
	for _, r := range s.Requests() {
		if a := r.Header.Get("Authorization"); strings.HasPrefix(a, "Bearer ") {
			secrets = append(secrets, strings.TrimPrefix(a, "Bearer "))
		}
		if strings.Contains(r.Path, "/oauth/authorize") {
			continue
		}
		if v, err := url.ParseQuery(r.Body); err == nil && v.Get("code") != "" {
			secrets = append(secrets, v.Get("code"))
		}
	}
	if len(secrets) < 3 {
		t.Fatalf("found only %d secrets to look for", len(secrets))
	}
	return secrets
}
