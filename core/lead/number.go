package lead

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseNumber reads a number the way AI-written lead files state them: JSON
// number text ("58600000", "-7.7", "1e6") or Danish/English notation —
// "12.500.000", "12,5 mio.", "1,2 mia. kr.", "DKK 3.4M", "12,5 %", "-3,1%",
// "ca. 250", "1.234,56", "1,234.56", "12 500", "250k", "kr. 250,-".
//
// Rules, chosen so that no notation is misread silently:
//   - With both '.' and ',' the last one is the decimal separator and the
//     other groups thousands (groups of three are checked).
//   - One kind of separator used more than once groups thousands.
//   - A lone separator followed by exactly three digits after a 1–3 digit
//     lead groups thousands ("12.500" = 12500, "1,200" = 1200: the Danish
//     reading, which is what amounts and head counts mean); otherwise it is
//     the decimal separator ("12,5", "3.4", "0.125").
//   - Multipliers: k/t/tusind/thousand (10³), m/mio./mill./million(er)/mn
//     (10⁶), mia./mrd./milliard(er)/bn/billion (10⁹); a percent sign or
//     "pct"/"procent" is dropped (the value is in percent).
//   - Approximations (ca., cirka, ~, about) and the currency DKK/kr. are
//     dropped. Any other currency, a range ("10-20") or other words fail:
//     a revenue in EUR must not be stored as DKK.
//
// ok is false, and the value 0, when s cannot be read.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	if isJSONNumber(s) && !loneThousands(s) {
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil
	}
	return parseNotation(s)
}

// isJSONNumber reports whether s is exactly an RFC 8259 number.
func isJSONNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := func() int {
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - j
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case digits() == 0:
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// loneThousands reports "-?[1-9]d{0,2}.ddd", which is JSON number text but
// in Danish a thousands grouping.
func loneThousands(s string) bool {
	s = strings.TrimPrefix(s, "-")
	dot := strings.IndexByte(s, '.')
	return dot >= 1 && dot <= 3 && s[0] != '0' && len(s)-dot-1 == 3 && !strings.ContainsAny(s, "eE")
}

// foldNotation lowercases s and maps the look-alike characters that
// documents use: the minus sign to '-', '≈' to '~', no-break and thin
// spaces to ' '.
func foldNotation(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '\u2212':
			r = '-'
		case '≈':
			r = '~'
		case '\u00a0', '\u2007', '\u2009', '\u202f':
			r = ' '
		default:
			if r < utf8.RuneSelf {
				if r >= 'A' && r <= 'Z' {
					r += 'a' - 'A'
				}
			} else {
				r = unicode.ToLower(r)
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// prefixWords may stand before a number: approximations and the currency.
func isPrefixWord(w string) bool {
	switch w {
	case "ca", "c", "cirka", "approx", "approximately", "about", "around", "omkring", "dkk", "kr", "kroner":
		return true
	}
	return false
}

func parseNotation(s string) (float64, bool) {
	t := foldNotation(s)
	neg, signed := false, false
	for {
		t = strings.TrimLeft(t, " ")
		if t == "" {
			return 0, false
		}
		switch c := t[0]; {
		case c == '-' || c == '+':
			if signed {
				return 0, false
			}
			signed, neg = true, c == '-'
			t = t[1:]
			continue
		case c == '~':
			t = t[1:]
			continue
		case c >= 'a' && c <= 'z':
			n := 0
			for n < len(t) && t[n] >= 'a' && t[n] <= 'z' {
				n++
			}
			if !isPrefixWord(t[:n]) {
				return 0, false
			}
			t = strings.TrimPrefix(t[n:], ".")
			continue
		}
		break
	}

	// The number: digits with separators between them.
	var digits []byte
	type sep struct {
		c   byte
		pos int // digits before it
	}
	var seps []sep
	i := 0
	for ; i < len(t); i++ {
		c := t[i]
		if c >= '0' && c <= '9' {
			digits = append(digits, c)
			continue
		}
		if (c == '.' || c == ',' || c == ' ' || c == '\'') && len(digits) > 0 && i+1 < len(t) && t[i+1] >= '0' && t[i+1] <= '9' {
			seps = append(seps, sep{c, len(digits)})
			continue
		}
		break
	}
	if len(digits) == 0 {
		return 0, false
	}

	dec := len(digits) // digits before the decimal separator
	if n := len(seps); n > 0 {
		last := seps[n-1]
		same := 0
		for _, sp := range seps {
			if sp.c == last.c {
				same++
			}
		}
		thousands := seps
		switch {
		case same == 1 && (last.c == '.' || last.c == ','):
			if n == 1 {
				lead := last.pos
				if len(digits)-lead == 3 && lead <= 3 && digits[0] != '0' {
					break // a lone thousands separator
				}
			}
			for _, sp := range seps[:n-1] {
				if sp.c != seps[0].c {
					return 0, false
				}
			}
			dec, thousands = last.pos, seps[:n-1]
		case same != n:
			return 0, false
		}
		// Thousands groups: a 1–3 digit lead without leading zero, then threes.
		if len(thousands) > 0 {
			if thousands[0].pos > 3 || digits[0] == '0' {
				return 0, false
			}
			for j := 1; j < len(thousands); j++ {
				if thousands[j].pos-thousands[j-1].pos != 3 {
					return 0, false
				}
			}
			if dec-thousands[len(thousands)-1].pos != 3 {
				return 0, false
			}
		}
	}

	// After the number: ",-" (Danish whole kroner), multiplier, currency, percent.
	rest := t[i:]
	if strings.HasPrefix(rest, ",-") || strings.HasPrefix(rest, ".-") {
		rest = rest[2:]
	}
	exp, pct, cur := 0, false, false
	for _, w := range strings.Fields(strings.ReplaceAll(rest, ".", " ")) {
		e := 0
		switch w {
		case "k", "t", "tusind", "thousand":
			e = 3
		case "tkr":
			e, cur = 3, true
		case "m", "mio", "mill", "million", "millioner", "millions", "mn":
			e = 6
		case "mkr", "mdkk":
			e, cur = 6, true
		case "mia", "mrd", "milliard", "milliarder", "billion", "billions", "bn", "b":
			e = 9
		case "kr", "dkk", "kroner":
			if cur {
				return 0, false
			}
			cur = true
		case "%", "pct", "procent", "percent":
			if pct {
				return 0, false
			}
			pct = true
		default:
			return 0, false
		}
		if e != 0 {
			if exp != 0 {
				return 0, false
			}
			exp = e
		}
	}
	if pct && exp != 0 {
		return 0, false
	}

	lit := make([]byte, 0, len(digits)+8)
	if neg {
		lit = append(lit, '-')
	}
	lit = append(lit, digits[:dec]...)
	if dec < len(digits) {
		lit = append(lit, '.')
		lit = append(lit, digits[dec:]...)
	}
	lit = append(lit, 'e')
	lit = strconv.AppendInt(lit, int64(exp), 10)
	f, err := strconv.ParseFloat(string(lit), 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}
