package match

import (
	"slices"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

func TestNormalizeOrgNumber(t *testing.T) {
	dk := func(d string) OrgNumber { return OrgNumber{Country: Denmark, Digits: d, Valid: true} }
	no := func(d string) OrgNumber { return OrgNumber{Country: Norway, Digits: d, Valid: true} }
	se := func(d string) OrgNumber { return OrgNumber{Country: Sweden, Digits: d, Valid: true} }
	tests := []struct {
		name string
		in   string
		hint string
		want OrgNumber
	}{
		// Denmark
		{"dk plain", "24256790", "", dk("24256790")},
		{"dk prefix", "DK24256790", "", dk("24256790")},
		{"dk prefix and space", "DK 24256790", "", dk("24256790")},
		{"dk pairs", "24 25 67 90", "", dk("24256790")},
		{"dk lower-case prefix and dashes", "dk-2425-6790", "", dk("24256790")},
		{"dk dots", "24.25.67.90", "", dk("24256790")},
		{"dk label", "CVR-nr.: 24256790", "", dk("24256790")},
		{"dk label beats hint", "CVR 24256790", "NO", dk("24256790")},
		{"dk vat label", "VAT DK 24256790", "", dk("24256790")},
		{"dk full-width digits", "２４２５６７９０", "", dk("24256790")},
		{"dk surrounding space and nbsp", " 24\u00a025\u00a067\u00a090 ", "", dk("24256790")},
		{"dk bad check digit", "24256791", "", OrgNumber{Country: Denmark, Digits: "24256791"}},
		{"dk too short", "DK 2425679", "", OrgNumber{Country: Denmark, Digits: "2425679"}},
		{"dk with hint but 9 digits", "923609016", "DK", OrgNumber{Country: Denmark, Digits: "923609016"}},
		{"dk prefix with mva", "DK24256790MVA", "", OrgNumber{}},
		// Norway
		{"no plain", "923609016", "", no("923609016")},
		{"no spaced", "923 609 016", "", no("923609016")},
		{"no vat", "NO923609016MVA", "", no("923609016")},
		{"no vat spaced", "NO 923 609 016 MVA", "", no("923609016")},
		{"no mva only", "923609016 MVA", "", no("923609016")},
		{"no label", "Org.nr. 923 609 016", "", no("923609016")},
		{"no check digit 11 means 0", "100000040", "NO", no("100000040")},
		{"no check digit 10 is impossible", "100000130", "NO", OrgNumber{Country: Norway, Digits: "100000130"}},
		{"no bad check digit", "923609017", "", OrgNumber{Country: Norway, Digits: "923609017"}},
		{"no prefix beats dk hint", "NO 923609016", "DK", no("923609016")},
		// Sweden
		{"se plain", "5566778899", "", se("5566778899")},
		{"se dash", "556677-8899", "", se("5566778899")},
		{"se vat", "SE556677889901", "", se("5566778899")},
		{"se vat spaced", "SE 556677-8899 01", "", se("5566778899")},
		{"se century 16", "16556677-8899", "", se("5566778899")},
		{"se century 19 with hint", "195560125790", "SE", se("5560125790")},
		{"se label", "Organisationsnummer: 556012-5790", "", se("5560125790")},
		{"se bad luhn", "556677-8898", "", OrgNumber{Country: Sweden, Digits: "5566778898"}},
		{"se vat wrong suffix", "SE556677889902", "", OrgNumber{Country: Sweden, Digits: "556677889902"}},
		// Hints and junk
		{"unknown hint counts as none", "24256790", "DE", dk("24256790")},
		{"hint is trimmed and case-folded", "24256790", " dk ", dk("24256790")},
		{"empty", "", "", OrgNumber{}},
		{"empty keeps hint", "", "DK", OrgNumber{Country: Denmark}},
		{"text is no number", "ukendt", "", OrgNumber{}},
		{"letters inside digits", "2425AB6790", "", OrgNumber{}},
		{"unknown prefix", "DE 24256790", "", OrgNumber{}},
		{"note after number", "24256790 (gammel)", "", OrgNumber{}},
		{"odd length without hint", "12345", "", OrgNumber{Digits: "12345"}},
		{"two numbers", "24256790 / 10150817", "", OrgNumber{Country: "", Digits: "2425679010150817"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NormalizeOrgNumber(tt.in, tt.hint)
			if got != tt.want {
				t.Fatalf("NormalizeOrgNumber(%q, %q) = %+v, want %+v", tt.in, tt.hint, got, tt.want)
			}
			if again := NormalizeOrgNumber(got.Digits, got.Country); again != got {
				t.Errorf("not idempotent: %+v → %+v", got, again)
			}
		})
	}
}

func TestOrgNumberVariants(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"dk", "DK 24 25 67 90", []string{"24256790", "DK24256790", "DK 24256790", "24 25 67 90"}},
		{"no", "923609016", []string{"923609016", "923 609 016", "NO923609016MVA", "NO 923 609 016 MVA"}},
		{"se", "SE556677889901", []string{"5566778899", "556677-8899", "SE556677889901"}},
		{"invalid has none", "24256791", nil},
		{"empty has none", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := NormalizeOrgNumber(tt.in, "")
			got := o.Variants()
			if !slices.Equal(got, tt.want) {
				t.Fatalf("Variants() = %q, want %q", got, tt.want)
			}
			// Every variant reads back as the same number, with and
			// without the country as hint: what we search for is what we
			// would match.
			for _, v := range got {
				for _, hint := range []string{"", o.Country} {
					if back := NormalizeOrgNumber(v, hint); back != o {
						t.Errorf("variant %q with hint %q reads as %+v, want %+v", v, hint, back, o)
					}
				}
			}
		})
	}
}

