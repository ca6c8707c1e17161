package batchui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// Each option says how many leads it covers, and choosing one by its
// counted label still exports that status.
func TestBatchChoiceShowsCounts(t *testing.T) {
	w := uitest.Setup(t)
	svc := &fake{byStatus: map[store.Status][]int64{
		store.StatusNew:     {1, 2, 3},
		store.StatusChanged: {4, 5},
		store.StatusSynced:  {6},
	}}
	f := Open(svc, w, []int64{9, 4}, nil, nil)
	want := []string{"Markerede (2)", "Alle nye (3)", "Alle ændrede (2)", "Alle fejlede (0)", "Alle leads (6)"}
	if len(f.Which.Options) != len(want) {
		t.Fatalf("options %q", f.Which.Options)
	}
	for i, o := range want {
		if f.Which.Options[i] != o {
			t.Errorf("option %d = %q, want %q", i, f.Which.Options[i], o)
		}
	}
	if f.Which.Selected != "Markerede (2)" {
		t.Errorf("selection moved to %q", f.Which.Selected)
	}
	f.Which.SetSelected("Alle nye (3)")
	test.Tap(f.Start)
	if len(svc.batches) != 1 || len(svc.batches[0]) != 3 {
		t.Errorf("exported %v, want the three new leads", svc.batches)
	}
}

// A count that cannot be read leaves the option's plain text.
func TestBatchChoiceWithoutCounts(t *testing.T) {
	w := uitest.Setup(t)
	f := Open(&failing{}, w, nil, nil, nil)
	if f.Which.Options[0] != "Alle nye" || f.Which.Selected != "Alle nye" {
		t.Errorf("options %q, selected %q", f.Which.Options, f.Which.Selected)
	}
}

type failing struct{ fake }

func (failing) LeadsByStatus(context.Context, ...store.Status) ([]int64, error) {
	return nil, context.DeadlineExceeded
}

func TestProgressTextEstimate(t *testing.T) {
	uitest.Setup(t)
	for _, tc := range []struct {
		done, total int
		elapsed     time.Duration
		want        string
	}{
		{1, 19, 2 * time.Second, "1 af 19: Firma"},                        // too early to tell
		{2, 19, 4 * time.Second, "2 af 19: Firma"},                        // still too early
		{3, 19, 6 * time.Second, "3 af 19: Firma – ca. 32s tilbage"},      // 2s a lead, 16 left
		{10, 19, 95 * time.Second, "10 af 19: Firma – ca. 1m26s tilbage"}, // 9.5s a lead
		{19, 19, 40 * time.Second, "19 af 19: Firma"},                     // nothing left
		{5, 6, 100 * time.Millisecond, "5 af 6: Firma – under et sekund tilbage"},
	} {
		if got := ProgressText(tc.done, tc.total, "Firma", tc.elapsed); got != tc.want {
			t.Errorf("ProgressText(%d, %d, %v) = %q, want %q", tc.done, tc.total, tc.elapsed, got, tc.want)
		}
	}
}

// The progress line of a real run uses the flow's clock: with a fake clock
// a batch that took no time at all never claims a time left ("ca. 0s
// tilbage"), since there is no pace to estimate from.
func TestBatchProgressNeverSaysZeroLeft(t *testing.T) {
	w := uitest.Setup(t)
	svc := &lines{}
	f := Open(svc, w, []int64{1, 2, 3, 4, 5}, nil, nil)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.now = func() time.Time { return now }
	svc.seen = func() string { return f.Current.Text }
	test.Tap(f.Start)
	for _, l := range svc.got {
		if strings.Contains(l, "0s") || strings.Contains(l, "tilbage") {
			t.Errorf("progress line %q", l)
		}
	}
	if len(svc.got) != 5 {
		t.Errorf("saw %d progress lines", len(svc.got))
	}
}

// lines is a batch whose leads take no time; it records the progress line
// after each lead.
type lines struct {
	fake
	seen func() string
	got  []string
}

func (l *lines) Batch(_ context.Context, ids []int64, _ export.BatchOptions, progress func(int, int, export.BatchItem)) export.BatchSummary {
	for i, id := range ids {
		progress(i+1, len(ids), export.BatchItem{LocalID: id, Company: "Firma", Outcome: export.OutcomeUpdated})
		l.got = append(l.got, l.seen())
	}
	return export.BatchSummary{Total: len(ids), Updated: len(ids)}
}
