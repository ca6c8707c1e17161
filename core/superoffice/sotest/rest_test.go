package sotest

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"
)

func TestVersionStateAndAuth(t *testing.T) {
	s := newSim(t, Config{})
	a := newAPI(t, s)
	if v := a.obj("GET", "", nil, 200); v["v1"] != s.APIURL()+"v1/" {
		t.Errorf("version info %v", v)
	}
	resp, err := http.Get(s.URL() + "/api/state/" + s.Ctx())
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("state: %v %v", resp, err)
	}
	resp.Body.Close()

	// Expired tokens are 401 without a violation; a missing token is a violation.
	s.Faults().ExpireTokens()
	if resp, body := a.do("GET", "v1/Contact/1", nil); resp.StatusCode != 401 || resp.Header.Get("WWW-Authenticate") == "" {
		t.Errorf("expired token: %d %s", resp.StatusCode, body)
	}
	noViolations(t, s)
	a.tok = ""
	if resp, _ := a.do("GET", "v1/Contact/1", nil); resp.StatusCode != 401 {
		t.Errorf("no token: %d", resp.StatusCode)
	}
	wantViolation(t, s, KindAuth, "without")
}

func TestContactCRUD(t *testing.T) {
	s := newSim(t, Config{})
	a := newAPI(t, s)

	def := a.obj("GET", "v1/Contact/default", nil, 200)
	if mustNum(t, get(def, "FieldProperties", "Name", "FieldLength")) != 219 || mustNum(t, get(def, "Country", "CountryId")) != 208 {
		t.Errorf("default entity: FieldProperties/Country wrong: %v", def["FieldProperties"])
	}
	if _, ok := get(def, "CustomFields").(map[string]any)["RabitIQ:37"]; !ok {
		t.Errorf("default CustomFields lack RabitIQ:37")
	}

	created := a.obj("POST", "v1/Contact", map[string]any{
		"ContactId": 0, "Name": "Acme ApS", "OrgNr": "29935181", "Department": "",
		"Country":      map[string]any{"CountryId": 208},
		"Urls":         []any{map[string]any{"Value": "https://acme.dk", "Description": ""}},
		"Phones":       []any{map[string]any{"Value": "+45 12 34 56 78"}},
		"Address":      map[string]any{"Postal": map[string]any{"Address1": "Vej 1", "Zipcode": "2100", "City": "København Ø"}},
		"CustomFields": map[string]any{"RabitIQ:1": "87", "RabitIQ:6": "lead_1", "RabitIQ:19": "[I:7]"},
	}, 200)
	id := mustNum(t, created["ContactId"])
	if id == 0 || get(created, "_Links", "Self") != s.APIURL()+"v1/Contact/"+strconv.Itoa(id) {
		t.Fatalf("created %v", created)
	}
	cf := get(created, "CustomFields").(map[string]any)
	if cf["RabitIQ:1"] != "[I:87]" || cf["RabitIQ:1:org"] != "[I:87]" || cf["RabitIQ:6"] != "lead_1" || cf["RabitIQ:8"] != "[I:0]" {
		t.Errorf("custom fields after create: %v", cf)
	}
	if get(created, "Phones").([]any)[0].(map[string]any)["StrippedValue"] != "+4512345678" {
		t.Errorf("StrippedValue: %v", created["Phones"])
	}
	if get(created, "Country", "TwoLetterISOCountry") != "DK" {
		t.Errorf("country not expanded: %v", created["Country"])
	}

	path := "v1/Contact/" + strconv.Itoa(id)
	got := a.obj("GET", path, nil, 200)
	if got["Name"] != "Acme ApS" || get(got, "Address", "Postal", "City") != "København Ø" {
		t.Errorf("GET %v", got)
	}

	// JSON Patch: case-insensitive paths, optional slash, CustomFields merge.
	patched := a.obj("PATCH", path, []any{
		map[string]any{"op": "replace", "path": "department", "value": "Salg"},
		map[string]any{"op": "add", "path": "/Emails/-", "value": map[string]any{"Value": "info@acme.dk"}},
		map[string]any{"op": "replace", "path": "/CustomFields", "value": map[string]any{"RabitIQ:3": "Software"}},
		map[string]any{"op": "replace", "path": "CustomFields/RabitIQ:8", "value": "[I:55]"},
		map[string]any{"op": "test", "path": "/Name", "value": "Acme ApS"},
	}, 200)
	pcf := get(patched, "CustomFields").(map[string]any)
	if patched["Department"] != "Salg" || pcf["RabitIQ:3"] != "Software" || pcf["RabitIQ:1"] != "[I:87]" || pcf["RabitIQ:8"] != "[I:55]" {
		t.Errorf("after patch: dept=%v cf=%v", patched["Department"], pcf)
	}
	if len(get(patched, "Emails").([]any)) != 1 {
		t.Errorf("emails after add: %v", patched["Emails"])
	}
	// A failed test op applies nothing (409).
	if resp, _ := a.do("PATCH", path, []any{
		map[string]any{"op": "replace", "path": "Name", "value": "Changed"},
		map[string]any{"op": "test", "path": "Department", "value": "Other"},
	}); resp.StatusCode != http.StatusConflict {
		t.Errorf("test op: %d", resp.StatusCode)
	}
	if c, _ := s.Company(id); c.Name != "Acme ApS" {
		t.Errorf("failed patch changed the name to %q", c.Name)
	}
	// Merge patch.
	merged := a.obj("PATCH", path, map[string]any{"Description": "Note", "CustomFields": map[string]any{"RabitIQ:4": "11-50"}}, 200)
	if merged["Description"] != "Note" || get(merged, "CustomFields", "RabitIQ:3") != "Software" {
		t.Errorf("merge patch: %v", merged)
	}

	// GET -> PUT round trip: the helper keys sent back are not violations.
	got = a.obj("GET", path, nil, 200)
	delete(got, "_Links") // not a property of ContactEntity
	got["Name"] = "Acme Holding ApS"
	put := a.obj("PUT", path, got, 200)
	if put["Name"] != "Acme Holding ApS" || get(put, "CustomFields", "RabitIQ:1") != "[I:87]" || put["Department"] != "Salg" {
		t.Errorf("PUT: %v", put)
	}
	noViolations(t, s)

	// Unknown ids: 404 with SuperOffice's error body.
	nf := a.obj("GET", "v1/Contact/99999", nil, 404)
	if nf["Error"] != true || nf["ErrorType"] != "SoNotFoundException" || nf["ErrorMessage"] != "Contact id 99999 not found" || nf["ErrorSource"] == "" {
		t.Errorf("404 body %v", nf)
	}
	a.obj("PATCH", "v1/Contact/99999", []any{}, 404)
	a.obj("PUT", "v1/Contact/99999", map[string]any{"Name": "x"}, 404)
	a.json("DELETE", path, nil, 204)
	a.obj("GET", path, nil, 404)
}

