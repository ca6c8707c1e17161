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
	"github.com/rabitiq/superoffice-sync/core/fieldsetup"
	"github.com/rabitiq/superoffice-sync/core/mapping"
	"github.com/rabitiq/superoffice-sync/core/match"
)

func runFields(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "fields")
	asJSON := fs.Bool("json", false, "print the check as JSON")
	dbFlag := fs.String("db", "", "database file, which keeps the confirmed fields")
	var confirm, unconfirm listFlag
	fs.Var(&confirm, "confirm", "RABITIQ:N=FIELD: write RabitIQ:N to the tenant field FIELD found by label or x_ name (repeatable)")
	fs.Var(&unconfirm, "unconfirm", "RABITIQ:N: undo a confirmation (repeatable)")
	if rest, err := parse(fs, args); err != nil {
		return ExitUsage
	} else if len(rest) > 0 {
		return fail(env, ExitUsage, usageError{fmt.Sprintf("fields: unexpected argument %q", rest[0])})
	}
	changes, err := fieldChanges(confirm, unconfirm)
	if err != nil {
		return fail(env, ExitUsage, err)
	}
	c, cl, err := service(ctx, env, nil).Client(ctx)
	if err == nil {
		var conf fieldsetup.Confirmed
		if conf, err = confirmations(ctx, env, *dbFlag, c.Tenant.Ctx, changes); err == nil {
			var rep fieldsetup.Report
			if rep, err = fieldsetup.FetchConfirmed(ctx, cl, conf); err == nil {
				warnUnusedConfirmations(env, rep, changes)
				return printFields(env, rep, *asJSON)
			}
		}
	}
	if code, ok := notConnected(env, err); ok {
		return code
	}
	return fail(env, ExitFailure, err)
}

func printFields(env Env, rep fieldsetup.Report, asJSON bool) int {
	if asJSON {
		out := make([]fieldJSON, 0, len(rep.Results))
		for _, r := range rep.Results {
			out = append(out, fieldJSON{r.Field.ProgID, r.Field.LabelDA, string(r.Field.Type), string(r.Status), r.TenantKey, r.TenantType, r.MatchedBy, r.ConfirmedKey})
		}
		if err := writeJSON(env.Stdout, out); err != nil {
			return fail(env, ExitFailure, err)
		}
		return ExitOK
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PROG ID\tFELT\tTYPE\tSTATUS\tI SUPEROFFICE")
	marks := map[fieldsetup.Status]string{fieldsetup.Present: "✓ oprettet", fieldsetup.Missing: "✗ mangler", fieldsetup.WrongType: "⚠ forkert type", fieldsetup.OnPerson: "⚠ oprettet på Person",
		fieldsetup.Suggested: "? foreslået"}
	for _, r := range rep.Results {
		mark := marks[r.Status]
		if r.Status == fieldsetup.Present && r.MatchedBy == fieldsetup.ByConfirmed {
			mark = "✓ bekræftet"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s %s\n", r.Field.ProgID, r.Field.LabelDA, r.Field.Type, mark, r.TenantKey, r.TenantType)
	}
	_ = tw.Flush()
	fmt.Fprintf(env.Stdout, "%d af 37 felter klar\n", rep.Ready())
	if n := rep.Suggestions(); n > 0 {
		fmt.Fprintf(env.Stdout, "%d felter fundet på navn skrives først, når du bekræfter dem: fields --confirm RabitIQ:N=FELT\n", n)
	}
	return ExitOK
}

func runPreview(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "preview")
	db := fs.String("db", "", "database file")
	asJSON := fs.Bool("json", false, "print the requests as JSON")
	rest, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if len(rest) != 1 {
		return fail(env, ExitUsage, usageError{"preview: name one LEAD (RabitIQ id or local id)"})
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
		if err := plan.WritePreviewTable(env.Stdout); err != nil {
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
}

func runMatch(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "match")
	db := fs.String("db", "", "database file")
	asJSON := fs.Bool("json", false, "print the candidates as JSON")
	rest, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if len(rest) != 1 {
		return fail(env, ExitUsage, usageError{"match: name one LEAD (RabitIQ id or local id)"})
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
			Domain: match.Domain(c.Company.Website), Score: c.Score, Reasons: texts(env.lang(), c.Reasons), ReasonCodes: append([]msg.Message{}, c.Reasons...)})
	}
	if *asJSON {
		if err := writeJSON(env.Stdout, map[string]any{"candidates": out}); err != nil {
			return fail(env, ExitFailure, err)
		}
		return ExitOK
	}
	if len(out) == 0 {
		fmt.Fprintln(env.Stdout, "Ingen match i SuperOffice: brug `sync LEAD --create` (Opret & Sync)")
	}
	for _, c := range out {
		fmt.Fprintf(env.Stdout, "%6d  %3.0f %%  %s  %s  (%v)\n", c.ContactID, c.Score*100, c.Name, c.OrgNr, c.Reasons)
	}
	return ExitOK
}

