package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/rabitiq/superoffice-sync/app/refresh"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/msg"
)

// runRefresh reads the companies of one synced lead, or of all, back from
// SuperOffice and says per lead: same, changed (with the fields) or gone.
// It writes nothing to SuperOffice; the outcome is stored per lead for the
// window and the next batch. When a fault stops it mid-way, the leads read
// are printed and stored, and it exits 1 (3 when the sign-in is refused).
func runRefresh(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "refresh")
	db := fs.String("db", "", msg.CLIFlagDB)
	all := fs.Bool("all", false, msg.CLIFlagRefreshAll)
	asJSON := fs.Bool("json", false, msg.CLIFlagJSON)
	rest, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if *all == (len(rest) == 1) || len(rest) > 1 {
		return fail(env, ExitUsage, usageError{env.say(msg.CLIRefreshWhich)})
	}
	d, err := openDB(ctx, env, *db)
	if err != nil {
		return fail(env, ExitFailure, err)
	}
	defer d.Close()
	var ids []int64
	if !*all {
		id, err := d.ResolveLead(ctx, rest[0])
		if err != nil {
			return fail(env, ExitFailure, err)
		}
		ids = []int64{id}
	}
	rep, runErr := service(ctx, env, d).Refresh(ctx, ids)
	if rep == nil {
		if code, ok := notConnected(env, runErr); ok {
			return code
		}
		return fail(env, ExitFailure, runErr)
	}
	if *asJSON {
		err = writeJSON(env.Stdout, map[string]any{"leads": rep.Leads})
	} else {
		err = writeRefreshTable(env, rep)
	}
	if err != nil {
		return fail(env, ExitFailure, err)
	}
	if runErr != nil {
		if code, ok := notConnected(env, runErr); ok {
			return code
		}
		return fail(env, ExitFailure, runErr)
	}
	return ExitOK
}

// writeRefreshTable is the human form: one line per lead, its changes as
// "field: here → there".
func writeRefreshTable(env Env, rep *refresh.Report) error {
	if len(rep.Leads) == 0 {
		_, err := fmt.Fprintln(env.Stdout, env.say(msg.CLIRefreshNone))
		return err
	}
	table := [][]string{strings.Split(env.say(msg.CLIRefreshHeader), "\t")}
	count := map[string]int{}
	for _, l := range rep.Leads {
		count[l.State]++
		state := map[string]string{store.RefreshSame: msg.RefreshSame, store.RefreshChanged: msg.RefreshChanged, store.RefreshGone: msg.RefreshGone}[l.State]
		var ch []string
		for _, c := range l.Changes {
			ch = append(ch, changeLine(env, c))
		}
		changes := strings.Join(ch, "; ")
		if changes == "" {
			changes = "–"
		}
		table = append(table, []string{fmt.Sprint(l.LocalID), l.ID, oneLine(l.CompanyName), env.say(state), changes})
	}
	width := nameWidth(outputWidth(env), widthBesides(table, 2))
	for _, row := range table[1:] {
		row[2] = cut(row[2], width)
	}
	if err := writeTable(env.Stdout, table); err != nil {
		return err
	}
	_, err := fmt.Fprintln(env.Stdout, env.say(msg.CLIRefreshSummary, "n", len(rep.Leads), "same", count[store.RefreshSame],
		"changed", count[store.RefreshChanged], "gone", count[store.RefreshGone]))
	return err
}

// changeLine is one change as "field: here → there". An owner seen before
// names were read has no name, so only the new one is said, as the lead
// card does; a value a user cleared reads "(tom)".
func changeLine(env Env, c store.RefreshChange) string {
	sv := c.SuperOffice
	if sv == "" {
		sv = env.say(msg.RefreshEmpty)
	}
	field := env.say(refresh.FieldCode(c.Field))
	if c.Local == "" && c.Field == refresh.FieldOwner {
		return field + ": " + oneLine(sv)
	}
	return field + ": " + oneLine(c.Local) + " → " + oneLine(sv)
}
