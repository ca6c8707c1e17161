package mapping

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold reduces a name or word to lower-case, mostly ASCII letters for
// lookups, so a location matches however it was typed: accents go (NFD,
// then the combining marks are dropped: é → e, ö → o), letters without a
// decomposition are spelled out (æ → ae, ø → o, ß → ss, þ → th), dots and
// apostrophes go, and any other punctuation becomes a space. "Österreich",
// "U.S.A." and "København" become "osterreich", "usa" and "kobenhavn".
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.', r == '\'', r == '’':
		case r == 'æ':
			b.WriteString("ae")
		case r == 'ø':
			b.WriteByte('o')
		case r == 'ß':
			b.WriteString("ss")
		case r == 'ł':
			b.WriteByte('l')
		case r == 'đ', r == 'ð':
			b.WriteByte('d')
		case r == 'þ':
			b.WriteString("th")
		case r == 'œ':
			b.WriteString("oe")
		case unicode.IsLetter(r), unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
