package mapping

import (
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

func TestParseAddressDanish(t *testing.T) {
	a, ok := parseAddress("Street 12, 8000 Aarhus C")
	want := superoffice.StructuredAddress{Address1: "Street 12", Zipcode: "8000", City: "Aarhus C"}
	if !ok || a != want {
		t.Errorf("got %+v, %v; want %+v", a, ok, want)
	}
}

// TestParseAddresses records addresses from DK, NO, SE, DE, UK and more in
// testdata/addresses.json.
func TestParseAddresses(t *testing.T) {
	inputs := []string{
		// Denmark
		"Vestergade 145, 1150 København K", "Street 12, 8000 Aarhus C", "Vestergade 12 8000 Aarhus C",
		"Vestergade 12, 1. th., 8000 Aarhus C", "c/o Hansen, Vestergade 12, 1. th., Baghuset, 8000 Aarhus C, Danmark",
		"DK-8000 Aarhus C", "Strandvejen 100, 2900 Hellerup, DK", "Postboks 123, 8000, Aarhus C",
		// Norway
		"Karl Johans gate 1, 0154 Oslo", "Strandvejen 60, 0150 Oslo, Norge", "N-5003 Bergen",
		// Sweden
		"Drottninggatan 5, 111 51 Stockholm", "Kungsgatan 2, SE-411 19 Göteborg", "Storgatan 1, 21122 Malmö, Sverige", "Sveavägen 1, Stockholm 11157",
		// Germany
		"Friedrichstraße 10, 10117 Berlin", "Vestergade 70, 20095 Hamburg", "D-80331 München", "Königsallee 1, 40212 Düsseldorf, Deutschland",
		// United Kingdom
		"10 Downing Street, London SW1A 2AA", "Vestergade 170, EC1A 1BB London", "221B Baker Street, London, NW1 6XE",
		"1 Piccadilly, Manchester M1 1AA, UK", "Flat 2, 3 High Street, Cambridge, CB2 1TN, United Kingdom",
		// Elsewhere
		"Damrak 1, 1012 LG Amsterdam", "ul. Marszałkowska 1, 00-624 Warszawa", "Rua Augusta 1, 1100-048 Lisboa",
		"Bahnhofstrasse 1, CH-8001 Zürich", "1600 Amphitheatre Pkwy, Mountain View, CA 94043, USA", "Vestergade 177, 78701 Austin",
		// Not parseable: kept whole in Address1
		"Vestergade 12, Aarhus", "Bygning 3, Campus Syd", "10 Downing Street London SW1A 2AA", "Vestergade 1, 8000 Aarhus C, Region Midtjylland", "Danmark", "",
	}
	type result struct {
		Input   string                        `json:"input"`
		OK      bool                          `json:"ok"`
		Address superoffice.StructuredAddress `json:"address"`
	}
	var out []result
	for _, in := range inputs {
		a, ok := parseAddress(in)
		if ok && a.City == "" {
			t.Errorf("%q parsed without a town: %+v", in, a)
		}
		out = append(out, result{in, ok, a})
	}
	goldenJSON(t, "addresses.json", out)
}

// TestAddressInPlan checks both Street and Postal get the parsed address,
// and an unparseable one lands whole in Address1.
func TestAddressInPlan(t *testing.T) {
	p, _ := Map(&lead.Lead{CompanyName: "X", Address: "Vestergade 12, 8000 Aarhus C"}, TenantInfo{})
	a := p.Contact.Address
	if a == nil || a.Street == nil || a.Postal == nil || *a.Street != *a.Postal || a.Postal.City != "Aarhus C" {
		t.Fatalf("address = %+v", a)
	}
	if a.Street == a.Postal {
		t.Error("Street and Postal share one pointer; a later change to one would change both")
	}
	p, _ = Map(&lead.Lead{CompanyName: "X", Address: "  Bygning 3,\nCampus Syd "}, TenantInfo{})
	if got := p.Contact.Address.Postal; got.Address1 != "Bygning 3, Campus Syd" || got.City != "" {
		t.Errorf("unparseable address = %+v", got)
	}
	// A tenant with a 4-character Zipcode: "10117" is cut and reported.
	p, ws := Map(&lead.Lead{CompanyName: "X", Location: "DE", Address: "Friedrichstraße 10, 10117 Berlin"}, TenantInfo{Lengths: map[string]int{"Zipcode": 4}})
	if got := p.Contact.Address.Postal.Zipcode; got != "101…" || len(ws) != 1 || ws[0].Field != "Address.Zipcode" {
		t.Errorf("Zipcode = %q, warnings %v", got, warningStrings(ws))
	}
}
