package cli

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/msg"
)

// settingFlags maps each flag of `settings` to the tenant setting it sets.
var settingFlags = []struct{ flag, key, label string }{
	{"category", store.SettingNewCategory, msg.NewCompanyCategory},
	{"business", store.SettingNewBusiness, msg.NewCompanyBusiness},
	{"follow-up-task", store.SettingFollowUpTask, msg.NewCompanyTask},
}

// settingJSON is one choice in `settings --json`: the item that applies
// (id 0 and name "" when none), where it comes from ("chosen", "default"
// or "none"), a stored id the tenant deleted, and the items offered.
type settingJSON struct {
	ID     int        `json:"id"`
	Name   string     `json:"name"`
	Source string     `json:"source"`
	GoneID int        `json:"goneId,omitempty"`
	Items  []itemJSON `json:"items"`
}

type itemJSON struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

// runSettings shows, and with flags stores, the tenant's category and
// business for new companies and task type for follow-ups. Every flag's
// item is checked before anything is stored: a script's typo changes
// nothing (exit 1).
func runSettings(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "settings")
	db := fs.String("db", "", msg.CLIFlagDB)
	asJSON := fs.Bool("json", false, msg.CLIFlagJSON)
	values := map[string]*string{}
	for _, f := range settingFlags {
		values[f.flag] = fs.String(f.flag, "", map[string]string{"category": msg.CLIFlagCategory, "business": msg.CLIFlagBusiness, "follow-up-task": msg.CLIFlagFollowUpTask}[f.flag])
	}
	rest, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if len(rest) > 0 {
		return fail(env, ExitUsage, usageError{env.say(msg.CLIUnexpectedArg, "cmd", "settings", "arg", strconv.Quote(rest[0]))})
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	d, err := openDB(ctx, env, *db)
	if err != nil {
		return fail(env, ExitFailure, err)
	}
	defer d.Close()
	svc := service(ctx, env, d)
	choices, err := svc.ListChoices(ctx)
	if err != nil {
		if code, ok := notConnected(env, err); ok {
			return code
		}
		return fail(env, ExitFailure, err)
	}
	for i, f := range settingFlags {
		if v := strings.TrimSpace(*values[f.flag]); given[f.flag] && v != "" {
			if _, ok := export.ResolveItem(v, choices[i].Items); !ok {
				return fail(env, ExitFailure, msg.Errorf(nil, msg.NewCompanyUnknownItem, "value", strconv.Quote(v)))
			}
		}
	}
	for i, f := range settingFlags {
		if !given[f.flag] {
			continue
		}
		it, err := svc.Choose(ctx, f.key, *values[f.flag], choices[i].Items)
		if err != nil {
			return fail(env, ExitFailure, err)
		}
		choices[i].Chosen, choices[i].GoneID = it, 0
	}
	if *asJSON {
		out := map[string]settingJSON{}
		for i, name := range []string{"category", "business", "followUpTask"} {
			out[name] = choiceJSON(choices[i])
		}
		if err := writeJSON(env.Stdout, out); err != nil {
			return fail(env, ExitFailure, err)
		}
		return ExitOK
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for i, f := range settingFlags {
		fmt.Fprintf(tw, "%s:\t%s\n", env.say(f.label), choiceText(env, choices[i]))
		if f.key == store.SettingNewBusiness {
			fmt.Fprintf(tw, "\t%s\n", env.say(msg.NewCompanyBusinessRule))
		}
	}
	_ = tw.Flush()
	for _, c := range choices {
		if c.GoneID > 0 {
			code := map[string]string{store.SettingNewCategory: msg.NewCompanyCategoryGone, store.SettingNewBusiness: msg.NewCompanyBusinessGone,
				store.SettingFollowUpTask: msg.NewCompanyTaskGone}[c.Key]
			fmt.Fprintln(env.Stdout, "  "+env.say(msg.CLIWarning)+": "+env.say(code, "id", c.GoneID))
		}
	}
	return ExitOK
}

func choiceJSON(c export.ListChoice) settingJSON {
	eff := c.Effective()
	out := settingJSON{ID: eff.ID, Name: eff.Name, Source: "none", GoneID: max(c.GoneID, 0), Items: []itemJSON{}}
	switch {
	case c.Chosen.ID != 0:
		out.Source = "chosen"
	case c.Default.ID != 0:
		out.Source = "default"
	}
	for _, it := range c.Items {
		out.Items = append(out.Items, itemJSON{it.ID, it.Name})
	}
	return out
}

func choiceText(env Env, c export.ListChoice) string {
	switch {
	case c.Chosen.ID != 0:
		return env.say(msg.NewCompanyChosenItem, "name", c.Chosen.Name, "id", c.Chosen.ID)
	case c.Default.ID != 0:
		return env.say(msg.NewCompanyDefaultItem, "name", c.Default.Name, "id", c.Default.ID)
	}
	return env.say(msg.NewCompanyNoItem)
}
