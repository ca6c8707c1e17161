package export

import (
	"context"
	"errors"
	"sync"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/match"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// BatchOptions steer a batch export.
type BatchOptions struct {
	// CreateMissing creates a company for a lead with no candidate at all;
	// without it such leads go to review. A lead is never created on a
	// name-only guess either way.
	CreateMissing bool
	// Concurrency is how many leads are exported at once (default 4).
	Concurrency int
	// FollowUpDays > 0 books a follow-up for every created or updated
	// lead (Choice.FollowUpDays).
	FollowUpDays int
}

// The outcomes of one lead in a batch.
const (
	OutcomeCreated   = "created"
	OutcomeUpdated   = "updated"
	OutcomeReview    = "review"    // the user must choose in the match dialog
	OutcomeFailed    = "failed"    // the sync failed; the lead says why
	OutcomeCancelled = "cancelled" // the batch was cancelled before this lead ran
)

// BatchItem is one lead's outcome; `sync --all --json` prints one per line.
type BatchItem struct {
	LocalID    int64  `json:"localId"`
	ID         string `json:"id"`
	Company    string `json:"companyName"`
	Outcome    string `json:"outcome"`
	ContactID  int    `json:"contactId,omitempty"`
	Candidates int    `json:"candidates,omitempty"`
	Error      string `json:"error,omitempty"`
	// ErrorCode is Error's most specific catalogue code
	// ("export.company-gone", …), for scripts; empty when it has none.
	ErrorCode string  `json:"errorCode,omitempty"`
	Result    *Result `json:"result,omitempty"`
	// Status is the lead's stored status after this run (new, changed,
	// synced, failed or review), as `leads --json` shows it: a lead left
	// for a person is "review" and stays so until it is synced.
	Status store.Status `json:"status,omitempty"`
	// Err is the error itself, for the window to say in plain words
	// what Error says technically; not part of the JSON.
	Err error `json:"-"`
}

// setError records why the lead did not finish, as text and as a code.
func (it *BatchItem) setError(err error) {
	it.Error, it.ErrorCode, it.Err = reason(err), reasonCode(err), err
}

// BatchSummary counts a batch's outcomes.
type BatchSummary struct {
	Total     int     `json:"total"`
	Created   int     `json:"created"`
	Updated   int     `json:"updated"`
	Review    int     `json:"review"`
	Failed    int     `json:"failed"`
	Cancelled int     `json:"cancelled"`
	ReviewIDs []int64 `json:"reviewLocalIds"`
	FailedIDs []int64 `json:"failedLocalIds"`
	// NotConnected says SuperOffice refused the sign-in and the batch
	// stopped there: the leads it did not finish are counted as cancelled
	// and keep their status.
	NotConnected bool `json:"notConnected"`
	// StopErr is that refusal, for the message to the user.
	StopErr error `json:"-"`
}

// Synced is the number of leads written to SuperOffice.
func (s BatchSummary) Synced() int { return s.Created + s.Updated }

func (s *BatchSummary) add(it BatchItem) {
	switch it.Outcome {
	case OutcomeCreated:
		s.Created++
	case OutcomeUpdated:
		s.Updated++
	case OutcomeReview:
		s.Review++
		s.ReviewIDs = append(s.ReviewIDs, it.LocalID)
	case OutcomeFailed:
		s.Failed++
		s.FailedIDs = append(s.FailedIDs, it.LocalID)
	default:
		s.Cancelled++
	}
}

// Batch exports many leads with bounded concurrency. A lead already linked
// to a company on this tenant updates it; otherwise a lead whose only
// certain candidate (same valid CVR) is clear syncs to it, a lead without
// any candidate is created when opt.CreateMissing, and every other lead is
// left for review. Cancelling ctx stops new leads and cancels requests in
// flight; finished leads stay done, and an interrupted create is guarded by
// its intent like any other. When SuperOffice refuses the sign-in the batch
// stops at once (every further request would be refused too): the leads it
// did not finish are cancelled and keep their status, and the summary says
// NotConnected. A lead that fails in any other way, its match included, is
// saved as failed. progress, if set, is called after each lead (from
// several goroutines, one call at a time).
func (e *Engine) Batch(ctx context.Context, ids []int64, opt BatchOptions, progress func(done, total int, it BatchItem)) BatchSummary {
	n := opt.Concurrency
	if n <= 0 {
		n = 4
	}
	sum := BatchSummary{Total: len(ids), ReviewIDs: []int64{}, FailedIDs: []int64{}}
	var mu sync.Mutex
	done := 0
	report := func(it BatchItem) {
		if st, err := e.db.StatusOf(context.WithoutCancel(ctx), it.LocalID); err == nil {
			it.Status = st
		}
		mu.Lock()
		defer mu.Unlock()
		sum.add(it)
		done++
		if progress != nil {
			progress(done, len(ids), it)
		}
	}
	stopped := make(chan struct{})
	var stopOnce sync.Once
	stop := func(err error) {
		stopOnce.Do(func() {
			mu.Lock()
			sum.NotConnected, sum.StopErr = true, err
			mu.Unlock()
			close(stopped)
		})
	}
	isStopped := func() bool {
		select {
		case <-stopped:
			return true
		default:
			return false
		}
	}
	// The tenant's metadata is fetched once for all leads.
	if _, err := e.Meta(ctx); err != nil {
		e.metaFailed(ctx, ids, err, stop, report)
		return sum
	}
	jobs := make(chan int64)
	var wg sync.WaitGroup
	var again []int64 // leads SuperOffice throttled: tried once more at the end
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range jobs {
				if isStopped() {
					report(e.notRun(id, OutcomeCancelled, sum.StopErr))
					continue
				}
				it, err := e.batchTry(ctx, id, opt)
				var rl *so.RateLimitError
				switch {
				case SignInRefused(err):
					stop(err)
					it.Outcome = OutcomeCancelled
				case errors.As(err, &rl) && ctx.Err() == nil:
					mu.Lock()
					again = append(again, id)
					mu.Unlock()
					continue
				}
				report(it)
			}
		}()
	}
