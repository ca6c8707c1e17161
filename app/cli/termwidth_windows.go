//go:build windows

package cli

import (
	"io"
	"os"

	"golang.org/x/sys/windows"
)

// terminalWidth is the number of columns of the console window w writes
// to, and false when w is not a console (a file, a pipe, a test's buffer).
func terminalWidth(w io.Writer) (int, bool) {
	f, ok := w.(*os.File)
	if !ok {
		return 0, false
	}
	var info windows.ConsoleScreenBufferInfo
	if err := windows.GetConsoleScreenBufferInfo(windows.Handle(f.Fd()), &info); err != nil {
		return 0, false
	}
	n := int(info.Window.Right-info.Window.Left) + 1
	return n, n > 0
}
