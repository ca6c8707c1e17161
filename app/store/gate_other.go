//go:build !unix && !windows

package store

import "os"

// Where the OS has no file lock we use (js/wasm) writers go ungated; the
// busy timeout and the retry of small writes still apply.

func lockShared(*os.File) error    { return nil }
func lockExclusive(*os.File) error { return nil }
func unlock(*os.File) error        { return nil }

func tryLockExclusive(*os.File) bool { return true }
