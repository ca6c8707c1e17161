package export

import (
	"context"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// A candidate carries whose account it is, its category, number, address
// and phone, read in the one search request the match makes anyway.
func TestCandidatesCarryTheAccountContext(t *testing.T) {
	e := newEnv(t, tenantWith(
		sotest.SeedCompany{ID: 10, Name: "Nordlys Consulting ApS", OrgNr: "72494814", Number2: "10010", OwnerID: 7, Category: "Kunde",
			Phones: []string{"+45 70 10 20 30"}, Urls: []string{"https://nordlys.dk"},
			Postal: &sotest.SeedAddress{Address1: "Havnegade 1", Zipcode: "8000", City: "Aarhus C"}},
		sotest.SeedCompany{ID: 11, Name: "Nordlys Rådgivning", Street: &sotest.SeedAddress{Address1: "Torvet 2", Zipcode: "5000", City: "Odense C"}},
	))
	ids := e.importLeads(t, "["+leadJSON("l1", "Nordlys Rådgivning A/S", "72494814", "", "")+"]")
	before := e.requests("GET", "v1/Contact")
	cands, err := e.eng.Match(context.Background(), ids["l1"])
	if err != nil {
		t.Fatal(err)
	}
	if n := e.requests("GET", "v1/Contact") - before; n != 1 {
		t.Errorf("the match made %d contact requests, want the one search", n)
	}
	if len(cands) != 2 {
		t.Fatalf("candidates %+v", cands)
	}
	c := cands[0].Company
	if c.ContactID != 10 || c.Owner != "Jonas Berg" || c.Category != "Kunde" || c.Number != "10010" || c.Phone != "+45 70 10 20 30" ||
		c.Address != "Havnegade 1" || c.Zip != "8000" || c.City != "Aarhus C" || c.Country != "Danmark" {
		t.Errorf("CVR candidate lacks its context: %+v", c)
	}
	// The signed-in user owns a company seeded without an owner; a
	// company with only a street address shows none (its columns are not
	// documented, so they are not asked for).
	if o := cands[1].Company; o.Owner != "Demo Bruger" || o.Category != "" || o.Address != "" || o.City != "" {
		t.Errorf("second candidate: %+v", o)
	}
}

// The dialog's own search finds a company by the start of its name or by
// its CVR in any usual form, and keeps weak candidates the user asked for.
func TestSearchCompaniesByNameAndCVR(t *testing.T) {
	e := newEnv(t, tenantWith(
		sotest.SeedCompany{ID: 20, Name: "Fjordhuset A/S", OrgNr: "DK29935181", OwnerID: 6, Category: "Prospekt"},
		sotest.SeedCompany{ID: 21, Name: "Klitrose Byg"},
		sotest.SeedCompany{ID: 22, Name: "Fjordbyen Bolig"},
	))
	ids := e.importLeads(t, "["+leadJSON("l1", "Klitrose Byg P/S", "", "", "")+"]")
	ctx := context.Background()
	byName, err := e.eng.SearchCompanies(ctx, ids["l1"], "Fjord")
	if err != nil {
		t.Fatal(err)
	}
	if len(byName) != 2 || byName[0].Company.ContactID != 20 && byName[1].Company.ContactID != 20 {
		t.Fatalf("by name: %+v", byName)
	}
	byCVR, err := e.eng.SearchCompanies(ctx, ids["l1"], "29935181")
	if err != nil {
		t.Fatal(err)
	}
	if len(byCVR) != 1 || byCVR[0].Company.ContactID != 20 || byCVR[0].Company.Owner != "Mette Kjær Lund" || byCVR[0].Company.Category != "Prospekt" {
		t.Fatalf("by CVR: %+v", byCVR)
	}
	if none, err := e.eng.SearchCompanies(ctx, ids["l1"], " x "); err != nil || len(none) != 0 {
		t.Errorf("a one-letter search: %v %v", none, err)
	}
}

// The lead's side of the comparison is what a create would write.
func TestLeadCompany(t *testing.T) {
	l := &lead.Lead{CompanyName: "Klitrose Byg P/S", CVR: "29935181", CVRValid: true, Website: "klitrose.dk",
		Address: "Vestergade 145, 1150 København K", Location: "København, Danmark"}
	c := LeadCompany(l)
	if c.Name != "Klitrose Byg P/S" || c.OrgNr != "29935181" || c.Address != "Vestergade 145" || c.Zip != "1150" ||
		c.City != "København K" || !strings.Contains(c.Website, "klitrose.dk") || c.Country != "Danmark" {
		t.Errorf("LeadCompany = %+v", c)
	}
	if n := LeadCompany(nil); n.Name != "" || n.OrgNr != "" || n.Address != "" {
		t.Errorf("a nil lead is not empty: %+v", n)
	}
}
