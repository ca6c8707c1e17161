package tenant

import (
	"context"
	"errors"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/core/match"
)

// SearchCompanies is the match dialog's own search by name or CVR
// (export.Engine.SearchCompanies).
func (s *Service) SearchCompanies(ctx context.Context, localID int64, text string) ([]match.Candidate, error) {
	e, err := s.Engine(ctx)
	if err != nil {
		return nil, err
	}
	c, err := e.SearchCompanies(ctx, localID, text)
	err = Refused(err)
	s.logFailure(ctx, "company search failed", err, localID, 0)
	return c, err
}

// LeadCompany is the lead as the company a create would write, for the
// match dialog's comparison; it reads only the local database, so it
// works before the sign-in is checked.
func (s *Service) LeadCompany(ctx context.Context, localID int64) (match.Company, error) {
	if s.db == nil {
		return match.Company{}, errors.New("tenant: the lead's company needs the leads database")
	}
	det, err := s.db.GetLead(ctx, localID)
	if err != nil {
		return match.Company{}, err
	}
	return export.LeadCompany(&det.Lead), nil
}
