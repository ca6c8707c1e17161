package importer

import (
	"os"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// TestMain renders messages in English, the words the tests compare;
// a test of the Danish text sets it and sets English back.
func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}
