package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/core/msg"
)

func runConnect(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "connect")
	envName := fs.String("env", "online", msg.CLIFlagEnv)
	noBrowser := fs.Bool("no-browser", false, msg.CLIFlagNoBrowser)
	if rest, err := parse(fs, args); err != nil {
		return ExitUsage
	} else if len(rest) > 0 {
		return fail(env, ExitUsage, usageError{env.say(msg.CLIUnexpectedArg, "cmd", "connect", "arg", strconv.Quote(rest[0]))})
	}
	e, err := auth.ParseEnvironment(*envName)
	if err != nil {
		return fail(env, ExitUsage, usageError{err.Error()})
	}
	svc := service(ctx, env, nil)
	m := svc.Mgr
	if *noBrowser {
		m.OpenBrowser = func(string) error { return fmt.Errorf("--no-browser") }
	}
	cfg := auth.ConfigFromEnv(env.Getenv, e)
	shown := false
	show := func(u string) {
		if !shown {
			shown = true
			fmt.Fprintln(env.Stdout, env.say(msg.CLIOpenURL, "url", u))
		}
	}
	// The URL is printed even when a browser opens, for scripts and for
	// users whose browser opened on another screen.
	openAndShow := m.OpenBrowser
	if openAndShow == nil {
		openAndShow = auth.SystemBrowser
	}
	m.OpenBrowser = func(u string) error { show(u); return openAndShow(u) }
	s, err := svc.Connect(ctx, cfg, show)
	if errors.Is(err, auth.ErrNoClientID) {
		return fail(env, ExitFailure, errors.New(env.say(msg.CLINotRegistered)))
	}
	if err != nil {
		return fail(env, ExitFailure, err)
	}
	t := s.Tenant()
	fmt.Fprintln(env.Stdout, env.say(msg.CLIConnectedTo, "company", t.CompanyName, "ctx", t.Ctx))
	return ExitOK
}

// statusJSON is the `status --json` contract.
type statusJSON struct {
	Connected   bool   `json:"connected"`
	Environment string `json:"environment"`
	Ctx         string `json:"ctx"`
	CompanyName string `json:"companyName"`
	User        string `json:"user"`
	APIURL      string `json:"apiUrl"`
}

func runStatus(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "status")
	asJSON := fs.Bool("json", false, msg.CLIFlagJSON)
	if rest, err := parse(fs, args); err != nil {
		return ExitUsage
	} else if len(rest) > 0 {
		return fail(env, ExitUsage, usageError{env.say(msg.CLIUnexpectedArg, "cmd", "status", "arg", strconv.Quote(rest[0]))})
	}
	st := statusJSON{}
	var reason error
	c, err := service(ctx, env, nil).Conn(ctx)
	if err == nil {
		// Refresh the access token if needed: "connected" means it works now.
		_, err = c.Source.Token()
	}
	if err == nil {
		st = statusJSON{Connected: true, Environment: string(c.Env), Ctx: c.Tenant.Ctx, CompanyName: c.Tenant.CompanyName, User: c.Tenant.User, APIURL: c.Tenant.APIURL}
	} else {
		reason = err
	}
	code := ExitOK
	if !st.Connected {
		code = ExitNotConnected
	}
	if *asJSON {
		if err := writeJSON(env.Stdout, st); err != nil {
			return fail(env, ExitFailure, err)
		}
		return code
	}
	if st.Connected {
		fmt.Fprintln(env.Stdout, env.say(msg.CLIConnectedAs, "company", st.CompanyName, "ctx", st.Ctx, "user", st.User, "api", st.APIURL))
		return code
	}
	fmt.Fprintln(env.Stdout, env.say(msg.CLINotConnected))
	if reason != nil {
		fmt.Fprintln(env.Stderr, "rabitiq-superoffice: "+reason.Error())
	}
	return code
}

func runDisconnect(ctx context.Context, env Env, args []string) int {
	if len(args) > 0 {
		return fail(env, ExitUsage, usageError{env.say(msg.CLINoArgs, "cmd", "disconnect")})
	}
	if err := service(ctx, env, nil).Disconnect(); err != nil {
		return fail(env, ExitFailure, err)
	}
	fmt.Fprintln(env.Stdout, env.say(msg.CLIDisconnected))
	return ExitOK
}
