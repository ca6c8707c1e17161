package refresh

import (
	"testing"

	"github.com/rabitiq/superoffice-sync/app/store"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// TestCompare checks what counts as a user's change since our last sync:
// spelling a company's name, org number or web address differently is
// none; another value, a value cleared or filled in, or another owner
// (by id, reported with both names) is.
func TestCompare(t *testing.T) {
	was := store.Snapshot{Name: "Fjordlys Energi ApS", OrgNr: "38112759", Website: "https://fjordlys.dk", OwnerID: 5, OwnerName: "Mette Kjær Lund"}
	base := so.LinkedCompany{ContactID: 1, Name: "fjordlys  energi aps", OrgNr: "DK 38 11 27 59", URL: "http://www.fjordlys.dk/", AssociateID: 5, Owner: "Mette Kjær Lund"}
	if st, ch := compare(was, base); st != store.RefreshSame || len(ch) != 0 {
		t.Errorf("same company spelled differently: %s %+v", st, ch)
	}
	tests := []struct {
		name string
		was  func(*store.Snapshot)
		edit func(*so.LinkedCompany)
		want store.RefreshChange
	}{
		{"renamed", nil, func(c *so.LinkedCompany) { c.Name = "Fjordlys A/S" }, store.RefreshChange{Field: FieldName, Local: was.Name, SuperOffice: "Fjordlys A/S"}},
		{"orgnr cleared", nil, func(c *so.LinkedCompany) { c.OrgNr = "" }, store.RefreshChange{Field: FieldOrgNr, Local: was.OrgNr, SuperOffice: ""}},
		{"orgnr filled in", func(s *store.Snapshot) { s.OrgNr = "" }, nil, store.RefreshChange{Field: FieldOrgNr, Local: "", SuperOffice: base.OrgNr}},
		{"new site", nil, func(c *so.LinkedCompany) { c.URL = "https://fjordlys.com" }, store.RefreshChange{Field: FieldWebsite, Local: was.Website, SuperOffice: "https://fjordlys.com"}},
		{"site gone of several", nil, func(c *so.LinkedCompany) {
			c.URL, c.URLs = "https://fjordlys.com", []string{"https://fjordlys.com", "https://fjordlys.de"}
		},
			store.RefreshChange{Field: FieldWebsite, Local: was.Website, SuperOffice: "https://fjordlys.com"}},
		{"new owner", nil, func(c *so.LinkedCompany) { c.AssociateID, c.Owner = 9, "Jonas Berg" },
			store.RefreshChange{Field: FieldOwner, Local: "Mette Kjær Lund", SuperOffice: "Jonas Berg", LocalOwnerID: 5, SuperOfficeOwnerID: 9}},
		// Owners are told apart by id: two people of one name are two owners.
		{"namesake owner", nil, func(c *so.LinkedCompany) { c.AssociateID = 9 },
			store.RefreshChange{Field: FieldOwner, Local: "Mette Kjær Lund", SuperOffice: "Mette Kjær Lund", LocalOwnerID: 5, SuperOfficeOwnerID: 9}},
	}
	for _, tc := range tests {
		w, c := was, base
		if tc.was != nil {
			tc.was(&w)
		}
		if tc.edit != nil {
			tc.edit(&c)
		}
		st, ch := compare(w, c)
		if st != store.RefreshChanged || len(ch) != 1 || ch[0] != tc.want {
			t.Errorf("%s: %s %+v, want changed %+v", tc.name, st, ch, tc.want)
		}
	}
	// Our site second of several addresses: the tenant's row order is
	// no change.
	c := base
	c.URL, c.URLs = "https://fjordlys.com", []string{"https://fjordlys.com", "https://www.fjordlys.dk"}
	if st, ch := compare(was, c); st != store.RefreshSame {
		t.Errorf("our site among several: %s %+v, want same", st, ch)
	}
	// An owner renamed (the same associate) is no change of owner, and an
	// owner unknown on either side is not compared.
	c = base
	c.Owner = "Mette Lund"
	if st, ch := compare(was, c); st != store.RefreshSame {
		t.Errorf("the owner's name spelled anew: %s %+v, want same", st, ch)
	}
	c.AssociateID = 9
	w := was
	w.OwnerID = 0
	if st, ch := compare(w, c); st != store.RefreshSame {
		t.Errorf("no owner in the snapshot: %s %+v, want same", st, ch)
	}
}
