//go:build !unix && !windows

package cli

import "io"

// terminalWidth is unknown on systems without a terminal size call; the
// table then uses its fixed widths.
func terminalWidth(io.Writer) (int, bool) { return 0, false }
