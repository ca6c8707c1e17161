package fieldsetup

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// kind is a tenant field type reduced to what matters for storing values.
type kind int

const (
	kindOther kind = iota // Date, Checkbox, List, ...: cannot hold our values
	kindNumber
	kindDecimal
	kindShortText
	kindLongText
)

// kindOf maps both metadata vocabularies: UserDefinedFieldInfo says
// Number/ShortText/LongText/Decimal, FieldInfoBase says Integer/ShortText/
// LongText/Decimal.
func kindOf(tenantType string) kind {
	switch strings.ToLower(strings.TrimSpace(tenantType)) {
	case "number", "integer":
		return kindNumber
	case "decimal":
		return kindDecimal
	case "shorttext":
		return kindShortText
	case "longtext":
		return kindLongText
	}
	return kindOther
}

// candidate is one tenant custom field, merged from the CustomField list
// and the published udef layout (which adds TextLength).
type candidate struct {
	key        string   // the CustomFields key
	labels     []string // folded label variants
	typ        string   // tenant type name as reported
	kind       kind
	textLength int
	readOnly   bool
	claimed    bool
}

// candidates merges both metadata lists by key (case-insensitively). An
// entry without any usable key is dropped: a value could not be written
// to it anyway.
func candidates(infos []superoffice.FieldInfo, udefs []superoffice.UserDefinedFieldInfo) []*candidate {
	var out []*candidate
	byKey := map[string]*candidate{}
	get := func(key string) *candidate {
		nk := normKey(key)
		if c, ok := byKey[nk]; ok {
			return c
		}
		c := &candidate{key: strings.TrimSpace(key)}
		byKey[nk] = c
		out = append(out, c)
		return c
	}
	for _, u := range udefs {
		key := u.ProgId
		if strings.TrimSpace(key) == "" && u.UdefIdentity > 0 {
			key = "SuperOffice:" + strconv.Itoa(u.UdefIdentity)
		}
		if strings.TrimSpace(key) == "" {
			continue
		}
		c := get(key)
		c.addLabel(u.FieldLabel)
		c.typ, c.kind = u.FieldType, kindOf(u.FieldType)
		c.textLength = u.TextLength
		c.readOnly = c.readOnly || u.IsReadOnly
	}
	for _, f := range infos {
		if strings.TrimSpace(f.FieldName) == "" {
			continue
		}
		c := get(f.FieldName)
		c.addLabel(f.DisplayName)
		if c.typ == "" {
			c.typ, c.kind = f.FieldType, kindOf(f.FieldType)
		}
		c.readOnly = c.readOnly || f.IsReadOnly
	}
	return out
}

func (c *candidate) addLabel(raw string) {
	for _, l := range splitMultiLang(raw) {
		if f := foldLabel(l); f != "" {
			c.labels = append(c.labels, f)
		}
	}
}

// normKey compares keys the way SuperOffice does (case-insensitively) and
// forgives stray spaces an admin may type into a Prog ID ("RabitIQ: 3").
func normKey(k string) string {
	return strings.ToLower(strings.Join(strings.Fields(k), ""))
}

// splitMultiLang returns the texts of a multi-language label such as
// NO:"Leverandør";US:"Supplier", or the label itself when it is plain.
// Without Accept-Language the API returns labels in this raw form, which
// is what we want: a field is then found by its Danish or English text.
// A doubled quote inside a text stands for one quote.
func splitMultiLang(s string) []string {
	rest := strings.TrimSpace(s)
	var out []string
	for rest != "" {
		text, next, ok := cutLangPart(rest)
		if !ok {
			return []string{s}
		}
		out = append(out, text)
		rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(next), ";"))
	}
	if len(out) == 0 {
		return []string{s}
	}
	return out
}

// cutLangPart reads one XX:"text" part from the start of s.
func cutLangPart(s string) (text, rest string, ok bool) {
	i := 0
	for i < len(s) && (s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 'a' && s[i] <= 'z') {
		i++
	}
	if i < 2 || i > 3 {
		return "", "", false
	}
	r := strings.TrimLeft(s[i:], " ")
	if !strings.HasPrefix(r, ":") {
		return "", "", false
	}
	r = strings.TrimLeft(r[1:], " ")
	if !strings.HasPrefix(r, `"`) {
		return "", "", false
	}
	r = r[1:]
	var b strings.Builder
	for j := 0; j < len(r); j++ {
		if r[j] != '"' {
			b.WriteByte(r[j])
			continue
		}
		if j+1 < len(r) && r[j+1] == '"' {
			b.WriteByte('"')
			j++
			continue
		}
		return b.String(), r[j+1:], true
	}
	return "", "", false
}

// foldLabel reduces a label for comparison: case, accents, spaces and
// punctuation are ignored, and the Danish letters match their usual
// spellings on a keyboard without them (æ = ae = a, ø = oe = o,
// å = aa = a), so "Omsætning DKK", "Omsaetning DKK" and "omsatning-dkk"
// are one label, as are "Vækstrate %" and "Vækstrate".
func foldLabel(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'æ' || r == 'ä':
			b.WriteString("ae")
		case r == 'ø' || r == 'ö' || r == 'œ':
			b.WriteString("oe")
		case r == 'ß':
			b.WriteString("ss")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	// NFD turned å into a + ring (dropped above); now fold the two-letter
	// spellings so both sides meet in the short form.
	f := b.String()
	f = strings.ReplaceAll(f, "aa", "a")
	f = strings.ReplaceAll(f, "ae", "a")
	f = strings.ReplaceAll(f, "oe", "o")
	return f
}

// labelMatches reports whether any of the candidate's labels is the
// field's Danish or English label, optionally prefixed "RabitIQ".
func labelMatches(c *candidate, want []string) bool {
	for _, l := range c.labels {
		for _, w := range want {
			if w == "" {
				continue
			}
			if l == w || l == "rabitiq"+w {
				return true
			}
		}
	}
	return false
}
