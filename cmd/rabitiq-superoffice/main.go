// Command rabitiq-superoffice is the RabitIQ SuperOffice desktop app. With
// no command it opens the window; with a command it runs headless (see
// `rabitiq-superoffice help`). One window runs per database: a second
// start brings the first window forward and exits.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/rabitiq/superoffice-sync/app/cli"
	"github.com/rabitiq/superoffice-sync/app/desktop"
	"github.com/rabitiq/superoffice-sync/app/instance"
)

func main() {
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
		attachConsole()
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		code := cli.Run(ctx, cli.OSEnv(), os.Args[1:])
		stop()
		os.Exit(code)
	}
	fs := flag.NewFlagSet("rabitiq-superoffice", flag.ContinueOnError)
	var opts desktop.Options
	fs.StringVar(&opts.DBPath, "db", os.Getenv("RABITIQ_DB"), "database file")
	fs.BoolVar(&opts.Demo, "demo", false, "open with the demo tenant and sample leads in a separate database")
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(cli.ExitUsage)
	}
	err := desktop.Run(opts)
	var running *instance.RunningError
	switch {
	case err == nil:
	case errors.As(err, &running) && running.Raised:
		fmt.Fprintln(os.Stderr, "RabitIQ SuperOffice kører allerede – vinduet er bragt frem")
	case errors.As(err, &running):
		alert(fmt.Sprintf("RabitIQ SuperOffice kører allerede med den samme database (%s), men vinduet svarer ikke: %v", running.LockPath, running.Err))
		os.Exit(1)
	default:
		alert("rabitiq-superoffice: " + err.Error())
		os.Exit(1)
	}
}
