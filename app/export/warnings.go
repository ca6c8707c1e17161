package export

import (
	"slices"
	"strings"

	"github.com/rabitiq/superoffice-sync/core/mapping"
	"github.com/rabitiq/superoffice-sync/core/msg"
)

// WarningCode is one warning as a code: Field is the lead field it
// concerns (a Prog ID, "Name", "Persons[0]", …), empty for the company.
type WarningCode struct {
	Field string `json:"field,omitempty"`
	msg.Message
}

// Text renders the warning in l, with a custom field's label.
func (w WarningCode) Text(l msg.Lang) string {
	return mapping.Warning{Field: w.Field, Msg: w.Message}.Text(l)
}

// warn adds one warning in both forms.
func (r *Result) warn(w mapping.Warning) {
	r.Warnings = append(r.Warnings, w.String())
	r.WarningCodes = append(r.WarningCodes, WarningCode{Field: w.Field, Message: w.Msg})
}

// skipCodes are the warnings that only say why CustomFields.Skipped were
// skipped.
var skipCodes = []string{msg.ExportSkipMissing, msg.ExportSkipWrongType, msg.ExportSkipOnPerson, msg.ExportSkipUnconfirmed}

// OtherWarnings is the warnings in l without the ones that say why custom
// fields were skipped, for a screen that lists those fields by name
// already and would otherwise say it twice. A result without codes (read
// back from an older run) gives its Warnings as they are.
func (r *Result) OtherWarnings(l msg.Lang) []string {
	if len(r.WarningCodes) == 0 {
		return r.Warnings
	}
	var out []string
	for _, w := range r.WarningCodes {
		if !slices.Contains(skipCodes, w.Code) {
			out = append(out, w.Text(l))
		}
	}
	return out
}

// skipWarnings says each reason in one line for the CLI and the history.
func skipWarnings(reasons []SkipReason) []mapping.Warning {
	var out []mapping.Warning
	for _, r := range reasons {
		code := msg.ExportSkipUnconfirmed
		switch r.Code {
		case SkipMissing:
			code = msg.ExportSkipMissing
		case SkipWrongType:
			code = msg.ExportSkipWrongType
		case SkipOnPerson:
			code = msg.ExportSkipOnPerson
		}
		out = append(out, mapping.Warning{Msg: msg.New(code, "n", len(r.Fields), "fields", strings.Join(r.Fields, ", "))})
	}
	return out
}

// goneWarning says which custom fields the admin deleted during the run.
func goneWarning(gone []string) mapping.Warning {
	return mapping.Warning{Msg: msg.New(msg.ExportFieldsGone, "fields", strings.Join(gone, ", "))}
}
