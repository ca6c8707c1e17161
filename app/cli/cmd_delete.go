package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/msg"
)

// deletedJSON is one element of `delete --json`'s "deleted".
type deletedJSON struct {
	LocalID int64  `json:"localId"`
	ID      string `json:"id"`
}

// runDelete deletes leads from the local database only: it opens no
// SuperOffice connection. Every LEAD is resolved first, and when one is
// unknown nothing is deleted (exit 1, naming the unknown ones), so a typo
// never leaves a half-done deletion.
func runDelete(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "delete")
	db := fs.String("db", "", msg.CLIFlagDB)
	asJSON := fs.Bool("json", false, msg.CLIFlagJSON)
	refs, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if len(refs) == 0 {
		return fail(env, ExitUsage, usageError{env.say(msg.CLIDeleteNoLead)})
	}
	d, err := openDB(ctx, env, *db)
	if err != nil {
		return fail(env, ExitFailure, err)
	}
	defer d.Close()
	ids := make([]int64, 0, len(refs))
	var unknown []string
	for _, ref := range refs {
		id, err := d.ResolveLead(ctx, ref)
		if errors.Is(err, store.ErrNotFound) {
			unknown = append(unknown, strconv.Quote(ref))
			continue
		}
		if err != nil {
			return fail(env, ExitFailure, err)
		}
		ids = append(ids, id)
	}
	if len(unknown) > 0 {
		return fail(env, ExitFailure, errors.New(env.say(msg.CLIDeleteUnknown, "refs", strings.Join(unknown, ", "))))
	}
	deleted, err := d.DeleteLeads(ctx, ids, env.Now())
	if err != nil {
		return fail(env, ExitFailure, err)
	}
	if *asJSON {
		out := struct {
			Deleted []deletedJSON `json:"deleted"`
		}{Deleted: make([]deletedJSON, 0, len(deleted))}
		for _, dl := range deleted {
			out.Deleted = append(out.Deleted, deletedJSON{dl.LocalID, dl.ID})
		}
		if err := writeJSON(env.Stdout, out); err != nil {
			return fail(env, ExitFailure, err)
		}
		return ExitOK
	}
	for _, dl := range deleted {
		fmt.Fprintln(env.Stdout, env.say(msg.CLIDeleted, "name", oneLine(dl.CompanyName), "id", dl.ID, "localId", dl.LocalID))
	}
	fmt.Fprintln(env.Stdout, env.say(msg.CLIDeletedCount, "n", len(deleted)))
	return ExitOK
}
