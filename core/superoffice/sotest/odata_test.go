package sotest

import (
	"net/url"
	"strings"
	"testing"
)

func TestParseFilter(t *testing.T) {
	cols := map[string]*column{
		"name":    {name: "name", typ: colString},
		"orgnr":   {name: "orgnr", typ: colString},
		"id":      {name: "id", typ: colInt},
		"emails":  {name: "emails", typ: colString},
		"stopped": {name: "stopped", typ: colBool},
	}
	lookup := func(n string) (*column, bool) { c, ok := cols[n]; return c, ok }
	row := map[string]any{"name": "Jensen's Bøfhus", "orgnr": "12345678", "id": 42,
		"emails": []string{"a@x.dk", "B@y.dk"}, "stopped": false}
	get := func(c *column) any { return row[c.name] }
	cases := []struct {
		filter string
		want   bool
	}{
		{`name eq 'Jensen''s Bøfhus'`, true},
		{`name eq 'Jensen\'s Bøfhus'`, true},
		{`name is 'jensen''s bøfhus'`, true},
		{`name begins 'Jen'`, true},
		{`name contains 'S BØF'`, true},
		{`name notContains 'x'`, true},
		{`startswith(name,'Jensen')`, true},
		{`substringof('Bøf',name)`, true},
		{`endswith(name,'hus')`, true},
		{`orgnr eq '12345678' and id eq 42`, true},
		{`orgnr eq '1' or (id gt 40 and id lt 50)`, true},
		{`id = 42`, true},
		{`id ne 42`, false},
		{`id between (40, 42)`, true},
		{`id in (1, 2, 42)`, true},
		{`not id eq 42`, false},
		{`emails eq 'b@y.dk'`, true},
		{`emails eq 'c@z.dk'`, false},
		{`stopped eq false`, true},
		{`name eq 'Other' or orgnr is '12345678'`, true},
	}
	for _, c := range cases {
		e, err := parseFilter(c.filter, lookup)
		if err != nil {
			t.Errorf("%s: %v", c.filter, err)
			continue
		}
		if got := e.eval(get); got != c.want {
			t.Errorf("%s = %v, want %v", c.filter, got, c.want)
		}
	}
	for _, bad := range []string{`name eq`, `name foo 'x'`, `bogus eq 1`, `name eq 'open`, `(name eq 'x'`, `name eq 'x' and`, `id between (1)`, `frobnicate(name,'x')`, `name eq 'a' ) `, `#`} {
		if _, err := parseFilter(bad, lookup); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

func TestODataSearch(t *testing.T) {
	s := newSim(t, Config{Seed: DemoSeed()})
	a := newAPI(t, s)
	q := func(filter string, extra ...string) []map[string]any {
		v := url.Values{"$select": {"contactId,name,department,orgnr"}, "$filter": {filter}}
		for i := 0; i+1 < len(extra); i += 2 {
			v.Set(extra[i], extra[i+1])
		}
		return a.rows("v1/Contact?" + v.Encode())
	}
	if r := q(`orgnr is '29935181'`); len(r) != 1 || r[0]["name"] != "Klitrose Byggeri P/S" || r[0]["EntityName"] != "contact" {
		t.Errorf("orgnr: %v", r)
	}
	if r := q(`name eq 'Jensen''s Bøfhus'`); len(r) != 1 {
		t.Errorf("apostrophe: %v", r)
	}
	if r := q(`name eq 'Kystlinje Energi ApS' and department eq 'Aarhus'`); len(r) != 1 || r[0]["orgnr"] != "" {
		t.Errorf("name and department: %v", r)
	}
	if r := q(`name begins 'Kystlinje' or name contains 'klitrose'`, "$orderby", "contactId desc"); len(r) != 4 ||
		mustNum(t, r[0]["contactId"]) < mustNum(t, r[3]["contactId"]) {
		t.Errorf("or + orderby desc: %v", r)
	}
	if r := q(`url/URLAddress contains 'vesterhav.dk'`); len(r) != 1 {
		t.Errorf("url column: %v", r)
	}
	if r := q(`contactUdef/RabitIQ:6 eq 'lead_00000_4ef8aa38'`); len(r) != 1 {
		t.Errorf("udef column: %v", r)
	}
	// Paging with $top/$skip and odata.nextLink.
	res := a.obj("GET", "v1/Contact?$select=contactId&$orderby=contactId&$top=10", nil, 200)
	next, _ := res["odata.nextLink"].(string)
	if len(res["value"].([]any)) != 10 || !strings.Contains(next, "%24skip=10") || !strings.HasPrefix(next, s.APIURL()) {
		t.Fatalf("page 1: next=%q", next)
	}
	u, _ := url.Parse(next)
	page2 := a.rows("v1/Contact?" + u.RawQuery)
	if len(page2) != 10 || mustNum(t, page2[0]["contactId"]) != 111 {
		t.Errorf("page 2 %v", page2)
	}
	last := a.obj("GET", "v1/Contact?$select=contactId&$orderBy=contactId&$top=10&$skip=30", nil, 200)
	if len(last["value"].([]any)) != 3 || last["odata.nextLink"] != nil {
		t.Errorf("last page %v", last)
	}
	noViolations(t, s)

	// Unknown columns and bad syntax: 400 + violation.
	a.obj("GET", "v1/Contact?$select=contactId,domain", nil, 400)
	wantViolation(t, s, KindOData, `unknown column "domain"`)
	a.obj("GET", "v1/Contact?$filter="+url.QueryEscape("name eq 'unterminated"), nil, 400)
	wantViolation(t, s, KindOData, "unterminated")
	a.rows("v1/Contact?$select=contactId,orgNr")
	wantViolation(t, s, KindOData, `should be spelled "orgnr"`)
}

func TestODataStringValues(t *testing.T) {
	s := newSim(t, Config{ODataStringValues: true, Seed: &Seed{Companies: []SeedCompany{{ID: 25, Name: "Lena"}}}})
	r := newAPI(t, s).rows("v1/Contact?$select=contactId,name")
	if len(r) != 1 || r[0]["PrimaryKey"] != "25" || r[0]["contactId"] != "25" {
		t.Errorf("rows %v", r)
	}
}