func TestPersonCRUDAndCompanyPersons(t *testing.T) {
	s := newSim(t, Config{Seed: &Seed{
		ContactFields: RabitIQFields(),
		PersonFields:  []CustomFieldDef{{ProgId: "SuperOffice:2", Label: "Nyhedsbrev", Type: "Checkbox"}},
		Companies:     []SeedCompany{{ID: 7, Name: "Acme ApS"}},
	}})
	a := newAPI(t, s)
	p := a.obj("POST", "v1/Person", map[string]any{
		"Firstname": "Jane", "Lastname": "Doe", "Title": "CTO",
		"Contact":      map[string]any{"ContactId": 7},
		"Emails":       []any{map[string]any{"Value": "jane@acme.dk"}},
		"MobilePhones": []any{map[string]any{"Value": "+45 20 30 40 50"}},
		"CustomFields": map[string]any{"SuperOffice:2": "[I:1]"},
	}, 200)
	pid := mustNum(t, p["PersonId"])
	if get(p, "Contact", "Name") != "Acme ApS" || p["FullName"] != "Jane Doe" || get(p, "CustomFields", "SuperOffice:2") != "[I:1]" {
		t.Errorf("person %v", p)
	}
	a.obj("PATCH", "v1/Person/"+strconv.Itoa(pid), []any{map[string]any{"op": "replace", "path": "Title", "value": "CEO"}}, 200)
	if got := a.obj("GET", "v1/Person/"+strconv.Itoa(pid), nil, 200); got["Title"] != "CEO" {
		t.Errorf("title %v", got["Title"])
	}
	c := a.obj("GET", "v1/Contact/7", nil, 200)
	if ps := c["Persons"].([]any); len(ps) != 1 || get(ps[0], "Email") != "jane@acme.dk" {
		t.Errorf("company persons %v", c["Persons"])
	}
	rows := a.rows("v1/Contact/7/Persons?$select=personId,firstName,email/emailAddress&$filter=" +
		url.QueryEscape("email/emailAddress eq 'JANE@acme.dk'"))
	if len(rows) != 1 || rows[0]["email/emailAddress"] != "jane@acme.dk" || mustNum(t, rows[0]["PrimaryKey"]) != pid {
		t.Errorf("Contact/7/Persons rows %v", rows)
	}
	rows = a.rows("v1/Person?$select=personId,contactId&$filter=" + url.QueryEscape("contactId eq 7 and email/emailAddress eq 'jane@acme.dk'"))
	if len(rows) != 1 || mustNum(t, rows[0]["contactId"]) != 7 || rows[0]["EntityName"] != "person" {
		t.Errorf("person search %v", rows)
	}
	a.obj("GET", "v1/Contact/8/Persons", nil, 404)
	if ps := s.Persons(); len(ps) != 1 || ps[0].ContactId != 7 || ps[0].Title != "CEO" {
		t.Errorf("snapshot %+v", ps)
	}
	noViolations(t, s)
}

