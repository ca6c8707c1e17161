// Command rabitiq-superoffice is the RabitIQ SuperOffice desktop app. With
// no command it opens the window; with a command it runs headless (see
// `rabitiq-superoffice help`).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/rabitiq/superoffice-sync/app/cli"
	"github.com/rabitiq/superoffice-sync/app/desktop"
)

func main() {
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
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
	if err := desktop.Run(opts); err != nil {
		fmt.Fprintln(os.Stderr, "rabitiq-superoffice:", err)
		os.Exit(1)
	}
}
