package desktop

import (
	"context"
	"fmt"
	"time"

	"github.com/rabitiq/superoffice-sync/core/fields"
)

// ConfirmField implements fieldsui.Service: the admin chose, in
// Feltopsætning, to write the RabitIQ field progID to the connected
// tenant's field tenantKey, which was found only by label or x_ name.
func (s *Services) ConfirmField(ctx context.Context, progID, tenantKey string) error {
	f, ok := fields.ByProgID(progID)
	if !ok {
		return fmt.Errorf("confirm field: %q is not a RabitIQ field", progID)
	}
	tenant, err := s.tenantCtx(ctx)
	if err != nil {
		return err
	}
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	if err := s.DB.ConfirmField(ctx, tenant, f.ProgID, tenantKey, now()); err != nil {
		return err
	}
	s.forgetMeta()
	return nil
}

// UnconfirmField implements fieldsui.Service: the field is a suggestion
// again and is no longer written.
func (s *Services) UnconfirmField(ctx context.Context, progID string) error {
	f, ok := fields.ByProgID(progID)
	if !ok {
		return fmt.Errorf("undo field confirmation: %q is not a RabitIQ field", progID)
	}
	tenant, err := s.tenantCtx(ctx)
	if err != nil {
		return err
	}
	if err := s.DB.UnconfirmField(ctx, tenant, f.ProgID); err != nil {
		return err
	}
	s.forgetMeta()
	return nil
}

// tenantCtx is the connected tenant's context id, e.g. Cust12345.
func (s *Services) tenantCtx(ctx context.Context) (string, error) {
	sess, err := s.Mgr.Session(ctx)
	if err != nil {
		return "", err
	}
	return sess.Tenant().Ctx, nil
}

// forgetMeta makes the next sync read the tenant's fields and the
// confirmations again.
func (s *Services) forgetMeta() {
	s.mu.Lock()
	e := s.eng
	s.mu.Unlock()
	if e != nil {
		e.ForgetMeta()
	}
}
