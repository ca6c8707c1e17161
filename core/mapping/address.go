package mapping

import (
	"slices"
	"strings"

	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// parseAddress splits a one-line address into SuperOffice's structured
// parts. It reads the forms leads use:
//
//	Danish/Norwegian  "Vestergade 12, 1. th., 8000 Aarhus C", "DK-8000 Aarhus C", "Karl Johans gate 1, 0154 Oslo"
//	Swedish           "Drottninggatan 5, 111 51 Stockholm", "SE-111 51 Stockholm"
//	German and most of Europe  "Friedrichstraße 10, 10117 Berlin", "00-624 Warszawa", "1012 LG Amsterdam"
//	British           "10 Downing Street, London SW1A 2AA", "…, EC1A 1BB London", "…, London, NW1 6XE"
//	American          "1600 Amphitheatre Pkwy, Mountain View, CA 94043"
//
// A trailing country ("…, Danmark", "…, UK") is dropped; the country is
// mapped on its own. The parts before the postal code become Address1,
// Address2 and Address3 (more than three are joined into Address3). ok is
// false when no postal code and town can be found; the caller then keeps
// the whole text in Address1, so nothing is lost.
func parseAddress(s string) (superoffice.StructuredAddress, bool) {
	var parts []string
	for _, p := range strings.Split(oneLine(strings.ReplaceAll(s, "\n", ",")), ",") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	for len(parts) > 1 && isCountryPart(parts[len(parts)-1]) {
		parts = parts[:len(parts)-1]
	}
	if len(parts) == 1 {
		parts = splitOnePart(parts[0])
	}
	for i := len(parts) - 1; i >= 0; i-- {
		a, ok := postalPart(parts, i)
		if ok {
			return a, true
		}
	}
	return superoffice.StructuredAddress{}, false
}

// isCountryPart reports a part that is only a country name or code.
func isCountryPart(p string) bool {
	_, ok := partCountry(p)
	return ok && !hasDigit(p)
}

// postalPart tries to read parts[i] as the part holding the postal code and
// builds the address around it. The town is in the same part ("8000 Aarhus
// C", "London SW1A 2AA"), else in the next part ("8000, Aarhus C"), else in
// the one before ("London, NW1 6XE"). Nothing but the town may follow.
func postalPart(parts []string, i int) (superoffice.StructuredAddress, bool) {
	words := strings.Fields(parts[i])
	var a superoffice.StructuredAddress
	streets, end := parts[:i], i
	if zip, n := leadingPostcode(words); n > 0 {
		a.Zipcode, a.City = zip, strings.Join(words[n:], " ")
	} else if len(words) == 2 && slices.Contains(usStates, words[0]) && isUSZip(words[1]) && i > 0 {
		a.State, a.Zipcode, a.City = words[0], words[1], parts[i-1] // "Mountain View, CA 94043"
		streets = parts[:i-1]
	} else if zip, n := trailingPostcode(words); n > 0 {
		a.Zipcode, a.City = zip, strings.Join(words[:len(words)-n], " ")
	} else {
		return a, false
	}
	if a.City == "" {
		if i+1 < len(parts) && !hasDigit(parts[i+1]) {
			a.City, end = parts[i+1], i+1
		} else if i > 0 && !hasDigit(parts[i-1]) {
			a.City, streets = parts[i-1], parts[:i-1]
		}
	}
	if !hasLetter(a.City) || end != len(parts)-1 {
		return superoffice.StructuredAddress{}, false
	}
	switch {
	case len(streets) > 3:
		a.Address1, a.Address2, a.Address3 = streets[0], streets[1], strings.Join(streets[2:], ", ")
	case len(streets) == 3:
		a.Address1, a.Address2, a.Address3 = streets[0], streets[1], streets[2]
	case len(streets) == 2:
		a.Address1, a.Address2 = streets[0], streets[1]
	case len(streets) == 1:
		a.Address1 = streets[0]
	}
	return a, true
}

// leadingPostcode reads a postal code at the start of words and returns it
// with the number of words it used (0 for none). It accepts 4 or 5 digits
// (Nordics, Germany and most of Europe), "111 51" (Sweden), "00-624"
// (Poland), "1000-001" (Portugal), "1012 LG" (the Netherlands), a country
// prefix ("DK-8000", "D-10117", "SE-111 51") and a British postcode.
func leadingPostcode(words []string) (string, int) {
	if len(words) == 0 {
		return "", 0
	}
	w := stripPostPrefix(words[0])
	switch {
	case isDigits(w) && len(w) == 3 && len(words) > 1 && isDigits(words[1]) && len(words[1]) == 2:
		return w + " " + words[1], 2
	case isDigits(w) && len(w) == 4 && len(words) > 1 && isUpperLetters(words[1], 2):
		return w + " " + words[1], 2
	case isDigits(w) && (len(w) == 4 || len(w) == 5):
		return w, 1
	case isDashedPostcode(w):
		return w, 1
	}
	if len(words) > 1 && isUKOutward(words[0]) && isUKInward(words[1]) {
		return strings.ToUpper(words[0] + " " + words[1]), 2
	}
	return "", 0
}

// trailingPostcode reads a postal code after a town without digits: a
// British postcode ("London SW1A 2AA") or 4–5 digits ("Stockholm 11151").
func trailingPostcode(words []string) (string, int) {
	n := len(words)
	switch {
	case n >= 3 && isUKOutward(words[n-2]) && isUKInward(words[n-1]) && !hasDigit(strings.Join(words[:n-2], " ")):
		return strings.ToUpper(words[n-2] + " " + words[n-1]), 2
	case n >= 2 && isDigits(words[n-1]) && (len(words[n-1]) == 4 || len(words[n-1]) == 5) && !hasDigit(strings.Join(words[:n-1], " ")):
		return words[n-1], 1
	}
	return "", 0
}

// stripPostPrefix drops a country prefix from a postal code: "DK-8000",
// "D-10117", "SE-111", "CH-8001" → the digits.
func stripPostPrefix(w string) string {
	i := strings.IndexByte(w, '-')
	if i < 1 || i > 3 || !isUpperLetters(strings.ToUpper(w[:i]), i) || !isDigits(w[i+1:]) {
		return w
	}
	return w[i+1:]
}

// isDashedPostcode reports "00-624" (Poland) and "1000-001" (Portugal).
func isDashedPostcode(w string) bool {
	i := strings.IndexByte(w, '-')
	if i < 0 {
		return false
	}
	a, b := w[:i], w[i+1:]
	return isDigits(a) && isDigits(b) && ((len(a) == 2 && len(b) == 3) || (len(a) == 4 && len(b) == 3))
}

// isUpperLetters reports exactly n ASCII capital letters.
func isUpperLetters(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// isUKOutward reports the first half of a British postcode: one or two
// letters, a digit, then an optional letter or digit ("SW1A", "EC1A",
// "M1", "B33"). Case does not matter.
func isUKOutward(w string) bool {
	w = strings.ToUpper(w)
	i := 0
	for i < len(w) && i < 2 && w[i] >= 'A' && w[i] <= 'Z' {
		i++
	}
	if i == 0 || i >= len(w) || w[i] < '0' || w[i] > '9' {
		return false
	}
	rest := w[i+1:]
	return rest == "" || (len(rest) == 1 && (rest[0] >= '0' && rest[0] <= '9' || rest[0] >= 'A' && rest[0] <= 'Z'))
}

// isUKInward reports the second half of a British postcode: a digit and two
// letters ("2AA").
func isUKInward(w string) bool {
	w = strings.ToUpper(w)
	return len(w) == 3 && w[0] >= '0' && w[0] <= '9' && isUpperLetters(w[1:], 2)
}

// splitOnePart splits an address written without commas, "Vestergade 12
// 8000 Aarhus C", at the postal code that follows a house number.
func splitOnePart(p string) []string {
	words := strings.Fields(p)
	for i := 2; i < len(words)-1; i++ {
		if hasDigit(words[i-1]) {
			if _, n := leadingPostcode(words[i:]); n > 0 {
				return []string{strings.Join(words[:i], " "), strings.Join(words[i:], " ")}
			}
		}
	}
	return []string{p}
}
