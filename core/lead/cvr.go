package lead

import "strings"

// NormalizeCVR reads a Danish CVR number as people write it: spaces,
// dashes and dots are dropped, as is a "DK" prefix (the VAT form), so
// "DK-29 93 51 81" and "29.93.51.81" both give "29935181".
//
// norm is the digits when s was digits and those separators only, else the
// trimmed input (kept so nothing the file said is lost). valid is true only
// for 8 digits, the first not 0 (no CVR starts with 0, and "00000000" is a
// common placeholder), passing the modulus-11 check with weights
// 2,7,6,5,4,3,2,1. Only a valid CVR may be used to match leads.
func NormalizeCVR(s string) (norm string, valid bool) {
	t := strings.TrimSpace(s)
	u := t
	if len(u) >= 2 && strings.EqualFold(u[:2], "DK") {
		u = u[2:]
	}
	var b strings.Builder
	b.Grow(len(u))
	for _, r := range u {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '.' || r == '\u00a0' || r == '\t':
		default:
			return t, false
		}
	}
	d := b.String()
	if d == "" {
		return t, false
	}
	return d, validCVR(d)
}

// validCVR applies the modulus-11 check to 8 digits.
func validCVR(d string) bool {
	if len(d) != 8 || d[0] == '0' {
		return false
	}
	weights := [8]int{2, 7, 6, 5, 4, 3, 2, 1}
	sum := 0
	for i := range 8 {
		sum += int(d[i]-'0') * weights[i]
	}
	return sum%11 == 0
}
