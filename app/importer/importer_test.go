package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
)

func TestLeadFilesAndFolderImport(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"b leads.json": `[{"companyName":"Bøg ApS","id":"b"}]`, "a.ndjson": `{"companyName":"Ask A/S","id":"a"}`,
		"c.JSONL": `{"companyName":"Cedertræ","id":"c"}`, "notes.txt": "x", "broken.json": `[{"companyName":`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	os.Mkdir(filepath.Join(dir, "sub.json"), 0o700)
	files := LeadFiles(dir)
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	if got := strings.Join(names, ","); got != "a.ndjson,b leads.json,broken.json,c.JSONL" {
		t.Fatalf("LeadFiles = %s", got)
	}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	reps := Files(context.Background(), db, files, time.Now)
	total := 0
	for _, r := range reps {
		total += r.Total()
		if filepath.Base(r.File) == "broken.json" && (r.Error == "" || r.Clean()) {
			t.Errorf("broken file report: %+v", r)
		}
	}
	if total != 3 {
		t.Errorf("%d leads imported from the folder, want 3 (the broken file imports nothing, the others all)", total)
	}
	if LeadFiles(filepath.Join(dir, "missing")) != nil {
		t.Error("a missing folder listed files")
	}
}
