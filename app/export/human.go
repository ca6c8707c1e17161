package export

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// Change is one real change of a preview as a person reads it: human
// values instead of the API's encoded ones, and only what a sync would
// change or what the user may choose to change.
type Change struct {
	Field string // FieldDiff.Field: a standard property or a Prog ID
	Label string // the custom field's label in the user's language; "" for a standard field
	// Current and Incoming are the values as a person reads them:
	// country names, plain numbers, dates as dates.
	Current  string
	Incoming string
	Action   string
	// Note says more about Incoming, e.g. "212 tegn, 199 gemmes" for a
	// text SuperOffice cannot hold in full; "" when there is nothing.
	Note string
	// Overwritable: SuperOffice has its own, different value, which stays
	// unless the user chooses to overwrite it.
	Overwritable bool
}

// OverwritableFields are the standard fields a user may choose, per sync,
// to overwrite in SuperOffice ("overskriv"); the others fill blanks only.
var OverwritableFields = map[string]bool{"Name": true, "Department": true, "OrgNr": true, "Description": true, "Urls": true, "Address": true, "Country": true}

// Preview summarises what a preview hides.
type Preview struct {
	Changes []Change
	Persons []PersonDiff // persons created or updated; unchanged ones are left out
	Skipped int          // custom fields the tenant lacks, left out
	Same    int          // fields that already hold the lead's value, or that it has no value for
}

// HumanChanges is the preview of d as the match dialog shows it in l:
// the fields a sync writes, cuts or could overwrite, with human values;
// unchanged fields, skipped fields and unchanged persons are only counted.
func HumanChanges(d *Diff, l msg.Lang) Preview {
	p := Preview{Changes: []Change{}, Persons: []PersonDiff{}}
	if d == nil {
		return p
	}
	for _, fd := range d.Fields {
		over := OverwritableFields[fd.Field] && fd.Current != "" && fd.Incoming != "" && fd.Current != fd.Incoming
		switch {
		case fd.Action == ActionSkip:
			p.Skipped++
			continue
		case fd.Action == ActionKeep && !over:
			p.Same++
			continue
		}
		c := Change{Field: fd.Field, Action: fd.Action, Overwritable: over,
			Current: HumanValue(fd.Field, fd.Current, l, d.Countries), Incoming: HumanValue(fd.Field, fd.Incoming, l, d.Countries)}
		if f, ok := fields.ByProgID(fd.Field); ok {
			c.Label = f.LabelDA
			if l == msg.English {
				c.Label = f.LabelEN
			}
		}
		if fd.Action == ActionTruncate && fd.FullLength > 0 {
			c.Note = msg.New(msg.PreviewCut, "from", fd.FullLength, "to", fd.KeptLength).Text(l)
		}
		p.Changes = append(p.Changes, c)
	}
	for _, pd := range d.Persons {
		if pd.Action == PersonUnchanged {
			continue
		}
		p.Persons = append(p.Persons, pd)
	}
	return p
}

// HumanValue is one preview value as a person reads it: a CountryId as
// the country's name in l ("578" → "Norge"), an encoded number as a plain
// one ("[I:98]" → "98", "[F:12.5]" → "12,5" in Danish), an encoded date as
// a date ("[D:2020.08.27]" → "27.08.2020"); anything else as it is.
func HumanValue(field, raw string, l msg.Lang, countries []so.Country) string {
	v := strings.TrimSpace(raw)
	if field == "Country" {
		return countryName(v, l, countries)
	}
	if len(v) < 5 || v[0] != '[' || v[2] != ':' || v[len(v)-1] != ']' {
		return raw
	}
	body := v[3 : len(v)-1]
	switch v[1] {
	case 'I', 'F':
		n, err := strconv.ParseFloat(body, 64)
		if err != nil {
			return raw
		}
		return plainNumber(n, l)
	case 'D':
		parts := strings.Split(body, ".")
		if len(parts) != 3 {
			return raw
		}
		if len(parts[0]) == 4 { // YYYY.MM.DD, the documented SuperDate
			parts[0], parts[2] = parts[2], parts[0]
		}
		if l == msg.English {
			return parts[2] + "-" + parts[1] + "-" + parts[0]
		}
		return strings.Join(parts, ".")
	}
	return raw
}

// countryName names a country given by id or by its name in the tenant.
func countryName(v string, l msg.Lang, countries []so.Country) string {
	id, err := strconv.Atoi(v)
	for _, c := range countries {
		if (err == nil && c.CountryId == id) || (err != nil && v != "" && (strings.EqualFold(c.Name, v) || strings.EqualFold(c.EnglishName, v))) {
			if l == msg.English && c.EnglishName != "" {
				return c.EnglishName
			}
			if c.Name != "" {
				return c.Name
			}
		}
	}
	return v
}

// plainNumber writes n with the user's digit grouping and decimal mark:
// 1.250.000 and 12,5 in Danish, 1,250,000 and 12.5 in English.
func plainNumber(n float64, l msg.Lang) string {
	s := strconv.FormatFloat(n, 'f', -1, 64)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	group, mark := ".", ","
	if l == msg.English {
		group, mark = ",", "."
	}
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (utf8.RuneCountInString(whole)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	out := sign + b.String()
	if frac != "" {
		out += mark + frac
	}
	return out
}
