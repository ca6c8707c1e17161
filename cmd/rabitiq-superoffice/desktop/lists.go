package desktop

import (
	"context"

	"github.com/rabitiq/superoffice-sync/app/export"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/ui/integrations"
)

// The Integrationer screen shows the tenant's lists when its Service has them.
var _ integrations.Lists = (*Services)(nil)

// ListChoices implements integrations.Lists.
func (s *Services) ListChoices(ctx context.Context) ([]export.ListChoice, error) {
	return s.Tenant.ListChoices(ctx)
}

// Choose implements integrations.Lists.
func (s *Services) Choose(ctx context.Context, key, value string, items []so.ListItem) (so.ListItem, error) {
	return s.Tenant.Choose(ctx, key, value, items)
}
