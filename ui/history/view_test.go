package history

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

type fake []store.HistoryEntry

func (f fake) History(context.Context, store.HistoryFilter) ([]store.HistoryEntry, error) {
	return f, nil
}

func TestLogFiltersAndExportsCSV(t *testing.T) {
	w := uitest.Setup(t)
	at := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	v := New(fake{
		{LeadID: 1, CompanyName: "Ærø Cider ApS", At: at, Action: "created"},
		{LeadID: 2, CompanyName: "Bornholm Fisk", At: at, Action: "failed", Error: "SuperOffice svarede 503"},
		{LeadID: 1, CompanyName: "Ærø Cider ApS", At: at, Action: "updated"},
	}, w)
	w.SetContent(v.Content())
	v.Reload()
	if len(v.Shown()) != 3 || v.Count.Text != "3 synkroniseringer" {
		t.Fatalf("shown %d, count %q", len(v.Shown()), v.Count.Text)
	}
	v.Action.SetSelectedIndex(3)
	if len(v.Shown()) != 1 || v.Shown()[0].LeadID != 2 {
		t.Errorf("failed only: %+v", v.Shown())
	}
	v.Action.SetSelectedIndex(0)
	v.Filter.SetText("ærø")
	if len(v.Shown()) != 2 || v.Count.Text != "2 synkroniseringer" {
		t.Errorf("text filter: %d %q", len(v.Shown()), v.Count.Text)
	}
	var b bytes.Buffer
	if err := v.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "\n"); n != 3 || !strings.Contains(b.String(), "Ærø Cider ApS") || strings.Contains(b.String(), "Bornholm") {
		t.Errorf("CSV of the filtered rows:\n%s", b.String())
	}
}
