package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExpandKeepsFilesAndOpensFolders: files stay in order, a folder
// becomes its lead files, a missing path stays (File reports it).
func TestExpandKeepsFilesAndOpensFolders(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"x.json", "y.ndjson", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("[]"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(t.TempDir(), "z.json")
	missing := filepath.Join(dir, "missing.json")
	got := Expand([]string{file, dir, missing})
	want := []string{file, filepath.Join(dir, "x.json"), filepath.Join(dir, "y.ndjson"), missing}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Expand = %v, want %v", got, want)
	}
}
