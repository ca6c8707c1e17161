package tenant

import (
	"context"
	"errors"

	"github.com/rabitiq/superoffice-sync/app/refresh"
	"github.com/rabitiq/superoffice-sync/app/store"
)

// refresher is the read-back service for the connected tenant, over the
// same REST client as the exports. It settles no interrupted creates:
// reading back only reads.
func (s *Service) refresher(ctx context.Context) (*refresh.Service, error) {
	if s.db == nil {
		return nil, errors.New("tenant: reading back needs the leads database")
	}
	c, cl, err := s.Client(ctx)
	if err != nil {
		return nil, err
	}
	return refresh.New(s.db, cl, c.Tenant.Ctx, s.now), nil
}

// Refresh reads the companies of the leads ids (all synced leads when
// empty) back from SuperOffice (refresh.Service.Run); a refused sign-in
// reads as not connected, as everywhere.
func (s *Service) Refresh(ctx context.Context, ids []int64) (*refresh.Report, error) {
	r, err := s.refresher(ctx)
	if err != nil {
		return nil, Refused(err)
	}
	rep, err := r.Run(ctx, ids)
	err = Refused(err)
	s.logFailure(ctx, "refresh failed", err, 0, 0)
	return rep, err
}

// RefreshIfDue is the window's automatic read-back, at most once a day
// (refresh.Service.RunIfDue); ran is false when it was not due.
func (s *Service) RefreshIfDue(ctx context.Context) (rep *refresh.Report, ran bool, err error) {
	r, err := s.refresher(ctx)
	if err != nil {
		return nil, false, Refused(err)
	}
	rep, ran, err = r.RunIfDue(ctx)
	err = Refused(err)
	s.logFailure(ctx, "refresh failed", err, 0, 0)
	return rep, ran, err
}

// RefreshOf is the lead's last read-back on the connected tenant, for its
// card; none when not connected or never read back.
func (s *Service) RefreshOf(ctx context.Context, leadID int64) (store.Refresh, bool, error) {
	if s.db == nil {
		return store.Refresh{}, false, nil
	}
	t := s.ContextID(ctx)
	if t == "" {
		return store.Refresh{}, false, nil
	}
	return s.db.RefreshOf(ctx, leadID, t)
}
