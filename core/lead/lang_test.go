package lead

import (
	"os"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// TestMain renders messages in English: the tests compare the English
// rows of the catalogue, which keep the importer's old words.
func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}

// warnTexts is res's warnings as the lines a user reads.
func warnTexts(ws []Warning) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.String())
	}
	return out
}
