package leads

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/importer"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/msg"
	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
)

// fakeService sits beside the real store: it filters and pages in memory.
type fakeService struct {
	mu       sync.Mutex
	rows     []store.LeadRow
	imported [][]string
	deleted  []int64
	lists    int
	lastList store.ListOptions
	counts   int
	// importFn, when set, replaces ImportFiles' work (for progress and cancel).
	importFn func(ctx context.Context, progress importer.Progress) []importer.FileReport
}

func (f *fakeService) match(q string) []store.LeadRow { return f.matchStatus(q, "") }

func (f *fakeService) matchStatus(q string, st store.Status) []store.LeadRow {
	var out []store.LeadRow
	for _, r := range f.rows {
		if st != "" && r.Status != st {
			continue
		}
		if q == "" || strings.Contains(strings.ToLower(r.CompanyName), strings.ToLower(q)) {
			out = append(out, r)
		}
	}
	return out
}

func (f *fakeService) CountLeads(_ context.Context, q string) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.counts++
	return len(f.match(q)), nil
}

func (f *fakeService) CountLeadsWithStatus(_ context.Context, q string, st store.Status) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.counts++
	return len(f.matchStatus(q, st)), nil
}

func (f *fakeService) StatusCounts(context.Context) (map[store.Status]int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[store.Status]int{}
	for _, r := range f.rows {
		st := r.Status
		if st == "" {
			st = store.StatusNew
		}
		out[st]++
	}
	return out, nil
}

func (f *fakeService) ListLeads(_ context.Context, opt store.ListOptions) ([]store.LeadRow, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.lists++
	f.lastList = opt
	m := f.matchStatus(opt.Query, opt.Status)
	end := min(opt.Offset+opt.Limit, len(m))
	if opt.Offset >= len(m) {
		return nil, nil
	}
	return m[opt.Offset:end], nil
}

func (f *fakeService) ImportFiles(ctx context.Context, paths []string, progress importer.Progress) []importer.FileReport {
	if f.importFn != nil {
		return f.importFn(ctx, progress)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.imported = append(f.imported, paths)
	f.rows = append(f.rows, store.LeadRow{LocalID: 99, CompanyName: "Ny Virksomhed ApS"})
	return []importer.FileReport{{File: paths[0], Imported: 1, Rejected: []importer.Rejected{{Index: 1, Line: 3, Reason: "leads.json: lead 2 (line 3): companyName: mangler"}}}}
}

func (f *fakeService) DeleteLeads(_ context.Context, ids []int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.deleted = append(f.deleted, ids...)
	f.rows = slices.DeleteFunc(f.rows, func(r store.LeadRow) bool { return slices.Contains(ids, r.LocalID) })
	return nil
}

func score(v float64) *float64 { return &v }

func setup(t *testing.T, rows []store.LeadRow) (*View, *fakeService, fyne.Window) {
	t.Helper()
	t.Cleanup(func() { _ = i18n.Load("da") })
	test.NewTempApp(t)
	async.RunInline(t)
	if err := i18n.Load("da"); err != nil {
		t.Fatal(err)
	}
	svc := &fakeService{rows: rows}
	w := test.NewTempWindow(t, nil)
	v := New(svc, w)
	v.Debounce = 0
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(900, 600))
	return v, svc, w
}

func rowTexts(t *testing.T, v *View, id int) []string {
	t.Helper()
	o := newRow()
	v.updateRow(id, o)
	var out []string
	for _, c := range o.(*fyne.Container).Objects[0].(*fyne.Container).Objects {
		out = append(out, c.(*widget.Label).Text)
	}
	return out
}

