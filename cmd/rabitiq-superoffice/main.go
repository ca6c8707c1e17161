// Command rabitiq-superoffice is the RabitIQ SuperOffice desktop app. With
// no arguments, or only --demo and --db, it opens the window; with a
// command it runs headless (see `rabitiq-superoffice help`). One window
// runs per database: a second start brings the first window forward and
// exits.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"

	"github.com/rabitiq/superoffice-sync/app/cli"
	"github.com/rabitiq/superoffice-sync/app/desktop"
	"github.com/rabitiq/superoffice-sync/app/instance"
	"github.com/rabitiq/superoffice-sync/cmd/rabitiq-superoffice/internal/localeenv"
)

func main() {
	localeenv.Restore()
	route := cli.Dispatch(os.Args[1:])
	if !route.Window {
		attachConsole()
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		code := cli.Run(ctx, cli.OSEnv(), os.Args[1:])
		stop()
		os.Exit(code)
	}
	if route.DBPath == "" {
		route.DBPath = os.Getenv("RABITIQ_DB")
	}
	if msg := noDisplay(os.Getenv); msg != "" {
		alert(msg)
		os.Exit(1)
	}
	err := desktop.Run(desktop.Options{DBPath: route.DBPath, Demo: route.Demo})
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
