//go:build linux || freebsd || openbsd || netbsd || dragonfly

package main

// noDisplay returns the one line to print when there is no display for the
// window (ssh, cron, CI), or "". Without it GLFW fails deep in Fyne and the
// process dies with a stack trace.
func noDisplay(getenv func(string) string) string {
	if getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != "" {
		return ""
	}
	return "rabitiq-superoffice: der er ingen skærm (hverken DISPLAY eller WAYLAND_DISPLAY er sat), så vinduet kan ikke åbnes; kommandoerne virker uden: rabitiq-superoffice help " +
		"(no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so the window cannot open; the commands work without one)"
}
