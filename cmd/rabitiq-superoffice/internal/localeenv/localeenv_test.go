package localeenv

import (
	"os"
	"testing"
)

func TestReadable(t *testing.T) {
	for in, want := range map[string]string{
		"C": "C", "C.UTF-8": "C", "C.utf8": "C", "POSIX": "C", "POSIX.UTF-8": "C", ".UTF-8": "C",
		"da_DK.UTF-8": "da_DK", "de_DE@euro": "de_DE", "en_US": "en_US", "da": "da",
	} {
		if got := readable(in); got != want {
			t.Errorf("readable(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRestorePutsBackTheEnvironment(t *testing.T) {
	t.Setenv("LANG", "C")
	saved = [][2]string{{"LANG", "C.UTF-8"}}
	Restore()
	if got := os.Getenv("LANG"); got != "C.UTF-8" {
		t.Errorf("LANG = %q after Restore", got)
	}
	if saved != nil {
		t.Errorf("Restore kept %v", saved)
	}
}
