package lead

import (
	"strings"

	"github.com/rabitiq/superoffice-sync/core/orgnr"
)

// NormalizeCVR reads a Danish CVR number as people write it: spaces,
// dashes and dots are dropped, as is a "DK" prefix (the VAT form), so
// "DK-29 93 51 81" and "29.93.51.81" both give "29935181".
//
// norm is the digits when s was digits and those separators only, else the
// trimmed input (kept so nothing the file said is lost). valid is true only
// when core/orgnr accepts the digits as a CVR (orgnr.ValidDK: 8 digits,
// not starting with 0, modulus 11), the rule core/match uses too. Only a
// valid CVR may be used to match leads.
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
	return d, orgnr.ValidDK(d)
}
