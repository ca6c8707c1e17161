package match

import (
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeName(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		stem    string
		tokens  []string
		holding bool
		form    string
	}{
		{"danish letters spelled out", "Sørensen Ærø Ålborg ApS", "soerensen aeroe aalborg", []string{"sorensen", "aro", "alborg"}, false, "ApS"},
		{"oe aa reading gives same tokens", "Soerensen Aeroe Aalborg A/S", "soerensen aeroe aalborg", []string{"sorensen", "aro", "alborg"}, false, "A/S"},
		{"o a reading gives same tokens", "Sorensen Aero Alborg", "sorensen aero alborg", []string{"sorensen", "aro", "alborg"}, false, ""},
		{"accents dropped", "Café Österreich GmbH", "cafe osterreich", []string{"cafe", "osterreich"}, false, "GmbH"},
		{"german ue reading", "Müller und Söhne AG", "muller und sohne", []string{"muller", "sohne"}, false, "AG"},
		{"apostrophe removed", "Jensen's Bøfhus", "jensens boefhus", []string{"jensens", "bofhus"}, false, ""},
		{"typographic apostrophe", "Jensen’s Bøfhus", "jensens boefhus", []string{"jensens", "bofhus"}, false, ""},
		{"acute as apostrophe", "Jensen´s Bøfhus", "jensens boefhus", []string{"jensens", "bofhus"}, false, ""},
		{"punctuation and spacing", "  Nord-Vest   Byg,  Tømrer + VVS ", "nord vest byg toemrer vvs", []string{"nord", "vest", "byg", "tomrer", "vvs"}, false, ""},
		{"dotted legal form", "Arla Foods a.m.b.a.", "arla foods", []string{"arla", "foods"}, false, "A.m.b.a."},
		{"dotted fmba", "Vestjysk Andel F.M.B.A.", "vestjysk andel", []string{"vestjysk", "andel"}, false, "F.m.b.a."},
		{"smba", "Brugsen SMBA", "brugsen", []string{"brugsen"}, false, "S.m.b.a."},
		{"is", "Hansen & Hansen I/S", "hansen hansen", []string{"hansen", "hansen"}, false, "I/S"},
		{"ks ps ivs", "Ejendom K/S", "ejendom", []string{"ejendom"}, false, "K/S"},
		{"p/s", "Advokat P/S", "advokat", []string{"advokat"}, false, "P/S"},
		{"ivs", "Startup IVS", "startup", []string{"startup"}, false, "IVS"},
		{"norwegian as", "Equinor ASA", "equinor", []string{"equinor"}, false, "ASA"},
		{"norwegian as spelled a.s.", "Fjord A.S.", "fjord", []string{"fjord"}, false, "AS"},
		{"swedish publ", "Volvo AB (publ)", "volvo", []string{"volvo"}, false, "AB"},
		{"swedish leading ab", "AB Volvo", "volvo", []string{"volvo"}, false, "AB"},
		{"swedish hb kb", "Svensson & Co HB", "svensson", []string{"svensson"}, false, "HB"},
		{"finnish oyj", "Nokia Oyj", "nokia", []string{"nokia"}, false, "Oyj"},
		{"icelandic ehf", "Marel ehf.", "marel", []string{"marel"}, false, "ehf."},
		{"gmbh & co kg", "Hansen GmbH & Co. KG", "hansen", []string{"hansen"}, false, "KG"},
		{"english ltd", "Acme Limited", "acme", []string{"acme"}, false, "Ltd"},
		{"us inc", "Acme, Inc.", "acme", []string{"acme"}, false, "Inc"},
		{"llc", "Acme LLC", "acme", []string{"acme"}, false, "LLC"},
		{"dutch bv", "Philips B.V.", "philips", []string{"philips"}, false, "BV"},
		{"belgian nv", "Solvay NV", "solvay", []string{"solvay"}, false, "NV"},
		{"french sa and sarl", "Dupont SARL", "dupont", []string{"dupont"}, false, "SARL"},
		{"uk plc", "Tesco PLC", "tesco", []string{"tesco"}, false, "Plc"},
		{"dangling connective after form", "Hansen og Co. ApS", "hansen", []string{"hansen"}, false, "ApS"},
		{"connective kept in stem not tokens", "Hansen og Søn", "hansen og soen", []string{"hansen", "son"}, false, ""},
		{"legal form alone is kept", "ApS", "aps", []string{"aps"}, false, ""},
		{"holding word kept", "Jensen Holding ApS", "jensen holding", []string{"jensen"}, true, "ApS"},
		{"holding compound", "Jensenholding A/S", "jensenholding", []string{"jensen"}, true, "A/S"},
		{"holding alone", "Holding A/S", "holding", []string{"holding"}, true, "A/S"},
		{"full-width letters", "Ｊｅｎｓｅｎ Ａ／Ｓ", "jensen", []string{"jensen"}, false, "A/S"},
		{"decomposed å", "A\u030arhus Vand", "aarhus vand", []string{"arhus", "vand"}, false, ""},
		{"angstrom sign", "\u212Brhus Vand", "aarhus vand", []string{"arhus", "vand"}, false, ""},
		{"ø with an accent (found by fuzzing)", "Ǿresund", "oeresund", []string{"oresund"}, false, ""},
		{"empty", "", "", nil, false, ""},
		{"only punctuation", " - / . ", "", nil, false, ""},
		{"invalid utf-8", "Jensen\xff ApS", "jensen", []string{"jensen"}, false, "ApS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := NormalizeName(tt.in)
			if n.Stem != tt.stem || !slices.Equal(n.Tokens, tt.tokens) || n.Holding != tt.holding || n.LegalForm != tt.form {
				t.Fatalf("NormalizeName(%q) = %+v\nwant stem %q tokens %q holding %v form %q",
					tt.in, n, tt.stem, tt.tokens, tt.holding, tt.form)
			}
			if again := NormalizeName(n.Stem).Stem; again != n.Stem {
				t.Errorf("stem not idempotent: %q → %q", n.Stem, again)
			}
		})
	}
}