func TestMetadataEndpoints(t *testing.T) {
	s := newSim(t, Config{Seed: DemoSeed()})
	a := newAPI(t, s)
	fields := a.json("GET", "v1/Contact/CustomField", nil, 200).([]any)
	names := map[string]string{}
	for _, f := range fields {
		names[get(f, "FieldName").(string)] = get(f, "FieldType").(string)
	}
	if names["RabitIQ:1"] != "Integer" || names["RabitIQ:18"] != "ShortText" || names["x_kundenummer"] != "ShortText" {
		t.Errorf("CustomField types %v", names)
	}
	for _, missing := range []string{"RabitIQ:29", "RabitIQ:33", "RabitIQ:34", "RabitIQ:31"} {
		if _, ok := names[missing]; ok {
			t.Errorf("%s should not be a published Contact field", missing)
		}
	}
	layout := a.json("GET", "v1/Contact/UdefLayout/Published", nil, 200).([]any)
	for _, u := range layout {
		if get(u, "ProgId") == "RabitIQ:4" && mustNum(t, get(u, "TextLength")) != 20 {
			t.Errorf("RabitIQ:4 TextLength %v", get(u, "TextLength"))
		}
		if get(u, "ProgId") == "x_kundenummer" {
			t.Errorf("extra fields are not udefs")
		}
	}
	if one := a.obj("GET", "v1/Contact/UdefLayout/Published/RabitIQ:2", nil, 200); mustNum(t, one["TextLength"]) != 150 {
		t.Errorf("one udef %v", one)
	}
	if all := a.json("GET", "v1/Contact/UdefLayout", nil, 200).([]any); len(all) != len(layout)+1 {
		t.Errorf("UdefLayout (with the unpublished field) has %d, published %d", len(all), len(layout))
	}
	pf := a.json("GET", "v1/Person/UdefLayout/Published", nil, 200).([]any)
	if len(pf) != 2 || get(pf[0], "ProgId") != "RabitIQ:34" {
		t.Errorf("person layout %v", pf)
	}
	countries := a.json("GET", "v1/List/Country/Items", nil, 200).([]any)
	iso := map[string]int{}
	for _, c := range countries {
		iso[get(c, "TwoLetterISOCountry").(string)] = mustNum(t, get(c, "CountryId"))
	}
	for _, code := range []string{"DK", "NO", "SE", "FI", "IS", "DE", "GB", "US", "NL", "FR", "ES", "IT", "PL", "CH", "AT", "BE", "IE"} {
		if iso[code] == 0 {
			t.Errorf("country %s missing", code)
		}
	}
	if iso["DK"] != 208 || iso["NO"] != 578 || iso["GB"] != 826 || iso["DE"] != 276 {
		t.Errorf("country ids %v", iso)
	}
	if c := a.obj("GET", "v1/List/Country/Items/578", nil, 200); c["EnglishName"] != "Norway" {
		t.Errorf("country 578 %v", c)
	}
	if p := a.obj("GET", "v1/User/currentPrincipal", nil, 200); mustNum(t, p["HomeCountryId"]) != 208 || p["DatabaseContextIdentifier"] != s.Ctx() {
		t.Errorf("principal %v", p)
	}
	noViolations(t, s)
}

func TestDuplicates(t *testing.T) {
	s := newSim(t, Config{Seed: DemoSeed()})
	a := newAPI(t, s)
	dups := func(name string) map[string]string {
		out := map[string]string{}
		for _, d := range a.json("GET", "v1/Contact/Duplicates/"+url.PathEscape(name), nil, 200).([]any) {
			out[get(d, "EntryName").(string)] = get(d, "RuleName").(string)
		}
		return out
	}
	if d := dups("Bøgeskov Energi ApS"); d["Bøgeskov Energi A/S"] != "ContactSoundExDuplicateRule" {
		t.Errorf("near name: %v", d)
	}
	if d := dups("Kystlinje Energi ApS"); len(d) != 2 || d["Kystlinje Energi ApS, København"] != "ContactNameDuplicateRule" {
		t.Errorf("same name twice: %v", d)
	}
	if d := dups("Havbris Software P/S"); d["Havbris Software"] == "" {
		t.Errorf("a name with a slash (escaped as %%2F): %v", d)
	}
	doms := a.json("GET", "v1/Contact/DuplicateDomains/www.klitrose.dk", nil, 200).([]any)
	if len(doms) != 1 || get(doms[0], "RuleName") != "ContactDomainDuplicateRule" {
		t.Errorf("domain duplicates %v", doms)
	}
	noViolations(t, s)
	// An unescaped slash makes another path: no such endpoint.
	a.do("GET", "v1/Contact/Duplicates/Havbris Software P/S", nil)
	wantViolation(t, s, KindRequest, "no such endpoint")
}
