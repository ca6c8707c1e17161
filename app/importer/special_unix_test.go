//go:build unix

package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
)

// TestFIFOIsAFileError: a FIFO named *.json, given alone or found in a
// dropped folder, is a file error naming it; the import does not hang on
// it and the folder's other files import.
func TestFIFOIsAFileError(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "b-pipe.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.json"), []byte(`[{"companyName":"Ask A/S","id":"a"}]`), 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	run := func(paths []string) []FileReport {
		done := make(chan []FileReport, 1)
		go func() { done <- Files(context.Background(), db, paths, time.Now) }()
		select {
		case reps := <-done:
			return reps
		case <-ctx.Done():
			t.Fatal("import still running: it hangs on the FIFO")
			return nil
		}
	}
	want := "b-pipe.json: not a regular file but a named pipe (FIFO); only ordinary lead files are read"

	reps := run([]string{fifo})
	if len(reps) != 1 || reps[0].Error != want || reps[0].Total() != 0 {
		t.Fatalf("FIFO as a file argument: %+v, want error %q", reps, want)
	}

	files := Expand([]string{dir}) // a dropped folder
	if len(files) != 2 || !strings.HasSuffix(files[1], "b-pipe.json") {
		t.Fatalf("Expand(folder) = %v, want the lead file and the FIFO (to report it)", files)
	}
	reps = run(files)
	if len(reps) != 2 || reps[0].Total() != 1 || reps[0].Error != "" || reps[1].Error != want {
		t.Fatalf("folder with a FIFO: %+v", reps)
	}
}
