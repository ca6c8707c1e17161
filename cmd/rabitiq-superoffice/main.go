// Command rabitiq-superoffice is the RabitIQ SuperOffice desktop app. With
// no arguments, or only --demo and --db, it opens the window; with a
// command it runs headless (see `rabitiq-superoffice help`). One window
// runs per database: a second start brings the first window forward and
// exits. This is the top floor of the house: the only place that wires
// app/ (services, CLI) and ui/ (screens) together, through ./desktop.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/rabitiq/superoffice-sync/app/cli"
	"github.com/rabitiq/superoffice-sync/cmd/rabitiq-superoffice/internal/localeenv"
)

func main() {
	localeenv.Restore()
	route := cli.Dispatch(os.Args[1:])
	if route.Window {
		os.Exit(runWindow(route))
	}
	attachConsole()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, cli.OSEnv(), os.Args[1:])
	stop()
	os.Exit(code)
}