func TestListShowsRowsWithDanishStatusAndInvalidCVRMark(t *testing.T) {
	v, _, _ := setup(t, []store.LeadRow{
		{LocalID: 1, CompanyName: "Klitrose Byg P/S", Score: score(87), CVR: "29935181", CVRValid: true, Status: store.StatusSynced},
		{LocalID: 2, CompanyName: "Højbjerg Robotics", CVR: "12345678", Status: store.StatusFailed},
	})
	if got := v.List.Length(); got != 2 {
		t.Fatalf("Length() = %d", got)
	}
	if got := rowTexts(t, v, 0); strings.Join(got, "|") != "Klitrose Byg P/S|87|29935181|Synkroniseret" {
		t.Errorf("row 0 = %q", got)
	}
	if got := rowTexts(t, v, 1); strings.Join(got, "|") != "Højbjerg Robotics|–|⚠ 12345678|Fejl" {
		t.Errorf("row 1 = %q", got)
	}
	if v.Status.Text != "2 leads" {
		t.Errorf("status = %q", v.Status.Text)
	}
}

func TestSearchFiltersAndPagesOnDemand(t *testing.T) {
	var rows []store.LeadRow
	for i := 0; i < 250; i++ {
		rows = append(rows, store.LeadRow{LocalID: int64(i + 1), CompanyName: "Firma " + string(rune('A'+i%26))})
	}
	rows = append(rows, store.LeadRow{LocalID: 999, CompanyName: "Jensen's Bøfhus"})
	v, svc, _ := setup(t, rows)
	if v.List.Length() != 251 {
		t.Fatalf("Length() = %d", v.List.Length())
	}
	if r, ok := v.Row(250); !ok || r.LocalID != 999 {
		t.Fatalf("Row(250) = %+v, %v", r, ok)
	}
	before := svc.lists
	v.Row(249) // same page as 250: no new query
	if svc.lists != before {
		t.Errorf("row on a cached page queried the store again")
	}
	test.Type(v.Search, "bøf")
	if v.List.Length() != 1 || v.Status.Text != "1 lead" {
		t.Fatalf("after search: Length() = %d, status %q", v.List.Length(), v.Status.Text)
	}
	if r, _ := v.Row(0); r.CompanyName != "Jensen's Bøfhus" {
		t.Errorf("Row(0) = %q", r.CompanyName)
	}
}

func TestDropImportsFilesAndShowsResult(t *testing.T) {
	v, svc, w := setup(t, nil)
	v.HandleDrop(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI("/tmp/leads æøå.json"), mustURI(t, "https://example.com/x.json")})
	deadline := time.Now().Add(5 * time.Second)
	for w.Canvas().Overlays().Top() == nil && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no result dialog after the drop")
	}
	svc.mu.Lock()
	got := svc.imported
	svc.mu.Unlock()
	if len(got) != 1 || len(got[0]) != 1 || got[0][0] != "/tmp/leads æøå.json" {
		t.Errorf("imported %q, want only the local file", got)
	}
	if v.List.Length() != 1 {
		t.Errorf("list not reloaded after import: %d", v.List.Length())
	}
	if v.Import.Disabled() {
		t.Error("import button still disabled after the import")
	}
}

