package leads

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/store"
)

// Issue 19: status chips with counts filter the list; the chip again
// shows every lead.
func TestStatusChipsCountAndFilter(t *testing.T) {
	v, _, _ := setup(t, []store.LeadRow{
		{LocalID: 1, CompanyName: "Alfa", Status: store.StatusNew},
		{LocalID: 2, CompanyName: "Beta", Status: store.StatusReview},
		{LocalID: 3, CompanyName: "Gamma", Status: store.StatusReview},
		{LocalID: 4, CompanyName: "Delta", Status: store.StatusFailed},
	})
	want := map[store.Status]string{
		store.StatusNew: "Ny (1)", store.StatusChanged: "Ændret (0)", store.StatusReview: "Skal gennemses (2)",
		store.StatusFailed: "Fejl (1)", store.StatusSynced: "Synkroniseret (0)",
	}
	for st, text := range want {
		if got := v.Chips.Buttons[st].Text; got != text {
			t.Errorf("chip %s = %q, want %q", st, got, text)
		}
	}
	test.Tap(v.Chips.Buttons[store.StatusReview])
	if v.List.Length() != 2 {
		t.Fatalf("review chip shows %d leads, want 2", v.List.Length())
	}
	for i, name := range []string{"Beta", "Gamma"} {
		if r, ok := v.Row(i); !ok || r.CompanyName != name {
			t.Errorf("row %d = %q, want %q", i, r.CompanyName, name)
		}
	}
	if v.Status.Text != "2 leads" {
		t.Errorf("status line = %q", v.Status.Text)
	}
	if v.Chips.Buttons[store.StatusReview].Importance != widget.HighImportance || v.Chips.Buttons[store.StatusNew].Importance == widget.HighImportance {
		t.Error("the active chip is not the one marked")
	}
	v.Search.SetText("gam") // the filter and the search combine
	if v.List.Length() != 1 {
		t.Errorf("review chip + search shows %d leads, want 1", v.List.Length())
	}
	v.Search.SetText("")
	test.Tap(v.Chips.Buttons[store.StatusSynced]) // a chip with no leads
	if v.Empty() || !v.List.Visible() || v.List.Length() != 0 || v.Status.Text != "0 leads" {
		t.Errorf("empty chip: guided start %v, list visible %v, %d rows, status %q; want the empty list",
			v.Empty(), v.List.Visible(), v.List.Length(), v.Status.Text)
	}
	test.Tap(v.Chips.Buttons[store.StatusReview])
	test.Tap(v.Chips.Buttons[store.StatusReview])
	if v.List.Length() != 4 || v.Chips.Active() != "" {
		t.Errorf("after the chip again: %d leads, filter %q; want all 4", v.List.Length(), v.Chips.Active())
	}
}

// With no leads at all the guided start shows, without chips to filter.
func TestNoChipsBeforeTheFirstImport(t *testing.T) {
	v, _, _ := setup(t, nil)
	if !v.Empty() || v.Chips.root.Visible() {
		t.Errorf("no leads: guided start %v, chips visible %v", v.Empty(), v.Chips.root.Visible())
	}
}