func TestVariantsRefuseForgedValid(t *testing.T) {
	forged := []OrgNumber{
		{Country: Denmark, Digits: "24256791", Valid: true},
		{Country: Denmark, Digits: "abc", Valid: true},
		{Country: Norway, Digits: "24256790", Valid: true},
		{Country: "XX", Digits: "24256790", Valid: true},
	}
	for _, o := range forged {
		if v := o.Variants(); v != nil {
			t.Errorf("%+v.Variants() = %q, want nil", o, v)
		}
	}
}

// TestOrgNumberAgreesWithLead holds core/lead and core/match to the one
// rule of core/orgnr: a CVR a lead calls invalid must never match, and
// placeholders such as "00000000" must not find a CRM company holding the
// same placeholder, in any country.
func TestOrgNumberAgreesWithLead(t *testing.T) {
	tests := []struct {
		in, hint string
		valid    bool
	}{
		{"24256790", "", true},
		{"DK 24 25 67 90", "", true},
		{" DK-24256790 ", "DK", true},
		{"24256791", "", false},
		{"00000000", "", false},
		{"DK 00000000", "", false},
		{"00 00 00 00", "DK", false},
		{"01234560", "", false}, // passes modulus 11, but no CVR starts with 0
		{"DK01234560", "", false},
		{"000000000", "", false},
		{"NO 000 000 000 MVA", "", false},
		{"012345674", "NO", false}, // passes modulus 11, starts with 0
		{"0000000000", "", false},
		{"SE000000000001", "", false},
		{"190000000000", "SE", false},
		{"050101-1233", "SE", true}, // a sole trader's personnummer
	}
	for _, tt := range tests {
		got := NormalizeOrgNumber(tt.in, tt.hint)
		if got.Valid != tt.valid {
			t.Errorf("NormalizeOrgNumber(%q, %q) = %+v, want Valid %v", tt.in, tt.hint, got, tt.valid)
		}
		if got.Country != Denmark {
			continue
		}
		if _, leadValid := lead.NormalizeCVR(tt.in); leadValid != got.Valid {
			t.Errorf("%q: core/lead says valid=%v, core/match says %v", tt.in, leadValid, got.Valid)
		}
	}
}