func TestImportSummaryNamesEveryOutcome(t *testing.T) {
	setup(t, nil)
	reports := []importer.FileReport{
		{File: "a.json", Imported: 2, Updated: 1, Unchanged: 3,
			Rejected: []importer.Rejected{{Index: 3, Line: 9, Path: "contacts", Reason: "a.json: lead 4 (line 9): contacts: want array, got string",
				Message: msg.New(msg.LeadWantKind, "want", "array", "got", "string")}},
			Warnings:     []string{"a.json: lead 1: score: kan ikke læses"},
			WarningCodes: []importer.Note{{Index: 0, Line: 2, Path: "score", Message: msg.New(msg.LeadNumberUnreadable, "value", "høj")}}},
		{File: "b.json", Error: "b.json: line 3, column 7: unexpected end of JSON input"},
		{File: "c.json", Imported: 5000, Unchanged: 7, Error: "c.json: line 9, column 1: unexpected end of JSON input"},
		{File: "d.json", Error: "leads kunne ikke gemmes: sqlite: database is locked (5)",
			ErrorCode: &importer.Problem{Message: msg.New(msg.ImportFailed, "cause", "sqlite: database is locked (5)")}},
	}
	s := ImportSummary(reports)
	for _, want := range []string{
		"2 importeret, 1 opdateret, 3 uændret, 1 afvist",
		"✗ Lead 4 (linje 9): " + msg.New(msg.LeadWantKind, "want", "array", "got", "string").Text(msg.Danish),
		"⚠ Lead 1 (linje 2): " + msg.New(msg.LeadNumberUnreadable, "value", "høj").Text(msg.Danish),
		"b.json\n  Intet importeret:", "b.json: line 3, column 7",
		"c.json\n  Stoppet efter 5007 leads, som er gemt; importér filen igen for at fuldføre:\n  c.json: line 9",
		"d.json\n  Intet importeret:\n  Leads kunne ikke gemmes på denne computer.",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	// No JSON path and no database words for the salesperson; the
	// technical detail is what "Kopiér" copies.
	for _, not := range []string{"contacts", "score:", "sqlite", "database is locked"} {
		if strings.Contains(s, not) {
			t.Errorf("summary shows %q:\n%s", not, s)
		}
	}
	d := ImportDetail(reports)
	for _, want := range []string{"contacts: want array", "score: kan ikke læses", "sqlite: database is locked"} {
		if !strings.Contains(d, want) {
			t.Errorf("detail lacks %q:\n%s", want, d)
		}
	}
}

func mustURI(t *testing.T, s string) fyne.URI {
	t.Helper()
	u, err := storage.ParseURI(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestSearchWaitsForTheUserToPauseTyping(t *testing.T) {
	v, svc, _ := setup(t, []store.LeadRow{{LocalID: 1, CompanyName: "Jensen's Bøfhus"}, {LocalID: 2, CompanyName: "Zealand Tech"}})
	v.Debounce = 30 * time.Millisecond
	svc.mu.Lock()
	before := svc.counts
	svc.mu.Unlock()
	test.Type(v.Search, "jensen")
	deadline := time.Now().Add(5 * time.Second)
	for {
		svc.mu.Lock()
		n := svc.counts - before
		svc.mu.Unlock()
		if n > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	svc.mu.Lock()
	n := svc.counts - before
	svc.mu.Unlock()
	if n != 1 {
		t.Fatalf("typing 6 letters ran %d searches, want 1 after the pause", n)
	}
}

func TestImportShowsProgressAndCanBeCancelled(t *testing.T) {
	v, svc, w := setup(t, nil)
	var seen []float64
	svc.importFn = func(ctx context.Context, report importer.Progress) []importer.FileReport {
		report(50, 100)
		seen = append(seen, v.Progress.Value)
		if !v.Cancel.Visible() {
			t.Error("no cancel button during the import")
		}
		test.Tap(v.Cancel)
		if ctx.Err() == nil {
			t.Error("cancel did not cancel the import's context")
		}
		return []importer.FileReport{{File: "big.json", Error: "annulleret", Rejected: []importer.Rejected{}}}
	}
	v.ImportPaths([]string{"/tmp/big.json"})
	if len(seen) != 1 || seen[0] != 0.5 {
		t.Errorf("progress during import = %v, want [0.5]", seen)
	}
	if v.Progress.Visible() || v.Cancel.Visible() || v.Import.Disabled() {
		t.Error("progress or cancel still shown, or import disabled, after the import")
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Error("no result dialog after the cancelled import")
	}
}

func TestTickLeadsForExport(t *testing.T) {
	v, _, _ := setup(t, []store.LeadRow{{LocalID: 7, CompanyName: "A"}, {LocalID: 3, CompanyName: "B"}})
	var got []int64
	v.OnChecked = func(ids []int64) { got = ids }
	row := newRow()
	v.updateRow(0, row)
	check := row.(*fyne.Container).Objects[1].(*widget.Check)
	test.Tap(check)
	v.updateRow(1, row) // the row is reused for another lead
	if check.Checked {
		t.Error("a reused row kept the previous lead's tick")
	}
	test.Tap(check)
	if len(got) != 2 || got[0] != 3 || got[1] != 7 {
		t.Fatalf("checked = %v", got)
	}
	v.updateRow(0, row)
	if !check.Checked {
		t.Error("the tick of lead 7 was lost")
	}
	test.Tap(check)
	if c := v.Checked(); len(c) != 1 || c[0] != 3 {
		t.Errorf("after untick: %v", c)
	}
}

func TestPageCacheStaysBoundedWhileScrolling(t *testing.T) {
	const n, pages = 50*pageSize + 37, 51 // the last page is short
	rows := make([]store.LeadRow, n)
	for i := range rows {
		rows[i] = store.LeadRow{LocalID: int64(i + 1), CompanyName: fmt.Sprintf("Firma %05d", i)}
	}
	v, svc, _ := setup(t, rows)
	read := func(id int) {
		t.Helper()
		r, ok := v.Row(id)
		if !ok || r.LocalID != int64(id+1) || r.CompanyName != rows[id].CompanyName {
			t.Fatalf("Row(%d) = %+v, %v", id, r, ok)
		}
		if len(v.pages) > maxPages {
			t.Fatalf("Row(%d): %d pages cached, want at most %d", id, len(v.pages), maxPages)
		}
	}
	lists := func() int { svc.mu.Lock(); defer svc.mu.Unlock(); return svc.lists }

	// Down through every row reads each page once; back up re-reads only
	// the pages evicted on the way down, not the last maxPages.
	v.pages = map[int][]store.LeadRow{} // forget the rows the window showed
	before := lists()
	for id := range n {
		read(id)
	}
	if got := lists() - before; got != pages {
		t.Errorf("scrolling down read %d pages, want %d", got, pages)
	}
	before = lists()
	for id := n - 1; id >= 0; id-- {
		read(id)
	}
	if got := lists() - before; got != pages-maxPages {
		t.Errorf("scrolling back up read %d pages, want %d", got, pages-maxPages)
	}

	// Pages 0-7 are cached now. A jump to the last page evicts only the
	// one farthest from it, page 0; rows 100-799 still come from the cache.
	read(n - 1)
	if _, ok := v.pages[0]; ok {
		t.Error("the jump to the end kept page 0")
	}
	before = lists()
	for id := pageSize; id < maxPages*pageSize; id++ {
		read(id)
	}
	if got := lists() - before; got != 0 {
		t.Errorf("rows 100-799 after a jump to the end read %d pages again, want 0", got)
	}

	// The real list widget, scrolled to the bottom and back, stays within
	// the bound and shows the right leads.
	v.pages = map[int][]store.LeadRow{}
	v.List.ScrollToBottom()
	if _, ok := v.pages[n/pageSize]; !ok || len(v.pages) > maxPages {
		t.Fatalf("after ScrollToBottom: pages %v cached, want the last one and at most %d", slices.Sorted(maps.Keys(v.pages)), maxPages)
	}
	if got := rowTexts(t, v, n-1); got[0] != rows[n-1].CompanyName {
		t.Errorf("last row = %q, want %q", got, rows[n-1].CompanyName)
	}
	for id := n - 1; id >= 0; id -= 4 * pageSize { // 13 pages, each new
		v.List.ScrollTo(id)
		if len(v.pages) > maxPages {
			t.Fatalf("after ScrollTo(%d): %d pages cached", id, len(v.pages))
		}
	}
	v.List.ScrollToTop()
	if got := rowTexts(t, v, 0); got[0] != "Firma 00000" {
		t.Errorf("first row after scrolling back = %q", got)
	}
}
