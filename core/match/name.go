package match

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Name is a company name prepared for matching.
type Name struct {
	// Stem is the name folded to lower case, with æ, ø, å written ae, oe,
	// aa, other accents dropped (é → e, ö → o), apostrophes and dots
	// removed, any other punctuation turned into single spaces, and legal
	// forms stripped from both ends: "Sørensen & Co. ApS" → "soerensen".
	// It stays readable and holds only letters, digits and spaces, so it is
	// safe inside a `begins` name query. A "Holding" word is kept.
	// NormalizeName(n.Stem).Stem == n.Stem.
	Stem string

	// Tokens are the matching keys of Stem's words: connectives ("og",
	// "and", "&") and the holding word are left out, and the two readings
	// of æ, ø, å (and ä, ö, ü) are reduced to one spelling (ae → a, oe → o,
	// aa → a, ue → u), so "Sørensen", "Soerensen" and "Sorensen" all give
	// "sorensen". They are keys, not text to show.
	Tokens []string

	// Holding is true for a holding company ("Jensen Holding ApS",
	// "Jensenholding A/S"). The word is not stripped like a legal form,
	// because a holding company is usually a different legal entity with
	// its own CVR; scoring lowers a holding/operating pair instead.
	Holding bool

	// LegalForm is the legal form that was stripped, in its usual spelling
	// ("A/S", "ApS", "AB", "GmbH"), or "" when the name had none.
	LegalForm string
}

// Bounds that keep normalisation linear and small on any input. Real
// company names are far shorter; a longer name is compared on its first
// words, which is deterministic and enough to tell companies apart.
const (
	maxNameBytes = 16 << 10 // raw input read
	maxNameWords = 32       // words kept
	maxWordRunes = 64       // runes kept per word
)

// NormalizeName prepares a company name for matching and for the `begins`
// name query; see Name for what each field holds.
func NormalizeName(s string) Name {
	folded, words := foldWords(s)
	lo, hi, form := stripLegalForms(words)
	stem := ""
	if lo < hi {
		start := 0
		for _, w := range words[:lo] {
			start += len(w) + 1
		}
		end := start - 1
		for _, w := range words[lo:hi] {
			end += len(w) + 1
		}
		stem = folded[start:end]
	}
	words = words[lo:hi]
	tokens, holding := matchTokens(words)
	return Name{
		Stem:      stem,
		Tokens:    tokens,
		Holding:   holding,
		LegalForm: form,
	}
}

// isApostrophe reports the marks people write inside a possessive or an
// elision ("Jensen's", "Jensen´s", "O’Brien"). They are removed, not turned
// into spaces, so "Jensen's Bøfhus" and "Jensens Bøfhus" are the same name.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '´', '‘', '’', 'ʼ', 'ʻ', '′':
		return true
	}
	return false
}

// foldWords turns a name into folded words: compatibility forms unified
// (NFKC), lower case, the Nordic and other non-decomposing letters spelled
// out, accents dropped (NFD without marks), apostrophes and dots removed and
// any other non-letter, non-digit rune treated as a space. The words are
// substrings of folded, in which each is followed by one space, so a run
// of them is a substring too and the stem needs no copy.
func foldWords(s string) (folded string, words []string) {
	if len(s) > maxNameBytes {
		s = s[:maxNameBytes]
	}
	s = strings.ToValidUTF8(s, " ")
	if !isASCII(s) {
		s = foldUnicode(s)
	}
	var b strings.Builder
	b.Grow(len(s) + 1)
	nwords, runes := 0, 0
	for _, r := range s {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A' // the only case mapping left after foldUnicode
		}
		switch {
		case r == '.' || isApostrophe(r):
			// "A.m.b.a.", "Ltd." and "Jensen's" read as one word.
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if runes == 0 && nwords == maxNameWords {
				return b.String(), splitFolded(b.String())
			}
			if runes < maxWordRunes {
				b.WriteRune(r)
			}
			runes++
		case runes > 0:
			b.WriteByte(' ')
			nwords++
			runes = 0
		}
	}
	if runes > 0 {
		b.WriteByte(' ')
	}
	return b.String(), splitFolded(b.String())
}

