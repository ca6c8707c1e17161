package match

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/rabitiq/superoffice-sync/core/orgnr"
)

// The countries whose org numbers this package can validate.
const (
	Denmark = orgnr.Denmark
	Norway  = orgnr.Norway
	Sweden  = orgnr.Sweden
)

// OrgNumber is a company registration number read from free text: a Danish
// CVR (8 digits), a Norwegian organisasjonsnummer (9 digits) or a Swedish
// organisationsnummer (10 digits).
//
// Country is "DK", "NO", "SE" or "" when the number could not be placed.
// Digits is the canonical number: only ASCII digits, without country
// prefix, separators, "MVA", the Swedish century ("16", "19", "20") or the
// Swedish VAT suffix "01". For an invalid number Digits keeps the digits
// as read (or "" when the text was no number at all), for display only.
//
// Valid is true only when core/orgnr accepts Digits for the country
// (length, no leading 0 in Denmark and Norway, not all zeros, check digit),
// the rule core/lead uses for CVRValid too. Only a valid number is ever used to match: a mistyped CVR
// that happens to equal another company's is worse than no CVR at all.
type OrgNumber struct {
	Country string
	Digits  string
	Valid   bool
}

// orgLabels are the words people write before the number ("CVR-nr.:",
// "Org.nr.", "VAT"), after dots, dashes and spaces are gone and letters are
// upper-case, with the country each label implies ("" for none). A label is
// not a country prefix, so "CVR" fixes Denmark but "VAT" decides nothing.
var orgLabels = map[string]string{
	"":                    "",
	"CVR":                 Denmark,
	"CVRNR":               Denmark,
	"CVRNO":               Denmark,
	"CVRNUMMER":           Denmark,
	"ORGNR":               "",
	"ORGNO":               "",
	"ORGNUMMER":           "",
	"ORGANISASJONSNUMMER": Norway,
	"ORGANISATIONSNUMMER": Sweden,
	"VAT":                 "",
	"VATNR":               "",
	"MOMS":                "",
	"MOMSNR":              "",
	"NR":                  "",
}

// NormalizeOrgNumber reads an org number as people and CRMs write it:
// "DK12345678", "DK 12 34 56 78", "CVR-nr. 12345678", "NO 923 609 016 MVA",
// "Org.nr. 923609016", "556677-8899", "16556677-8899", "SE556677889901".
// Spaces, dashes, dots, slashes and colons are ignored.
//
// The country comes, in this order, from an explicit prefix or label in the
// text ("DK", "NO…MVA", "SE", "CVR"), from countryHint (the lead's country;
// a hint other than DK, NO or SE counts as no hint), or from the shape: 8
// digits are Danish, 9 Norwegian, 10 or 12 Swedish. The text beats the hint
// because a lead's location often names a branch office, while a prefix is
// what the registry issued.
//
// Normalising a result's Digits again with its Country as hint gives the
// same result, so stored numbers can be re-read safely.
func NormalizeOrgNumber(s string, countryHint string) OrgNumber {
	hint := strings.ToUpper(strings.TrimSpace(countryHint))
	if !supportedCountry(hint) {
		hint = ""
	}
	prefix, digits, suffix, ok := splitOrgNumber(s)
	if !ok {
		return OrgNumber{Country: hint}
	}
	country, ok := explicitCountry(prefix, suffix)
	if !ok {
		return OrgNumber{Country: hint}
	}
	if country == "" {
		country = hint
	}
	if country == "" {
		country = countryByShape(digits)
	}
	return validateOrgNumber(country, digits, prefix != "")
}

// supportedCountry reports a country whose numbers can be validated.
func supportedCountry(c string) bool {
	return c == Denmark || c == Norway || c == Sweden
}

// maxOrgText bounds the text read as an org number; OrgNr holds at most 49
// characters in SuperOffice, so anything much longer is not a number.
const maxOrgText = 256

// splitOrgNumber drops separators and splits the rest into leading letters,
// one run of digits and trailing letters. ok is false when letters and
// digits interleave, a rune is neither letter, digit nor separator, or
// there are no digits: such text is a note, not a number.
func splitOrgNumber(s string) (prefix, digits, suffix string, ok bool) {
	if len(s) > maxOrgText {
		return "", "", "", false
	}
	s = norm.NFKC.String(s) // full-width digits and letters become ASCII
	var pre, num, suf strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			if suf.Len() > 0 {
				return "", "", "", false
			}
			num.WriteRune(r)
		case r < unicode.MaxASCII && unicode.IsLetter(r):
			if num.Len() > 0 {
				suf.WriteRune(unicode.ToUpper(r))
			} else {
				pre.WriteRune(unicode.ToUpper(r))
			}
		case isOrgSeparator(r):
		default:
			return "", "", "", false
		}
	}
	if num.Len() == 0 {
		return "", "", "", false
	}
	return pre.String(), num.String(), suf.String(), true
}

