package leads

import (
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
)

// A lead a batch left for the user reads "Skal gennemses" in the list (not
// "Ny", which hid it among the untouched leads), with a badge of its own,
// and "Needs review" in English; every status has its own words.
func TestReviewStatusReadsInTheUILanguage(t *testing.T) {
	v, _, _ := setup(t, []store.LeadRow{
		{LocalID: 1, CompanyName: "Gamma Data A/S", Status: store.StatusReview},
	})
	if got := rowTexts(t, v, 0); strings.Join(got, "|") != "Gamma Data A/S|–||Skal gennemses" {
		t.Errorf("row = %q", got)
	}
	if got := StatusImportance(store.StatusReview); got == StatusImportance(store.StatusNew) || got == StatusImportance(store.StatusChanged) {
		t.Errorf("review badge importance %v looks like new's or changed's", got)
	}
	for _, c := range []struct {
		language string
		want     map[store.Status]string
	}{
		{"da", map[store.Status]string{store.StatusNew: "Ny", store.StatusChanged: "Ændret", store.StatusReview: "Skal gennemses", store.StatusFailed: "Fejl", store.StatusSynced: "Synkroniseret"}},
		{"en", map[store.Status]string{store.StatusNew: "New", store.StatusChanged: "Changed", store.StatusReview: "Needs review", store.StatusFailed: "Failed", store.StatusSynced: "Synced"}},
	} {
		if err := i18n.Load(c.language); err != nil {
			t.Fatal(err)
		}
		for _, s := range store.Statuses {
			if got := StatusText(s); got != c.want[s] {
				t.Errorf("%s: StatusText(%s) = %q, want %q", c.language, s, got, c.want[s])
			}
		}
	}
}
