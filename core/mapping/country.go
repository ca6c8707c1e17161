package mapping

import (
	"slices"
	"strings"
)

// CountryISO reads the country of a free-text location such as "Oslo,
// Norge", "Stockholm, SE", "Berlin, Deutschland" or "Aarhus C" and returns
// its ISO 3166-1 alpha-2 code. It looks, in this order, at:
//
//  1. the last part (after the last comma, semicolon, slash or bracket) as a
//     whole: a country name in Danish, English or the native language, an
//     ISO alpha-2 or alpha-3 code, or a US state code ("Austin, TX");
//  2. the last words of that part ("Oslo Norge", "Hellerup DK"), where a
//     code must be in capitals so a word like "no" is not read as Norway;
//  3. the earlier parts as whole names or codes ("Danmark, København");
//  4. a well-known city in any part ("8000 Aarhus C", "London SW1A 2AA").
//
// ok is false when none of them names a country; the caller decides the
// default (the guide's: Denmark).
func CountryISO(location string) (iso2 string, ok bool) {
	parts := locationParts(location)
	if len(parts) == 0 {
		return "", false
	}
	last := parts[len(parts)-1]
	if iso, ok := partCountry(last); ok {
		return iso, true
	}
	if iso, ok := suffixCountry(last); ok {
		return iso, true
	}
	for i := len(parts) - 2; i >= 0; i-- {
		if iso, ok := partCountry(parts[i]); ok {
			return iso, true
		}
	}
	for i := len(parts) - 1; i >= 0; i-- {
		if iso, ok := cityCountry(parts[i]); ok {
			return iso, true
		}
	}
	return "", false
}

// locationParts splits a location at the separators people put between
// city, region and country, trimmed and without empty parts.
func locationParts(s string) []string {
	s = oneLine(s)
	s = strings.NewReplacer(" - ", ",", " – ", ",", " — ", ",").Replace(s)
	raw := strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune(",;/|()[]{}", r)
	})
	var out []string
	for _, p := range raw {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// partCountry reads one whole location part as a country name or code.
// Codes match without regard to case here, since a part that is only a code
// ("Stockholm, se") can hardly mean anything else.
func partCountry(part string) (string, bool) {
	if iso, ok := nameCountry(fold(part)); ok {
		return iso, true
	}
	if iso, ok := codeCountry(strings.ToUpper(strings.ReplaceAll(part, ".", ""))); ok {
		return iso, true
	}
	words := strings.Fields(part)
	switch {
	case len(words) == 1 && slices.Contains(usStates, words[0]):
		return "US", true
	case len(words) == 2 && slices.Contains(usStates, words[0]) && isUSZip(words[1]):
		return "US", true
	}
	return "", false
}

// suffixCountry reads the last one to four words of a part as a country
// name, or the last word as a capitalised ISO code.
func suffixCountry(part string) (string, bool) {
	words := strings.Fields(part)
	n := len(words)
	if n < 2 {
		return "", false
	}
	folded := " " + fold(part)
	for _, nc := range notCountries {
		if strings.HasSuffix(folded, " "+nc) {
			return "", false
		}
	}
	for k := min(4, n-1); k >= 1; k-- {
		if iso, ok := nameCountry(fold(strings.Join(words[n-k:], " "))); ok {
			return iso, true
		}
	}
	if w := words[n-1]; w == strings.ToUpper(w) {
		return codeCountry(w)
	}
	return "", false
}

// nameCountry looks a folded name up in the country table.
func nameCountry(folded string) (string, bool) {
	if folded == "" {
		return "", false
	}
	for _, c := range countryTable {
		if slices.Contains(c.names, folded) {
			return c.iso2, true
		}
	}
	return "", false
}

// codeCountry looks an upper-case ISO alpha-2 or alpha-3 code up.
func codeCountry(code string) (string, bool) {
	for _, c := range countryTable {
		if (len(code) == 2 && code == c.iso2 && !c.noCode) || (len(code) == 3 && code == c.iso3) {
			return c.iso2, true
		}
	}
	return "", false
}

// cityCountry reads a part as a well-known city, ignoring a postal code
// before or after it and a Danish postal district ("Aarhus C", "Kbh Ø").
func cityCountry(part string) (string, bool) {
	words := strings.Fields(fold(part))
	for len(words) > 0 && hasDigit(words[0]) {
		words = words[1:]
	}
	for len(words) > 0 && hasDigit(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	if len(words) > 1 && isDistrict(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	name := strings.Join(words, " ")
	if name == "" {
		return "", false
	}
	for _, c := range countryTable {
		if slices.Contains(c.cities, name) {
			return c.iso2, true
		}
	}
	return "", false
}

// isDistrict reports a folded Danish postal district suffix: C, K, N, S, V,
// Ø, NV, SV, NØ, SØ.
func isDistrict(w string) bool {
	switch w {
	case "c", "k", "n", "s", "v", "o", "nv", "sv", "no", "so":
		return true
	}
	return false
}

// isUSZip reports a US ZIP code, 12345 or 12345-6789.
func isUSZip(s string) bool {
	if len(s) == 10 && s[5] == '-' {
		return isDigits(s[:5]) && isDigits(s[6:])
	}
	return len(s) == 5 && isDigits(s)
}
