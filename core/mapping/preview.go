package mapping

import (
	"bytes"
	"encoding/json"
	"github.com/rabitiq/superoffice-sync/core/msg"

	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// previewDoc is the JSON document of `rabitiq-superoffice preview --json`.
type previewDoc struct {
	Contact      superoffice.ContactEntity  `json:"contact"`
	CustomFields orderedFields              `json:"customFields"`
	Persons      []superoffice.PersonEntity `json:"persons"`
	Warnings     []string                   `json:"warnings"`
	WarningCodes []warningCode              `json:"warningCodes"`
	Skipped      []string                   `json:"skipped,omitempty"`
	Note         string                     `json:"note,omitempty"`
}

// warningCode is a warning as a code, index for index with warnings, so
// scripts need not parse words.
type warningCode struct {
	Field string `json:"field"`
	msg.Message
}

// orderedFields is the customFields object in field order (RabitIQ:1,
// RabitIQ:2, …, not the lexical order a Go map would give).
type orderedFields struct {
	keys   []string
	values map[string]string
}

// MarshalJSON writes the fields as one object in field order.
func (o orderedFields) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := writeJSONString(&b, k); err != nil {
			return nil, err
		}
		b.WriteByte(':')
		if err := writeJSONString(&b, o.values[k]); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// writeJSONString writes s as a JSON string without HTML escaping, so
// "R&D" stays readable in the preview.
func writeJSONString(b *bytes.Buffer, s string) error {
	var tmp bytes.Buffer
	enc := json.NewEncoder(&tmp)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return err
	}
	b.Write(bytes.TrimRight(tmp.Bytes(), "\n"))
	return nil
}

// PreviewJSON builds the document the preview command prints with --json:
//
//	{"contact": {…}, "customFields": {"RabitIQ:1": "[I:87]", …},
//	 "persons": [{…}], "warnings": ["…"], "skipped": ["RabitIQ:4"]}
//
// contact and persons are the ContactEntity and PersonEntity bodies exactly
// as sent (persons without Contact, which the sync engine sets);
// customFields is keyed by the tenant's keys in field order; warnings are
// the lines of Warning.String in the chosen language, and warningCodes the
// same warnings as {field, code, args}; skipped is left out when empty; note
// says when the lengths are SuperOffice's documented ones, not the
// tenant's (Plan.DocumentedLimits). The
// output is indented, ends in a newline and does not escape <, > and &.
func (p Plan) PreviewJSON() ([]byte, error) {
	doc := previewDoc{
		Contact:      p.Contact,
		CustomFields: orderedFields{keys: p.WrittenKeys, values: p.CustomFields},
		Persons:      make([]superoffice.PersonEntity, 0, len(p.Persons)),
		Warnings:     make([]string, 0, len(p.Warnings)),
		WarningCodes: make([]warningCode, 0, len(p.Warnings)),
		Skipped:      p.Skipped,
	}
	if p.DocumentedLimits {
		doc.Note = msg.New(msg.MapPreviewLimits).String()
	}
	for _, pp := range p.Persons {
		doc.Persons = append(doc.Persons, pp.Person)
	}
	for _, w := range p.Warnings {
		doc.Warnings = append(doc.Warnings, w.String())
		doc.WarningCodes = append(doc.WarningCodes, warningCode{Field: w.Field, Message: w.Msg})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
