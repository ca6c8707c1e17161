package export

import (
	"os"
	"testing"
)

// strictSim makes newEnv start the simulator in strict mode: the least
// forgiving reading of every behaviour SuperOffice leaves unconfirmed.
var strictSim bool

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
