package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/fieldsetup"
	"github.com/rabitiq/superoffice-sync/core/msg"
)

func runFields(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "fields")
	asJSON := fs.Bool("json", false, msg.CLIFlagJSON)
	dbFlag := fs.String("db", "", msg.CLIFlagDBFields)
	var confirm, unconfirm listFlag
	fs.Var(&confirm, "confirm", msg.CLIFlagConfirm)
	fs.Var(&unconfirm, "unconfirm", msg.CLIFlagUnconfirm)
	if rest, err := parse(fs, args); err != nil {
		return ExitUsage
	} else if len(rest) > 0 {
		return fail(env, ExitUsage, usageError{env.say(msg.CLIUnexpectedArg, "cmd", "fields", "arg", strconv.Quote(rest[0]))})
	}
	changes, err := fieldChanges(env, confirm, unconfirm)
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
			a := r.Advice()
			out = append(out, fieldJSON{r.Field.ProgID, r.Field.LabelDA, string(r.Field.Type), string(r.Status), r.TenantKey, r.TenantType, r.MatchedBy, r.ConfirmedKey,
				adviceText(a, env.lang()), a.Code})
		}
		if err := writeJSON(env.Stdout, out); err != nil {
			return fail(env, ExitFailure, err)
		}
		return ExitOK
	}
	writeFieldTable(env, rep)
	fmt.Fprintln(env.Stdout, env.say(msg.CLIFieldsReady, "n", rep.Ready()))
	if n := rep.Suggestions(); n > 0 {
		fmt.Fprintln(env.Stdout, env.say(msg.CLIFieldsToConfirm, "n", n))
	}
	return ExitOK
}

// writeFieldTable prints one aligned row per field, in the guide's type
// names, and under each field that is not ready the guide's advice. The
// table is aligned first and the advice put in after, so a long advice
// line does not widen the columns.
func writeFieldTable(env Env, rep fieldsetup.Report) {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, env.say(msg.CLIFieldsHeader))
	for _, r := range rep.Results {
		tenantType := r.TenantType
		if tenantType != "" {
			tenantType = fieldsetup.TenantTypeName(tenantType)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s %s\n", r.Field.ProgID, fieldLabel(r.Field, env.lang()), r.Field.Type.GuideName(), env.say(statusMark(r)), r.TenantKey, tenantType)
	}
	_ = tw.Flush()
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	fmt.Fprintln(env.Stdout, strings.TrimRight(lines[0], " "))
	for i, r := range rep.Results {
		if i+1 < len(lines) {
			fmt.Fprintln(env.Stdout, strings.TrimRight(lines[i+1], " "))
		}
		if a := adviceText(r.Advice(), env.lang()); a != "" {
			fmt.Fprintln(env.Stdout, "    → "+a)
		}
	}
}

// adviceText renders a field's advice, "" when it has none.
func adviceText(a msg.Message, l msg.Lang) string {
	if a.Code == "" {
		return ""
	}
	return a.Text(l)
}

// fieldJSON is one element of `fields --json`. Status is present,
// missing, wrong-type, on-person or suggested (found by label or x_ name,
// not written until confirmed).
type fieldJSON struct {
	ProgID     string `json:"progId"`
	Label      string `json:"label"`
	Type       string `json:"type"`
	Status     string `json:"status"`
	TenantKey  string `json:"tenantKey"`
	TenantType string `json:"tenantType"`
	// MatchedBy is progid, confirmed, extra or label; empty when missing.
	MatchedBy string `json:"matchedBy"`
	// ConfirmedKey is the tenant field confirmed for this field, if any.
	ConfirmedKey string `json:"confirmedKey"`
	// Advice is what to do about a field that is not ready, in the guide's
	// words and the CLI's language; AdviceCode is its catalogue code
	// (fieldsetup.create, fieldsetup.wrong-type, …). Both are empty for a
	// present or suggested field.
	Advice     string `json:"advice"`
	AdviceCode string `json:"adviceCode"`
}

