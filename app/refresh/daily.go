package refresh

import (
	"context"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
)

// Interval is how often the window reads back on its own: at most once a
// day, so a salesperson's tenant is not searched at every start.
const Interval = 24 * time.Hour

// Due reports whether the automatic read-back should run now: never run
// on this tenant, or last run at least Interval ago (or, after a clock
// change, in the future).
func (s *Service) Due(ctx context.Context) (bool, error) {
	v, ok, err := s.db.TenantSetting(ctx, s.tenant, store.SettingRefreshLastRun)
	if err != nil || !ok {
		return err == nil, err
	}
	last, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return true, nil // an unreadable time is no reason to stop checking
	}
	now := s.now()
	return now.Sub(last) >= Interval || last.After(now), nil
}

// RunIfDue reads back every synced lead when Due, and then remembers the
// time; ran is false when it was not due. A run that fails is not
// remembered, so the next start tries again.
func (s *Service) RunIfDue(ctx context.Context) (rep *Report, ran bool, err error) {
	due, err := s.Due(ctx)
	if err != nil || !due {
		return nil, false, err
	}
	at := s.now()
	rep, err = s.Run(ctx, nil)
	if err != nil {
		return rep, true, err
	}
	return rep, true, s.db.SetTenantSetting(ctx, s.tenant, store.SettingRefreshLastRun, at.UTC().Format(time.RFC3339Nano), at)
}
