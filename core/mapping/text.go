package mapping

import (
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
)

// Ellipsis ends every text that Truncate had to cut, so a reader in
// SuperOffice sees that the value goes on in RabitIQ.
const Ellipsis = "…"

// Length returns the length of s as SuperOffice counts it: in UTF-16 code
// units, which is what .NET's string.Length and SQL Server's nvarchar(N)
// limits count. For every character of the Basic Multilingual Plane, which
// holds all Latin letters including æ, ø and å, that is one per character;
// an emoji or other character outside it counts two. Counting this way means
// a value that fits here fits the tenant whether it counts characters or
// code units.
func Length(s string) int {
	n := 0
	for _, r := range s {
		if r > 0xFFFF {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// Truncate shortens s to at most max characters (as Length counts them) and
// reports whether it had to. A cut text ends in Ellipsis, which counts
// toward max; the cut falls between grapheme clusters, so it never splits a
// character, an emoji sequence or a letter from its accents, and white space
// before the ellipsis is dropped. A max below 1 yields "".
func Truncate(s string, max int) (string, bool) {
	if Length(s) <= max {
		return s, false
	}
	if max < 1 {
		return "", true
	}
	budget := max - Length(Ellipsis)
	var b strings.Builder
	used, state, rest := 0, -1, s
	for len(rest) > 0 {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		n := Length(cluster)
		if used+n > budget {
			break
		}
		b.WriteString(cluster)
		used += n
	}
	return strings.TrimRightFunc(b.String(), unicode.IsSpace) + Ellipsis, true
}

// oneLine makes s fit a single-line SuperOffice field: invalid UTF-8 becomes
// U+FFFD, control characters go, and every run of white space (line breaks
// included) becomes one space. The ends are trimmed.
func oneLine(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// block cleans a multi-line text: invalid UTF-8 becomes U+FFFD, CR LF and
// the Unicode line separators become "\n", other control characters but tab
// go, trailing spaces on each line go, and the whole is trimmed. Line
// structure is kept because the long-text fields show it.
func block(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte('\t')
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// isDigits reports whether s is non-empty and only ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// hasLetter reports whether s holds at least one letter.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// hasDigit reports whether s holds at least one ASCII digit.
func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// quote renders a user value inside a warning: quoted and, when long,
// shortened so one warning stays one readable line.
func quote(s string) string {
	s, _ = Truncate(oneLine(s), 60)
	return "\"" + s + "\""
}
