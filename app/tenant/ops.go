package tenant

import (
	"context"
	"fmt"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/fieldsetup"
	"github.com/rabitiq/superoffice-sync/core/match"
)

// Match finds the lead's company in the tenant (export.Engine.Match).
func (s *Service) Match(ctx context.Context, localID int64) ([]match.Candidate, error) {
	e, err := s.Engine(ctx)
	if err != nil {
		return nil, err
	}
	c, err := e.Match(ctx, localID)
	err = Refused(err)
	s.logFailure(ctx, "match failed", err, localID, 0)
	return c, err
}

// Sync exports the lead as ch chooses (export.Engine.Sync).
func (s *Service) Sync(ctx context.Context, localID int64, ch export.Choice) (*export.Result, error) {
	e, err := s.Engine(ctx)
	if err == nil {
		var r *export.Result
		if r, err = e.Sync(ctx, localID, ch); err == nil {
			s.logSynced(ctx, localID, r)
			return r, nil
		}
		err = Refused(err)
	}
	s.logFailure(ctx, "sync failed", err, localID, ch.ContactID)
	return nil, err
}

// Diff shows per field what a sync would do, writing nothing
// (export.Engine.Diff).
func (s *Service) Diff(ctx context.Context, localID int64, ch export.Choice) (*export.Diff, error) {
	e, err := s.Engine(ctx)
	if err != nil {
		return nil, err
	}
	d, err := e.Diff(ctx, localID, ch)
	return d, Refused(err)
}

// CheckFields checks the 37 fields in the tenant: always a fresh look,
// since the admin may just have created fields.
func (s *Service) CheckFields(ctx context.Context) (fieldsetup.Report, error) {
	e, err := s.Engine(ctx)
	if err != nil {
		return fieldsetup.Report{}, err
	}
	e.ForgetMeta()
	m, err := e.Meta(ctx)
	if err != nil {
		err = Refused(err)
		s.logFailure(ctx, "field check failed", err, 0, 0)
		return fieldsetup.Report{}, err
	}
	return m.Fields, nil
}

// Batch exports many leads (export.Engine.Batch). When the tenant cannot
// be reached every lead is reported failed with the reason.
func (s *Service) Batch(ctx context.Context, ids []int64, opt export.BatchOptions, progress func(int, int, export.BatchItem)) export.BatchSummary {
	progress = s.logBatchItems(ctx, progress)
	e, err := s.Engine(ctx)
	if err != nil {
		sum := export.BatchSummary{Total: len(ids), Failed: len(ids), FailedIDs: ids}
		for i, id := range ids {
			progress(i+1, len(ids), export.BatchItem{LocalID: id, Outcome: export.OutcomeFailed, Error: err.Error(), Err: err})
		}
		return sum
	}
	sum := e.Batch(ctx, ids, opt, progress)
	sum.StopErr = Refused(sum.StopErr)
	return sum
}

// ConfirmField stores the admin's choice, in Feltopsætning, to write the
// RabitIQ field progID to the connected tenant's field tenantKey, which
// was found only by label or x_ name. The next sync uses it.
func (s *Service) ConfirmField(ctx context.Context, progID, tenantKey string) error {
	f, ok := fields.ByProgID(progID)
	if !ok {
		return fmt.Errorf("confirm field: %q is not a RabitIQ field", progID)
	}
	tenant, err := s.tenantCtx(ctx)
	if err != nil {
		return err
	}
	if err := s.db.ConfirmField(ctx, tenant, f.ProgID, tenantKey, s.now()); err != nil {
		return err
	}
	s.ForgetMeta()
	return nil
}

// UnconfirmField makes the field a suggestion again: it is no longer
// written.
func (s *Service) UnconfirmField(ctx context.Context, progID string) error {
	f, ok := fields.ByProgID(progID)
	if !ok {
		return fmt.Errorf("undo field confirmation: %q is not a RabitIQ field", progID)
	}
	tenant, err := s.tenantCtx(ctx)
	if err != nil {
		return err
	}
	if err := s.db.UnconfirmField(ctx, tenant, f.ProgID); err != nil {
		return err
	}
	s.ForgetMeta()
	return nil
}

// tenantCtx is the connected tenant's context id, e.g. Cust12345.
func (s *Service) tenantCtx(ctx context.Context) (string, error) {
	if s.db == nil {
		return "", fmt.Errorf("tenant: field confirmations need the leads database")
	}
	c, err := s.Conn(ctx)
	if err != nil {
		return "", err
	}
	return c.Tenant.Ctx, nil
}

// ForgetMeta makes the next sync read the tenant's fields and the
// confirmations again.
func (s *Service) ForgetMeta() {
	s.mu.Lock()
	e := s.eng
	s.mu.Unlock()
	if e != nil {
		e.ForgetMeta()
	}
}
