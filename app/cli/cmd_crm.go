package cli

import (
	"context"
	"errors"
	"fmt"
	"github.com/rabitiq/superoffice-sync/core/msg"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/app/tenant"
	"github.com/rabitiq/superoffice-sync/core/mapping"
	"github.com/rabitiq/superoffice-sync/core/match"
)

func runPreview(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "preview")
	db := fs.String("db", "", msg.CLIFlagDB)
	asJSON := fs.Bool("json", false, msg.CLIFlagJSON)
	rest, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if len(rest) != 1 {
		return fail(env, ExitUsage, usageError{env.say(msg.CLINameOneLead, "cmd", "preview")})
	}
	d, err := openDB(ctx, env, *db)
	if err != nil {
		return fail(env, ExitFailure, err)
	}
	defer d.Close()
	id, err := d.ResolveLead(ctx, rest[0])
	if err != nil {
		return fail(env, ExitFailure, err)
	}
	det, err := d.GetLead(ctx, id)
	if err != nil {
		return fail(env, ExitFailure, err)
	}
	// No network: the guide's Prog IDs, the table's types, documented limits.
	plan, _ := mapping.Map(&det.Lead, mapping.TenantInfo{})
	if !*asJSON {
		if err := writePreviewTable(env.Stdout, plan, env.lang()); err != nil {
			return fail(env, ExitFailure, err)
		}
		return ExitOK
	}
	b, err := plan.PreviewJSON()
	if err != nil {
		return fail(env, ExitFailure, err)
	}
	env.Stdout.Write(append(b, '\n'))
	return ExitOK
}

// engine opens the database and the tenant connection for match and
// sync, which settles interrupted creates before the first export.
func engine(ctx context.Context, env Env, dbFlag, ref string) (*tenant.Service, *store.DB, int64, int) {
	d, err := openDB(ctx, env, dbFlag)
	if err != nil {
		return nil, nil, 0, fail(env, ExitFailure, err)
	}
	id, err := d.ResolveLead(ctx, ref)
	if err != nil {
		d.Close()
		return nil, nil, 0, fail(env, ExitFailure, err)
	}
	svc := service(ctx, env, d)
	if _, err := svc.Engine(ctx); err != nil {
		d.Close()
		if code, ok := notConnected(env, err); ok {
			return nil, nil, 0, code
		}
		return nil, nil, 0, fail(env, ExitFailure, err)
	}
	return svc, d, id, ExitOK
}

// candidateJSON is one element of `match --json`.
type candidateJSON struct {
	ContactID int      `json:"contactId"`
	Name      string   `json:"name"`
	OrgNr     string   `json:"orgNr"`
	Domain    string   `json:"domain"`
	Score     float64  `json:"score"`
	Reasons   []string `json:"reasons"` // in the CLI's language
	// ReasonCodes are the reasons as codes with arguments, index for
	// index, so scripts need not parse words.
	ReasonCodes []msg.Message `json:"reasonCodes"`
	// Owner ("Vores kontakt": the owner's full name), Category and
	// Number (SuperOffice's company number) say whose account it is;
	// empty when unknown.
	Owner    string `json:"owner"`
	Category string `json:"category"`
	Number   string `json:"number"`
}

func runMatch(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "match")
	db := fs.String("db", "", msg.CLIFlagDB)
	asJSON := fs.Bool("json", false, msg.CLIFlagJSON)
	rest, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if len(rest) != 1 {
		return fail(env, ExitUsage, usageError{env.say(msg.CLINameOneLead, "cmd", "match")})
	}
	e, d, id, code := engine(ctx, env, *db, rest[0])
	if e == nil {
		return code
	}
	defer d.Close()
	cands, err := e.Match(ctx, id)
	if err != nil {
		if code, ok := notConnected(env, err); ok {
			return code
		}
		return fail(env, ExitFailure, err)
	}
	out := make([]candidateJSON, 0, len(cands))
	for _, c := range cands {
		out = append(out, candidateJSON{ContactID: c.Company.ContactID, Name: c.Company.Name, OrgNr: c.Company.OrgNr,
			Domain: match.Domain(c.Company.Website), Score: c.Score, Reasons: texts(env.lang(), c.Reasons), ReasonCodes: append([]msg.Message{}, c.Reasons...),
			Owner: c.Company.Owner, Category: c.Company.Category, Number: c.Company.Number})
	}
	if *asJSON {
		if err := writeJSON(env.Stdout, map[string]any{"candidates": out}); err != nil {
			return fail(env, ExitFailure, err)
		}
		return ExitOK
	}
	if len(out) == 0 {
		fmt.Fprintln(env.Stdout, env.say(msg.CLINoMatch))
	}
	for _, c := range out {
		account := ""
		for _, s := range []string{c.Owner, c.Category} {
			if s != "" {
				account += "  · " + s
			}
		}
		fmt.Fprintf(env.Stdout, "%6d  %3.0f %%  %s  %s  (%s)%s\n", c.ContactID, c.Score*100, c.Name, c.OrgNr, strings.Join(c.Reasons, ", "), account)
	}
	return ExitOK
}

