package tenant

import (
	"context"

	"github.com/rabitiq/superoffice-sync/app/export"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// ListChoices reads the tenant's Category, Business and Task lists with
// the defaults and this tenant's stored choices (export.Engine.ListChoices).
func (s *Service) ListChoices(ctx context.Context) ([]export.ListChoice, error) {
	e, err := s.Engine(ctx)
	if err != nil {
		return nil, err
	}
	c, err := e.ListChoices(ctx)
	return c, Refused(err)
}

// Choose stores this tenant's choice for a list setting; value is an
// item's id or name from items, "" forgets it (export.Engine.Choose).
func (s *Service) Choose(ctx context.Context, key, value string, items []so.ListItem) (so.ListItem, error) {
	e, err := s.Engine(ctx)
	if err != nil {
		return so.ListItem{}, err
	}
	return e.Choose(ctx, key, value, items)
}
