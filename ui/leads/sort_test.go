package leads

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/store"
)

// Issue 19: the headers sort. Tapping a header asks the store for that
// order, tapping it again for the reverse, and the active header carries
// the arrow of the direction shown.
func TestTappingAHeaderSortsAndTappingAgainReverses(t *testing.T) {
	v, svc, _ := setup(t, []store.LeadRow{{LocalID: 1, CompanyName: "Alfa"}, {LocalID: 2, CompanyName: "Beta"}})
	list := func() store.ListOptions {
		t.Helper()
		if _, ok := v.Row(0); !ok {
			t.Fatal("row 0 not shown")
		}
		svc.mu.Lock()
		defer svc.mu.Unlock()
		return svc.lastList
	}
	if o := list(); o.Sort != store.SortScore || o.Reverse {
		t.Fatalf("default order = %+v, want best score first", o)
	}
	if v.Sort.ByScore.Text != "Score ▼" || v.Sort.ByName.Text != "Firma" || v.Sort.ByImported.Text != "Importeret" {
		t.Errorf("headers = %q %q %q", v.Sort.ByName.Text, v.Sort.ByScore.Text, v.Sort.ByImported.Text)
	}
	for _, step := range []struct {
		tap     func()
		sort    store.Sort
		reverse bool
		arrowed string
	}{
		{func() { test.Tap(v.Sort.ByName) }, store.SortName, false, "Firma ▲"},
		{func() { test.Tap(v.Sort.ByName) }, store.SortName, true, "Firma ▼"},
		{func() { test.Tap(v.Sort.ByImported) }, store.SortImported, false, "Importeret ▼"},
		{func() { test.Tap(v.Sort.ByImported) }, store.SortImported, true, "Importeret ▲"},
		{func() { test.Tap(v.Sort.ByScore) }, store.SortScore, false, "Score ▼"},
		{func() { test.Tap(v.Sort.ByScore) }, store.SortScore, true, "Score ▲"},
	} {
		step.tap()
		if o := list(); o.Sort != step.sort || o.Reverse != step.reverse {
			t.Errorf("after tap: list asked %+v, want sort %d reverse %v", o, step.sort, step.reverse)
		}
		arrows := 0
		for _, b := range []string{v.Sort.ByName.Text, v.Sort.ByScore.Text, v.Sort.ByImported.Text} {
			if b == step.arrowed {
				arrows++
			} else if len(b) > 0 && (b[len(b)-3:] == "▲" || b[len(b)-3:] == "▼") {
				t.Errorf("inactive header %q has an arrow", b)
			}
		}
		if arrows != 1 {
			t.Errorf("no header reads %q (%q %q %q)", step.arrowed, v.Sort.ByName.Text, v.Sort.ByScore.Text, v.Sort.ByImported.Text)
		}
	}
}
