// Package orgnr holds the one rule for whether a Nordic company
// registration number can exist: a Danish CVR, a Norwegian
// organisasjonsnummer or a Swedish organisationsnummer, given as its bare
// ASCII digits. Reading the number out of free text (prefixes, labels,
// separators) is the caller's business; core/lead and core/match both ask
// this package, so a lead and a match never disagree about a number.
package orgnr

// Country codes of the registries this package knows.
const (
	Denmark = "DK"
	Norway  = "NO"
	Sweden  = "SE"
)

// Valid reports whether digits is a number country's registry can have
// issued (see ValidDK, ValidNO, ValidSE). An unknown country is never valid.
func Valid(country, digits string) bool {
	switch country {
	case Denmark:
		return ValidDK(digits)
	case Norway:
		return ValidNO(digits)
	case Sweden:
		return ValidSE(digits)
	}
	return false
}

// ValidDK reports a possible CVR number: 8 digits, the first not 0 (CVR
// numbers start at 10000000, and "00000000" is a common placeholder in
// lead files and CRMs), and the modulus-11 check with weights
// 2,7,6,5,4,3,2,1.
func ValidDK(d string) bool {
	if len(d) != 8 || !digitsOnly(d) || d[0] == '0' {
		return false
	}
	weights := [8]int{2, 7, 6, 5, 4, 3, 2, 1}
	sum := 0
	for i, w := range weights {
		sum += int(d[i]-'0') * w
	}
	return sum%11 == 0
}

// ValidNO reports a possible Norwegian organisasjonsnummer: 9 digits, the
// first not 0 (Brønnøysund issues them from 800000000 up, and "000000000"
// passes the check digit), and the modulus-11 check: weights 3,2,7,6,5,4,3,2
// on the first eight digits, check digit 11 - sum mod 11, where 11 means 0
// and 10 means the number cannot exist.
func ValidNO(d string) bool {
	if len(d) != 9 || !digitsOnly(d) || d[0] == '0' {
		return false
	}
	weights := [8]int{3, 2, 7, 6, 5, 4, 3, 2}
	sum := 0
	for i, w := range weights {
		sum += int(d[i]-'0') * w
	}
	check := 11 - sum%11
	switch check {
	case 11:
		check = 0
	case 10:
		return false
	}
	return int(d[8]-'0') == check
}

// ValidSE reports a possible Swedish organisationsnummer: 10 digits, not
// all zeros, passing the Luhn check. A leading 0 is allowed on purpose: a
// sole trader's organisationsnummer is the owner's personnummer, which
// starts with 0 for everyone born 2000–2009.
func ValidSE(d string) bool {
	if len(d) != 10 || !digitsOnly(d) || allZero(d) {
		return false
	}
	return luhn(d)
}

// luhn is the Luhn check Sweden uses for org numbers: double every second
// digit from the left (of 10), sum the digits, divisible by 10.
func luhn(d string) bool {
	sum := 0
	for i := 0; i < len(d); i++ {
		n := int(d[i] - '0')
		if (len(d)-i)%2 == 0 {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
	}
	return sum%10 == 0
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func allZero(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '0' {
			return false
		}
	}
	return true
}
