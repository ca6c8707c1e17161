package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/lead/leadgen"
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

func TestImportReportsProgressAndCancelLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "big.json")
	if err := os.WriteFile(path, leadgen.File(1200, 3), 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	var calls int
	var last, total int64
	reps := FilesWithProgress(context.Background(), db, []string{path}, time.Now, func(done, all int64) { calls++; last, total = done, all })
	if reps[0].Error != "" || reps[0].Imported != 1200 {
		t.Fatalf("report %+v", reps[0])
	}
	if calls < 2 || last != total || total == 0 {
		t.Errorf("progress: %d calls, last %d of %d; want one per batch ending at the total", calls, last, total)
	}

	path2 := filepath.Join(dir, "other.json")
	if err := os.WriteFile(path2, leadgen.File(1200, 4), 0o600); err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(context.Background())
	rep := File(cctx, db, path2, time.Now(), func(done, all int64) { cancel() })
	if !rep.Cancelled() || rep.Error == "" || rep.Total() != 0 {
		t.Errorf("cancelled report = %+v", rep)
	}
	if n, _ := db.CountLeads(context.Background(), ""); n != 1200 {
		t.Errorf("%d leads after the cancelled file, want the 1200 of the first file only", n)
	}
}