func TestNameSimilarity(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		min, max float64
	}{
		{"identical", "Jensen Bøfhus ApS", "Jensen Bøfhus ApS", 1, 1},
		{"aps vs a/s", "Jensen ApS", "Jensen A/S", 1, 1},
		{"danish letter readings", "Sørensen Ærø Ålborg", "Sorensen Aero Alborg", 1, 1},
		{"danish letter digraphs", "Sørensen Ærø Ålborg", "Soerensen Aeroe Aalborg", 1, 1},
		{"apostrophe", "Jensen's Bøfhus", "Jensens Bøfhus", 1, 1},
		{"word order", "Bøfhus Jensen", "Jensen Bøfhus", 1, 1},
		{"typo in a word", "Jensne Bøfhus", "Jensen Bøfhus", 0.95, 0.99},
		{"joined words", "Bøf Hus Aarhus", "Bøfhus Aarhus", 0.95, 1},
		{"generic extra word costs little", "Novo Nordisk", "Novo Nordisk Danmark", 0.9, 0.97},
		{"distinctive extra word costs much", "Jensen", "Jensen Bøfhus", 0.6, 0.7},
		{"shared generic word proves little", "Nordic Solutions", "Nordic Consulting", 0, 0.25},
		{"different surnames", "Jensen ApS", "Hansen ApS", 0, 0},
		{"unrelated", "Novo Nordisk", "Carlsberg", 0, 0},
		{"short different names", "ABC ApS", "ABD ApS", 0, 0},
		{"empty side", "", "Jensen", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := NormalizeName(tt.a), NormalizeName(tt.b)
			got := NameSimilarity(a, b)
			if got < tt.min || got > tt.max {
				t.Fatalf("NameSimilarity(%q, %q) = %.4f, want in [%.2f, %.2f]", tt.a, tt.b, got, tt.min, tt.max)
			}
			if rev := NameSimilarity(b, a); math.Abs(rev-got) > 1e-12 {
				t.Errorf("not symmetric: %.6f vs %.6f", got, rev)
			}
		})
	}
}

func TestJaroWinkler(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want float64
	}{
		{"textbook martha", "martha", "marhta", 0.9611},
		{"textbook dwayne", "dwayne", "duane", 0.84},
		{"textbook dixon", "dixon", "dicksonx", 0.8133},
		{"equal", "jensen", "jensen", 1},
		{"disjoint", "abc", "xyz", 0},
		{"both empty", "", "", 1},
		{"one empty", "abc", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := jaroWinkler(tt.a, tt.b); math.Abs(got-tt.want) > 1e-4 {
				t.Fatalf("jaroWinkler(%q, %q) = %.4f, want %.4f", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestTablesAreInMatchKeyForm(t *testing.T) {
	for w := range genericWords {
		if matchKey(w) != w {
			t.Errorf("generic word %q would never match; key is %q", w, matchKey(w))
		}
	}
	for _, table := range [][]legalForm{trailingForms, leadingForms} {
		for _, f := range table {
			for _, w := range f.words {
				if got := NormalizeName(w).Stem; got != w {
					t.Errorf("legal form word %q folds to %q", w, got)
				}
			}
		}
	}
}

func TestNormalizeNameBounds(t *testing.T) {
	long := strings.Repeat("Jensen Bøfhus ", 1000) + "ApS"
	n := NormalizeName(long)
	if len(n.Tokens) > maxNameWords || len(strings.Fields(n.Stem)) > maxNameWords {
		t.Fatalf("kept %d tokens, %d stem words", len(n.Tokens), len(strings.Fields(n.Stem)))
	}
	if NormalizeName(n.Stem).Stem != n.Stem {
		t.Errorf("long stem not idempotent")
	}
	word := NormalizeName(strings.Repeat("ø", 500))
	if utf8.RuneCountInString(word.Stem) != maxWordRunes {
		t.Errorf("long word kept %d runes, want %d", utf8.RuneCountInString(word.Stem), maxWordRunes)
	}
	huge := NormalizeName(strings.Repeat("x", 10<<20))
	if huge.Stem != strings.Repeat("x", maxWordRunes) {
		t.Errorf("huge input: stem %q", huge.Stem)
	}
	if sim := NameSimilarity(n, NormalizeName(long)); sim != 1 {
		t.Errorf("long name is %.4f like itself", sim)
	}
}
