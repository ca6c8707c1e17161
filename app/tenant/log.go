package tenant

import (
	"context"
	"errors"
	"log/slog"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/logbook"
)

// The service logs what support needs to follow a sync: which lead went
// to which company with what outcome, SuperOffice's status and request
// for a failure, and sign-in events. Never a token or a code (the
// logbook redacts them anyway), and no company or person names: the ids
// find them.

func (s *Service) logSynced(ctx context.Context, localID int64, r *export.Result) {
	outcome := export.OutcomeUpdated
	if r.Created {
		outcome = export.OutcomeCreated
	}
	s.log.InfoContext(ctx, "sync", slog.Int64(logbook.KeyLead, localID), slog.Int(logbook.KeyCompany, r.ContactID), slog.String(logbook.KeyOutcome, outcome))
}

func (s *Service) logFailure(ctx context.Context, what string, err error, localID int64, company int) {
	if err == nil {
		return
	}
	var args []any
	if localID != 0 {
		args = append(args, slog.Int64(logbook.KeyLead, localID))
	}
	if company != 0 {
		args = append(args, slog.Int(logbook.KeyCompany, company))
	}
	logbook.Error(ctx, s.log, what, err, args...)
}

// logBatchItems logs each lead of a batch as it finishes, then passes it
// on. A batch item carries its error as text only, so SuperOffice's
// status is read from that text.
func (s *Service) logBatchItems(ctx context.Context, progress func(int, int, export.BatchItem)) func(int, int, export.BatchItem) {
	return func(done, total int, it export.BatchItem) {
		args := []any{slog.Int64(logbook.KeyLead, it.LocalID), slog.String(logbook.KeyOutcome, it.Outcome)}
		if it.ContactID != 0 {
			args = append(args, slog.Int(logbook.KeyCompany, it.ContactID))
		}
		if it.Error != "" {
			args = append(args, slog.String(logbook.KeyError, it.Error))
			args = append(args, logbook.TextAttrs(it.Error)...)
		}
		if it.Outcome == export.OutcomeFailed {
			s.log.ErrorContext(ctx, "sync failed", args...)
		} else {
			s.log.InfoContext(ctx, "sync", args...)
		}
		if progress != nil {
			progress(done, total, it)
		}
	}
}

func (s *Service) logConnect(ctx context.Context, cfg auth.Config, sess *auth.Session, err error) {
	switch {
	case sess != nil && err == nil:
		s.log.InfoContext(ctx, "signed in", slog.String(logbook.KeyTenant, sess.Tenant().Ctx), slog.String("environment", string(cfg.Environment)))
	case errors.Is(err, context.Canceled):
		s.log.InfoContext(ctx, "sign-in cancelled")
	case err != nil:
		logbook.Error(ctx, s.log, "sign-in failed", err, slog.String("environment", string(cfg.Environment)))
	}
}

func (s *Service) logDisconnect(err error) {
	if err != nil {
		logbook.Error(context.Background(), s.log, "sign-out failed", err)
		return
	}
	s.log.Info("signed out")
}

// ContextID is the connected tenant's context id (Cust12345) as far as
// it is known without a network call: the fixed token's API URL, the
// session in memory, or the stored sign-in. Empty when not connected.
func (s *Service) ContextID(ctx context.Context) string {
	if s.apiURL != "" || s.accessToken != "" {
		if c, err := s.fixedToken(); err == nil {
			return c.Tenant.Ctx
		}
		return ""
	}
	if cur := s.Mgr.Current(); cur != nil {
		return cur.Tenant().Ctx
	}
	if c, err := s.Mgr.Stored(); err == nil {
		return c.Tenant.Ctx
	}
	return ""
}
