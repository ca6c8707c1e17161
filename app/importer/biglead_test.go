package importer

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/lead/leadgen"
)

// TestBigLeadRejectedInReport: a file with one lead over lead.MaxLeadSize
// in the middle stores the others; the report (the `import --json`
// contract) lists the big one with its index, line and reason.
func TestBigLeadRejectedInReport(t *testing.T) {
	body := func(seed uint64) []byte {
		b := bytes.TrimSpace(leadgen.File(3, seed))
		return bytes.TrimSuffix(bytes.TrimPrefix(b, []byte("[")), []byte("]"))
	}
	var buf bytes.Buffer
	buf.WriteString("[\n")
	buf.Write(body(1))
	buf.WriteString(",\n")
	line := 1 + bytes.Count(buf.Bytes(), []byte{'\n'})
	buf.WriteString(`{"companyName": "Kæmpe ApS", "notes": "` + strings.Repeat("x", lead.MaxLeadSize) + `"},` + "\n")
	buf.Write(body(2))
	buf.WriteString("\n]\n")
	path := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	rep := File(context.Background(), db, path, time.Now(), nil)
	if rep.Error != "" || rep.Imported != 6 || len(rep.Rejected) != 1 {
		t.Fatalf("report %+v, want 6 imported and the big lead rejected", rep)
	}
	r := rep.Rejected[0]
	want := "big.json: lead 4 (line " + strconv.Itoa(line) + "): lead is 8.0 MiB; leads larger than 8 MiB are not imported"
	if r.Index != 3 || r.Line != line || r.Reason != want {
		t.Errorf("rejected %+v, want index 3, line %d, %q", r, line, want)
	}
	js, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{`"file":`, `"imported":6`, `"rejected":[{"index":3,"line":`, `"reason":`, `"warnings":`} {
		if !bytes.Contains(js, []byte(field)) {
			t.Errorf("import --json report %s lacks %s", js, field)
		}
	}
	if n, _ := db.CountLeads(context.Background(), ""); n != 6 {
		t.Errorf("%d leads stored, want 6", n)
	}
}
