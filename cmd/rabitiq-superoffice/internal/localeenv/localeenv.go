// Package localeenv keeps Fyne from logging "Error parsing user locale C"
// on every start under LANG=C.UTF-8 (cron, CI, containers, ssh): the CLI's
// stderr is for its own errors, which scripts read.
//
// Fyne's lang package reads the locale in its init, before main runs, and
// cannot parse the C and POSIX locales with an encoding ("C.UTF-8") or any
// locale with a modifier ("de_DE@euro"). This package's init rewrites such
// a value, for the duration of the package inits only, to one Fyne reads
// as it means ("C", or "de_DE"); main calls Restore first thing, so the
// process and every program it starts see the environment as it was given.
//
// Why this init runs before Fyne's: Go initialises packages in the order of
// their import paths, each once everything it imports is initialised.
// This package imports only os, so it is ready as soon as os is, and its
// path sorts before "log"; fyne.io/fyne/v2/lang needs log (through
// fyne.io/fyne/v2), so log, and therefore this package, are initialised
// before it. Keep the imports to os alone, or the order may change. A test
// of the built binary (main_test.go) checks stderr stays empty.
package localeenv

import "os"

// saved holds the variables init changed, with their original values.
var saved [][2]string

func init() {
	// The variables Fyne's locale library reads, in its order: the first
	// one set wins.
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		if w := readable(v); w != v && os.Setenv(k, w) == nil {
			saved = append(saved, [2]string{k, v})
		}
		return
	}
}

// readable returns the locale v as Fyne can parse it: without encoding
// (".UTF-8") or modifier ("@euro"), and the C and POSIX locales as "C".
func readable(v string) string {
	for i := 0; i < len(v); i++ {
		if v[i] == '.' || v[i] == '@' {
			v = v[:i]
			break
		}
	}
	if v == "C" || v == "POSIX" || v == "" {
		return "C"
	}
	return v
}

// Restore puts back the locale variables init changed. main calls it
// before anything else, so nothing but the package inits saw the change.
func Restore() {
	for _, kv := range saved {
		_ = os.Setenv(kv[0], kv[1])
	}
	saved = nil
}
