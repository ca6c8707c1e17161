//go:build !(linux || freebsd || openbsd || netbsd || dragonfly)

package main

// noDisplay is "" on Windows and macOS: a signed-in desktop always has a
// display there.
func noDisplay(func(string) string) string { return "" }
