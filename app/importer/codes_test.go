package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/msg"
)

// TestReportCarriesCodes: every rejection, warning and file error of a
// report has its code beside the text, the text is in msg.Language(),
// and a failure of the store (not the file) has a code too.
func TestReportCarriesCodes(t *testing.T) {
	dir := t.TempDir()
	mixed := filepath.Join(dir, "a.json")
	broken := filepath.Join(dir, "b.json")
	if err := os.WriteFile(mixed, []byte(`[{"companyName": "God", "cvr": "123"}, {"companyName": " "}]`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(broken, []byte("[\n{\"companyName\": }]"), 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), filepath.Join(dir, "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	msg.SetLanguage(msg.Danish)
	defer msg.SetLanguage(msg.English)
	reps := Files(context.Background(), db, []string{mixed, broken, filepath.Join(dir, "none.json")}, time.Now)
	m := reps[0]
	if len(m.Rejected) != 1 || m.Rejected[0].Code != msg.LeadMissing || m.Rejected[0].Path != "companyName" ||
		!strings.Contains(m.Rejected[0].Reason, "a.json: lead 2 (linje 1): companyName: mangler eller er tom") {
		t.Errorf("rejected = %+v", m.Rejected)
	}
	if len(m.Warnings) != 1 || len(m.WarningCodes) != 1 || m.WarningCodes[0].Code != msg.LeadCVRInvalid ||
		m.WarningCodes[0].Args["value"] != "123" || !strings.Contains(m.Warnings[0], "er ikke et gyldigt CVR-nummer") {
		t.Errorf("warnings = %q %+v", m.Warnings, m.WarningCodes)
	}
	b := reps[1]
	if b.ErrorCode == nil || b.ErrorCode.Code != msg.LeadNotJSON || b.ErrorCode.Line != 2 || b.ErrorCode.Column != 17 ||
		b.Error != "b.json: linje 2, kolonne 17: ikke gyldig JSON: uventet '}' hvor en værdi var ventet" {
		t.Errorf("broken file = %q %+v", b.Error, b.ErrorCode)
	}
	if n := reps[2]; n.ErrorCode == nil || n.ErrorCode.Code != msg.LeadNotFound || !strings.Contains(n.Error, "findes ikke") {
		t.Errorf("missing file = %q %+v", n.Error, n.ErrorCode)
	}

	db.Close() // the store now fails: its error is a code too
	f := File(context.Background(), db, mixed, time.Now(), nil)
	if f.ErrorCode == nil || f.ErrorCode.Code != msg.ImportFailed || !strings.HasPrefix(f.Error, "leads kunne ikke gemmes: ") {
		t.Errorf("store failure = %q %+v", f.Error, f.ErrorCode)
	}
}
