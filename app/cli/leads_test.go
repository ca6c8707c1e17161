package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

// longName is 300 columns of company name, the kind that made 380-column
// lines.
var longName = "Nordisk " + strings.Repeat("Bådebyggeri og Skibsværft ", 11) + "A/S"

// importNames imports one lead per name into a new database.
func importNames(t *testing.T, names ...string) string {
	t.Helper()
	var b strings.Builder
	for i, n := range names {
		q, _ := json.Marshal(n)
		fmt.Fprintf(&b, `{"id":"lead_%d","companyName":%s,"score":%d}`+"\n", i, q, 90-i)
	}
	db := filepath.Join(t.TempDir(), "leads.db")
	if r := run(t, nil, "import", "--db", db, writeFile(t, "leads.ndjson", b.String())); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	return db
}

// tableLines are the header and lead lines of `leads`, without the count.
func tableLines(t *testing.T, out string) []string {
	t.Helper()
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) < 2 || !strings.HasSuffix(lines[len(lines)-1], " leads") {
		t.Fatalf("no table with a count:\n%s", out)
	}
	return lines[:len(lines)-1]
}

func TestLeadsCutsLongNamesToFitAndKeepsThemInJSON(t *testing.T) {
	db := importNames(t, longName, "Alfa ApS")
	for _, tc := range []struct {
		columns string
		most    int // widest line allowed
	}{
		{"", 40 + 60},   // unknown width: the name gets 40 columns
		{"80", 80},      // $COLUMNS: the whole line fits
		{"120", 120},    // a wider terminal shows more of the name
		{"20", 12 + 60}, // narrower than the other columns: the name keeps 12
	} {
		r := run(t, map[string]string{"COLUMNS": tc.columns}, "leads", "--db", db)
		if r.code != 0 {
			t.Fatalf("COLUMNS=%q: exit %d %s", tc.columns, r.code, r.stderr)
		}
		lines := tableLines(t, r.stdout)
		for _, l := range lines {
			if w := uniseg.StringWidth(l); w > tc.most {
				t.Errorf("COLUMNS=%q: a line of %d columns, want at most %d: %q", tc.columns, w, tc.most, l)
			}
		}
		if !strings.Contains(lines[1], "Nordisk Båd") || !strings.Contains(lines[1], "…") {
			t.Errorf("COLUMNS=%q: the long name is not cut with …: %q", tc.columns, lines[1])
		}
		if !strings.Contains(lines[2], "Alfa ApS  ") || strings.Contains(lines[2], "…") {
			t.Errorf("COLUMNS=%q: a short name was changed: %q", tc.columns, lines[2])
		}
		// The header has the widest last cell (SUPEROFFICE): it fills the line.
		if tc.columns == "80" && uniseg.StringWidth(lines[0]) != 80 {
			t.Errorf("COLUMNS=80: the cut name leaves %d columns unused", 80-uniseg.StringWidth(lines[0]))
		}
	}
	var rows []leadJSON
	if err := json.Unmarshal([]byte(run(t, map[string]string{"COLUMNS": "80"}, "leads", "--db", db, "--json").stdout), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].CompanyName != longName {
		t.Errorf("--json lost the full name: %+v", rows)
	}
}

// Columns line up as a terminal shows them: an å written as a plus a
// combining ring is one column, an emoji two; a cut never splits either.
func TestLeadsAlignsByDisplayWidth(t *testing.T) {
	decomposed := "Ska\u030aning Fisk"           // å as a + ring: 11 runes, 10 columns
	emoji := "🚤 Både " + strings.Repeat("🚤", 30) // wide letters past the cut
	db := importNames(t, decomposed, emoji, "Plain")
	lines := tableLines(t, run(t, nil, "leads", "--db", db).stdout)
	// Leads come by score, 90 first; SCORE must start in the same column
	// on every line.
	scoreAt := func(l, score string) int {
		i := strings.Index(l, "  "+score+"  ")
		if i < 0 {
			t.Fatalf("no score %s in %q", score, l)
		}
		return uniseg.StringWidth(l[:i+2])
	}
	want := scoreAt(lines[0], "SCORE")
	for k, l := range lines[1:] {
		if got := scoreAt(l, fmt.Sprint(90-k)); got != want {
			t.Errorf("SCORE starts at column %d, want %d: %q", got, want, l)
		}
	}
	if !strings.Contains(lines[1]+lines[2]+lines[3], decomposed+"  ") {
		t.Errorf("the decomposed name was changed: %q", lines)
	}
	var cutLine string
	for _, l := range lines {
		if strings.Contains(l, "Både") {
			cutLine = l
		}
	}
	if !strings.Contains(cutLine, "🚤…") || !utf8Clean(cutLine) {
		t.Errorf("the emoji name was not cut between emoji: %q", cutLine)
	}
}

func utf8Clean(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func TestCutCountsColumns(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  string
	}{
		{"Alfa", 4, "Alfa"},
		{"Alfa ApS", 6, "Alfa…"}, // the space before the ellipsis goes
		{"Ærø Bådebyggeri", 5, "Ærø…"},
		{"Ska\u030aning", 4, "Ska\u030a…"},
		{"🚤🚤🚤", 4, "🚤…"}, // a second emoji would need 5 columns
		{"🚤🚤", 4, "🚤🚤"},
	} {
		if got := cut(tc.in, tc.width); got != tc.want {
			t.Errorf("cut(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
	}
}

func TestLeadsKeepsANameWithALineBreakOnItsLine(t *testing.T) {
	db := importNames(t, "Alfa\tBeta\nGamma")
	lines := tableLines(t, run(t, nil, "leads", "--db", db).stdout)
	if len(lines) != 2 || !strings.Contains(lines[1], "Alfa Beta Gamma") {
		t.Errorf("lines = %q", lines)
	}
}

func TestTerminalWidthOfAPipeIsUnknown(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if n, ok := terminalWidth(w); ok {
		t.Errorf("a pipe has width %d", n)
	}
	if n := outputWidth(Env{Stdout: w, Getenv: func(string) string { return "" }}); n != 0 {
		t.Errorf("outputWidth of a pipe = %d, want 0 (unknown)", n)
	}
}
