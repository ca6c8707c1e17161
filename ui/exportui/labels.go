package exportui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/match"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
)

// ReasonText is a match reason in the UI's language. core/match words its
// reasons in Danish because the CLI's JSON carries them as they are; the
// dialog translates them here so an English UI reads English throughout.
// An unknown reason is shown as it came.
func ReasonText(r string) string {
	switch r {
	case match.ReasonCVRMatch:
		return lang.L("CVR matches")
	case match.ReasonCVRConflict:
		return lang.L("CVR differs")
	case match.ReasonOrgNrMatch:
		return lang.L("org. no. matches")
	case match.ReasonOrgNrConflict:
		return lang.L("org. no. differs")
	case match.ReasonDomainMatch:
		return lang.L("same domain")
	case match.ReasonHolding:
		return lang.L("holding company")
	case match.ReasonOperating:
		return lang.L("operating company")
	}
	if rest, ok := strings.CutPrefix(r, "navn "); ok {
		if pct, ok := strings.CutSuffix(rest, " % ens"); ok {
			if n, err := strconv.Atoi(pct); err == nil {
				return lang.L("name {{.Pct}} % alike", map[string]any{"Pct": n})
			}
		}
	}
	return r
}

// ReasonsText joins a candidate's reasons for its line in the dialog.
func ReasonsText(rs []string) string { return joinEach(rs, ReasonText, " · ") }

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
	}
	if f, ok := fields.ByProgID(field); ok {
		return i18n.Pick(f.LabelDA, f.LabelEN) + " (" + field + ")"
	}
	return field
}

// FieldsText joins field names for one line of the result.
func FieldsText(fs []string) string { return joinEach(fs, FieldText, ", ") }

func joinEach(ss []string, text func(string) string, sep string) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = text(s)
	}
	return strings.Join(out, sep)
}
