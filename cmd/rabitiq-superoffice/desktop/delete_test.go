package desktop

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/about"
	"github.com/rabitiq/superoffice-sync/ui/leads"
)

var (
	_ leads.Service   = (*Services)(nil)
	_ about.LocalData = (*Services)(nil)
)

// "Slet" and "Slet alle lokale data" reach the store without a tenant
// connection: deleting is local only.
func TestServicesDeleteLeadsThenEverything(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := &Services{DB: db, Now: time.Now}
	dir := t.TempDir()
	p := filepath.Join(dir, "l.json")
	writeLeads(t, p, `[{"companyName":"Ask A/S","id":"a","contacts":[{"name":"Aase Ask","email":"aase@ask.dk"}]},{"companyName":"Bøg ApS","id":"b"}]`)
	if reps := s.ImportFiles(ctx, []string{p}, nil); len(reps) != 1 || reps[0].Imported != 2 {
		t.Fatalf("import: %+v", reps)
	}
	a, err := db.ResolveLead(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteLeads(ctx, []int64{a}); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountLeads(ctx, "aase"); n != 0 {
		t.Errorf("search finds the deleted lead's contact: %d", n)
	}
	if n, _ := s.CountLeads(ctx, ""); n != 1 {
		t.Errorf("%d leads after deleting one of two", n)
	}
	if err := s.DeleteAllLocalData(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountLeads(ctx, ""); n != 0 {
		t.Errorf("%d leads after deleting everything", n)
	}
	if h, _ := s.History(ctx, store.HistoryFilter{}); len(h) != 0 {
		t.Errorf("history after deleting everything: %+v", h)
	}
}

func writeLeads(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}
