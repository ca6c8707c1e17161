package exportui

import (
	"github.com/rabitiq/superoffice-sync/core/msg"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/core/match"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

func TestReasonsAndFieldsReadInTheUILanguage(t *testing.T) {
	uitest.Setup(t)
	reasons := []msg.Message{msg.New(match.ReasonCVRMatch), msg.New(match.ReasonName, "pct", 87), msg.New(match.ReasonDomainMatch),
		msg.New(match.ReasonHolding), msg.New("match.something-new")}
	fs := []string{"Department", "Urls", "RabitIQ:1", "NotAField"}
	for _, c := range []struct{ lang, reasons, fields string }{
		{"da", "CVR matcher · navn 87 % ens · samme domæne · holdingselskab · match.something-new", "Afdeling, Hjemmeside, RabitIQ Score (RabitIQ:1), NotAField"},
		{"en", "CVR matches · name 87 % alike · same domain · holding company · match.something-new", "Department, Website, RabitIQ Score (RabitIQ:1), NotAField"},
	} {
		if err := i18n.Load(c.lang); err != nil {
			t.Fatal(err)
		}
		if got := ReasonsText(reasons); got != c.reasons {
			t.Errorf("%s: ReasonsText = %q, want %q", c.lang, got, c.reasons)
		}
		if got := FieldsText(fs); got != c.fields {
			t.Errorf("%s: FieldsText = %q, want %q", c.lang, got, c.fields)
		}
	}
}

// The result dialog says the engine's warnings in the UI's language from
// their codes, whatever language the engine rendered Warnings in, and
// leaves out the skip counts it lists by field already.
func TestResultWarningsReadInTheUILanguage(t *testing.T) {
	uitest.Setup(t)
	t.Cleanup(func() { _ = i18n.Load("da") })
	r := &export.Result{ContactID: 5, CompanyName: "Firma", Warnings: []string{"dansk", "dansk"},
		WarningCodes: []export.WarningCode{{Message: msg.New(msg.ExportAlreadyLinked, "id", 5)}, {Message: msg.New(msg.ExportSkipMissing, "n", 1)}}}
	for _, c := range []struct{ lang, want, not string }{
		{"da", "leadet er allerede knyttet til firma 5", "linked"},
		{"en", "the lead is already linked to company 5", "knyttet"},
	} {
		if err := i18n.Load(c.lang); err != nil {
			t.Fatal(err)
		}
		got := ResultText(r)
		if !strings.Contains(got, "⚠ "+c.want) || strings.Contains(got, c.not) || strings.Contains(got, "dansk") || strings.Contains(got, "1 f") {
			t.Errorf("%s: ResultText =\n%s", c.lang, got)
		}
	}
}
