package export

import (
	"context"
	"errors"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/msg"
)

// linkedGone reports whether the last read-back from SuperOffice found
// the company the lead is linked to gone (deleted or merged away).
func (e *Engine) linkedGone(ctx context.Context, localID, contactID int64) (bool, error) {
	r, ok, err := e.db.RefreshOf(ctx, localID, e.tenant.Ctx)
	if err != nil {
		return false, err
	}
	return ok && r.ContactID == contactID && r.State == store.RefreshGone, nil
}

// leaveGone leaves a lead whose linked company is gone for a person to
// match again: a batch never re-creates a company a user deleted or
// merged in SuperOffice, nor picks another one for it on its own.
func (e *Engine) leaveGone(ctx context.Context, it BatchItem, contactID int64) (BatchItem, error) {
	why := msg.Errorf(ErrCompanyGone, msg.RefreshGoneReview, "id", contactID)
	it.setError(why)
	if err := e.db.MarkGoneForReview(context.WithoutCancel(ctx), it.LocalID, contactID, it.Error); err != nil {
		return it.fail(err), err
	}
	it.Outcome = OutcomeReview
	return it, nil
}

// isGone reports whether err says the chosen company no longer exists.
func isGone(err error) bool { return errors.Is(err, ErrCompanyGone) }
