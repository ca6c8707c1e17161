package exportui

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/msg"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
)

// ReasonsText joins a candidate's reasons, in the UI's language, for its
// line in the dialog.
func ReasonsText(rs []msg.Message) string {
	return joinEach(rs, func(m msg.Message) string { return m.Text(i18n.Lang()) }, " · ")
}

// FieldText names a field of the preview and the "kept" line the way the
// user knows it: SuperOffice's standard fields by their screen names, and
// RabitIQ's custom fields by the guide's label with the ProgID beside it,
// which is what an admin looks for in SuperOffice's field settings.
func FieldText(field string) string {
	switch field {
	case "Name":
		return lang.L("Company name")
	case "Department":
		return lang.L("Department")
	case "OrgNr":
		return lang.L("Org. no. (CVR)")
	case "Description":
		return lang.L("Company description")
	case "Urls":
		return lang.L("Website")
	case "Address":
		return lang.L("Address")
	case "Country":
		return lang.L("Country")
	case "Category":
		return lang.L("Category")
	case "Business":
		return lang.L("Business")
	}
	if f, ok := fields.ByProgID(field); ok {
		return i18n.Pick(f.LabelDA, f.LabelEN) + " (" + field + ")"
	}
	return field
}

// FieldsText joins field names for one line of the result.
func FieldsText(fs []string) string { return joinEach(fs, FieldText, ", ") }

func joinEach[T any](ss []T, text func(T) string, sep string) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = text(s)
	}
	return strings.Join(out, sep)
}
