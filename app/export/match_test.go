package export

import (
	"context"
	"github.com/rabitiq/superoffice-sync/core/msg"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/match"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

func tenantWith(companies ...sotest.SeedCompany) *sotest.Seed {
	return &sotest.Seed{Companies: companies}
}

func hasReason(c match.Candidate, r string) bool {
	for _, x := range c.Reasons {
		if x.Text(msg.Danish) == r {
			return true
		}
	}
	return false
}

func TestMatchScenarios(t *testing.T) {
	e := newEnv(t, tenantWith(
		sotest.SeedCompany{ID: 10, Name: "Nordlys Consulting ApS", OrgNr: "72494814"},                       // same CVR, other name
		sotest.SeedCompany{ID: 11, Name: "Havbris Software A/S", Urls: []string{"https://havbris.dk"}},      // ApS vs A/S
		sotest.SeedCompany{ID: 12, Name: "Aeroe Foods ApS"},                                                 // æ/ae
		sotest.SeedCompany{ID: 13, Name: "Jensen Holding ApS", OrgNr: "47511488"},                           // holding
		sotest.SeedCompany{ID: 14, Name: "Jensen ApS"},                                                      // operating company
		sotest.SeedCompany{ID: 15, Name: "Kystlinje Energi ApS", Department: "Aarhus"},                      // branch 1
		sotest.SeedCompany{ID: 16, Name: "Kystlinje Energi ApS", Department: "Odense"},                      // branch 2
		sotest.SeedCompany{ID: 17, Name: "Jensen's Bøfhus", OrgNr: ""},                                      // apostrophe
		sotest.SeedCompany{ID: 18, Name: "Lyngbakke Data A/S", OrgNr: "62269391"},                           // same name, other CVR
		sotest.SeedCompany{ID: 19, Name: "Søndergaard Tømrer ApS", Urls: []string{"https://www.tomrer.dk"}}, // domain
	))
	ids := e.importLeads(t, "["+strings.Join([]string{
		leadJSON("same-cvr", "Nordlys Rådgivning A/S", "72494814", "", ""),
		leadJSON("aps", "Havbris Software ApS", "", "https://havbris.dk/om-os", ""),
		leadJSON("ae", "Ærø Foods", "", "", ""),
		leadJSON("jensen", "Jensen ApS", "", "", ""),
		leadJSON("branches", "Kystlinje Energi ApS", "", "", ""),
		leadJSON("apostrophe", "Jensen's Bøfhus", "", "", ""),
		leadJSON("other-cvr", "Lyngbakke Data A/S", "87033082", "", ""),
		leadJSON("domain", "Tømrerfirmaet Søndergaard", "", "http://tomrer.dk", ""),
		leadJSON("none", "Zebra Kvantecomputere IVS", "", "https://zebra-q.dk", ""),
	}, ",")+"]")
	ctx := context.Background()
	get := func(id string) []match.Candidate {
		t.Helper()
		c, err := e.eng.Match(ctx, ids[id])
		if err != nil {
			t.Fatalf("Match(%s): %v", id, err)
		}
		return c
	}

	if c := get("same-cvr"); len(c) == 0 || c[0].Company.ContactID != 10 || !c[0].Certain() || !hasReason(c[0], "CVR matcher") {
		t.Errorf("same CVR under another name: %+v", c)
	}
	if c := get("aps"); len(c) == 0 || c[0].Company.ContactID != 11 || c[0].Certain() || c[0].Score < 0.8 {
		t.Errorf("ApS vs A/S: %+v", c)
	}
	if c := get("ae"); len(c) == 0 || c[0].Company.ContactID != 12 {
		t.Errorf("æ/ae: %+v", c)
	}
	c := get("jensen")
	if len(c) < 2 || c[0].Company.ContactID != 14 {
		t.Fatalf("holding vs operating: %+v", c)
	}
	for _, x := range c[1:] {
		if x.Company.ContactID == 13 && x.Score >= c[0].Score {
			t.Errorf("holding company scored %v ≥ operating %v", x.Score, c[0].Score)
		}
	}
	if c := get("branches"); len(c) < 2 || c[0].Certain() || c[1].Certain() || c[0].Score != c[1].Score {
		t.Errorf("two branches: %+v", c)
	}
	if c := get("apostrophe"); len(c) == 0 || c[0].Company.ContactID != 17 {
		t.Errorf("apostrophe: %+v", c)
	}
	c = get("other-cvr")
	if len(c) == 0 || c[0].Company.ContactID != 18 || !c[0].Conflict || c[0].Certain() || !hasReason(c[0], "CVR afviger") || c[0].Score >= 0.5 {
		t.Errorf("same name, different CVR: %+v", c)
	}
	if c := get("domain"); len(c) == 0 || c[0].Company.ContactID != 19 || !c[0].DomainMatch {
		t.Errorf("domain: %+v", c)
	}
	if c := get("none"); len(c) != 0 {
		t.Errorf("no match expected, got %+v", c)
	}
}
