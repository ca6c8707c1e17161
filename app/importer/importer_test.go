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

func TestImportReportsProgressAndCancelKeepsWhatWasCommitted(t *testing.T) {
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
	if !rep.Cancelled() || rep.Error == "" || rep.Total() >= 1200 {
		t.Errorf("cancelled report = %+v", rep)
	}
	// Batches committed before the cancel stay (an import commits at
	// least every second), and the report counts exactly them.
	if n, _ := db.CountLeads(context.Background(), ""); n != 1200+rep.Imported {
		t.Errorf("%d leads after the cancelled file, want the 1200 of the first file and the %d it reported", n, rep.Imported)
	}
}

// A file that breaks after thousands of good leads keeps the batches
// committed before the break and says how many; importing the repaired
// file then completes it, each lead once.
func TestBrokenTailKeepsCommittedLeadsAndReimportCompletes(t *testing.T) {
	dir := t.TempDir()
	var full strings.Builder
	if err := leadgen.WriteBig(&full, 11000); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "cut.json")
	cut := strings.TrimSuffix(strings.TrimSpace(full.String()), "]") + `, {"companyName": "Halv`
	if err := os.WriteFile(path, []byte(cut), 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	rep := File(ctx, db, path, time.Now(), nil)
	n, _ := db.CountLeads(ctx, "")
	// A batch holds at most 10,000 leads, so at least the first 1000 of
	// the 11,000 were committed before the break.
	if rep.Error == "" || rep.Imported < 1000 || rep.Imported != n {
		t.Fatalf("report %+v with %d leads stored; want an error and the committed leads (at least 1000) counted", rep, n)
	}
	if err := os.WriteFile(path, []byte(full.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	again := File(ctx, db, path, time.Now(), nil)
	if again.Error != "" || again.Unchanged != rep.Imported || again.Imported != 11000-rep.Imported {
		t.Errorf("re-import of the repaired file = %+v, want %d unchanged and %d imported", again, rep.Imported, 11000-rep.Imported)
	}
	if n, _ := db.CountLeads(ctx, ""); n != 11000 {
		t.Errorf("%d leads, want 11000", n)
	}
}