feed:
	for i, id := range ids {
		select {
		case jobs <- id:
		case <-ctx.Done():
			for _, rest := range ids[i:] {
				report(e.cancelled(rest))
			}
			break feed
		case <-stopped:
			for _, rest := range ids[i:] {
				report(e.notRun(rest, OutcomeCancelled, sum.StopErr))
			}
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	// A lead that failed only because SuperOffice kept throttling gets one
	// more, unhurried try: a burst of 429s must not fail a batch.
	for _, id := range again {
		if isStopped() {
			report(e.notRun(id, OutcomeCancelled, sum.StopErr))
			continue
		}
		it, err := e.batchTry(ctx, id, opt)
		if SignInRefused(err) {
			stop(err)
			it.Outcome = OutcomeCancelled
		}
		report(it)
	}
	return sum
}

// metaFailed reports every lead when the tenant's metadata could not be
// read, so none could be mapped: a refused sign-in stops the batch with
// every lead left as it was; any other failure is saved on each lead, so
// that `--status failed` tries them again.
func (e *Engine) metaFailed(ctx context.Context, ids []int64, err error, stop func(error), report func(BatchItem)) {
	outcome := OutcomeFailed
	switch {
	case SignInRefused(err):
		stop(err)
		outcome = OutcomeCancelled
	case ctx.Err() != nil:
		outcome = OutcomeCancelled
	}
	for _, id := range ids {
		if outcome == OutcomeFailed {
			e.recordFailure(ctx, id, err)
		}
		report(e.notRun(id, outcome, err))
	}
}

func (e *Engine) cancelled(id int64) BatchItem { return e.notRun(id, OutcomeCancelled, nil) }

// notRun is the item of a lead the batch did not run, named as the user
// knows it.
func (e *Engine) notRun(id int64, outcome string, err error) BatchItem {
	it := BatchItem{LocalID: id, Outcome: outcome}
	if det, gerr := e.db.GetLead(context.Background(), id); gerr == nil {
		it.ID, it.Company = det.Row.ID, det.Row.CompanyName
	}
	if err != nil {
		it.setError(err)
	}
	return it
}

// batchTry exports one lead. Its error, if any, says why the lead did not
// finish: the caller tells a refused sign-in and throttling from the rest.
func (e *Engine) batchTry(ctx context.Context, id int64, opt BatchOptions) (BatchItem, error) {
	det, err := e.db.GetLead(ctx, id)
	if err != nil {
		it := BatchItem{LocalID: id, Outcome: OutcomeFailed}
		it.setError(err)
		return it, err
	}
	it := BatchItem{LocalID: id, ID: det.Row.ID, Company: det.Row.CompanyName}
	if ctx.Err() != nil {
		it.Outcome = OutcomeCancelled
		return it, nil
	}
	var ch Choice
	linked, isLinked, err := e.db.SyncTarget(ctx, id, e.tenant.Ctx)
	if err != nil {
		e.recordFailure(ctx, id, err)
		return it.fail(err), err
	} else if isLinked {
		if gone, err := e.linkedGone(ctx, id, linked); err != nil {
			return it.fail(err), err
		} else if gone {
			return e.leaveGone(ctx, it, linked)
		}
		ch.ContactID = int(linked)
	} else if adopted, err := e.reconcileOne(ctx, id); err != nil {
		// An earlier create of this lead may have made a company whose
		// answer was lost: settle that first, or the match would offer
		// the lead its own company for review.
		e.recordFailure(ctx, id, err)
		return it.fail(err), err
	} else if adopted != 0 {
		ch.ContactID = adopted
	} else {
		cands, err := e.MatchLead(ctx, &det.Lead)
		if err != nil {
			if ctx.Err() != nil && errors.Is(err, context.Canceled) {
				it.Outcome = OutcomeCancelled
				it.setError(err)
				return it, nil
			}
			// Saved like a failed write, so `--status failed` retries it.
			e.recordFailure(ctx, id, err)
			return it.fail(err), err
		}
		it.Candidates = len(cands)
		switch c, ok := match.SingleCertain(cands); {
		case ok:
			ch.ContactID = c.Company.ContactID
		case len(cands) == 0 && opt.CreateMissing:
			ch.Create, ch.FreshSearch = true, true
		default:
			return e.leaveForReview(ctx, it, nil)
		}
	}
	ch.FollowUpDays = opt.FollowUpDays
	res, err := e.Sync(ctx, id, ch)
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, context.Canceled) {
			it.Outcome = OutcomeCancelled
			it.setError(err)
			return it, nil
		}
		var ex *ExistsError
		if errors.As(err, &ex) {
			return e.leaveForReview(ctx, it, err)
		}
		if isLinked && ch.ContactID == int(linked) && isGone(err) {
			return e.leaveGone(ctx, it, linked)
		}
		return it.fail(err), err
	}
	it.Result, it.ContactID = res, res.ContactID
	it.Outcome = OutcomeUpdated
	if res.Created {
		it.Outcome = OutcomeCreated
	}
	return it, nil
}

