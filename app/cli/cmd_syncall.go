package cli

import (
	"context"
	"encoding/json"
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
func runSyncAll(ctx context.Context, env Env, dbFlag, status string, createMissing bool, concurrency int, asJSON bool, followUpDays int) int {
	var statuses []store.Status
	switch status {
	case "":
	case "new", "changed", "failed", "review": // review: work through the pile a batch left
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
	// The service settles creates an earlier run left unfinished, as the
	// window does at start-up: a company that was created is linked to its
	// lead, which the batch then updates instead of offering that company
	// for review.
	svc := service(ctx, env, d)
	if _, err := svc.Engine(ctx); err != nil {
		if code, ok := notConnected(env, err); ok {
			return code
		}
		return fail(env, ExitFailure, err)
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	sum := svc.Batch(ctx, ids, export.BatchOptions{CreateMissing: createMissing, Concurrency: concurrency, FollowUpDays: followUpDays}, func(done, total int, it export.BatchItem) {
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
		stopErr := sum.StopErr
		if stopErr == nil {
			stopErr = auth.ErrNotConnected
		}
		code, _ := notConnected(env, stopErr)
		return code
	}
	if sum.Failed > 0 || sum.Cancelled > 0 {
		return ExitFailure
	}
	return ExitOK
}