func runSync(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "sync")
	db := fs.String("db", "", "database file")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	create := fs.Bool("create", false, "create a new company (Opret & Sync)")
	contact := fs.String("contact", "", "update this SuperOffice company id (Sync til valgte)")
	dryRun := fs.Bool("dry-run", false, "show per field what would happen; write nothing")
	overwrite := fs.String("overwrite", "", "comma-separated standard fields to overwrite even when SuperOffice has a value")
	all := fs.Bool("all", false, "export every lead (see --status)")
	status := fs.String("status", "", "with --all: only leads with this status (new, changed or failed)")
	createMissing := fs.Bool("create-missing", false, "with --all: create companies for leads with no candidate")
	concurrency := fs.Int("concurrency", 4, "with --all: leads exported at once")
	rest, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if *all {
		if len(rest) > 0 || *create || *contact != "" || *dryRun {
			return fail(env, ExitUsage, usageError{"sync --all takes no LEAD, --create, --contact or --dry-run"})
		}
		return runSyncAll(ctx, env, *db, *status, *createMissing, *concurrency, *asJSON)
	}
	if len(rest) != 1 {
		return fail(env, ExitUsage, usageError{"sync: name one LEAD (RabitIQ id or local id), or use --all"})
	}
	var ch export.Choice
	switch {
	case *create && *contact != "":
		return fail(env, ExitUsage, usageError{"sync: give either --create or --contact ID, not both"})
	case *create:
		ch.Create = true
	case *contact != "":
		n, err := strconv.Atoi(*contact)
		if err != nil || n <= 0 {
			return fail(env, ExitUsage, usageError{fmt.Sprintf("sync: --contact wants a SuperOffice company id, not %q", *contact)})
		}
		ch.ContactID = n
	default:
		return fail(env, ExitUsage, usageError{"sync: give --create (Opret & Sync) or --contact ID (Sync til valgte)"})
	}
	if *overwrite != "" {
		ch.Overwrite = strings.Split(*overwrite, ",")
	}
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
			_ = writeJSON(env.Stdout, map[string]any{"error": err.Error(), "existingContactId": ex.ContactID})
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
	verb := "opdateret"
	if res.Created {
		verb = "oprettet"
	}
	fmt.Fprintf(env.Stdout, "%s (firma %d) %s i SuperOffice: %d felter skrevet, %d sprunget over, %d personer oprettet, %d opdateret\n",
		res.CompanyName, res.ContactID, verb, len(res.CustomFields.Written), len(res.CustomFields.Skipped), res.Persons.Created, res.Persons.Updated)
	if len(res.Kept) > 0 {
		fmt.Fprintf(env.Stdout, "Beholdt eksisterende værdier: %v\n", res.Kept)
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(env.Stdout, "  advarsel: "+w)
	}
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
	words := map[string]string{export.ActionWrite: "skrives", export.ActionKeep: "beholdes", export.ActionSkip: "springes over", export.ActionTruncate: "afkortes",
		export.PersonCreate: "oprettes", export.PersonUpdate: "opdateres", export.PersonUnchanged: "uændret"}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FELT\tI SUPEROFFICE\tFRA LEADET\tHANDLING")
	for _, f := range d.Fields {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", f.Field, short(f.Current), short(f.Incoming), words[f.Action])
	}
	for _, p := range d.Persons {
		fmt.Fprintf(tw, "Person\t%s\t%s\t%s\n", p.Name, p.Email, words[p.Action])
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
