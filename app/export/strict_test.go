package export

import (
	"os"
	"testing"
)

// TestMain runs every test of the package twice, against the forgiving
// and the strict simulator, so a sync that only works because our
// simulator shares our guesses fails here.
func TestMain(m *testing.M) {
	code := m.Run()
	strictSim = true
	if c := m.Run(); c != 0 {
		code = c
	}
	os.Exit(code)
}
