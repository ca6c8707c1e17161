package match

import (
	"strings"
	"unicode"
)

// The fields the match dialog sets side by side, lead against candidate.
const (
	FieldName     = "name"
	FieldOrgNr    = "orgnr"
	FieldAddress  = "address"
	FieldCity     = "city"
	FieldWebsite  = "website"
	FieldPhone    = "phone"
	FieldOwner    = "owner"
	FieldCategory = "category"
	FieldCountry  = "country"
)

// WeakScore is the score below which a candidate does not resemble the
// lead. A name alone scores 0.9 × its similarity, so 0.5 asks for names
// at least ~56 % alike; Rank already drops everything under 0.35.
const WeakScore = 0.5

// Resembles reports a candidate that may be the lead's company: its org
// number matches, or, with no conflicting org number, its domain matches
// or it scores at least WeakScore. A company with another valid org
// number is another legal entity, however alike the names. When no
// candidate resembles the lead, creating a new company is the likely
// choice, and the match dialog makes "Opret & Sync" its primary button.
func (c Candidate) Resembles() bool {
	if c.OrgNrMatch {
		return true
	}
	return !c.Conflict && (c.DomainMatch || c.Score >= WeakScore)
}

// AnyResembles reports whether at least one candidate Resembles.
func AnyResembles(cs []Candidate) bool {
	for _, c := range cs {
		if c.Resembles() {
			return true
		}
	}
	return false
}

// Differs reports whether the candidate's value of field is another than
// the lead's, compared as the matching compares: org numbers by their
// digits, websites by their domain, phones by their last eight digits,
// names after normalisation, the rest without case, spacing or
// punctuation. A value missing on either side is not a difference (it is
// unknown, or a blank the sync fills).
func Differs(field string, lead, cand Company) bool {
	a, b := value(field, lead), value(field, cand)
	if strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" {
		return false
	}
	switch field {
	case FieldOrgNr:
		x, y := NormalizeOrgNumber(a, ""), NormalizeOrgNumber(b, "")
		if x.Valid && y.Valid {
			return !SameOrgNumber(x, y)
		}
		return Digits(a) != Digits(b)
	case FieldWebsite:
		return Domain(a) != Domain(b)
	case FieldPhone:
		return lastN(Digits(a), 8) != lastN(Digits(b), 8)
	case FieldName:
		return NameSimilarity(NormalizeName(a), NormalizeName(b)) < 1
	}
	return folded(a) != folded(b)
}

// value is a company's value of a compared field; the city is compared
// with its postcode, as the dialog shows it.
func value(field string, c Company) string {
	switch field {
	case FieldName:
		return c.Name
	case FieldOrgNr:
		return c.OrgNr
	case FieldAddress:
		return c.Address
	case FieldCity:
		return strings.TrimSpace(c.Zip + " " + c.City)
	case FieldWebsite:
		return c.Website
	case FieldPhone:
		return c.Phone
	case FieldOwner:
		return c.Owner
	case FieldCategory:
		return c.Category
	case FieldCountry:
		return c.Country
	}
	return ""
}

// Digits keeps a number's digits, so "DK 12 34 56 78" and "12345678",
// or "+45 20 30 40 50" and "20304050" with its prefix, compare alike.
func Digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

func lastN(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// folded is s in lower case with only its letters and digits, so
// "Vestergade 145," and "vestergade 145" are the same.
func folded(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}
