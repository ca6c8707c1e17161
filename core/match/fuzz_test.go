package match

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzNormalizeOrgNumber(f *testing.F) {
	for _, s := range []string{
		"24256790", "DK 24 25 67 90", "CVR-nr.: 24256790", "NO 923 609 016 MVA",
		"556677-8899", "SE556677889901", "16556677-8899", "２４２５６７９０", "", "DK", "MVA 1",
	} {
		for _, hint := range []string{"", "DK", "NO", "SE", "de"} {
			f.Add(s, hint)
		}
	}
	f.Fuzz(func(t *testing.T, s, hint string) {
		o := NormalizeOrgNumber(s, hint)
		for i := 0; i < len(o.Digits); i++ {
			if o.Digits[i] < '0' || o.Digits[i] > '9' {
				t.Fatalf("Digits %q holds a non-digit", o.Digits)
			}
		}
		if o.Country != "" && !supportedCountry(o.Country) {
			t.Fatalf("Country %q", o.Country)
		}
		if o.Valid {
			want := map[string]int{Denmark: 8, Norway: 9, Sweden: 10}[o.Country]
			if len(o.Digits) != want {
				t.Fatalf("valid %+v has %d digits, want %d", o, len(o.Digits), want)
			}
			if v := o.Variants(); len(v) == 0 {
				t.Fatalf("valid %+v has no variants", o)
			}
			for _, v := range o.Variants() {
				if back := NormalizeOrgNumber(v, ""); back != o {
					t.Fatalf("variant %q of %+v reads as %+v", v, o, back)
				}
			}
			if again := NormalizeOrgNumber(o.Digits, ""); again != o {
				t.Fatalf("valid digits without hint: %+v → %+v", o, again)
			}
		} else if o.Variants() != nil {
			t.Fatalf("invalid %+v has variants", o)
		}
		if again := NormalizeOrgNumber(o.Digits, o.Country); again != o {
			t.Fatalf("not idempotent on its Digits: %q → %+v → %+v", s, o, again)
		}
	})
}

func FuzzNormalizeName(f *testing.F) {
	for _, s := range []string{
		"Sørensen Ærø Ålborg ApS", "Jensen's Bøfhus", "Jensen Holding ApS", "AB Volvo (publ)",
		"Hansen & Co. GmbH & Co. KG", "A/S", "Ｊｅｎｓｅｎ Ａ／Ｓ", "A\u030arhus", "İstanbul Ltd",
		"ﷺ", "한국 주식회사", "x\xffy", "og ApS", "AS AB Foo AS",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeName(s)
		if !utf8.ValidString(n.Stem) {
			t.Fatalf("stem %q is not valid UTF-8", n.Stem)
		}
		again := NormalizeName(n.Stem)
		if again.Stem != n.Stem {
			t.Fatalf("not idempotent: %q → %q → %q", s, n.Stem, again.Stem)
		}
		if again.Holding != n.Holding || strings.Join(again.Tokens, " ") != strings.Join(n.Tokens, " ") {
			t.Fatalf("re-normalised stem changed tokens: %+v → %+v", n, again)
		}
		if strings.Contains(n.Stem, "  ") || strings.TrimSpace(n.Stem) != n.Stem {
			t.Fatalf("stem %q has stray spaces", n.Stem)
		}
		for _, tok := range n.Tokens {
			if tok == "" || !utf8.ValidString(tok) || strings.Contains(tok, " ") {
				t.Fatalf("bad token %q", tok)
			}
		}
		if (n.Stem == "") != (len(n.Tokens) == 0) {
			t.Fatalf("stem %q but tokens %q", n.Stem, n.Tokens)
		}
		if sim := NameSimilarity(n, n); n.Stem != "" && sim != 1 {
			t.Fatalf("name %q is %.4f like itself", s, sim)
		}
	})
}

