//go:build linux

package cli

import (
	"os"
	"testing"

	"golang.org/x/sys/unix"
)

// A terminal's width is read from the terminal: a pseudo-terminal set to
// 77 columns makes lines of at most 77, and $COLUMNS still wins.
func TestTerminalWidthOfATerminal(t *testing.T) {
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	defer ptmx.Close()
	if err := unix.IoctlSetWinsize(int(ptmx.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 77}); err != nil {
		t.Fatal(err)
	}
	if n, ok := terminalWidth(ptmx); !ok || n != 77 {
		t.Errorf("terminalWidth = %d, %v; want 77", n, ok)
	}
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	if n := outputWidth(Env{Stdout: ptmx, Getenv: getenv}); n != 77 {
		t.Errorf("outputWidth = %d, want the terminal's 77", n)
	}
	env["COLUMNS"] = "100"
	if n := outputWidth(Env{Stdout: ptmx, Getenv: getenv}); n != 100 {
		t.Errorf("outputWidth = %d, want $COLUMNS 100", n)
	}
}
