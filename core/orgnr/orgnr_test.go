package orgnr

import "testing"

func TestValid(t *testing.T) {
	tests := []struct {
		name    string
		country string
		in      string
		want    bool
	}{
		// Denmark: 8 digits, modulus 11, never starting with 0.
		{"dk novo nordisk", Denmark, "24256790", true},
		{"dk weights", Denmark, "12345674", true},
		{"dk off by one", Denmark, "12345675", false},
		{"dk too short", Denmark, "1234567", false},
		{"dk too long", Denmark, "242567900", false},
		{"dk all zeros", Denmark, "00000000", false},
		{"dk leading zero passing mod 11", Denmark, "01234560", false},
		{"dk prefix is not digits", Denmark, "DK24256790", false},
		{"dk spaces are not digits", Denmark, "24 25 67 90", false},
		{"dk empty", Denmark, "", false},
		// Norway: 9 digits, modulus 11, never starting with 0.
		{"no equinor", Norway, "923609016", true},
		{"no check 11 means 0", Norway, "100000040", true},
		{"no check 10 is impossible", Norway, "100000130", false},
		{"no off by one", Norway, "923609017", false},
		{"no all zeros", Norway, "000000000", false},
		{"no leading zero passing mod 11", Norway, "012345674", false},
		{"no mva suffix is not digits", Norway, "923609016MVA", false},
		{"no too short", Norway, "92360901", false},
		// Sweden: 10 digits, Luhn, not all zeros; a leading 0 is a sole
		// trader's personnummer and stays valid.
		{"se volvo", Sweden, "5560125790", true},
		{"se example", Sweden, "5566778899", true},
		{"se off by one", Sweden, "5566778898", false},
		{"se all zeros", Sweden, "0000000000", false},
		{"se personnummer with leading zero", Sweden, "0501011233", true},
		{"se dash is not a digit", Sweden, "556677-8899", false},
		{"se twelve digits", Sweden, "165566778899", false},
		// Other countries are never valid.
		{"unknown country", "DE", "24256790", false},
		{"no country", "", "24256790", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Valid(tt.country, tt.in); got != tt.want {
				t.Fatalf("Valid(%q, %q) = %v, want %v", tt.country, tt.in, got, tt.want)
			}
		})
	}
}