func FuzzMatchScore(f *testing.F) {
	f.Add("Jensen Bøfhus ApS", "24256790", "https://www.jensensbofhus.dk/", "JB Restauranter A/S", "Aarhus", "DK 24 25 67 90", "jensensbofhus.dk")
	f.Add("Jensen ApS", "", "", "Jensen Holding ApS", "", "10150817", "gmail.com")
	f.Add("Fjord AS", "NO 923 609 016 MVA", "xn--sbyg-gra.dk", "Fjord", "", "923609016", "søbyg.dk")
	f.Add("", "", "", "", "", "", "")
	f.Fuzz(func(t *testing.T, qName, qOrg, qWeb, cName, cDept, cOrg, cWeb string) {
		q := Query{Name: qName, OrgNr: NormalizeOrgNumber(qOrg, ""), Domain: Domain(qWeb)}
		c := Company{ContactID: 1, Name: cName, Department: cDept, OrgNr: cOrg, Website: cWeb}
		got := Score(q, c)
		if !(got.Score >= 0 && got.Score <= 1) || !(got.NameSimilarity >= 0 && got.NameSimilarity <= 1) {
			t.Fatalf("score %v, name similarity %v out of [0,1]", got.Score, got.NameSimilarity)
		}
		switch {
		case got.OrgNrMatch && got.Conflict:
			t.Fatalf("match and conflict at once")
		case got.OrgNrMatch && got.Score < 0.99:
			t.Fatalf("org-number match scored %v", got.Score)
		case got.Conflict && got.Score >= 0.5:
			t.Fatalf("conflict scored %v", got.Score)
		case !got.OrgNrMatch && got.Score > nameDomainCap:
			t.Fatalf("no org-number match but scored %v", got.Score)
		case !got.OrgNrMatch && !got.DomainMatch && got.Score > nameWeight:
			t.Fatalf("name alone scored %v", got.Score)
		case got.Certain() != got.OrgNrMatch:
			t.Fatalf("Certain() %v with OrgNrMatch %v", got.Certain(), got.OrgNrMatch)
		}
		if got.OrgNrMatch && !q.OrgNr.Valid {
			t.Fatalf("matched on an invalid query number")
		}
		if rev := Score(Query{Name: cName}, Company{Name: qName}); rev.NameSimilarity != NameSimilarity(NormalizeName(cName), NormalizeName(qName)) {
			t.Fatalf("NameSimilarity field disagrees with NameSimilarity")
		}
		if a, b := NameSimilarity(NormalizeName(qName), NormalizeName(cName)), NameSimilarity(NormalizeName(cName), NormalizeName(qName)); a != b {
			t.Fatalf("name similarity not symmetric: %v vs %v", a, b)
		}

		// A company scored against a query built from itself: an org number
		// makes it certain, a name alone reaches the name cap, a domain
		// alone at least the domain weight.
		self := Query{Name: cName, OrgNr: NormalizeOrgNumber(cOrg, ""), Domain: Domain(cWeb)}
		s := Score(self, Company{ContactID: 2, Name: cName, OrgNr: cOrg, Website: cWeb})
		switch {
		case self.OrgNr.Valid && (!s.Certain() || s.Score < 0.99):
			t.Fatalf("self with valid org number: %+v", s)
		case NormalizeName(cName).Stem != "" && s.Score < 0.9:
			t.Fatalf("self with a name scored %v", s.Score)
		case self.Domain != "" && !isGenericDomain(self.Domain) && (!s.DomainMatch || s.Score < domainWeight):
			t.Fatalf("self with domain %q: %+v", self.Domain, s)
		}

		// Rank never returns more than asked, nor unsorted, nor weak ones.
		r := Rank(q, []Company{c, c, {ContactID: 2, Name: qName, OrgNr: qOrg, Website: qWeb}}, 2)
		if len(r) > 2 {
			t.Fatalf("Rank returned %d > limit", len(r))
		}
		for i, cand := range r {
			if i > 0 && cand.Score > r[i-1].Score {
				t.Fatalf("Rank not sorted")
			}
			if cand.Score < minScore && !cand.OrgNrMatch && !cand.DomainMatch {
				t.Fatalf("Rank kept a weak candidate %+v", cand)
			}
		}
	})
}

func FuzzDomain(f *testing.F) {
	for _, s := range []string{"https://www.jensen.dk:443/x", "info@jensen.dk", "xn--sbyg-gra.dk", "SØBYG.dk", "co.uk", "[::1]", "ｊｅｎｓｅｎ．ｄｋ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := Domain(s)
		if again := Domain(d); again != d {
			t.Fatalf("not idempotent: %q → %q → %q", s, d, again)
		}
		if d != "" && (strings.ContainsAny(d, "/:@ ") || !utf8.ValidString(d)) {
			t.Fatalf("Domain(%q) = %q", s, d)
		}
	})
}
