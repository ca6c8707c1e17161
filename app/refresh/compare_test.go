package refresh

import (
	"testing"

	"github.com/rabitiq/superoffice-sync/app/store"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// TestCompare checks what counts as a user's change: spelling a
// company's name, org number or web address differently is none; another
// value, a value cleared in SuperOffice or another owner is.
func TestCompare(t *testing.T) {
	l := local{Name: "Fjordlys Energi ApS", OrgNr: "38112759", Website: "https://fjordlys.dk"}
	base := so.LinkedCompany{ContactID: 1, Name: "fjordlys  energi aps", OrgNr: "DK 38 11 27 59", URL: "http://www.fjordlys.dk/", AssociateID: 5}
	if st, ch := compare(l, base, 5); st != store.RefreshSame || len(ch) != 0 {
		t.Errorf("same company spelled differently: %s %+v", st, ch)
	}
	tests := []struct {
		name  string
		edit  func(*so.LinkedCompany)
		owner int
		want  store.RefreshChange
	}{
		{"renamed", func(c *so.LinkedCompany) { c.Name = "Fjordlys A/S" }, 5, store.RefreshChange{Field: FieldName, Local: l.Name, SuperOffice: "Fjordlys A/S"}},
		{"orgnr cleared", func(c *so.LinkedCompany) { c.OrgNr = "" }, 5, store.RefreshChange{Field: FieldOrgNr, Local: l.OrgNr, SuperOffice: ""}},
		{"new site", func(c *so.LinkedCompany) { c.URL = "https://fjordlys.com" }, 5, store.RefreshChange{Field: FieldWebsite, Local: l.Website, SuperOffice: "https://fjordlys.com"}},
		{"new owner", func(c *so.LinkedCompany) { c.AssociateID = 9 }, 5, store.RefreshChange{Field: FieldOwner, Local: "5", SuperOffice: "9"}},
	}
	for _, tc := range tests {
		c := base
		tc.edit(&c)
		st, ch := compare(l, c, tc.owner)
		if st != store.RefreshChanged || len(ch) != 1 || ch[0] != tc.want {
			t.Errorf("%s: %s %+v, want changed %+v", tc.name, st, ch, tc.want)
		}
	}
	// What the lead lacks, or an owner never seen before, is not compared.
	c := base
	c.AssociateID = 9
	if st, ch := compare(local{Name: l.Name}, c, 0); st != store.RefreshSame {
		t.Errorf("no OrgNr, no website, no earlier owner: %s %+v, want same", st, ch)
	}
}
