package cli

import (
	"io"
	"strconv"
	"strings"

	"github.com/rivo/uniseg"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/mapping"
	"github.com/rabitiq/superoffice-sync/core/msg"
	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// The preview table shows at most this many lines of a value, each cut to
// this width, so a 2000-character note stays a glance; --json shows all.
const (
	previewMaxLines = 4
	previewMaxWidth = 100
)

// previewRow is one line of the preview table; a row without value is a
// heading. A full row is shown whole (warnings must never be shortened).
type previewRow struct {
	label, value string
	full         bool
}

// writePreviewTable writes the plan as a readable two-column table in l:
// what will be written to the company, its custom fields (numbers written
// the way l writes them), the persons, the fields the tenant lacks and the
// warnings. It writes once, so a failing writer leaves nothing half
// written. Printing belongs here, not in core/mapping, which only plans.
func writePreviewTable(w io.Writer, p mapping.Plan, l msg.Lang) error {
	say := func(code string, kv ...any) string { return msg.New(code, kv...).Text(l) }
	var rows []previewRow
	add := func(label, value string) {
		if value != "" {
			rows = append(rows, previewRow{label: "  " + label, value: value})
		}
	}
	c := p.Contact
	rows = append(rows, previewRow{label: say(msg.CLIPreviewCompany)})
	add(say(msg.CLIPreviewName), c.Name)
	add(say(msg.CLIPreviewDepartment), c.Department)
	add(say(msg.CLIPreviewOrgNr), c.OrgNr)
	add(say(msg.CLIPreviewWebsite), elementValues(c.Urls))
	if c.Country != nil {
		add(say(msg.CLIPreviewCountry), say(msg.CLIPreviewCountryVal, "name", p.CountryName, "iso", p.Country, "id", c.Country.CountryId))
	}
	if c.Address != nil && c.Address.Postal != nil {
		add(say(msg.CLIPreviewAddress), formatAddress(*c.Address.Postal, p.Country))
	}
	add(say(msg.CLIPreviewNote), c.Description)

	rows = append(rows, previewRow{label: say(msg.CLIPreviewCustom)})
	for i, id := range p.Written {
		if i >= len(p.WrittenKeys) {
			break
		}
		label := id
		if f, ok := fields.ByProgID(id); ok {
			label = fieldLabel(f, l) + " (" + p.WrittenKeys[i] + ")"
		}
		add(label, readableValue(p.CustomFields[p.WrittenKeys[i]], l))
	}
	if len(p.Written) == 0 {
		add(say(msg.CLIPreviewNone), "-")
	}

	for i, pp := range p.Persons {
		rows = append(rows, previewRow{label: say(msg.CLIPreviewPerson, "n", i+1)})
		add(say(msg.CLIPreviewPersonName), pp.FullName)
		add(say(msg.CLIPreviewTitle), pp.Person.Title)
		add(say(msg.CLIPreviewEmail), pp.Email)
		add(say(msg.CLIPreviewPhone), elementValues(pp.Person.OfficePhones))
		add(say(msg.CLIPreviewMobile), elementValues(pp.Person.MobilePhones))
	}
	if len(p.Skipped) > 0 {
		rows = append(rows, previewRow{label: say(msg.CLIPreviewSkipped)})
		for _, id := range p.Skipped {
			label := id
			if f, ok := fields.ByProgID(id); ok {
				label = fieldLabel(f, l)
			}
			add(label, id)
		}
	}
	if len(p.Warnings) > 0 {
		rows = append(rows, previewRow{label: say(msg.CLIPreviewWarnings)})
		for i, wn := range p.Warnings {
			rows = append(rows, previewRow{label: "  " + strconv.Itoa(i+1) + ".", value: wn.Text(l), full: true})
		}
	}
	if p.DocumentedLimits {
		rows = append(rows, previewRow{label: say(msg.CLIPreviewRemark)}, previewRow{label: "  ", value: say(msg.MapPreviewLimits), full: true})
	}
	_, err := io.WriteString(w, renderPreview(rows, l))
	return err
}

// fieldLabel is a RabitIQ field's label in l.
func fieldLabel(f fields.Field, l msg.Lang) string {
	if l == msg.English {
		return f.LabelEN
	}
	return f.LabelDA
}

// renderPreview lays the rows out in two columns, aligned by display
// width within each section (a heading row starts a section).
func renderPreview(rows []previewRow, l msg.Lang) string {
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
			lines = displayLines(r.value, l)
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

// displayLines shortens a value for the table: at most previewMaxLines
// lines of at most previewMaxWidth characters, with the full length noted
// when anything was left out.
func displayLines(v string, l msg.Lang) []string {
	lines := strings.Split(v, "\n")
	cut := len(lines) > previewMaxLines
	if cut {
		lines = lines[:previewMaxLines]
	}
	for i, line := range lines {
		var c bool
		lines[i], c = mapping.Truncate(strings.ReplaceAll(line, "\t", " "), previewMaxWidth)
		cut = cut || c
	}
	if cut {
		lines = append(lines, msg.New(msg.CLIPreviewCut, "n", mapping.Length(v)).Text(l))
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

// readableValue shows an encoded custom field value the way l writes
// numbers: "[I:58600000]" → "58.600.000" in Danish, "58,600,000" in
// English; "[F:7.1]" → "7,1" or "7.1"; text is shown as is.
func readableValue(v string, l msg.Lang) string {
	if (strings.HasPrefix(v, "[I:") || strings.HasPrefix(v, "[F:")) && strings.HasSuffix(v, "]") {
		return groupedNumber(v[3:len(v)-1], l)
	}
	return v
}

// groupedNumber regroups a culture-neutral number ("-1234567.5") in
// thousands the way l does: "-1.234.567,5" in Danish, "-1,234,567.5" in
// English.
func groupedNumber(s string, l msg.Lang) string {
	group, point := ".", ","
	if l == msg.English {
		group, point = ",", "."
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	out := sign + b.String()
	if hasFrac {
		out += point + frac
	}
	return out
}
