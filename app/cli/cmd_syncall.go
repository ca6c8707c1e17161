package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/msg"
)

// runSyncAll is `sync --all`. Its exit code is 0 when every lead was
// exported or sent to review, 3 when SuperOffice refused the sign-in (the
// batch stops there and the unfinished leads keep their status), and 1
// when a lead failed or the run was cancelled.
func runSyncAll(ctx context.Context, env Env, dbFlag, status string, createMissing bool, concurrency int, asJSON bool) int {
	var statuses []store.Status
	switch status {
	case "":
	case "new", "changed", "failed":
		statuses = []store.Status{store.Status(status)}
	default:
		return fail(env, ExitUsage, usageError{env.say(msg.CLISyncBadStatus, "value", strconv.Quote(status))})
	}
	if concurrency < 1 || concurrency > 32 {
		return fail(env, ExitUsage, usageError{env.say(msg.CLISyncConcurrency)})
	}
	d, err := openDB(ctx, env, dbFlag)
	if err != nil {
		return fail(env, ExitFailure, err)
	}
	defer d.Close()
	ids, err := export.LeadsByStatus(ctx, d, statuses...)
	if err != nil {
		return fail(env, ExitFailure, err)
	}
	c, cl, err := tenantClient(ctx, env)
	if err != nil {
		if code, ok := notConnected(env, err); ok {
			return code
		}
		return fail(env, ExitFailure, err)
	}
	e := export.New(d, cl, export.Tenant{Ctx: c.Tenant.Ctx, User: c.Tenant.User}, env.Now)
	// Settle creates an earlier run left unfinished, as the window does at
	// start-up: a company that was created is linked to its lead, which the
	// batch then updates instead of offering that company for review.
	if _, err := e.Reconcile(ctx); err != nil {
		if code, ok := notConnected(env, err); ok {
			return code
		}
		return fail(env, ExitFailure, msg.Errorf(err, msg.CLIReconcile))
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	sum := e.Batch(ctx, ids, export.BatchOptions{CreateMissing: createMissing, Concurrency: concurrency}, func(done, total int, it export.BatchItem) {
		if asJSON {
			_ = enc.Encode(it)
			return
		}
		line := fmt.Sprintf("[%d/%d] %s: %s", done, total, it.Company, env.say("cli.outcome-"+it.Outcome))
		if it.ContactID != 0 {
			line += " (" + env.say(msg.CLIBatchCompany, "id", it.ContactID) + ")"
		}
		if it.Error != "" {
			line += ": " + it.Error
		}
		fmt.Fprintln(env.Stdout, line)
	})
	if asJSON {
		_ = enc.Encode(map[string]any{"summary": sum})
	} else {
		fmt.Fprintln(env.Stdout, env.say(msg.CLIBatchTotal, "total", sum.Total, "created", sum.Created, "updated", sum.Updated,
			"review", sum.Review, "failed", sum.Failed, "cancelled", sum.Cancelled))
	}
	if sum.NotConnected {
		code, _ := notConnected(env, notConnectedErr(sum.StopErr))
		return code
	}
	if sum.Failed > 0 || sum.Cancelled > 0 {
		return ExitFailure
	}
	return ExitOK
}

// notConnectedErr makes a refused sign-in read as "not connected": a 401
// from SuperOffice after a refresh means the same to the user as a
// revoked sign-in, connect again.
func notConnectedErr(err error) error {
	if err == nil {
		return auth.ErrNotConnected
	}
	if errors.Is(err, auth.ErrNotConnected) {
		return err
	}
	return fmt.Errorf("SuperOffice refused the sign-in (%v): %w", err, auth.ErrNotConnected)
}
