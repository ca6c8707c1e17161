package leads

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/apptheme"
	"github.com/rabitiq/superoffice-sync/ui/shell"
)

// Issue 19: the status column's header sorts too. The first tap asks the
// store for the status order (what needs the user first: failed at the
// top, ▼ as for the score), the second for its reverse (▲), and the arrow
// leaves the header that had it.
func TestTappingTheStatusHeaderSortsByStatusAndAgainReverses(t *testing.T) {
	v, svc, _ := setup(t, []store.LeadRow{{LocalID: 1, CompanyName: "Alfa", Status: store.StatusFailed}, {LocalID: 2, CompanyName: "Beta"}})
	asked := func() store.ListOptions {
		t.Helper()
		if _, ok := v.Row(0); !ok {
			t.Fatal("row 0 not shown")
		}
		svc.mu.Lock()
		defer svc.mu.Unlock()
		return svc.lastList
	}
	if v.Sort.ByStatus.Text != "Status" {
		t.Errorf("status header before a tap = %q, want no arrow", v.Sort.ByStatus.Text)
	}
	for _, step := range []struct {
		reverse bool
		want    string
	}{{false, "Status ▼"}, {true, "Status ▲"}} {
		test.Tap(v.Sort.ByStatus)
		if o := asked(); o.Sort != store.SortStatus || o.Reverse != step.reverse {
			t.Errorf("after tap: list asked sort %d reverse %v, want status, reverse %v", o.Sort, o.Reverse, step.reverse)
		}
		if v.Sort.ByStatus.Text != step.want {
			t.Errorf("status header = %q, want %q", v.Sort.ByStatus.Text, step.want)
		}
		for _, b := range []*widget.Button{v.Sort.ByName, v.Sort.ByScore, v.Sort.ByImported} {
			if strings.HasSuffix(b.Text, "▲") || strings.HasSuffix(b.Text, "▼") {
				t.Errorf("inactive header %q has an arrow", b.Text)
			}
		}
	}
	test.Tap(v.Sort.ByScore)
	if o := asked(); o.Sort != store.SortScore || o.Reverse || v.Sort.ByStatus.Text != "Status" {
		t.Errorf("after the score header: asked %+v, status header %q", o, v.Sort.ByStatus.Text)
	}
}

// The status header with its arrow fits its ~110 px badge column at
// 1024×640 and stands over the badges, so the column widths stay as they
// were (the name keeps the width).
func TestStatusHeaderFitsOverTheBadgeColumn(t *testing.T) {
	v, _, w := setup(t, []store.LeadRow{{LocalID: 1, CompanyName: "Bøgeskov Energi A/S", Status: store.StatusReview}})
	fyne.CurrentApp().Settings().SetTheme(apptheme.New())
	w.SetContent(shell.LeadsLayout(v.Content(), widget.NewLabel("detail"), widget.NewButton("Eksporter flere…", nil)))
	w.Resize(fyne.NewSize(1024, 640))
	for range 2 { // ▼, then ▲
		test.Tap(v.Sort.ByStatus)
		b := v.Sort.ByStatus
		if b.Size().Width < b.MinSize().Width {
			t.Errorf("header %q is %.0f px wide, needs %.0f px", b.Text, b.Size().Width, b.MinSize().Width)
		}
		if got, want := b.Size().Width, rowWidths[len(rowWidths)-1]; got != want {
			t.Errorf("status header is %.0f px wide, the badge column %.0f px", got, want)
		}
		badge := findLabel(w.Canvas().Content(), "Skal gennemses")
		if badge == nil {
			t.Fatal("the review badge is not rendered")
		}
		d := fyne.CurrentApp().Driver()
		hx, bx := d.AbsolutePositionForObject(b).X, d.AbsolutePositionForObject(badge).X
		if bx < hx || bx >= hx+b.Size().Width {
			t.Errorf("badge at x=%.0f is not under the status header (x=%.0f, %.0f px)", bx, hx, b.Size().Width)
		}
	}
}
