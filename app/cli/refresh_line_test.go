package cli

import (
	"testing"

	"github.com/rabitiq/superoffice-sync/app/refresh"
	"github.com/rabitiq/superoffice-sync/app/store"
)

// An owner change whose earlier name is unknown says only the new owner,
// never "Vores kontakt:  → Jonas Berg".
func TestRefreshChangeLine(t *testing.T) {
	env := Env{Getenv: func(k string) string { return map[string]string{"RABITIQ_LANG": "da"}[k] }}
	for _, c := range []struct {
		in   store.RefreshChange
		want string
	}{
		{store.RefreshChange{Field: refresh.FieldOwner, Local: "", SuperOffice: "Jonas Berg"}, "Vores kontakt: Jonas Berg"},
		{store.RefreshChange{Field: refresh.FieldOwner, Local: "Mette Kjær Lund", SuperOffice: "Jonas Berg"}, "Vores kontakt: Mette Kjær Lund → Jonas Berg"},
		{store.RefreshChange{Field: refresh.FieldOrgNr, Local: "38112759", SuperOffice: ""}, "CVR-nr. (OrgNr): 38112759 → (tom)"},
	} {
		if got := changeLine(env, c.in); got != c.want {
			t.Errorf("changeLine(%+v) = %q, want %q", c.in, got, c.want)
		}
	}
}
