package mapping

import (
	"slices"
	"strings"
	"unicode"
)

// particles are the lower-case name particles that belong to the last name
// ("Ludwig van Beethoven" → Lastname "van Beethoven").
var particles = []string{"af", "al", "bin", "da", "dal", "de", "degli", "dei", "del", "della", "den", "der", "des", "di", "do", "dos", "du", "el", "la", "le", "ten", "ter", "van", "von", "zu", "zum", "zur"}

// honorifics are titles before a name that are not part of it (folded).
var honorifics = []string{"dr", "prof", "mr", "mrs", "ms", "miss", "hr", "fru", "frk", "herr", "frau", "sir"}

// suffixes are generation and degree suffixes that stay with the last name
// (folded): "John Smith Jr." → Lastname "Smith Jr.".
var suffixes = []string{"jr", "sr", "ii", "iii", "iv", "phd", "md", "mba"}

// jobWords start a job title written after a comma ("Lars Hansen, CEO"),
// which is then not read as "Lastname, Firstname" (folded).
var jobWords = []string{"ceo", "cfo", "cto", "coo", "cmo", "cio", "cso", "vp", "svp", "evp", "head", "direktor", "director", "manager", "chef", "partner", "ejer", "owner", "founder", "co", "stifter", "adm", "salgschef", "salgsdirektor", "indkobschef", "it", "hr", "konsulent", "consultant"}

// splitName splits a person's name into SuperOffice's Firstname,
// MiddleName and Lastname. The first word is the first name, the last word
// the last name and the words between the middle name, as Danish names are
// built: "Lars Løkke Rasmussen" → Lars / Løkke / Rasmussen. One word is a
// first name only. "Rasmussen, Lars Løkke" is read as "Lastname,
// Firstname …". Particles stay with the last name ("Ursula von der Leyen"
// → Ursula / "" / "von der Leyen"), honorifics ("Dr.", "Hr.") and anything
// in brackets are dropped, and "Jr."-style suffixes stay with the last name.
func splitName(s string) (first, middle, last string) {
	words := nameWords(s)
	if i := indexWord(words, ","); i >= 0 {
		before, after := words[:i], trimCommas(words[i+1:])
		switch {
		case len(after) == 0 || len(before) == 0:
			words = trimCommas(words)
		case isSuffix(after[0]):
			words = append(trimCommas(before), after[0])
		case slices.Contains(jobWords, fold(after[0])):
			words = trimCommas(before)
		default: // "Rasmussen, Lars Løkke": every word after the comma is a given name
			given, last := trimCommas(after), strings.Join(trimCommas(before), " ")
			if n := len(given); n > 1 && isSuffix(given[n-1]) { // "Smith, John, Jr."
				given, last = given[:n-1], last+" "+given[n-1]
			}
			return given[0], strings.Join(given[1:], " "), last
		}
	}
	f, m, l := splitWords(words)
	return f, strings.Join(m, " "), l
}

// nameWords cleans a name to its words: brackets and their content go,
// honorifics at the start go, and a comma becomes a word of its own so the
// "Lastname, Firstname" form can be recognised.
func nameWords(s string) []string {
	s = oneLine(s)
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[':
			depth++
		case r == ')' || r == ']':
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case r == ',':
			b.WriteString(" , ")
		default:
			b.WriteRune(r)
		}
	}
	words := strings.Fields(b.String())
	for len(words) > 1 && slices.Contains(honorifics, fold(words[0])) {
		words = words[1:]
	}
	return words
}

// splitWords does the first / middle / last split of words without commas.
func splitWords(words []string) (first string, middle []string, last string) {
	suffix := ""
	if n := len(words); n > 2 && isSuffix(words[n-1]) {
		suffix, words = words[n-1], words[:n-1]
	}
	switch len(words) {
	case 0:
		return "", nil, suffix
	case 1:
		if suffix != "" {
			return words[0], nil, suffix
		}
		return words[0], nil, ""
	}
	k := len(words) - 1
	for k > 1 && isParticle(words[k-1]) {
		k--
	}
	last = strings.Join(words[k:], " ")
	if suffix != "" {
		last += " " + suffix
	}
	return words[0], words[1:k], last
}

// isParticle reports a lower-case name particle; capitalised "Van" or
// "De" at the start of a word may be a name, so case matters.
func isParticle(w string) bool {
	return slices.Contains(particles, w)
}

// isSuffix reports a generation or degree suffix ("Jr.", "III", "Ph.D.").
func isSuffix(w string) bool {
	return slices.Contains(suffixes, fold(w))
}

// indexWord returns the index of w in words, or -1.
func indexWord(words []string, w string) int {
	return slices.Index(words, w)
}

// trimCommas removes comma words, for input with stray or many commas.
func trimCommas(words []string) []string {
	var out []string
	for _, w := range words {
		if w != "," {
			out = append(out, w)
		}
	}
	return out
}

// nameFromEmail derives a display name from an e-mail address's local part
// for a contact that has none: "lars.hansen@x.dk" → "Lars Hansen". Digits
// and signs go and each word gets a capital first letter; a local part
// without letters ("1234@x.dk") is used as it is, so the person still has
// a name.
func nameFromEmail(email string) string {
	local, _, _ := strings.Cut(email, "@")
	if i := strings.IndexByte(local, '+'); i > 0 {
		local = local[:i]
	}
	words := strings.FieldsFunc(local, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) == 0 {
		return local
	}
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}