// isOrgSeparator reports the punctuation people put inside org numbers.
func isOrgSeparator(r rune) bool {
	switch r {
	case '-', '.', '/', ':', ',', '_', '(', ')', '#', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014':
		return true
	}
	return unicode.IsSpace(r)
}

// explicitCountry reads the country the text itself names: a label
// ("CVR"), a country prefix ("DK", "VAT NO") or the Norwegian "MVA" suffix.
// ok is false for letters it does not know or that contradict each other,
// because a guessed reading could match the wrong company.
func explicitCountry(prefix, suffix string) (country string, ok bool) {
	if c, known := orgLabels[prefix]; known {
		country = c
	} else if len(prefix) >= 2 && supportedCountry(prefix[len(prefix)-2:]) {
		label, code := prefix[:len(prefix)-2], prefix[len(prefix)-2:]
		c, known := orgLabels[label]
		if !known || (c != "" && c != code) {
			return "", false
		}
		country = code
	} else {
		return "", false
	}
	switch suffix {
	case "":
	case "MVA":
		if country != "" && country != Norway {
			return "", false
		}
		country = Norway
	default:
		return "", false
	}
	return country, true
}

// countryByShape places a number without prefix or hint by its length.
func countryByShape(digits string) string {
	switch len(digits) {
	case 8:
		return Denmark
	case 9:
		return Norway
	case 10, 12:
		return Sweden
	}
	return ""
}

// validateOrgNumber checks digits with core/orgnr's rule for the country.
// hadPrefix tells a Swedish "SE…01" VAT number from the 12-digit form with
// century, which are otherwise ambiguous.
func validateOrgNumber(country, digits string, hadPrefix bool) OrgNumber {
	if country == Sweden {
		if d, ok := swedishDigits(digits, hadPrefix); ok {
			return OrgNumber{Country: country, Digits: d, Valid: true}
		}
		return OrgNumber{Country: country, Digits: digits}
	}
	return OrgNumber{Country: country, Digits: digits, Valid: orgnr.Valid(country, digits)}
}

// swedishDigits returns the 10-digit Swedish number inside digits: the
// number itself, the 12-digit form with century "16", "19" or "20" in
// front, or the VAT form's digits "…01". The VAT reading is tried first
// when the text had a prefix ("SE…01"), the century reading first without.
func swedishDigits(d string, hadPrefix bool) (string, bool) {
	switch len(d) {
	case 10:
		return d, orgnr.ValidSE(d)
	case 12:
		century := func() (string, bool) {
			c := d[:2]
			if (c == "16" || c == "19" || c == "20") && orgnr.ValidSE(d[2:]) {
				return d[2:], true
			}
			return "", false
		}
		vat := func() (string, bool) {
			if d[10:] == "01" && orgnr.ValidSE(d[:10]) {
				return d[:10], true
			}
			return "", false
		}
		first, second := century, vat
		if hadPrefix {
			first, second = vat, century
		}
		if s, ok := first(); ok {
			return s, true
		}
		return second()
	}
	return "", false
}

// Variants lists the ways SuperOffice users type this number into OrgNr,
// canonical form first, for building `orgnr is '…'` queries: OrgNr is free
// text and the API neither validates nor normalises it, so one query per
// common spelling is the only way to find a stored number. An invalid
// number has no variants, because it must never be searched for.
func (o OrgNumber) Variants() []string {
	if !o.Valid || NormalizeOrgNumber(o.Digits, o.Country) != o {
		return nil // also refuses a hand-built OrgNumber that claims Valid
	}
	d := o.Digits
	switch {
	case o.Country == Denmark && len(d) == 8:
		return []string{d, "DK" + d, "DK " + d, d[:2] + " " + d[2:4] + " " + d[4:6] + " " + d[6:]}
	case o.Country == Norway && len(d) == 9:
		spaced := d[:3] + " " + d[3:6] + " " + d[6:]
		return []string{d, spaced, "NO" + d + "MVA", "NO " + spaced + " MVA"}
	case o.Country == Sweden && len(d) == 10:
		return []string{d, d[:6] + "-" + d[6:], "SE" + d + "01"}
	}
	return nil
}

// SameOrgNumber reports whether two valid numbers are the same
// registration, however each was written.
func SameOrgNumber(a, b OrgNumber) bool {
	return a.Valid && b.Valid && a.Country == b.Country && a.Digits == b.Digits
}
