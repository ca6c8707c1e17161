package cli

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rabitiq/superoffice-sync/app/buildinfo"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/msg"
)

// leadJSON is one element of `leads --json`.
type leadJSON struct {
	LocalID              int64    `json:"localId"`
	ID                   string   `json:"id"`
	CompanyName          string   `json:"companyName"`
	CVR                  string   `json:"cvr"`
	CVRValid             bool     `json:"cvrValid"`
	Score                *float64 `json:"score"`
	Contacts             int      `json:"contacts"`
	Status               string   `json:"status"`
	SuperOfficeContactID *int64   `json:"superOfficeContactId"`
	ImportedAt           string   `json:"importedAt"`
}

func runLeads(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "leads")
	db := fs.String("db", "", msg.CLIFlagDB)
	asJSON := fs.Bool("json", false, msg.CLIFlagJSON)
	status := fs.String("status", "", msg.CLIFlagLeadsStatus)
	rest, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if *status != "" && !slices.Contains(store.Statuses, store.Status(*status)) {
		return fail(env, ExitUsage, usageError{env.say(msg.CLILeadsBadStatus, "value", strconv.Quote(*status))})
	}
	if len(rest) > 0 {
		return fail(env, ExitUsage, usageError{env.say(msg.CLIUnexpectedArg, "cmd", "leads", "arg", strconv.Quote(rest[0]))})
	}
	d, err := openDB(ctx, env, *db)
	if err != nil {
		return fail(env, ExitFailure, err)
	}
	defer d.Close()
	rows, err := d.ListLeads(ctx, store.ListOptions{Sort: store.SortScore})
	if err != nil {
		return fail(env, ExitFailure, err)
	}
	if *status != "" {
		rows = slices.DeleteFunc(rows, func(r store.LeadRow) bool { return r.Status != store.Status(*status) })
	}
	if *asJSON {
		out := make([]leadJSON, 0, len(rows))
		for _, r := range rows {
			out = append(out, leadJSON{r.LocalID, r.ID, r.CompanyName, r.CVR, r.CVRValid, r.Score, r.Contacts,
				string(r.Status), r.SOContactID, r.ImportedAt.UTC().Format(time.RFC3339)})
		}
		if err := writeJSON(env.Stdout, out); err != nil {
			return fail(env, ExitFailure, err)
		}
		return ExitOK
	}
	table := [][]string{strings.Split(env.say(msg.CLILeadsHeader), "\t")}
	for _, r := range rows {
		score, cvr, so := "–", r.CVR, "–"
		if r.Score != nil {
			score = fmt.Sprintf("%g", *r.Score)
		}
		if cvr != "" && !r.CVRValid {
			cvr += " " + env.say(msg.CLICVRInvalid)
		}
		if r.SOContactID != nil {
			so = fmt.Sprint(*r.SOContactID)
		}
		table = append(table, []string{fmt.Sprint(r.LocalID), oneLine(r.CompanyName), score, cvr, fmt.Sprint(r.Contacts), env.say("status." + string(r.Status)), so})
	}
	width := nameWidth(outputWidth(env), widthBesides(table, 1))
	for _, row := range table[1:] {
		row[1] = cut(row[1], width)
	}
	if err := writeTable(env.Stdout, table); err != nil {
		return fail(env, ExitFailure, err)
	}
	fmt.Fprintln(env.Stdout, env.say(msg.CLILeadsCount, "n", len(rows)))
	return ExitOK
}

// Company names can be any length; the name column gets what the other
// columns leave of the line, so a line fits the terminal. defaultNameWidth
// is its width when the terminal's is unknown (output to a file or pipe);
// minNameWidth keeps names readable in a very narrow terminal. `leads
// --json` keeps the full names.
const (
	defaultNameWidth = 40
	minNameWidth     = 12
)

// nameWidth is the most terminal columns a company name may take in lines
// total columns wide (0: unknown) of which the rest of the table takes
// others.
func nameWidth(total, others int) int {
	if total <= 0 {
		return defaultNameWidth
	}
	return max(total-others, minNameWidth)
}

func runVersion(_ context.Context, env Env, args []string) int {
	if len(args) > 0 {
		return fail(env, ExitUsage, usageError{env.say(msg.CLIVersionNoArgs)})
	}
	fmt.Fprintln(env.Stdout, buildinfo.Version)
	return ExitOK
}
