package exportui

import (
	"github.com/rabitiq/superoffice-sync/core/msg"
	"testing"

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
