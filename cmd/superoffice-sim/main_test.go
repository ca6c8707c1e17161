package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRunRejectsBadArguments(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"companies": 1}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--no-such-flag"},
		{"--seed", filepath.Join(t.TempDir(), "missing.json")},
		{"--seed", bad},
		{"--addr", "256.0.0.1:0"},
		{"--ctx", "bad/ctx"},
	} {
		if err := run(args); err == nil {
			t.Errorf("run(%q): no error", args)
		}
	}
}
