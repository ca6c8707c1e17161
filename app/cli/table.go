package cli

import (
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
)

// ellipsis ends a cell that was cut to fit, as in the window.
const ellipsis = "…"

// writeTable writes rows as columns two spaces apart, the last column
// unpadded: what text/tabwriter writes for plain ASCII, but measured in the
// columns a terminal shows, so an å written as a+ring, an emoji or a wide
// letter does not push the rest of its line out of line.
func writeTable(w io.Writer, rows [][]string) error {
	var widths []int
	for _, r := range rows {
		for i := 0; i < len(r)-1; i++ {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], uniseg.StringWidth(r[i]))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-uniseg.StringWidth(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cut shortens s to at most width terminal columns, ending a cut text in
// the ellipsis. It cuts between grapheme clusters, so no letter loses its
// accent and no emoji is split, and drops white space before the ellipsis.
func cut(s string, width int) string {
	if uniseg.StringWidth(s) <= width {
		return s
	}
	budget := width - uniseg.StringWidth(ellipsis)
	var b strings.Builder
	used, state := 0, -1
	for s != "" {
		var cluster string
		var w int
		cluster, s, w, state = uniseg.FirstGraphemeClusterInString(s, state)
		if used+w > budget {
			break
		}
		b.WriteString(cluster)
		used += w
	}
	return strings.TrimRightFunc(b.String(), unicode.IsSpace) + ellipsis
}

// oneLine keeps a cell on its line: tabs, line breaks and other control
// characters in a company name become spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// outputWidth is how many columns a line of a table may take: $COLUMNS when
// set (as ls and other tools honour it), else the width of the terminal
// stdout is, else 0 for unknown.
func outputWidth(env Env) int {
	if env.Getenv != nil {
		if n, err := strconv.Atoi(strings.TrimSpace(env.Getenv("COLUMNS"))); err == nil && n > 0 {
			return n
		}
	}
	if n, ok := terminalWidth(env.Stdout); ok {
		return n
	}
	return 0
}

// widthBesides is how wide writeTable makes a line without the text of
// column col: the other columns at their widest, and all the gaps.
func widthBesides(rows [][]string, col int) int {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			if i != col {
				widths[i] = max(widths[i], uniseg.StringWidth(c))
			}
		}
	}
	n := 0
	for _, w := range widths {
		n += w
	}
	return n + 2*max(len(widths)-1, 0)
}