func runSync(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "sync")
	db := fs.String("db", "", msg.CLIFlagDB)
	asJSON := fs.Bool("json", false, msg.CLIFlagJSON)
	create := fs.Bool("create", false, msg.CLIFlagCreate)
	contact := fs.String("contact", "", msg.CLIFlagContact)
	dryRun := fs.Bool("dry-run", false, msg.CLIFlagDryRun)
	overwrite := fs.String("overwrite", "", msg.CLIFlagOverwrite)
	all := fs.Bool("all", false, msg.CLIFlagAll)
	status := fs.String("status", "", msg.CLIFlagStatus)
	createMissing := fs.Bool("create-missing", false, msg.CLIFlagCreateMissing)
	concurrency := fs.Int("concurrency", 4, msg.CLIFlagConcurrency)
	followUp := fs.String("follow-up", "", msg.CLIFlagFollowUp)
	rest, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	days, ok := followUpDays(*followUp)
	if !ok {
		return fail(env, ExitUsage, usageError{env.say(msg.CLIFollowUpBad, "value", strconv.Quote(*followUp))})
	}
	if *all {
		if len(rest) > 0 || *create || *contact != "" || *dryRun {
			return fail(env, ExitUsage, usageError{env.say(msg.CLISyncAllExclusive)})
		}
		return runSyncAll(ctx, env, *db, *status, *createMissing, *concurrency, *asJSON, days)
	}
	if len(rest) != 1 {
		return fail(env, ExitUsage, usageError{env.say(msg.CLISyncOneLead)})
	}
	var ch export.Choice
	switch {
	case *create && *contact != "":
		return fail(env, ExitUsage, usageError{env.say(msg.CLISyncBoth)})
	case *create:
		ch.Create = true
	case *contact != "":
		n, err := strconv.Atoi(*contact)
		if err != nil || n <= 0 {
			return fail(env, ExitUsage, usageError{env.say(msg.CLISyncBadContact, "value", strconv.Quote(*contact))})
		}
		ch.ContactID = n
	default:
		return fail(env, ExitUsage, usageError{env.say(msg.CLISyncChoose)})
	}
	if *overwrite != "" {
		ch.Overwrite = strings.Split(*overwrite, ",")
	}
	ch.FollowUpDays = days
	e, d, id, code := engine(ctx, env, *db, rest[0])
	if e == nil {
		return code
	}
	defer d.Close()
	if *dryRun {
		return printDiff(ctx, env, e, id, ch, *asJSON)
	}
	res, err := e.Sync(ctx, id, ch)
	if err != nil {
		if code, ok := notConnected(env, err); ok {
			return code
		}
		var ex *export.ExistsError
		if errors.As(err, &ex) && *asJSON {
			_ = writeJSON(env.Stdout, map[string]any{"error": err.Error(), "code": ex.Message().Code, "existingContactId": ex.ContactID})
		}
		return fail(env, ExitFailure, err)
	}
	if *asJSON {
		if err := writeJSON(env.Stdout, res); err != nil {
			return fail(env, ExitFailure, err)
		}
		return ExitOK
	}
	printResult(env, res)
	return ExitOK
}

func printResult(env Env, res *export.Result) {
	code := msg.CLISynced
	if res.Created {
		code = msg.CLICreated
	}
	fmt.Fprintln(env.Stdout, env.say(code, "name", res.CompanyName, "id", res.ContactID, "written", len(res.CustomFields.Written),
		"skipped", len(res.CustomFields.Skipped), "created", res.Persons.Created, "updated", res.Persons.Updated))
	if len(res.Kept) > 0 {
		fmt.Fprintln(env.Stdout, env.say(msg.CLIKept, "fields", strings.Join(res.Kept, ", ")))
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(env.Stdout, "  "+env.say(msg.CLIWarning)+": "+w)
	}
	printFollowUp(env, res)
}

func printDiff(ctx context.Context, env Env, e *tenant.Service, id int64, ch export.Choice, asJSON bool) int {
	d, err := e.Diff(ctx, id, ch)
	if err != nil {
		if code, ok := notConnected(env, err); ok {
			return code
		}
		return fail(env, ExitFailure, err)
	}
	if asJSON {
		if err := writeJSON(env.Stdout, d); err != nil {
			return fail(env, ExitFailure, err)
		}
		return ExitOK
	}
	words := map[string]string{export.ActionWrite: msg.CLIActionWrite, export.ActionKeep: msg.CLIActionKeep, export.ActionSkip: msg.CLIActionSkip,
		export.ActionTruncate: msg.CLIActionTruncate, export.PersonCreate: msg.CLIActionCreate, export.PersonUpdate: msg.CLIActionUpdate,
		export.PersonUnchanged: msg.CLIActionUnchanged}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, env.say(msg.CLIDiffHeader))
	for _, f := range d.Fields {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", f.Field, short(f.Current), short(f.Incoming), env.say(words[f.Action]))
	}
	for _, p := range d.Persons {
		fmt.Fprintf(tw, "Person\t%s\t%s\t%s\n", p.Name, p.Email, env.say(words[p.Action]))
	}
	_ = tw.Flush()
	return ExitOK
}

func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}
