package cli

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/logbook"
)

// TestReportAfterSyncs is issue 17's done-when: after one sync that
// SuperOffice fails with a 500 and one that succeeds, the log file exists,
// holds the failure with its status code and the request, and not the
// access token; `report` names the tenant, the error and the log file.
func TestReportAfterSyncs(t *testing.T) {
	s := startSim(t, nil)
	env := staticEnv(s, filepath.Join(t.TempDir(), "leads.db"))
	logDir := t.TempDir()
	env["RABITIQ_LOG_DIR"] = logDir
	env["RABITIQ_LANG"] = "da"
	if r := run(t, env, "import", writeFile(t, "l.json", `[{"id":"fail1","companyName":"Fejl Byg ApS","location":"Aarhus"},{"id":"ok1","companyName":"Godt Byg ApS","location":"Odense"}]`)); r.code != ExitOK {
		t.Fatalf("import: exit %d, %s", r.code, r.stderr)
	}
	s.Faults().FailNextMatching("POST", "v1/Contact", 10, http.StatusInternalServerError, 0)
	if r := run(t, env, "sync", "fail1", "--create"); r.code != ExitFailure {
		t.Fatalf("failing sync: exit %d, %s", r.code, r.stderr)
	}
	s.Faults().Reset()
	if r := run(t, env, "sync", "ok1", "--create"); r.code != ExitOK {
		t.Fatalf("sync: exit %d, %s", r.code, r.stderr)
	}
	logPath := filepath.Join(logDir, logbook.FileName)
	b, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatalf("no log file after a sync: %v", err)
	}
	log := string(b)
	for _, want := range []string{`"msg":"sync failed"`, `"status":500`, `"method":"POST"`, `"outcome":"created"`} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %s:\n%s", want, log)
		}
	}
	if tok := env["RABITIQ_SO_ACCESS_TOKEN"]; strings.Contains(log, tok) {
		t.Errorf("log holds the access token:\n%s", log)
	}

	r := run(t, env, "report")
	if r.code != ExitOK {
		t.Fatalf("report: exit %d, %s", r.code, r.stderr)
	}
	for _, want := range []string{s.Ctx(), "HTTP 500 POST", logPath, "Seneste fejl:", "System: "} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, env["RABITIQ_SO_ACCESS_TOKEN"]) {
		t.Errorf("report holds the access token:\n%s", r.stdout)
	}
}

// TestReportWithoutConnection: exit 0, "ikke forbundet", no errors.
func TestReportWithoutConnection(t *testing.T) {
	dir := t.TempDir()
	r := run(t, map[string]string{"RABITIQ_LOG_DIR": dir, "RABITIQ_LANG": "en"}, "report")
	if r.code != ExitOK {
		t.Fatalf("exit %d, %s", r.code, r.stderr)
	}
	for _, want := range []string{"not connected", "No errors", filepath.Join(dir, logbook.FileName)} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, r.stdout)
		}
	}
	if r := run(t, map[string]string{"RABITIQ_LOG_DIR": dir}, "report", "extra"); r.code != ExitUsage {
		t.Errorf("report extra: exit %d, want %d", r.code, ExitUsage)
	}
}

// Over a real OAuth sign-in: the log records the sign-in with the tenant
// and a batch sync's failure with SuperOffice's status, and holds none of
// the tokens or the authorization code the simulator saw; `report` reads
// the tenant from the stored sign-in.
func TestLogOverOAuthHoldsNoSecrets(t *testing.T) {
	s := startSim(t, nil)
	kr := &auth.MemKeyring{}
	logDir := t.TempDir()
	env := map[string]string{"RABITIQ_SO_AUTHORITY": s.Authority(), "RABITIQ_SO_CLIENT_ID": s.ClientID(),
		"RABITIQ_DB": filepath.Join(t.TempDir(), "leads.db"), "RABITIQ_LOG_DIR": logDir, "RABITIQ_LANG": "en"}
	if c := runWith(t, env, kr, browserFor(t), "connect", "--env", "sod"); c.code != ExitOK {
		t.Fatalf("connect: %d %s", c.code, c.stderr)
	}
	run(t, env, "import", writeFile(t, "l.json", `{"id":"b1","companyName":"Batch Fejl ApS","location":"Vejle"}`))
	s.Faults().FailNextMatching("GET", "v1/Contact", 20, http.StatusBadGateway, 0)
	if r := runWith(t, env, kr, nil, "sync", "--all"); r.code != ExitFailure {
		t.Fatalf("sync --all: exit %d, %s\n%s", r.code, r.stderr, r.stdout)
	}
	s.Faults().Reset()
	b, err := os.ReadFile(filepath.Join(logDir, logbook.FileName))
	if err != nil {
		t.Fatal(err)
	}
	log := string(b)
	for _, want := range []string{`"msg":"signed in","tenant":"` + s.Ctx() + `"`, `"msg":"sync failed","lead":1`, `"status":502`, `"method":"GET"`} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %s:\n%s", want, log)
		}
	}
	secrets := secretsSeen(t, kr, s)
	rep := runWith(t, env, kr, nil, "report")
	for _, secret := range secrets {
		if strings.Contains(log, secret) || strings.Contains(rep.stdout, secret) {
			t.Errorf("a token or code is in the log or the report")
		}
	}
	for _, want := range []string{"SuperOffice tenant (context id): " + s.Ctx(), "HTTP 502 GET", "Last errors:"} {
		if !strings.Contains(rep.stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, rep.stdout)
		}
	}
}
