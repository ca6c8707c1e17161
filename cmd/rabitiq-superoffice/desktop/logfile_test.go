package desktop

import (
	"errors"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/app/tenant"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
)

// The window's report names the tenant, the errors the window logged and
// the log file, in the window's language.
func TestWindowReport(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"RABITIQ_LOG_DIR": dir, "RABITIQ_SO_CLIENT_SECRET": "the-client-secret"}
	logs := openLog(func(k string) string { return env[k] })
	defer logs.Close()
	if err := i18n.Load("en"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = i18n.Load("da") })
	svc := tenant.New(tenant.Options{APIURL: "https://online.superoffice.com/Cust4711/api/", AccessToken: "static", Log: logs.Logger()})
	logs.Logger().Error("sync failed", "lead", 3, "error", errors.New("token request sent the-client-secret"))
	got := logs.report(svc)()
	for _, want := range []string{"Cust4711", "Last errors:", "lead 3", logs.Path(), "[redacted]"} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "the-client-secret") || !strings.HasPrefix(logs.Path(), dir) {
		t.Errorf("report:\n%s", got)
	}
}
