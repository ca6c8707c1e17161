package mapping

import (
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// TestGuideCountryTable is the guide's chapter 5 table, the floor.
func TestGuideCountryTable(t *testing.T) {
	for loc, want := range map[string]int{
		"Norge": 578, "Norway": 578, "Sverige": 752, "Sweden": 752, "Tyskland": 276, "Germany": 276,
		"UK": 826, "England": 826, "USA": 840, "United States": 840,
		"Danmark": 208, "": 208, "Atlantis": 208,
	} {
		p, _ := Map(&lead.Lead{CompanyName: "X", Location: loc}, TenantInfo{})
		if p.Contact.Country == nil || p.Contact.Country.CountryId != want {
			t.Errorf("location %q → %+v, want CountryId %d", loc, p.Contact.Country, want)
		}
	}
}

// TestCountryLocations records how locations in Danish, English and the
// native languages, with ISO codes at the end, resolve: testdata/countries.json.
func TestCountryLocations(t *testing.T) {
	locations := []string{
		// Nordics
		"København K, Danmark", "Aarhus C", "8000 Aarhus C", "Odense, DK", "Copenhagen, Denmark", "Kbh Ø",
		"Tórshavn, Færøerne", "Nuuk, Grønland", "Greenland",
		"Oslo, Norge", "Bergen, Norway", "Oslo NO", "Trondheim, Noreg", "Stavanger, NOR",
		"Stockholm, SE", "Göteborg, Sverige", "Malmö, Sweden", "Uppsala SE",
		"Helsinki, Finland", "Helsingfors, Suomi", "Espoo, FI",
		"Reykjavík, Ísland", "Reykjavik, Iceland", "Akureyri, IS",
		// Europe
		"Berlin, Deutschland", "Hamburg, Tyskland", "München", "Frankfurt am Main, DE", "Kiel, Germany",
		"London, UK", "Manchester, United Kingdom", "Edinburgh, Scotland", "Leeds, GB", "Bristol, England", "Cardiff, Wales", "Belfast, Nordirland", "London, U.K.",
		"Amsterdam, Nederland", "Rotterdam, Holland", "Utrecht, the Netherlands", "Eindhoven, NL",
		"Warszawa, Polska", "Kraków, Polen", "Gdańsk, PL",
		"Paris, France", "Lyon, Frankrig", "Toulouse, FR",
		"Madrid, España", "Barcelona, Spanien", "Bilbao, ES",
		"Milano, Italia", "Rom, Italien", "Torino, IT",
		"Zürich, Schweiz", "Genève, Suisse", "Lugano, Svizzera", "Zug, CH",
		"Wien, Österreich", "Graz, Østrig", "Linz, AT",
		"Bruxelles, Belgique", "Antwerpen, België", "Gent, BE", "Brussels, Belgium",
		"Dublin, Ireland", "Cork, Irland", "Galway, Éire", "Limerick, IE",
		"Tallinn, Eesti", "Riga, Latvija", "Vilnius, LT", "Praha, Česko", "Lisboa, Portugal", "Luxembourg",
		// America
		"Austin, USA", "Austin, TX", "New York, NY 10001", "San Francisco, CA", "Boston, United States of America", "Seattle, U.S.A.",
		"Toronto, Canada",
		// Forms and traps
		"Berlin (Deutschland)", "Oslo / Norge", "Danmark - København", "Stockholm; Sverige", "oslo, no",
		"Providence, Rhode Island", "Boston, New England", "Mars", "Nordics", "Remote", "",
	}
	type result struct {
		Location  string `json:"location"`
		ISO       string `json:"iso"`
		OK        bool   `json:"ok"`
		CountryId int    `json:"countryId"`
	}
	var out []result
	for _, loc := range locations {
		iso, ok := CountryISO(loc)
		p, _ := Map(&lead.Lead{CompanyName: "X", Location: loc}, TenantInfo{})
		id := 0
		if p.Contact.Country != nil {
			id = p.Contact.Country.CountryId
		}
		if !ok && id != 208 {
			t.Errorf("unknown location %q → CountryId %d, want Denmark", loc, id)
		}
		out = append(out, result{loc, iso, ok, id})
	}
	goldenJSON(t, "countries.json", out)
}

// TestCountryTableFolded keeps the table's names in the form fold makes, or
// they could never match.
func TestCountryTableFolded(t *testing.T) {
	seen := map[string]string{}
	for _, c := range countryTable {
		if c.numeric == 0 || len(c.iso2) != 2 || len(c.iso3) != 3 || c.nameDA == "" {
			t.Errorf("incomplete row %+v", c)
		}
		for _, list := range [][]string{c.names, c.cities} {
			for _, n := range list {
				if fold(n) != n {
					t.Errorf("%s: %q is not folded (%q)", c.iso2, n, fold(n))
				}
				if other, dup := seen[n]; dup {
					t.Errorf("%q is in both %s and %s", n, other, c.iso2)
				}
				seen[n] = c.iso2
			}
		}
	}
	for _, iso := range []string{"DK", "NO", "SE", "FI", "IS", "DE", "GB", "US", "NL", "PL", "FR", "ES", "IT", "CH", "AT", "BE", "IE"} {
		if _, ok := countryByISO(iso); !ok {
			t.Errorf("required country %s missing", iso)
		}
	}
	for iso, want := range map[string]int{"DK": 208, "NO": 578, "SE": 752, "DE": 276, "GB": 826, "US": 840, "FI": 246, "IS": 352, "AT": 40} {
		if got := isoNumeric(iso); got != want {
			t.Errorf("isoNumeric(%s) = %d, want %d", iso, got, want)
		}
	}
}

// TestTenantCountryList resolves through the tenant's own ids.
func TestTenantCountryList(t *testing.T) {
	list := []superoffice.Country{
		{CountryId: 7, TwoLetterISOCountry: "dk"},
		{CountryId: 9, TwoLetterISOCountry: "NO"},
		{CountryId: 10, TwoLetterISOCountry: "NO"}, // a duplicate: the first wins
		{CountryId: 11, TwoLetterISOCountry: "EE", Name: "Estland", EnglishName: "Estonia"},
	}
	for _, tc := range []struct {
		loc      string
		want     int
		warnings int
	}{
		{"Oslo, Norge", 9, 0},
		{"Aarhus", 7, 0},
		{"Stockholm, Sverige", 7, 1}, // Sweden not in the list: Denmark, with a warning
		{"Mars", 7, 1},
		{"Tallinn, Estonia", 11, 0},
	} {
		p, ws := Map(&lead.Lead{CompanyName: "X", Location: tc.loc}, TenantInfo{Countries: list})
		if p.Contact.Country == nil || p.Contact.Country.CountryId != tc.want || len(ws) != tc.warnings {
			t.Errorf("%q → %+v, warnings %v; want id %d and %d warnings", tc.loc, p.Contact.Country, warningStrings(ws), tc.want, tc.warnings)
		}
	}
	// A list without Denmark: no country is sent, and the user is told.
	p, ws := Map(&lead.Lead{CompanyName: "X", Location: "Berlin"}, TenantInfo{Countries: []superoffice.Country{{CountryId: 1, TwoLetterISOCountry: "NO"}}})
	if p.Contact.Country != nil || p.Country != "" || len(ws) != 2 {
		t.Errorf("no Denmark in list: %+v %v", p.Contact.Country, warningStrings(ws))
	}
	// A country found only by the tenant's names, without a list id fallback.
	p, _ = Map(&lead.Lead{CompanyName: "X", Location: "Kyiv, Ukraine"}, TenantInfo{})
	if p.Country != "DK" {
		t.Errorf("Ukraine without a tenant list → %q", p.Country)
	}
}

// TestCountryFromAddress uses the address when the location says nothing.
func TestCountryFromAddress(t *testing.T) {
	p, ws := Map(&lead.Lead{CompanyName: "X", Location: "Nordjylland", Address: "Hovedgaden 1, 9000 Aalborg"}, TenantInfo{})
	if p.Country != "DK" || len(ws) != 0 {
		t.Errorf("got %s %v", p.Country, warningStrings(ws))
	}
	p, ws = Map(&lead.Lead{CompanyName: "X", Address: "Karl Johans gate 1, 0154 Oslo, Norge"}, TenantInfo{})
	if p.Country != "NO" || len(ws) != 0 {
		t.Errorf("got %s %v", p.Country, warningStrings(ws))
	}
}
