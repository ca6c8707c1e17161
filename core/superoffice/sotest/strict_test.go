package sotest

import (
	"net/url"
	"testing"
)

// TestStrictQuoting: SuperOffice documents only the backslash escape in an
// OData string literal. The forgiving tenant also takes the OData doubled
// quote; the strict one answers it with a 400 and an odata violation, so a
// client that leans on the guess fails its tests.
func TestStrictQuoting(t *testing.T) {
	search := func(filter string) string {
		return "v1/Contact?" + url.Values{"$select": {"contactId,name"}, "$filter": {filter}}.Encode()
	}
	for _, strict := range []bool{false, true} {
		s := newSim(t, Config{Seed: DemoSeed(), Strict: strict})
		a := newAPI(t, s)
		if r := a.rows(search(`name eq 'Jensen\'s Bøfhus'`)); len(r) != 1 || r[0]["name"] != "Jensen's Bøfhus" {
			t.Errorf("strict=%v: backslash escape: %v", strict, r)
		}
		if r := a.rows(search(`name begins 'Jensen' and orgnr isNot ''`)); len(r) == 0 {
			t.Errorf("strict=%v: an empty literal '' is no escape, got no rows", strict)
		}
		noViolations(t, s)
		if !strict {
			if r := a.rows(search(`name eq 'Jensen''s Bøfhus'`)); len(r) != 1 {
				t.Errorf("forgiving: doubled quote: %v", r)
			}
			noViolations(t, s)
			continue
		}
		if res, body := a.do("GET", search(`name eq 'Jensen''s Bøfhus'`), nil); res.StatusCode != 400 {
			t.Errorf("strict: doubled quote answered %d %s, want 400", res.StatusCode, body)
		}
		wantViolation(t, s, KindOData, "doubled quote")
		if n := len(s.Violations()); n != 1 {
			t.Errorf("strict: %d violations, want 1: %+v", n, s.Violations())
		}
	}
}

func TestParseFilterStrictQuote(t *testing.T) {
	cols := func(n string) (*column, bool) { return &column{name: n, typ: colString}, n == "name" }
	for _, src := range []string{`name eq 'a''b'`, `name eq ''''`, `name in ('x', 'O''Brien')`} {
		if _, err := parseFilterMode(src, cols, true); err == nil {
			t.Errorf("strict accepted %s", src)
		}
		if _, err := parseFilterMode(src, cols, false); err != nil {
			t.Errorf("forgiving refused %s: %v", src, err)
		}
	}
	for _, src := range []string{`name eq ''`, `name eq 'a\'b'`, `name in ('', 'x')`, `name eq 'a' or name eq ''`} {
		if _, err := parseFilterMode(src, cols, true); err != nil {
			t.Errorf("strict refused %s: %v", src, err)
		}
	}
}
