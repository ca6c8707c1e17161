//go:build !windows

package main

import (
	"fmt"
	"os"
)

// attachConsole is needed on Windows only: elsewhere the terminal is there.
func attachConsole() {}

// alert reports an error that ends the app on stderr.
func alert(msg string) { fmt.Fprintln(os.Stderr, msg) }
