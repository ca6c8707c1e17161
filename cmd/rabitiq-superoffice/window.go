package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/rabitiq/superoffice-sync/app/cli"
	"github.com/rabitiq/superoffice-sync/app/instance"
	"github.com/rabitiq/superoffice-sync/cmd/rabitiq-superoffice/desktop"
)

// runWindow opens the window for route and returns the exit code once it
// is closed. An error that ends the app is shown where the user sees it
// (alert), also for a double-clicked exe without a console.
func runWindow(route cli.Route) int {
	if route.DBPath == "" {
		route.DBPath = os.Getenv("RABITIQ_DB")
	}
	if msg := noDisplay(os.Getenv); msg != "" {
		alert(msg)
		return 1
	}
	err := desktop.Run(desktop.Options{DBPath: route.DBPath, Demo: route.Demo})
	var running *instance.RunningError
	switch {
	case err == nil:
	case errors.As(err, &running) && running.Raised:
		fmt.Fprintln(os.Stderr, "RabitIQ SuperOffice kører allerede – vinduet er bragt frem")
	case errors.As(err, &running):
		alert(fmt.Sprintf("RabitIQ SuperOffice kører allerede med den samme database (%s), men vinduet svarer ikke: %v", running.LockPath, running.Err))
		return 1
	default:
		alert("rabitiq-superoffice: " + err.Error())
		return 1
	}
	return 0
}
