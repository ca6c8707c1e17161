package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// buildApp builds this command with Fyne's headless driver (-tags ci): the
// start-up path under test (package inits, dispatch, the display check)
// runs before any driver does, so it is the same as in the cgo build.
func buildApp(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the app")
	}
	bin := filepath.Join(t.TempDir(), "rabitiq-superoffice")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	out, err := exec.Command("go", "build", "-tags", "ci,no_emoji", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runApp runs the app with a clean environment plus env.
func runApp(t *testing.T, bin string, env []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "XDG_CONFIG_HOME=" + t.TempDir()}, env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return code, o.String(), e.String()
}

func TestStartUp(t *testing.T) {
	bin := buildApp(t)

	// Scripts read stderr: Fyne's "Error parsing user locale C" must not be in it.
	for _, locale := range []string{"LANG=C", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "LANG=POSIX.UTF-8", "LC_ALL=de_DE@euro", "LANG=da_DK.UTF-8"} {
		code, out, stderr := runApp(t, bin, []string{locale}, "version")
		if code != 0 || stderr != "" || strings.TrimSpace(out) == "" {
			t.Errorf("%s version: exit %d, stdout %q, stderr %q; want 0, the version, nothing", locale, code, out, stderr)
		}
	}

	// A mistyped command is no window: the usage with the closest command, exit 2.
	code, out, stderr := runApp(t, bin, []string{"LANG=C.UTF-8"}, "imprt", "x.json")
	if code != 2 || out != "" || !strings.Contains(stderr, "mente du import?") || !strings.Contains(stderr, "Brug:") || strings.Contains(stderr, "goroutine") {
		t.Errorf("imprt: exit %d, stdout %q, stderr %q", code, out, stderr)
	}

	// No display (ssh, cron, CI): one line, exit 1, no stack trace.
	if noDisplay(func(string) string { return "" }) == "" {
		return // Windows and macOS have no DISPLAY to miss
	}
	for _, args := range [][]string{nil, {"--demo"}, {"--db", filepath.Join(t.TempDir(), "x.db")}} {
		code, out, stderr := runApp(t, bin, []string{"LANG=C.UTF-8"}, args...)
		if code != 1 || out != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "DISPLAY") {
			t.Errorf("%q without a display: exit %d, stdout %q, stderr %q; want 1 and one line", args, code, out, stderr)
		}
	}
}

func TestNoDisplay(t *testing.T) {
	if noDisplay(func(string) string { return "" }) == "" {
		t.Skip("no DISPLAY on this OS")
	}
	for env, want := range map[string]bool{"DISPLAY": false, "WAYLAND_DISPLAY": false, "": true, "XAUTHORITY": true} {
		got := noDisplay(func(k string) string {
			if k == env {
				return ":0"
			}
			return ""
		}) != ""
		if got != want {
			t.Errorf("with only %q set, noDisplay = %v, want %v", env, got, want)
		}
	}
}
