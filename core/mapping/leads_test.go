package mapping

import (
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// num is a valid lead number.
func num(x float64) lead.Number { return lead.Number{Value: x, Valid: true} }

// goldenCase is one lead mapped for one tenant, with its golden file.
type goldenCase struct {
	name   string
	lead   *lead.Lead
	tenant TenantInfo
}

// fullDanishLead has every one of the 37 fields, shaped like
// testdata/samples/one-lead.json after import (lists as "• item" lines).
func fullDanishLead() *lead.Lead {
	return &lead.Lead{
		ID: "lead_00000_4ef8aa38", CompanyName: "Klitrose Byg P/S", Website: "https://www.klitrose.dk",
		Industry: "Sundhed", Size: "11-50", Location: "København K, Danmark", CVR: "29935181",
		Address:              "Vestergade 145, 1150 København K",
		Score:                num(43),
		ReasonForFit:         "Klitrose Byg P/S vokser hurtigt og matcher jeres ICP: ERP-skifte.",
		BuyingSignals:        "• Signal 0: rekruttering af sælgere",
		IntentScore:          num(87),
		IntentSignals:        "• Besøgte prisside (web, 2024-11-09)",
		ConversationStarters: "• Hvordan håndterer I vækst i ordrevolumen?\n• Hvilke systemer bruger I i dag?",
		RedFlags:             "• Ingen kendte",
		Description:          "Klitrose Byg P/S leverer logistik til nordiske kunder.",
		BusinessModel:        "B2C e-handel", TargetAudience: "Offentlige institutioner",
		Technologies: "• AWS\n• Salesforce\n• Shopify",
		RevenueDKK:   num(58600000), ProfitDKK: num(-2699700), Employees: num(801),
		GrowthRatePct: num(7.1), ProfitMarginPct: num(10.5),
		Competitors:         "• Klitrose Foods (https://example.dk)\n• Granit Finans (https://example.dk)",
		CompetitiveAnalysis: "Konkurrerer primært på pris og leveringstid.",
		MarketAnalysis:      "Markedet vokser 8% årligt drevet af digitalisering.",
		Strengths:           "• Stærkt brand", Weaknesses: "• Lille salgsteam",
		Opportunities: "• Ekspansion til Tyskland", Threats: "• Nye udenlandske konkurrenter",
		CustomerReviews:    "4,3/5 på Trustpilot (212 anmeldelser).",
		EmployeeReviews:    "3,9/5 på Glassdoor; ros for kultur, kritik af løn.",
		GrowthSignals:      "• Åbnet kontor i Aarhus\n• Rekrutterer 12 stillinger",
		IndustryPainPoints: "• Mangel på arbejdskraft\n• Stigende energipriser",
		JobPostings:        "• Key Account Manager (https://www.klitrose.dk/job/1, 2024-11-20)",
		SalesPlaybook:      "1. Åbn med vækstsignalet. 2. Kvalificér budget. 3. Book demo.",
		Notes:              "Ring efter kl. 10 & spørg efter R&D.",
		CreatedAt:          "2024-12-09",
		Contacts: []lead.Contact{
			{Name: "Lars Hansen", Title: "Indkøbschef", Email: "lars.hansen@klitrose.dk", Phone: "+45 47 14 21 65"},
			{Name: "Søren Pedersen", Title: "CEO", Email: "soeren.pedersen@Klitrose.DK", Phone: "+45 22 64 17 82"},
			{Name: "Lars Hansen", Title: "Indkøbschef", Email: "lars.hansen@klitrose.dk", Phone: "+45 94 60 16 38"},
			{Name: "Mette Marie Jensen", Title: "Salgsdirektør", Email: "mette.jensen@klitrose.dk", Phone: "0045 73 28 79 25"},
			{Name: "Lars Løkke Rasmussen", Title: "Bestyrelsesformand", Email: " Lars.L.Rasmussen@KLITROSE.dk ", Phone: "Mobil: 40 12 34 56 / Tlf. 70 10 20 30"},
		},
	}
}

// goldenLeads are the leads of the golden plan tests, one per country and
// per kind of trouble.
func goldenLeads() []goldenCase {
	return []goldenCase{
		{name: "dk-full", lead: fullDanishLead()},
		{name: "no-oslo", lead: &lead.Lead{
			CompanyName: "Fjordkraft AS", Website: "fjordkraft.no", Industry: "Energi", Location: "Oslo, Norge",
			CVR: "NO 923 609 016 MVA", Address: "Karl Johans gate 1, 0154 Oslo, Norge", Score: num(71),
			Contacts: []lead.Contact{
				{Name: "Kari Nordmann", Title: "Daglig leder", Email: "kari@fjordkraft.no", Phone: "+47 912 34 567"},
				{Name: "Ola Nordmann", Email: "ola@fjordkraft.no", Phone: "+47 22 12 34 56"},
			}}},
		{name: "se-stockholm", lead: &lead.Lead{
			CompanyName: "Solsikke AB", Website: "HTTP://WWW.Solsikke.SE/", Location: "Stockholm, SE",
			Address: "Drottninggatan 5, 111 51 Stockholm", Score: num(64), GrowthRatePct: num(30.5),
			Contacts: []lead.Contact{
				{Name: "Anna-Karin Ek Lindqvist", Title: "VD", Email: "anna-karin@solsikke.se", Phone: "+46 70 123 45 67"},
				{Name: "Erik Svensson", Email: "erik@solsikke.se", Phone: "08-123 456 78"},
			}}},
		{name: "de-berlin", lead: &lead.Lead{
			CompanyName: "Nordlicht GmbH", Website: "www.nordlicht.de/kontakt?utm_source=rabitiq", Industry: "Maschinenbau",
			Location: "Berlin, Deutschland", CVR: "DE 123456789", Address: "Friedrichstraße 10, 10117 Berlin",
			Contacts: []lead.Contact{
				{Name: "Dr. Ursula von der Leyen", Title: "Geschäftsführerin", Email: "u.vonderleyen@nordlicht.de", Phone: "+49 30 1234567"},
				{Name: "Jürgen Müller", Email: "j.mueller@nordlicht.de", Phone: "+49 151 23456789"},
			}}},
		{name: "uk-london", lead: &lead.Lead{
			CompanyName: "Højbjerg Robotics Ltd", Website: "https://hoejbjerg.co.uk", Location: "London, UK",
			Address: "10 Downing Street, London SW1A 2AA", Score: num(45),
			Contacts: []lead.Contact{
				{Name: "Smith, John", Title: "Managing Director", Email: "John.Smith@Hoejbjerg.co.uk", Phone: "+44 (0)20 7946 0958"},
				{Name: "Jane Doe Jr.", Email: "jane@hoejbjerg.co.uk", Phone: "07700 900123"},
			}}},
		{name: "us-austin", lead: &lead.Lead{
			CompanyName: "Egetræ Inc.", Website: "egetrae.com", Location: "Austin, TX",
			Address: "1600 Congress Ave, Austin, TX 78701", RevenueDKK: num(2.5e9),
			Contacts: []lead.Contact{{Name: "Mary Ann O'Brien", Title: "VP Sales", Email: "mary@egetrae.com", Phone: "+1 512 555 0100"}}}},
		{name: "minimal", lead: &lead.Lead{CompanyName: "Minimal ApS"}},
		{name: "messy", lead: messyLead()},
		{name: "tenant", lead: fullDanishLead(), tenant: customTenant()},
		{name: "tenant-country-missing", lead: &lead.Lead{CompanyName: "Solsikke AB", Location: "Stockholm, Sverige"},
			tenant: TenantInfo{Countries: []superoffice.Country{{CountryId: 1, TwoLetterISOCountry: "DK"}, {CountryId: 2, TwoLetterISOCountry: "NO"}}}},
		{name: "tenant-country-by-name", lead: &lead.Lead{CompanyName: "Kyiv Soft", Location: "Kyiv, Ukraine"},
			tenant: TenantInfo{Countries: []superoffice.Country{{CountryId: 1, TwoLetterISOCountry: "DK", Name: "Danmark"}, {CountryId: 804, TwoLetterISOCountry: "UA", Name: "Ukraine", EnglishName: "Ukraine"}}}},
		{name: "truncation", lead: longLead(), tenant: TenantInfo{Lengths: map[string]int{"Firstname": 4, "Phone": 12}}},
	}
}

// messyLead holds the kinds of trouble AI-written exports have.
func messyLead() *lead.Lead {
	return &lead.Lead{
		CompanyName: "  Rødkilde\tA/S\n", Website: "N/A", Industry: "IT &\r\nTelecom", Location: "Mars",
		CVR: "1234", Address: "Bygning 3, Campus Syd", ReasonForFit: "  \n ", Description: "Kun beskrivelse.",
		Score:         lead.Number{Text: "høj"},
		Employees:     num(12.5),
		CreatedAtText: "sidste tirsdag",
		Notes:         "Linje 1\r\nLinje 2\u0007\n\n\n",
		Contacts: []lead.Contact{
			{Name: "Hr. Jens (Jensemand) Jensen", Email: "jens@rødkilde.dk", Phone: "ukendt"},
			{Name: "", Email: "mette.k.larsen@rodkilde.dk"},
			{Name: "", Title: "Ukendt kontakt", Email: "ikke-en-mail"},
			{Name: "Ole", Email: "mailto:Ole@Rodkilde.DK", Phone: "M: 20 30 40 50, 33 12 34 56"},
			{Name: "Ole", Email: "ole@rodkilde.dk", Phone: "33 12 34 56; 86 12 34 56"},
			{},
		},
	}
}

// customTenant is a tenant whose admin made the fields differently from the
// guide: other keys, missing fields, Decimal percentages and short limits.
func customTenant() TenantInfo {
	keys := map[int]string{}
	for no := 1; no <= 37; no++ {
		keys[no] = fields.ProgID(no)
	}
	delete(keys, 4)             // no Størrelse field
	delete(keys, 33)            // no playbook field
	keys[12] = "SuperOffice:12" // Beskrivelse created without the guide's Prog ID
	keys[13] = "  "             // blank: treated as missing
	return TenantInfo{
		FieldKeys:    keys,
		FieldTypes:   map[int]fields.Type{19: fields.Decimal, 20: fields.Decimal, 18: fields.Text, 36: fields.Number},
		FieldLengths: map[int]int{2: 20, 3: 5},
		Lengths:      map[string]int{"name": 10, "Description": 40, "CITY": 6},
		Countries: []superoffice.Country{
			{CountryId: 45, Name: "Danmark", TwoLetterISOCountry: "DK"},
			{CountryId: 47, Name: "Norge", TwoLetterISOCountry: "NO"},
		},
	}
}

// longLead has every standard field over its documented limit, in text with
// æøå and emoji, so each cut shows at the boundary.
func longLead() *lead.Lead {
	rep := func(unit string, n int) string { return strings.Repeat(unit, n) }
	return &lead.Lead{
		CompanyName:  rep("Æ", 218) + "👍🏽x",                                   // 221 long: cut inside the emoji's place
		Industry:     rep("ø", 250),                                           // cut at 219
		CVR:          rep("å", 60),                                            // not digits: kept as given, cut at 49
		Website:      "https://www.rabitiq.dk/" + rep("sti/", 250) + "?utm=1", // fits once the query goes
		Address:      rep("Å", 100) + " 1, 8000 " + rep("🇩🇰", 50),
		ReasonForFit: rep("æ", 1500),
		Description:  rep("👨‍👩‍👧", 200), // ZWJ families, 8 UTF-16 units each
		Notes:        rep("ø", 2500),
		Size:         rep("x", 300),
		Contacts: []lead.Contact{{
			Name:  "Ævarð Øjvind-" + rep("ø", 120) + " " + rep("Å", 120),
			Title: rep("é", 300), Email: rep("a", 64) + "@" + rep(rep("b", 60)+".", 3) + "dk", // valid but 250 long: not sent
			Phone: "+45 11 22 33 44 55 66", // over the tenant's 12: not sent
		}},
	}
}

// TestGoldenPlans maps each golden lead and compares the preview JSON and
// the table with the golden files; it also checks every limit.
func TestGoldenPlans(t *testing.T) {
	for _, gc := range goldenLeads() {
		t.Run(gc.name, func(t *testing.T) {
			p, ws := Map(gc.lead, gc.tenant)
			if len(ws) != len(p.Warnings) {
				t.Errorf("Map returned %d warnings, plan has %d", len(ws), len(p.Warnings))
			}
			for _, v := range limitViolations(p, gc.tenant) {
				t.Error(v)
			}
			js, err := p.PreviewJSON()
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "plans/"+gc.name+".json", js)
		})
	}
}
