package leads

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
)

// slowSearch is the fake service with a search for "first" that runs until
// its context ends (or 3 s pass, so a broken cancel fails the test rather
// than hanging it).
type slowSearch struct {
	*fakeService
	started chan context.Context
}

func (s *slowSearch) CountLeads(ctx context.Context, q string) (int, error) {
	if q == "first" {
		s.started <- ctx
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(3 * time.Second):
		}
	}
	return s.fakeService.CountLeads(ctx, q)
}

// runNext plays the UI goroutine: it runs the next result a background
// Run delivers.
func runNext(t *testing.T, done <-chan func()) {
	t.Helper()
	select {
	case fn := <-done:
		fn()
	case <-time.After(5 * time.Second):
		t.Fatal("no search result was delivered")
	}
}

func TestNextQueryCancelsTheRunningSearch(t *testing.T) {
	test.NewTempApp(t)
	t.Cleanup(func() { _ = i18n.Load("da") })
	if err := i18n.Load("da"); err != nil {
		t.Fatal(err)
	}
	done := async.RunQueued(t)
	svc := &slowSearch{fakeService: &fakeService{rows: []store.LeadRow{
		{LocalID: 1, CompanyName: "First Fisk ApS"}, {LocalID: 2, CompanyName: "Second Hand A/S"}, {LocalID: 3, CompanyName: "Tredje"}}},
		started: make(chan context.Context, 2)}
	w := test.NewTempWindow(t, nil)
	v := New(svc, w)
	v.Debounce = 0
	w.SetContent(v.Content())
	runNext(t, done) // the count of all leads
	if v.Status.Text != "3 leads" {
		t.Fatalf("status = %q", v.Status.Text)
	}

	v.Search.SetText("first")
	var first context.Context
	select {
	case first = <-svc.started:
	case <-time.After(5 * time.Second):
		t.Fatal("the search for \"first\" did not start (is it run on the UI goroutine?)")
	}
	v.Search.SetText("second")
	select {
	case <-first.Done():
	case <-time.After(2 * time.Second):
		t.Fatal("the next query did not cancel the running search")
	}
	if !errors.Is(first.Err(), context.Canceled) {
		t.Fatalf("first search's context: %v", first.Err())
	}
	runNext(t, done) // both results, in whatever order they arrive:
	runNext(t, done) // the cancelled one must not show
	if v.Status.Text != "1 lead" || v.List.Length() != 1 {
		t.Fatalf("after \"second\": status %q, %d rows", v.Status.Text, v.List.Length())
	}
	if r, ok := v.Row(0); !ok || r.LocalID != 2 {
		t.Errorf("row 0 = %+v", r)
	}
}

func TestCappedSearchSaysSo(t *testing.T) {
	v, _, _ := setup(t, []store.LeadRow{{LocalID: 1, CompanyName: "Jensen"}})
	v.Search.SetText(strings.Repeat("jensen ", 20))
	if want := "0 leads – kun de første 16 ord (200 tegn) søges"; v.Status.Text != want {
		t.Errorf("status = %q, want %q", v.Status.Text, want)
	}
	v.Search.SetText("jensen")
	if v.Status.Text != "1 lead" {
		t.Errorf("status = %q", v.Status.Text)
	}
}