// foldUnicode does the non-ASCII part of foldWords: NFKC, lower case, the
// letters NFD does not split spelled out, then NFD with the marks dropped.
// The spelling-out runs again after NFD, because a letter such as "ǿ"
// only yields its "ø" there.
func foldUnicode(s string) string {
	// Apostrophes go before NFKC, which would split "´" into a space and a
	// combining accent.
	s = strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return -1
		}
		return r
	}, s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKC.String(s) {
		writeFolded(&b, unicode.ToLower(r))
	}
	d := norm.NFD.String(b.String())
	b.Reset()
	b.Grow(len(d))
	for _, r := range d {
		if !unicode.Is(unicode.M, r) { // accents and other combining marks go
			writeFolded(&b, r)
		}
	}
	return b.String()
}

// writeFolded writes a lower-case rune, spelling out the letters that
// carry no separable accent: æ ø å as Danes write them without the keys
// (ae oe aa), and ß œ þ ð đ ł ı as their usual Latin letters.
func writeFolded(b *strings.Builder, r rune) {
	switch r {
	case 'æ':
		b.WriteString("ae")
	case 'ø':
		b.WriteString("oe")
	case 'å':
		b.WriteString("aa")
	case 'ß':
		b.WriteString("ss")
	case 'œ':
		b.WriteString("oe")
	case 'þ':
		b.WriteString("th")
	case 'ð', 'đ':
		b.WriteByte('d')
	case 'ł':
		b.WriteByte('l')
	case 'ı':
		b.WriteByte('i')
	default:
		b.WriteRune(r)
	}
}

// isASCII reports a string that NFKC, NFD and Unicode case mapping leave
// alone but for A-Z.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// splitFolded splits foldWords' "word word " string into its words.
func splitFolded(f string) []string {
	words := make([]string, 0, strings.Count(f, " "))
	for len(f) > 0 {
		i := strings.IndexByte(f, ' ')
		words = append(words, f[:i])
		f = f[i+1:]
	}
	return words
}

// holdingWords mark a holding company as a word of their own.
var holdingWords = map[string]bool{
	"holding": true, "holdings": true,
	"holdingselskab": true, "holdingselskabet": true,
	"holdingselskap": true, "holdingselskapet": true,
	"holdingbolag": true, "holdingbolaget": true,
}

// holdingSuffix marks a Danish-style compound such as "Jensenholding".
const holdingSuffix = "holding"

// matchTokens derives the matching keys from stem words and reports a
// holding company. A name made only of connectives or "Holding" keeps all
// its words as keys, so every non-empty name can match itself.
func matchTokens(words []string) (tokens []string, holding bool) {
	tokens = make([]string, 0, len(words))
	for _, w := range words {
		switch {
		case connectives[w]:
			continue
		case holdingWords[w]:
			holding = true
			continue
		case strings.HasSuffix(w, holdingSuffix) &&
			utf8.RuneCountInString(w) >= len(holdingSuffix)+3:
			holding = true
			w = strings.TrimSuffix(w, holdingSuffix)
		}
		tokens = append(tokens, matchKey(w))
	}
	if len(tokens) == 0 && len(words) > 0 {
		for _, w := range words {
			tokens = append(tokens, matchKey(w))
		}
	}
	return tokens, holding
}

// matchKey reduces the digraphs that spell æ, ø, å (and ä, ö, ü) in ASCII
// to one letter, left to right: "soerensen" → "sorensen", "aeroe" → "aro",
// "aalborg" → "alborg". Both readings of the Danish letters ("Ærø" as
// "Aeroe" or "Aero") then meet; applied to both sides it cannot separate
// names that were equal.
func matchKey(w string) string {
	if !strings.Contains(w, "ae") && !strings.Contains(w, "oe") &&
		!strings.Contains(w, "aa") && !strings.Contains(w, "ue") {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for i := 0; i < len(w); i++ {
		if i+1 < len(w) {
			switch w[i : i+2] {
			case "ae", "aa":
				b.WriteByte('a')
				i++
				continue
			case "oe":
				b.WriteByte('o')
				i++
				continue
			case "ue":
				b.WriteByte('u')
				i++
				continue
			}
		}
		b.WriteByte(w[i])
	}
	return b.String()
}
