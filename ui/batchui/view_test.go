package batchui

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/msg"
	"github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/ui/errdialog/errtest"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

type fake struct {
	byStatus map[store.Status][]int64 // when set, what each status holds
	// asked is how many status look-ups came before the first batch (the
	// export's own, not the recount after it).
	asked int
	// afterBatch, when set, is what each status holds once a batch ran.
	afterBatch map[store.Status][]int64
	statuses   [][]store.Status
	batches    [][]int64
	opts       []export.BatchOptions
}

func (f *fake) LeadsByStatus(_ context.Context, s ...store.Status) ([]int64, error) {
	f.statuses = append(f.statuses, s)
	if f.byStatus == nil {
		return []int64{1, 2, 3, 4}, nil
	}
	var out []int64
	for st, ids := range f.byStatus {
		if len(s) == 0 || st == s[0] {
			out = append(out, ids...)
		}
	}
	return out, nil
}

func (f *fake) Batch(_ context.Context, ids []int64, opt export.BatchOptions, progress func(int, int, export.BatchItem)) export.BatchSummary {
	if len(f.batches) == 0 {
		f.asked = len(f.statuses)
	}
	f.batches, f.opts = append(f.batches, ids), append(f.opts, opt)
	sum := export.BatchSummary{Total: len(ids)}
	for i, id := range ids {
		it := export.BatchItem{LocalID: id, Company: "Firma", Outcome: export.OutcomeUpdated}
		switch id {
		case 2:
			it.Outcome = export.OutcomeReview
			sum.Review++
			sum.ReviewIDs = append(sum.ReviewIDs, id)
		case 3:
			if len(f.batches) == 1 {
				it.Outcome, it.Error, it.Err = export.OutcomeFailed, "SuperOffice svarede 500", failure()
				sum.Failed++
				sum.FailedIDs = append(sum.FailedIDs, id)
				break
			}
			sum.Updated++
		default:
			sum.Updated++
		}
		progress(i+1, len(ids), it)
	}
	if f.afterBatch != nil {
		f.byStatus = f.afterBatch
	}
	return sum
}

func TestBatchRunsShowsSummaryRetriesAndReviews(t *testing.T) {
	w := uitest.Setup(t)
	errtest.WithReport(t, "RAPPORT batch")
	svc := &fake{}
	var reviewed []int64
	var done []export.BatchSummary
	f := Open(svc, w, nil, func(ids []int64) { reviewed = ids }, func(s export.BatchSummary) { done = append(done, s) })
	f.Which.SetSelected("Alle ændrede (4)")
	f.CreateMissing.SetChecked(true)
	svc.statuses = nil // forget the counting
	test.Tap(f.Start)
	if svc.asked != 1 || len(svc.statuses[0]) != 1 || svc.statuses[0][0] != store.StatusChanged || !svc.opts[0].CreateMissing {
		t.Fatalf("asked %v with %+v", svc.statuses, svc.opts)
	}
	if f.Bar.Value != 1 || f.Summary.Text != "2 synkroniseret (0 oprettet, 2 opdateret), 1 skal gennemses, 1 fejlede, 0 annulleret.\n✗ Firma: Opret firmaet i SuperOffice – SuperOffice havde et problem i sin ende (fejl 500). Prøv igen om lidt." {
		t.Errorf("bar %v, summary %q", f.Bar.Value, f.Summary.Text)
	}
	errtest.AssertPlain(t, "batch summary", f.Summary.Text, "v1/Contact", "OrgNr", "attempt")
	errtest.AssertCopiesReport(t, uitest.Top(w), "RAPPORT batch")
	if f.RetryFailed.Hidden || f.ReviewButton.Hidden || f.ReviewButton.Text != "Gennemse (1)" {
		t.Errorf("retry hidden=%v review hidden=%v %q", f.RetryFailed.Hidden, f.ReviewButton.Hidden, f.ReviewButton.Text)
	}
	test.Tap(f.RetryFailed)
	if len(svc.batches) != 2 || len(svc.batches[1]) != 1 || svc.batches[1][0] != 3 || !f.RetryFailed.Hidden {
		t.Errorf("retry ran %v", svc.batches)
	}
	test.Tap(f.ReviewButton)
	if len(reviewed) != 1 || reviewed[0] != 2 {
		t.Errorf("review opened %v", reviewed)
	}
	if len(done) != 2 {
		t.Errorf("Done called %d times", len(done))
	}
}

func TestBatchOfTickedLeads(t *testing.T) {
	w := uitest.Setup(t)
	svc := &fake{}
	f := Open(svc, w, []int64{9, 4}, nil, nil)
	if f.Which.Selected != "Markerede (2)" {
		t.Fatalf("first option = %q", f.Which.Selected)
	}
	svc.statuses = nil // forget the counting
	test.Tap(f.Start)
	if svc.asked != 0 || len(svc.batches) != 1 || len(svc.batches[0]) != 2 || svc.batches[0][0] != 9 {
		t.Errorf("exported %v (asked statuses %v)", svc.batches, svc.statuses)
	}
}

// failure is a failed create as the engine returns it: catalogue step,
// Go wrapping, SuperOffice's 500 with its request and JSON.
func failure() error {
	er := &superoffice.ErrorResponse{Response: &http.Response{StatusCode: 500}, Method: "POST", Path: "v1/Contact", ErrorType: "SoException", ErrorMessage: `{"OrgNr": bad}`}
	return msg.Errorf(fmt.Errorf("attempt 3: %w", er), msg.ExportCreateCompany)
}

// After a run that left leads for review, "Gennemse (N)" is the primary
// button and Enter opens it; the choices are counted again, so "Alle nye"
// no longer offers leads the run already moved on.
func TestAfterARunReviewIsPrimaryAndCountsAreFresh(t *testing.T) {
	w := uitest.Setup(t)
	svc := &fake{byStatus: map[store.Status][]int64{store.StatusNew: {1, 2}}}
	var reviewed []int64
	f := Open(svc, w, nil, func(ids []int64) { reviewed = ids }, nil)
	if f.Which.Selected != "Alle nye (2)" {
		t.Fatalf("first choice %q", f.Which.Selected)
	}
	svc.afterBatch = map[store.Status][]int64{store.StatusReview: {2}, store.StatusSynced: {1}}
	test.Tap(f.Start)
	if f.ReviewButton.Importance != widget.HighImportance || f.Start.Importance == widget.HighImportance {
		t.Errorf("review importance %v, export importance %v", f.ReviewButton.Importance, f.Start.Importance)
	}
	if f.Which.Selected != "Alle nye (0)" {
		t.Errorf("after the run the choice reads %q, want the fresh count", f.Which.Selected)
	}
	uitest.Press(w, fyne.KeyReturn)
	if len(reviewed) != 1 || reviewed[0] != 2 {
		t.Errorf("Enter after the run opened review %v, want [2]", reviewed)
	}
}