// listFlag is a flag that may be given more than once.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// fieldChange is one --confirm (Key set) or --unconfirm (Key empty).
type fieldChange struct {
	ProgID, Key string
}

// fieldChanges validates `fields --confirm RABITIQ:N=FIELD` and
// `--unconfirm RABITIQ:N` before anything is connected or stored.
func fieldChanges(env Env, confirm, unconfirm []string) ([]fieldChange, error) {
	var out []fieldChange
	progID := func(s string) (string, error) {
		f, ok := fields.ByProgID(strings.TrimSpace(s))
		if !ok {
			return "", usageError{env.say(msg.CLIFieldsBadProgID, "value", strconv.Quote(s))}
		}
		return f.ProgID, nil
	}
	for _, c := range confirm {
		id, key, ok := strings.Cut(c, "=")
		if !ok || strings.TrimSpace(key) == "" {
			return nil, usageError{env.say(msg.CLIFieldsBadConfirm, "value", strconv.Quote(c))}
		}
		pid, err := progID(id)
		if err != nil {
			return nil, err
		}
		out = append(out, fieldChange{pid, strings.TrimSpace(key)})
	}
	for _, u := range unconfirm {
		pid, err := progID(u)
		if err != nil {
			return nil, err
		}
		out = append(out, fieldChange{ProgID: pid})
	}
	return out, nil
}

// confirmations applies changes to tenant's confirmed fields and returns
// them. Without changes a database that does not exist yet is not
// created: nothing is confirmed then.
func confirmations(ctx context.Context, env Env, dbFlag, tenant string, changes []fieldChange) (fieldsetup.Confirmed, error) {
	if tenant == "" {
		if len(changes) > 0 {
			return nil, msg.Errorf(nil, msg.CLIFieldsNoTenant)
		}
		return nil, nil
	}
	p, err := dbPath(env, dbFlag)
	if err != nil {
		return nil, err
	}
	if len(changes) == 0 {
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
	}
	d, err := openDB(ctx, env, dbFlag)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	now := env.Now
	if now == nil {
		now = time.Now
	}
	for _, c := range changes {
		if c.Key == "" {
			err = d.UnconfirmField(ctx, tenant, c.ProgID)
		} else {
			err = d.ConfirmField(ctx, tenant, c.ProgID, c.Key, now())
		}
		if err != nil {
			return nil, err
		}
	}
	return d.FieldConfirmations(ctx, tenant)
}

// warnUnusedConfirmations tells on stderr when a field just confirmed is
// not used, e.g. because the tenant has no such company field.
func warnUnusedConfirmations(env Env, rep fieldsetup.Report, changes []fieldChange) {
	for _, c := range changes {
		if c.Key == "" {
			continue
		}
		if r, ok := rep.Result(c.ProgID); ok && !(r.Status == fieldsetup.Present && r.MatchedBy == fieldsetup.ByConfirmed) {
			fmt.Fprintln(env.Stderr, "rabitiq-superoffice: "+env.say(msg.CLIFieldNotUsed, "progId", c.ProgID, "key", c.Key, "status", r.Status, "noteEN", r.Note))
		}
	}
}

// statusMark is the catalogue code of a field check's verdict, with its
// sign: a confirmed field reads "confirmed", not merely "created".
func statusMark(r fieldsetup.Result) string {
	switch r.Status {
	case fieldsetup.Present:
		if r.MatchedBy == fieldsetup.ByConfirmed {
			return msg.CLIFieldConfirmed
		}
		return msg.CLIFieldPresent
	case fieldsetup.Missing:
		return msg.CLIFieldMissing
	case fieldsetup.WrongType:
		return msg.CLIFieldWrongType
	case fieldsetup.OnPerson:
		return msg.CLIFieldOnPerson
	case fieldsetup.Suggested:
		return msg.CLIFieldSuggested
	}
	return ""
}
