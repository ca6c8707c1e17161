// Package cli is the headless face of the app: `rabitiq-superoffice
// <command>` for scripting and tests. Its commands, flags, JSON fields and
// exit codes are a contract that outside scripts rely on; see README.md.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"github.com/rabitiq/superoffice-sync/core/msg"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/store"
)

// Exit codes shared by all commands.
const (
	ExitOK           = 0
	ExitFailure      = 1 // the command ran and something failed
	ExitUsage        = 2 // wrong command line
	ExitNotConnected = 3 // the command needs SuperOffice and none is connected
)

// Env is what a command may touch of the outside world, so tests can run
// commands in-process with their own output, environment and clock.
type Env struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Now            func() time.Time

	// Keyring, OpenBrowser and HTTPClient default to the real ones when nil.
	Keyring     auth.Keyring
	OpenBrowser func(string) error
	HTTPClient  *http.Client

	// log is the logbook's logger (set by Run), logPath its file, logErr
	// why there is none.
	log     *slog.Logger
	logPath string
	logErr  error
}

// OSEnv is the real process environment.
func OSEnv() Env {
	return Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Now: time.Now}
}

// command is one CLI command; args and help are catalogue codes (args
// empty when it takes none), so usage speaks the CLI's language.
type command struct {
	name, args, help string
	run              func(ctx context.Context, env Env, args []string) int
}

func commands() []command {
	return []command{
		{"import", msg.CLIArgsImport, msg.CLIHelpImport, runImport},
		{"leads", msg.CLIArgsLeads, msg.CLIHelpLeads, runLeads},
		{"preview", msg.CLIArgsPreview, msg.CLIHelpPreview, runPreview},
		{"fields", msg.CLIArgsFields, msg.CLIHelpFields, runFields},
		{"match", msg.CLIArgsMatch, msg.CLIHelpMatch, runMatch},
		{"sync", msg.CLIArgsSync, msg.CLIHelpSync, runSync},
		{"delete", msg.CLIArgsDelete, msg.CLIHelpDelete, runDelete},
		{"refresh", msg.CLIArgsRefresh, msg.CLIHelpRefresh, runRefresh},
		{"connect", msg.CLIArgsConnect, msg.CLIHelpConnect, runConnect},
		{"status", msg.CLIArgsStatus, msg.CLIHelpStatus, runStatus},
		{"settings", msg.CLIArgsSettings, msg.CLIHelpSettings, runSettings},
		{"disconnect", "", msg.CLIHelpDisconnect, runDisconnect},
		{"version", "", msg.CLIHelpVersion, runVersion},
		{"report", "", msg.CLIHelpReport, runReport},
	}
}

// IsCommand reports whether arg names a CLI command (or help). Whether the
// window opens is Dispatch's decision.
func IsCommand(arg string) bool {
	if arg == "help" || arg == "-h" || arg == "--help" {
		return true
	}
	for _, c := range commands() {
		if c.name == arg {
			return true
		}
	}
	return false
}

// Run runs one command and returns the process exit code.
func Run(ctx context.Context, env Env, args []string) int {
	msg.SetLanguage(env.lang())
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.Stdout, env.lang())
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			closeLog := env.openLog()
			defer closeLog()
			return c.run(ctx, env, args[1:])
		}
	}
	if strings.HasPrefix(args[0], "-") {
		return badWindowFlags(env, args)
	}
	unknownCommand(env, args[0])
	usage(env.Stderr, env.lang())
	return ExitUsage
}

// lang is the language the CLI speaks: RABITIQ_LANG, then the locale, as
// the window does.
func (env Env) lang() msg.Lang { return msg.Choose(env.Getenv) }

// say renders one catalogue message in the CLI's language.
func (env Env) say(code string, kv ...any) string { return msg.New(code, kv...).Text(env.lang()) }

// texts renders messages in l.
func texts(l msg.Lang, ms []msg.Message) []string {
	out := make([]string, 0, len(ms))
	for _, m := range ms {
		out = append(out, m.Text(l))
	}
	return out
}

// usage lists the commands in l.
func usage(w io.Writer, l msg.Lang) {
	fmt.Fprintln(w, msg.New(msg.CLIUsage).Text(l))
	for _, c := range commands() {
		args := ""
		if c.args != "" {
			args = msg.New(c.args).Text(l)
		}
		fmt.Fprintf(w, "  %-9s %s\n            %s\n", c.name, args, msg.New(c.help).Text(l))
	}
}

// parse parses flags and positional arguments in any order, so that both
// `preview LEAD --json` and `preview --json LEAD` work.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// newFlags makes a command's flag set. Each flag's usage string is a
// catalogue code, so `COMMAND -h` and a wrong flag list the flags in the
// CLI's language.
func newFlags(env Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintln(w, env.say(msg.CLIFlagsOf, "cmd", name))
		fs.VisitAll(func(f *flag.Flag) {
			line := "  -" + f.Name + "\n    \t" + env.say(f.Usage)
			if f.DefValue != "" && f.DefValue != "false" {
				line += " (" + env.say(msg.CLIFlagDefault, "value", f.DefValue) + ")"
			}
			fmt.Fprintln(w, line)
		})
	}
	return fs
}

// dbPath picks the database: --db, then RABITIQ_DB, then the default.
func dbPath(env Env, flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if p := env.Getenv("RABITIQ_DB"); p != "" {
		return p, nil
	}
	return store.DefaultPath()
}

func openDB(ctx context.Context, env Env, flagValue string) (*store.DB, error) {
	p, err := dbPath(env, flagValue)
	if err != nil {
		return nil, err
	}
	return store.Open(ctx, p)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// fail prints err for a person (one line, prefixed with the program name)
// and returns code.
func fail(env Env, code int, err error) int {
	msg := err.Error()
	var ue usageError
	if errors.As(err, &ue) {
		code = ExitUsage
	}
	fmt.Fprintln(env.Stderr, "rabitiq-superoffice: "+strings.TrimSpace(msg))
	return code
}

type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }
