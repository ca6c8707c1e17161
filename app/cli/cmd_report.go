package cli

import (
	"context"
	"fmt"

	"github.com/rabitiq/superoffice-sync/app/buildinfo"
	"github.com/rabitiq/superoffice-sync/app/logbook"
	"github.com/rabitiq/superoffice-sync/core/msg"
)

// runReport is `report`: the error report for support (version, OS, the
// tenant's context id, the last errors with SuperOffice's status codes,
// the log file), the same text the window's "Kopiér fejlrapport" copies.
// It asks no server: the tenant comes from the stored sign-in. Exit 0
// whatever the report says.
func runReport(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "report")
	rest, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if len(rest) > 0 {
		return fail(env, ExitUsage, usageError{env.say(msg.CLIReportNoArgs)})
	}
	tenant := service(ctx, env, nil).ContextID(ctx)
	rep := logbook.NewReport(buildinfo.Version, tenant, env.logPath, env.logErr)
	fmt.Fprint(env.Stdout, rep.Text(env.lang()))
	return ExitOK
}
