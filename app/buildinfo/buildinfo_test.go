package buildinfo

import (
	"os"
	"regexp"
	"testing"
)

// The constants here must agree with FyneApp.toml, the packaging metadata.
func TestMatchesFyneAppToml(t *testing.T) {
	b, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"ID": AppID, "Name": AppName} {
		m := regexp.MustCompile(`(?m)^\s*` + key + `\s*=\s*"([^"]*)"`).FindSubmatch(b)
		if m == nil || string(m[1]) != want {
			t.Errorf("FyneApp.toml %s = %q, want %q", key, m, want)
		}
	}
	if got := UserAgent(); got != "RabitIQ-SuperOffice/"+Version {
		t.Errorf("UserAgent() = %q", got)
	}
}
