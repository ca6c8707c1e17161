package sotest

import (
	"encoding/json"
	"testing"
)

// A seeded company names a real user of the tenant as its owner and an
// item of its category list; anything else is a broken seed, not a tenant.
func TestSeedOwnerAndCategory(t *testing.T) {
	s, err := New(Config{Seed: &Seed{Companies: []SeedCompany{{ID: 1, Name: "A", OwnerID: 7, Category: "kunde"}, {ID: 2, Name: "B"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.associateName(refID(s.contacts[1].props, "Associate", "AssociateId")); got != "Jonas Berg" {
		t.Errorf("owner %q", got)
	}
	if got := s.associateName(refID(s.contacts[2].props, "Associate", "AssociateId")); got != "Demo Bruger" {
		t.Errorf("default owner %q", got)
	}
	if c, _ := s.contacts[1].props["Category"].(map[string]any); c["Value"] != "Kunde" || c["Id"] != json.Number("1") {
		t.Errorf("category %#v", s.contacts[1].props["Category"])
	}
	for _, bad := range []SeedCompany{{Name: "C", OwnerID: 99}, {Name: "D", Category: "Ukendt"}} {
		if _, err := New(Config{Seed: &Seed{Companies: []SeedCompany{bad}}}); err == nil {
			t.Errorf("seed %+v accepted", bad)
		}
	}
	if got := otherAssociateJSON(6)["FullName"]; got != "Mette Kjær Lund" {
		t.Errorf("the Contact carrier's Associate: %v", got)
	}
}

// The search serves the owner's name under its documented column; the
// street-address columns, documented only as "streetAddress/...", are
// refused by a strict tenant.
func TestOwnerColumnAndStrictStreetColumns(t *testing.T) {
	seed := &Seed{Companies: []SeedCompany{{ID: 3, Name: "Alfa", OwnerID: 8, Category: "Partner",
		Postal: &SeedAddress{Address1: "Vej 1", Zipcode: "8000", City: "Aarhus"}}}}
	for _, strict := range []bool{false, true} {
		s := newSim(t, Config{Seed: seed, Strict: strict})
		a := newAPI(t, s)
		rows := a.rows("v1/Contact?$select=contactId,associateId,contactAssociate/fullName,category,postAddress/city&$filter=contactId%20eq%203")
		if len(rows) != 1 || rows[0]["contactAssociate/fullName"] != "Sofie Holm Andersen" || rows[0]["category"] != "Partner" || rows[0]["postAddress/city"] != "Aarhus" {
			t.Errorf("strict %v: rows %v", strict, rows)
		}
		resp, _ := a.do("GET", "v1/Contact?$select=contactId,streetAddress/city", nil)
		if want := map[bool]int{false: 200, true: 400}[strict]; resp.StatusCode != want {
			t.Errorf("strict %v: streetAddress/city answered %d, want %d", strict, resp.StatusCode, want)
		}
	}
}
