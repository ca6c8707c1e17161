package refreshui

import (
	"testing"

	"github.com/rabitiq/superoffice-sync/app/refresh"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// One lead is "1 lead", in both languages: never "1 leads".
func TestSummaryCountsOneLead(t *testing.T) {
	uitest.Setup(t)
	one := &refresh.Report{Leads: []refresh.Lead{{State: store.RefreshSame}}}
	for lang, want := range map[string]string{
		"da": "1 lead kontrolleret i SuperOffice: 1 uændret, 0 ændret, 0 findes ikke længere",
		"en": "1 lead checked in SuperOffice: 1 same, 0 changed, 0 no longer exist",
	} {
		if err := i18n.Load(lang); err != nil {
			t.Fatal(err)
		}
		if got := Summary(one); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}
