package desktop

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
)

// TestImportFilesOpensDroppedFolders: a folder dropped on the window
// imports the lead files in it, not "not a regular file".
func TestImportFilesOpensDroppedFolders(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"a.json": `[{"companyName":"Ask A/S","id":"a"}]`, "b.ndjson": `{"companyName":"Bøg ApS","id":"b"}`, "notes.txt": "x",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := &Services{DB: db, Now: time.Now}
	reps := s.ImportFiles(context.Background(), []string{dir}, nil)
	if len(reps) != 2 || reps[0].Imported != 1 || reps[1].Imported != 1 {
		t.Fatalf("reports %+v, want the folder's two lead files imported", reps)
	}
}
