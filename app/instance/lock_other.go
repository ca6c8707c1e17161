//go:build !unix && !windows

package instance

import "os"

// lockFile does nothing where the OS has no file lock we use (js/wasm):
// there every start is the first.
func lockFile(*os.File) error { return nil }
