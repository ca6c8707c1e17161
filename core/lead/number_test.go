package lead

import (
	"math"
	"testing"
)

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
	}{
		// JSON number text.
		{"58600000", 58600000},
		{"-7.7", -7.7},
		{"0.125", 0.125},
		{"1e6", 1e6},
		{"-2.5E-3", -0.0025},
		{" 42 ", 42},
		{"12.50", 12.5},
		// The contract's examples.
		{"12.500.000", 12500000},
		{"12,5 mio.", 12.5e6},
		{"1,2 mia. kr.", 1.2e9},
		{"DKK 3.4M", 3.4e6},
		{"12,5 %", 12.5},
		{"-3,1%", -3.1},
		{"ca. 250", 250},
		// More notations seen in AI output.
		{"1.234,56", 1234.56},
		{"1,234.56", 1234.56},
		{"1,234,567.5", 1234567.5},
		{"12 500 000", 12500000},
		{"12\u00a0500", 12500},
		{"1'234", 1234},
		{"250k", 250000},
		{"250 K", 250000},
		{"3.4m", 3.4e6},
		{"2 mia", 2e9},
		{"2 mrd.", 2e9},
		{"1,5 milliarder kroner", 1.5e9},
		{"3 millioner", 3e6},
		{"4 million", 4e6},
		{"1.2bn", 1.2e9},
		{"1.2 billion", 1.2e9},
		{"500 t.kr.", 500e3},
		{"500 tkr", 500e3},
		{"7 mio.kr.", 7e6},
		{"7 mkr", 7e6},
		{"12 tusind", 12e3},
		{"kr. 250,-", 250},
		{"250 kr.", 250},
		{"DKK -3,4 mio.", -3.4e6},
		{"-DKK 3,4 mio.", -3.4e6},
		{"+5%", 5},
		{"5 pct.", 5},
		{"5 procent", 5},
		{"\u22123,1 %", -3.1},
		{"~ 40", 40},
		{"≈40", 40},
		{"cirka 40", 40},
		{"approx. 40", 40},
		{"Ca. 1.200 ansatte"[:9], 1200},
		// A lone separator before exactly three digits groups thousands.
		{"12.500", 12500},
		{"1,200", 1200},
		{"-1.500", -1500},
		{"1.250 mio.", 1.25e9},
		// Otherwise it is the decimal separator.
		{"12,5", 12.5},
		{"3.4", 3.4},
		{"0,500", 0.5},
		{"1234.567", 1234.567},
		{"12,3456", 12.3456},
		{"007", 7},
	} {
		got, ok := ParseNumber(tc.in)
		if !ok || math.Abs(got-tc.want) > 1e-9*math.Max(1, math.Abs(tc.want)) {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", tc.in, got, ok, tc.want)
		}
	}
}

func TestParseNumberRefuses(t *testing.T) {
	for _, in := range []string{
		"", " ", "n/a", "ukendt", "-", "+", ".", ",", "%", "mio.",
		"10-20", "10–20 mio.", "51-200", "4,3/5", "12.5.2024", "1.23.4", "1,2,3",
		"1.234.5", "1,234,5678", "0.500.000", "1234,567.8", "1.234,567.8", "12 5",
		"EUR 3.4M", "€3,4 mio.", "$5", "3 SEK", "5 mio. mia.", "5 % %", "5 mio %", "--5", "+-5",
		"5 kr dkk", "1e999", "NaN", "Inf", "-Infinity", "0x10", "1_000", "five", "12 apples",
		".5", ",5", "5 ,",
	} {
		if got, ok := ParseNumber(in); ok {
			t.Errorf("ParseNumber(%q) = %v, true; want false", in, got)
		}
	}
}

func TestNormalizeCVR(t *testing.T) {
	for _, tc := range []struct {
		in, norm string
		valid    bool
	}{
		{"29935181", "29935181", true},
		{" 29935181 ", "29935181", true},
		{"29 93 51 81", "29935181", true},
		{"29-93-51-81", "29935181", true},
		{"29.93.51.81", "29935181", true},
		{"DK29935181", "29935181", true},
		{"dk-29935181", "29935181", true},
		{"DK 29 93 51 81", "29935181", true},
		{"59549022", "59549022", true},
		{"29935182", "29935182", false}, // check digit
		{"2993518", "2993518", false},   // 7 digits
		{"299351810", "299351810", false},
		{"00000000", "00000000", false}, // passes mod 11, but a placeholder
		{"CVR 29935181", "CVR 29935181", false},
		{"ukendt", "ukendt", false},
		{"", "", false},
		{" - ", "-", false},
		{"DK", "DK", false},
	} {
		norm, valid := NormalizeCVR(tc.in)
		if norm != tc.norm || valid != tc.valid {
			t.Errorf("NormalizeCVR(%q) = %q, %v; want %q, %v", tc.in, norm, valid, tc.norm, tc.valid)
		}
	}
}
