package mapping

import (
	"strings"
	"unicode"
)

// normalizeEmail trims an e-mail address, drops a "mailto:" prefix or
// angle brackets around it ("Lars <lars@acme.dk>"), and lower-cases the
// domain, which is case-insensitive; the local part keeps its case, as the
// standard lets the receiving server decide. It returns "" for anything
// that is not one plausible address.
func normalizeEmail(s string) string {
	s = oneLine(s)
	if i, j := strings.LastIndexByte(s, '<'), strings.LastIndexByte(s, '>'); i >= 0 && j > i {
		s = s[i+1 : j]
	}
	s = strings.TrimSpace(s)
	if len(s) >= 7 && strings.EqualFold(s[:7], "mailto:") {
		s = s[7:]
	}
	s = strings.TrimRight(s, ".,;")
	local, domain, ok := strings.Cut(s, "@")
	if !ok || strings.Contains(domain, "@") || !validLocal(local) {
		return ""
	}
	domain = strings.ToLower(domain)
	if strings.Contains(domain, ":") || !validHost(domain) {
		return ""
	}
	return local + "@" + domain
}

// validLocal reports a plausible unquoted local part: 1–64 bytes of
// letters, digits and the standard's specials, no leading, trailing or
// doubled dot, no white space.
func validLocal(l string) bool {
	if l == "" || len(l) > 64 || l[0] == '.' || l[len(l)-1] == '.' || strings.Contains(l, "..") {
		return false
	}
	for _, r := range l {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("!#$%&'*+-/=?^_`{|}~.", r) {
			return false
		}
	}
	return true
}

// phone is one number from a contact's phone text.
type phone struct {
	value    string
	mobile   bool // a label said it is a mobile number
	labelled bool // a label ("Mobil:", "Tlf.") said what it is
}

// phoneLabels map a label written before a number to whether it marks a
// mobile (true) or an office number (false). Keys are folded.
var phoneLabels = map[string]bool{
	"mobil": true, "mobile": true, "mob": true, "m": true, "cell": true, "cellphone": true, "mobiltelefon": true,
	"tlf": false, "tel": false, "telefon": false, "phone": false, "direkte": false, "direct": false,
	"dir": false, "kontor": false, "office": false, "fastnet": false, "t": false, "o": false, "d": false,
}

// splitPhones reads a contact's phone text, which may hold several numbers
// ("+45 12 34 56 78 / mobil 22 33 44 55"), into numbers. Each keeps its
// formatting, with "00" before the country code turned into "+" and a
// "(0)" trunk prefix after it removed. Text that holds no plausible number
// (fewer than 5 or more than 20 digits, or letters) is returned in bad.
func splitPhones(s string) (out []phone, bad []string) {
	s = oneLine(s)
	s = strings.NewReplacer(" / ", ";", " eller ", ";", " og ", ";", " or ", ";", " and ", ";", "|", ";", ",", ";").Replace(s)
	for _, p := range strings.Split(s, ";") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		label := 0
		if i := strings.IndexFunc(p, func(r rune) bool { return unicode.IsDigit(r) || r == '+' || r == '(' }); i > 0 {
			label = i
		}
		var ph phone
		if label > 0 {
			isMobile, known := phoneLabels[fold(p[:label])]
			if !known {
				bad = append(bad, p)
				continue
			}
			ph.mobile, ph.labelled = isMobile, true
			p = strings.TrimSpace(p[label:])
		}
		if len(p) >= 4 && strings.EqualFold(p[:4], "tel:") {
			p = p[4:]
		}
		p = strings.Replace(p, "(0)", "", 1)
		p = strings.Join(strings.Fields(p), " ")
		if strings.HasPrefix(p, "00") {
			p = "+" + p[2:]
		}
		if !plausiblePhone(p) {
			bad = append(bad, p)
			continue
		}
		ph.value = p
		out = append(out, ph)
	}
	return out, bad
}

// plausiblePhone reports 5–20 digits with only phone punctuation around.
func plausiblePhone(p string) bool {
	digits := 0
	for i, r := range p {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0:
		case strings.ContainsRune(" -.()/", r):
		default:
			return false
		}
	}
	return digits >= 5 && digits <= 20
}

// callingCodes are the country calling codes whose mobile ranges
// isMobileNumber knows, with the ISO code.
var callingCodes = []struct{ code, iso string }{
	{"358", "FI"}, {"354", "IS"}, {"45", "DK"}, {"46", "SE"}, {"47", "NO"}, {"49", "DE"}, {"44", "GB"},
}

// isMobileNumber reports a number in a mobile range of its country's
// numbering plan. Numbers without "+" are read in the lead's country.
// Where mobile and fixed numbers cannot be told apart (the USA), or the
// country is unknown, it says false: a number goes to OfficePhones unless
// it clearly is a mobile.
func isMobileNumber(p, homeISO string) bool {
	var digits strings.Builder
	for _, r := range p {
		if r >= '0' && r <= '9' {
			digits.WriteRune(r)
		}
	}
	nsn, iso := digits.String(), homeISO
	if strings.HasPrefix(p, "+") {
		iso = ""
		for _, c := range callingCodes {
			if strings.HasPrefix(nsn, c.code) {
				nsn, iso = nsn[len(c.code):], c.iso
				break
			}
		}
	} else if iso != "DK" && iso != "NO" {
		nsn = strings.TrimPrefix(nsn, "0") // trunk prefix
	}
	has := func(prefixes ...string) bool {
		for _, x := range prefixes {
			if strings.HasPrefix(nsn, x) {
				return true
			}
		}
		return false
	}
	switch iso {
	case "DK":
		return len(nsn) == 8 && has("2", "30", "31", "40", "41", "42", "50", "51", "52", "53", "60", "61", "71", "81", "91", "92", "93")
	case "NO":
		return len(nsn) == 8 && has("4", "9")
	case "SE":
		return has("70", "72", "73", "76", "79")
	case "FI":
		return has("4", "50")
	case "DE":
		return has("15", "16", "17")
	case "GB":
		return has("71", "72", "73", "74", "75", "77", "78", "79")
	case "IS":
		return len(nsn) == 7 && has("6", "7", "8")
	}
	return false
}
