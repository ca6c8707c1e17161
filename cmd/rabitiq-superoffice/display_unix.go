//go:build linux || freebsd || openbsd || netbsd || dragonfly

package main

import "github.com/rabitiq/superoffice-sync/core/msg"

// noDisplay returns the one line to print when there is no display for the
// window (ssh, cron, CI), or "". Without it GLFW fails deep in Fyne and the
// process dies with a stack trace.
func noDisplay(getenv func(string) string) string {
	if getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != "" {
		return ""
	}
	return msg.New(msg.CLINoDisplay).Text(msg.Choose(getenv))
}
