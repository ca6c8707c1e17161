package store

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// A database in a folder of the user's choosing (--db) is private like the
// default folder's: the file and its -wal and -shm files are 0600, and an
// existing database keeps its mode.
func TestNewDatabaseIsOwnerOnly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix file modes")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "leads.db")
	d, err := Open(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	importSearchLeads(t, d) // a write, so that -wal and -shm exist
	for _, f := range []string{p, p + "-wal", p + "-shm"} {
		st, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		if m := st.Mode().Perm(); m != 0o600 {
			t.Errorf("%s has mode %o, want 600", filepath.Base(f), m)
		}
	}

	shared := filepath.Join(dir, "shared.db")
	if err := os.WriteFile(shared, nil, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(shared, 0o640); err != nil {
		t.Fatal(err)
	}
	d2, err := Open(context.Background(), shared)
	if err != nil {
		t.Fatal(err)
	}
	defer d2.Close()
	if st, err := os.Stat(shared); err != nil || st.Mode().Perm() != 0o640 {
		t.Errorf("an existing database's mode changed: %v %v", st.Mode(), err)
	}
}
