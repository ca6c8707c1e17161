package exportui

import (
	"testing"

	"github.com/rabitiq/superoffice-sync/core/match"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

func TestReasonsAndFieldsReadInTheUILanguage(t *testing.T) {
	uitest.Setup(t)
	reasons := []string{match.ReasonCVRMatch, "navn 87 % ens", match.ReasonDomainMatch, match.ReasonHolding, "something new"}
	fs := []string{"Department", "Urls", "RabitIQ:1", "NotAField"}
	for _, c := range []struct{ lang, reasons, fields string }{
		{"da", "CVR matcher · navn 87 % ens · samme domæne · holdingselskab · something new", "Afdeling, Hjemmeside, RabitIQ Score (RabitIQ:1), NotAField"},
		{"en", "CVR matches · name 87 % alike · same domain · holding company · something new", "Department, Website, RabitIQ Score (RabitIQ:1), NotAField"},
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
	// Every reason core/match can give has its own translation.
	if err := i18n.Load("en"); err != nil {
		t.Fatal(err)
	}
	for _, r := range []string{match.ReasonCVRMatch, match.ReasonCVRConflict, match.ReasonOrgNrMatch, match.ReasonOrgNrConflict,
		match.ReasonDomainMatch, match.ReasonHolding, match.ReasonOperating} {
		if ReasonText(r) == r {
			t.Errorf("reason %q is not translated to English", r)
		}
	}
}
