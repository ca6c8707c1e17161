package mapping

import (
	"fmt"
	"github.com/rabitiq/superoffice-sync/core/msg"
	"io"
	"strconv"
	"strings"

	"github.com/rivo/uniseg"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// The preview table shows at most this many lines of a value, each cut to
// this width, so a 2000-character note stays a glance; --json shows all.
const (
	tableMaxLines = 4
	tableMaxWidth = 100
)

// row is one line of the preview table; a row without value is a heading.
// A full row is shown whole (warnings must never be shortened).
type row struct {
	label, value string
	full         bool
}

// WritePreviewTable writes the plan as a readable two-column table in
// Danish: what will be written to the company, its custom fields (with the
// numbers in Danish notation), the persons, the fields the tenant lacks and
// the warnings. It writes once, so a failing writer leaves nothing half
// written.
func (p Plan) WritePreviewTable(w io.Writer) error {
	var rows []row
	add := func(label, value string) {
		if value != "" {
			rows = append(rows, row{label: "  " + label, value: value})
		}
	}
	c := p.Contact
	rows = append(rows, row{label: "Firma (Contact)"})
	add("Firmanavn", c.Name)
	add("Branche (Department)", c.Department)
	add("CVR-nr. (OrgNr)", c.OrgNr)
	add("Hjemmeside (Urls)", elementValues(c.Urls))
	if c.Country != nil {
		add("Land (Country)", fmt.Sprintf("%s (%s, id %d)", p.CountryName, p.Country, c.Country.CountryId))
	}
	if c.Address != nil && c.Address.Postal != nil {
		add("Adresse (Street og Postal)", formatAddress(*c.Address.Postal, p.Country))
	}
	add("Note (Description)", c.Description)

	rows = append(rows, row{label: "Brugerdefinerede felter (CustomFields)"})
	for i, id := range p.Written {
		if i >= len(p.WrittenKeys) {
			break
		}
		label := id
		if f, ok := fields.ByProgID(id); ok {
			label = f.LabelDA + " (" + p.WrittenKeys[i] + ")"
		}
		add(label, readableValue(p.CustomFields[p.WrittenKeys[i]]))
	}
	if len(p.Written) == 0 {
		add("(ingen)", "-")
	}

	for i, pp := range p.Persons {
		rows = append(rows, row{label: fmt.Sprintf("Kontaktperson %d (Person)", i+1)})
		add("Navn", pp.FullName)
		add("Titel", pp.Person.Title)
		add("E-mail", pp.Email)
		add("Telefon", elementValues(pp.Person.OfficePhones))
		add("Mobil", elementValues(pp.Person.MobilePhones))
	}
	if len(p.Skipped) > 0 {
		rows = append(rows, row{label: "Springes over (feltet findes ikke i SuperOffice)"})
		for _, id := range p.Skipped {
			label := id
			if f, ok := fields.ByProgID(id); ok {
				label = f.LabelDA
			}
			add(label, id)
		}
	}
	if len(p.Warnings) > 0 {
		rows = append(rows, row{label: "Advarsler"})
		for i, wn := range p.Warnings {
			rows = append(rows, row{label: "  " + strconv.Itoa(i+1) + ".", value: wn.String(), full: true})
		}
	}
	if p.DocumentedLimits {
		rows = append(rows, row{label: "Bemærk"}, row{label: "  ", value: msg.New(msg.MapPreviewLimits).String(), full: true})
	}
	_, err := io.WriteString(w, renderTable(rows))
	return err
}

// renderTable lays the rows out in two columns, aligned by display width
// within each section (a heading row starts a section).
func renderTable(rows []row) string {
	var b strings.Builder
	width := 0
	for i, r := range rows {
		if r.value == "" {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(r.label + "\n")
			width = 0
			for _, next := range rows[i+1:] {
				if next.value == "" {
					break
				}
				width = max(width, uniseg.StringWidth(next.label))
			}
			continue
		}
		lines := strings.Split(r.value, "\n")
		if !r.full {
			lines = displayLines(r.value)
		}
		for j, line := range lines {
			label := ""
			if j == 0 {
				label = r.label
			}
			out := label + strings.Repeat(" ", max(0, width-uniseg.StringWidth(label))+2) + line
			b.WriteString(strings.TrimRight(out, " ") + "\n")
		}
	}
	return b.String()
}

// displayLines shortens a value for the table: at most tableMaxLines lines
// of at most tableMaxWidth characters, with the full length noted when
// anything was left out.
func displayLines(v string) []string {
	lines := strings.Split(v, "\n")
	cut := len(lines) > tableMaxLines
	if cut {
		lines = lines[:tableMaxLines]
	}
	for i, l := range lines {
		var c bool
		lines[i], c = Truncate(strings.ReplaceAll(l, "\t", " "), tableMaxWidth)
		cut = cut || c
	}
	if cut {
		lines = append(lines, fmt.Sprintf("(i alt %d tegn; se --json)", Length(v)))
	}
	return lines
}

// elementValues joins the values of phone, e-mail or URL elements.
func elementValues(es []superoffice.EntityElement) string {
	var vs []string
	for _, e := range es {
		vs = append(vs, e.Value)
	}
	return strings.Join(vs, ", ")
}

// formatAddress writes a structured address in lines the way the country
// writes it: "8000 Aarhus C", but "London SW1A 2AA" and "Austin, TX 78701".
func formatAddress(a superoffice.StructuredAddress, iso string) string {
	town := strings.TrimSpace(a.Zipcode + " " + a.City)
	switch {
	case a.State != "":
		town = strings.TrimSpace(a.City + ", " + a.State + " " + a.Zipcode)
	case iso == "GB" || iso == "US" || iso == "IE":
		town = strings.TrimSpace(a.City + " " + a.Zipcode)
	}
	var lines []string
	for _, l := range []string{a.Address1, a.Address2, a.Address3, town} {
		if l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// readableValue shows an encoded custom field value in Danish notation:
// "[I:58600000]" → "58.600.000", "[F:7.1]" → "7,1"; text is shown as is.
func readableValue(v string) string {
	switch {
	case strings.HasPrefix(v, "[I:") && strings.HasSuffix(v, "]"):
		return danishNumber(v[3 : len(v)-1])
	case strings.HasPrefix(v, "[F:") && strings.HasSuffix(v, "]"):
		return danishNumber(v[3 : len(v)-1])
	}
	return v
}

// danishNumber regroups a culture-neutral number ("-1234567.5") the Danish
// way ("-1.234.567,5").
func danishNumber(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	out := sign + b.String()
	if hasFrac {
		out += "," + frac
	}
	return out
}
