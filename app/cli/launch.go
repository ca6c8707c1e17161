package cli

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// Route is what the process does with its command line.
type Route struct {
	Window bool   // open the window; otherwise Run gets the arguments
	Demo   bool   // --demo: the demo tenant and sample leads
	DBPath string // --db PATH; empty means RABITIQ_DB or the default
}

// Dispatch decides between the window and the command line. The window
// opens only with no arguments or with nothing but its own flags (--demo,
// --db PATH): anything else, a mistyped command ("imprt") included, goes
// to Run, which answers with the usage and exit code 2. A window opened
// by a typo would not even open over ssh, in cron or in CI.
func Dispatch(args []string) Route {
	if len(args) == 0 {
		return Route{Window: true}
	}
	if !strings.HasPrefix(args[0], "-") || IsCommand(args[0]) {
		return Route{}
	}
	var r Route
	fs := windowFlags(io.Discard, &r)
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return Route{}
	}
	r.Window = true
	return r
}

// windowFlags are the flags of the window: `rabitiq-superoffice [--demo] [--db PATH]`.
func windowFlags(out io.Writer, r *Route) *flag.FlagSet {
	fs := flag.NewFlagSet("rabitiq-superoffice", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Usage = func() {}
	fs.StringVar(&r.DBPath, "db", "", "database file")
	fs.BoolVar(&r.Demo, "demo", false, "open with the demo tenant and sample leads in a separate database")
	return fs
}

// badWindowFlags answers a command line that starts with a flag but is not
// the window's: an unknown flag, --db without a path, or an argument after
// the window flags.
func badWindowFlags(env Env, args []string) int {
	var r Route
	fs := windowFlags(env.Stderr, &r)
	err := fs.Parse(args)
	switch {
	case err == flag.ErrHelp:
		usage(env.Stdout, env.lang())
		return ExitOK
	case err != nil: // the flag package has said what is wrong
	case fs.NArg() > 0:
		unknownCommand(env, fs.Arg(0))
	default:
		fmt.Fprintln(env.Stderr, "rabitiq-superoffice: "+env.say(msg.CLIWindowFlags))
	}
	usage(env.Stderr, env.lang())
	return ExitUsage
}

// unknownCommand says, on one line in the CLI's language, that name is no
// command, with the command the user most likely meant.
func unknownCommand(env Env, name string) {
	line := env.say(msg.CLIUnknownCommand, "name", strconv.Quote(name))
	if c := closestCommand(name); c != "" {
		line = env.say(msg.CLIUnknownMeant, "name", strconv.Quote(name), "cmd", c)
	}
	fmt.Fprintln(env.Stderr, "rabitiq-superoffice: "+line)
}

// closestCommand returns the command (or "help") that name is most likely
// a typo of: the one fewest edits away, where two swapped letters are one
// edit, if it is close enough to be a typo; or the only command that name
// begins (at least 3 letters, as "disc" for disconnect). Else "".
func closestCommand(name string) string {
	name = strings.ToLower(name)
	names := []string{"help"}
	for _, c := range commands() {
		names = append(names, c.name)
	}
	best, bestD := "", -1
	var prefixed []string
	for _, n := range names {
		if d := editDistance(name, n); bestD < 0 || d < bestD {
			best, bestD = n, d
		}
		if utf8.RuneCountInString(name) >= 3 && strings.HasPrefix(n, name) {
			prefixed = append(prefixed, n)
		}
	}
	// A typo is one or two edits, fewer in short names: "lead" is leads,
	// but "fix" is not six.
	if bestD >= 0 && bestD <= min(2, max(1, utf8.RuneCountInString(best)/3)) {
		return best
	}
	if len(prefixed) == 1 {
		return prefixed[0]
	}
	return ""
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of two neighbouring
// letters each count one.
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	// d[i][j] is the distance between s[:i] and t[:j].
	d := make([][]int, len(s)+1)
	for i := range d {
		d[i] = make([]int, len(t)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(s); i++ {
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(s)][len(t)]
}
