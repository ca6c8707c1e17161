package cli

import (
	"strings"
	"testing"
)

func TestDispatchOpensTheWindowOnlyForItsOwnFlags(t *testing.T) {
	win := func(demo bool, db string) Route { return Route{Window: true, Demo: demo, DBPath: db} }
	for _, c := range []struct {
		args []string
		want Route
	}{
		{nil, win(false, "")},
		{[]string{"--demo"}, win(true, "")},
		{[]string{"-demo"}, win(true, "")},
		{[]string{"--db", "my leads.db"}, win(false, "my leads.db")},
		{[]string{"--db=x.db", "--demo"}, win(true, "x.db")},
		{[]string{"import", "x.json"}, Route{}},
		{[]string{"imprt", "x.json"}, Route{}},
		{[]string{"x.json"}, Route{}},
		{[]string{""}, Route{}},
		{[]string{"--demo", "imprt"}, Route{}},
		{[]string{"--demo", "--", "x"}, Route{}},
		{[]string{"--db"}, Route{}},
		{[]string{"--bogus"}, Route{}},
		{[]string{"--json"}, Route{}},
		{[]string{"help"}, Route{}},
		{[]string{"-h"}, Route{}},
		{[]string{"--help"}, Route{}},
		{[]string{"-help"}, Route{}},
		{[]string{"version"}, Route{}},
	} {
		if got := Dispatch(c.args); got != c.want {
			t.Errorf("Dispatch(%q) = %+v, want %+v", c.args, got, c.want)
		}
	}
}

func TestClosestCommandIsTheLikelyTypo(t *testing.T) {
	for arg, want := range map[string]string{
		"imprt": "import", "improt": "import", "IMPORT": "import", "lead": "leads", "sycn": "sync", "synk": "sync",
		"stauts": "status", "statsu": "status", "vesion": "version", "conect": "connect", "preveiw": "preview",
		"feilds": "fields", "mach": "match", "hlep": "help", "disc": "disconnect", "ver": "version",
		"xyz": "", "fix": "", "s": "", "exportere": "", "": "", "st": "",
	} {
		if got := closestCommand(arg); got != want {
			t.Errorf("closestCommand(%q) = %q, want %q", arg, got, want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"", "abc", 3}, {"abc", "abc", 0}, {"imprt", "import", 1}, {"improt", "import", 1},
		{"kitten", "sitting", 3}, {"ca", "abc", 3}, {"æøå", "øæå", 1}, {"sync", "status", 5},
	} {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := editDistance(c.b, c.a); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.b, c.a, got, c.want)
		}
	}
}

// An unknown command is said on one line in the CLI's language, with the
// command the user most likely meant, and the usage follows in the same
// language.
func TestUnknownCommandSuggestsTheClosestAndExits2(t *testing.T) {
	for _, c := range []struct {
		lang  string
		args  []string
		line  string
		usage string
	}{
		{"da", []string{"imprt", "x.json"}, `rabitiq-superoffice: ukendt kommando "imprt" – mente du import?`, "Brug: rabitiq-superoffice"},
		{"da", []string{"--demo", "imprt"}, `rabitiq-superoffice: ukendt kommando "imprt" – mente du import?`, "Brug: rabitiq-superoffice"},
		{"da", []string{"frobnicate"}, `rabitiq-superoffice: ukendt kommando "frobnicate"`, "Brug: rabitiq-superoffice"},
		{"en", []string{"imprt", "x.json"}, `rabitiq-superoffice: unknown command "imprt" – did you mean import?`, "Usage: rabitiq-superoffice"},
		{"en", []string{"frobnicate"}, `rabitiq-superoffice: unknown command "frobnicate"`, "Usage: rabitiq-superoffice"},
		{"en", []string{"--demo", "x"}, `rabitiq-superoffice: unknown command "x"`, "Usage: rabitiq-superoffice"},
		{"da", []string{"--bogus"}, `flag provided but not defined: -bogus`, "Brug: rabitiq-superoffice"},
		{"da", []string{"--db"}, `flag needs an argument: -db`, "Brug: rabitiq-superoffice"},
	} {
		r := run(t, map[string]string{"RABITIQ_LANG": c.lang}, c.args...)
		if r.code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", c.args, r.code, ExitUsage)
		}
		first, rest, _ := strings.Cut(r.stderr, "\n")
		if first != c.line {
			t.Errorf("%q: first line of stderr = %q, want %q", c.args, first, c.line)
		}
		if !strings.Contains(rest, c.usage) || r.stdout != "" {
			t.Errorf("%q: no usage on stderr, or stdout %q", c.args, r.stdout)
		}
	}
	if r := run(t, nil, "-help"); r.code != ExitOK || !strings.Contains(r.stdout, "Brug:") || strings.Contains(r.stdout, "Usage") {
		t.Errorf("-help: exit %d, stdout %q", r.code, r.stdout)
	}
	if r := run(t, map[string]string{"RABITIQ_LANG": "en"}, "help"); r.code != ExitOK || !strings.Contains(r.stdout, "Commands:") || strings.Contains(r.stdout, "vis ") {
		t.Errorf("help in English: exit %d, stdout %q", r.code, r.stdout)
	}
}
