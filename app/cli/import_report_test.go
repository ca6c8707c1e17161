package cli

import (
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/app/importer"
)

// An import commits in batches, so a file that stops half-way (broken
// tail, cancel) has stored leads: the text must say so, not "intet
// importeret", and a file that stored nothing still says that.
func TestImportTextAfterPartialFile(t *testing.T) {
	var b strings.Builder
	env := Env{Stdout: &b, Getenv: func(string) string { return "" }} // Danish
	printReport(env, importer.FileReport{File: "cut.json", Imported: 5000, Unchanged: 12, Error: "cut.json: line 9, column 3: unexpected end of JSON input"})
	if got := b.String(); !strings.Contains(got, "cut.json: FEJL efter 5000 importeret, 0 opdateret, 12 uændret (gemt; importér filen igen for at fuldføre): cut.json: line 9") ||
		strings.Contains(got, "intet importeret") {
		t.Errorf("partial file = %q", got)
	}
	b.Reset()
	printReport(env, importer.FileReport{File: "broken.json", Error: "broken.json: line 1, column 2: x"})
	if got := b.String(); got != "broken.json: FEJL, intet importeret: broken.json: line 1, column 2: x\n" {
		t.Errorf("empty file = %q", got)
	}
}
