package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
)

func TestHistoryCSVAndFilter(t *testing.T) {
	id := int64(104)
	hs := []store.HistoryEntry{
		{LeadID: 1, CompanyName: "Ærø Cider ApS", At: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC), Tenant: "Cust1", User: "u@x.dk", Action: "created", SOContactID: &id,
			Details: store.HistoryDetails{FieldsWritten: []string{"RabitIQ:1", "RabitIQ:2"}, FieldsSkipped: []string{"RabitIQ:9"}, PersonsCreated: 2}},
		{LeadID: 2, CompanyName: "=HYPERLINK(\"x\")", Action: "failed", Error: "SuperOffice svarede 503"},
	}
	var b bytes.Buffer
	if err := WriteHistoryCSV(&b, hs); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "\ufeff") {
		t.Error("no BOM")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\ufeff"))).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	if strings.Join(rows[1], "|") != "2026-11-25T09:00:00Z|1|Ærø Cider ApS|Cust1|u@x.dk|created|104|RabitIQ:1 RabitIQ:2|RabitIQ:9||2|0|" {
		t.Errorf("row = %q", rows[1])
	}
	if rows[2][2] != `'=HYPERLINK("x")` {
		t.Errorf("formula not defused: %q", rows[2][2])
	}
	if got := FilterHistory(hs, "failed", ""); len(got) != 1 || got[0].LeadID != 2 {
		t.Errorf("filter by action = %+v", got)
	}
	if got := FilterHistory(hs, "", "ærø"); len(got) != 1 || got[0].LeadID != 1 {
		t.Errorf("filter by text = %+v", got)
	}
	if got := FilterHistory(hs, "", "503"); len(got) != 1 {
		t.Errorf("filter by error text = %+v", got)
	}
}
