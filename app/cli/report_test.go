package cli

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