// leaveForReview stores the lead as "review", so the person who must
// decide finds it again after the batch (issue 19); why, if given, is
// kept as the lead's reason.
func (e *Engine) leaveForReview(ctx context.Context, it BatchItem, why error) (BatchItem, error) {
	reasonText := ""
	if why != nil {
		it.setError(why)
		reasonText = it.Error
	}
	if err := e.db.MarkReview(context.WithoutCancel(ctx), it.LocalID, reasonText); err != nil {
		return it.fail(err), err
	}
	it.Outcome = OutcomeReview
	return it, nil
}

func (it BatchItem) fail(err error) BatchItem {
	it.Outcome = OutcomeFailed
	it.setError(err)
	return it
}

// LeadsByStatus returns the local ids of the leads with one of the given
// statuses (all leads when none is given), in the list's order.
func LeadsByStatus(ctx context.Context, db *store.DB, statuses ...store.Status) ([]int64, error) {
	rows, err := db.ListLeads(ctx, store.ListOptions{Sort: store.SortScore})
	if err != nil {
		return nil, err
	}
	want := map[store.Status]bool{}
	for _, s := range statuses {
		want[s] = true
	}
	var out []int64
	for _, r := range rows {
		if len(want) == 0 || want[r.Status] {
			out = append(out, r.LocalID)
		}
	}
	return out, nil
}
