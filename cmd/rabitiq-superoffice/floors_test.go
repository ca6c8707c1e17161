package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestFloors keeps the house's arrows pointing down: cmd/ wires app/ and
// ui/ together, ui/ may use app/ and core/, app/ may use core/, and core/
// is pure. A package that breaks this would make the window wiring, a
// screen or a database a dependency of code that must run without them
// (the CLI, the cross-compiled core, the tests without a display).
func TestFloors(t *testing.T) {
	const mod = "github.com/rabitiq/superoffice-sync/"
	for _, c := range []struct {
		pkgs      string
		forbidden []string
	}{
		// app/ holds services and wiring that the CLI uses headless.
		{mod + "app/...", []string{mod + "ui/", mod + "cmd/", "fyne.io/"}},
		// core/ is pure: no UI, no SQL, no app services.
		{mod + "core/...", []string{mod + "ui/", mod + "app/", mod + "cmd/", "fyne.io/", "database/sql", "modernc.org/sqlite"}},
		// The screens never reach up to the wiring.
		{mod + "ui/...", []string{mod + "cmd/"}},
	} {
		for _, tags := range []string{"", "ci"} {
			out, err := exec.Command("go", "list", "-tags", tags, "-deps", c.pkgs).CombinedOutput()
			if err != nil {
				t.Fatalf("go list -deps %s: %v\n%s", c.pkgs, err, out)
			}
			deps := strings.Fields(string(out))
			if len(deps) < 10 {
				t.Fatalf("go list -deps %s listed only %v", c.pkgs, deps)
			}
			for _, d := range deps {
				for _, f := range c.forbidden {
					if strings.HasPrefix(d, f) {
						t.Errorf("%s (tags %q) depends on %s", c.pkgs, tags, d)
					}
				}
			}
		}
	}
}
