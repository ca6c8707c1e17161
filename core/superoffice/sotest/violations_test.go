package sotest

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

func TestViolations(t *testing.T) {
	s := newSim(t, Config{Seed: DemoSeed()})
	a := newAPI(t, s)
	long := strings.Repeat("x", 220)
	created := a.obj("POST", "v1/Contact", map[string]any{
		"Name":       long,
		"department": "lower-case key",
		"Website":    "https://acme.dk",
		"Info":       "no such property",
		"Address":    map[string]any{"Street": map[string]any{"Address1": "Vej 1", "Zip": "2100", "Zipcode": "123456789012"}},
		"Emails":     []any{map[string]any{"Value": strings.Repeat("a", 240) + "@x.dk", "Type": "work"}},
		"Country":    map[string]any{"CountryId": 999},
		"NoMailing":  "yes",
		"CustomFields": map[string]any{
			"RabitIQ:1":     "not a number",
			"RabitIQ:4":     "more than twenty characters",
			"RabitIQ:29":    "missing on this tenant",
			"RabitIQ:34":    "lives on Person",
			"RabitIQ:31":    "unpublished",
			"RabitIQ:18":    "[I:801]",
			"rabitiq:3":     "Software",
			"RabitIQ:5:org": "helper of a known field: fine",
		},
		"UserDefinedFields": map[string]any{"SuperOffice:1": "x"},
		"ExtraFields":       map[string]any{"x_foo": "y"},
	}, 200)
	id := mustNum(t, created["ContactId"])
	for _, w := range []struct{ kind, substr string }{
		{KindUnknownProperty, "/Website"},
		{KindUnknownProperty, "/Info"},
		{KindUnknownProperty, "/Address/Street/Zip"},
		{KindUnknownProperty, "/Emails/0/Type"},
		{KindPropertyCase, "/department"},
		{KindTooLong, "/Name"},
		{KindTooLong, "/Address/Street/Zipcode"},
		{KindTooLong, "/Emails/0/Value"},
		{KindTooLong, "/CustomFields/RabitIQ:4"},
		{KindType, "/NoMailing"},
		{KindReference, "/Country/CountryId"},
		{KindCustomFieldValue, "/CustomFields/RabitIQ:1"},
		{KindCustomFieldValue, "/CustomFields/RabitIQ:18"},
		{KindUnknownCustomField, "/CustomFields/RabitIQ:29"},
		{KindUnknownCustomField, "it exists on Person"},
		{KindUnknownCustomField, "not published"},
		{KindPropertyCase, "/CustomFields/rabitiq:3"},
		{KindDeprecated, "/UserDefinedFields"},
		{KindDeprecated, "/ExtraFields"},
	} {
		wantViolation(t, s, w.kind, w.substr)
	}
	for _, v := range s.Violations() {
		if strings.Contains(v.Pointer, "RabitIQ:5:org") {
			t.Errorf("helper key flagged: %+v", v)
		}
	}
	c, _ := s.Company(id)
	if len([]rune(c.Name)) != 219 || c.CustomFields["RabitIQ:29"] != "" || c.CustomFields["RabitIQ:3"] != "Software" ||
		c.CustomFields["RabitIQ:4"] != "more than twenty cha" || c.CustomFields["RabitIQ:18"] != "[I:801]" {
		t.Errorf("stored %+v %v", c.Name, c.CustomFields)
	}
	if _, set := c.CustomFields["RabitIQ:1"]; set {
		t.Errorf("invalid number was stored")
	}

	// The inspection endpoint returns the same list as JSON.
	resp, err := http.Get(s.URL() + "/_sim/violations")
	if err != nil {
		t.Fatal(err)
	}
	var vs []Violation
	if err := json.NewDecoder(resp.Body).Decode(&vs); err != nil || len(vs) != len(s.Violations()) {
		t.Errorf("/_sim/violations: %v, %d vs %d", err, len(vs), len(s.Violations()))
	}
	resp.Body.Close()
	resp, _ = http.Get(s.URL() + "/_sim/requests")
	var reqs []RecordedRequest
	_ = json.NewDecoder(resp.Body).Decode(&reqs)
	resp.Body.Close()
	if len(reqs) != 1 || reqs[0].Method != "POST" || !strings.Contains(reqs[0].Body, "UserDefinedFields") || reqs[0].Status != 200 {
		t.Errorf("/_sim/requests: %+v", reqs)
	}
	s.ResetLogs()
	if len(s.Violations()) != 0 || len(s.Requests()) != 0 {
		t.Error("ResetLogs kept entries")
	}
}

func TestPatchAndRequestViolations(t *testing.T) {
	s := newSim(t, Config{Seed: DemoSeed()})
	a := newAPI(t, s)
	a.obj("PATCH", "v1/Contact/101", []any{
		map[string]any{"op": "replace", "path": "/Website", "value": "x"},
		map[string]any{"op": "replace", "path": "/ExtraFields/x_foo", "value": "x"},
		map[string]any{"op": "replace", "path": "/CustomFields/RabitIQ:99", "value": "x"},
		map[string]any{"op": "replace", "path": "/OrgNr", "value": strings.Repeat("9", 50)},
		map[string]any{"op": "replace", "path": "/ContactId", "value": 5},
	}, 200)
	wantViolation(t, s, KindUnknownProperty, "/Website")
	wantViolation(t, s, KindDeprecated, "ExtraFields")
	wantViolation(t, s, KindUnknownCustomField, "RabitIQ:99")
	wantViolation(t, s, KindTooLong, "/OrgNr")
	wantViolation(t, s, KindReadOnly, "ContactId")
	a.obj("PATCH", "v1/Contact/101", []any{map[string]any{"op": "move", "from": "/Name", "path": "/Department"}}, 400)
	wantViolation(t, s, KindPatch, "move")

	// LocalizedAddress from a /default entity overrides Street (documented pitfall).
	def := a.obj("GET", "v1/Contact/default", nil, 200)
	addr := def["Address"].(map[string]any)
	addr["Street"] = map[string]any{"Address1": "Vej 1", "City": "Aarhus"}
	a.obj("POST", "v1/Contact", map[string]any{"Name": "X", "Address": addr}, 200)
	wantViolation(t, s, KindAddressOverride, "StreetAddress1")

	// No Content-Type, an XML-only Accept, an unknown endpoint, wrong tenant.
	req, _ := http.NewRequest("POST", s.APIURL()+"v1/Contact", strings.NewReader(`{"Name":"x"}`))
	req.Header.Set("Authorization", "Bearer "+a.tok)
	req.Header.Set("Accept", "application/xml")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("no Content-Type: %d", resp.StatusCode)
	}
	wantViolation(t, s, KindRequest, "Content-Type")
	wantViolation(t, s, KindRequest, "Accept")
	a.obj("GET", "v1/Company/1", nil, 404)
	wantViolation(t, s, KindRequest, "no such endpoint")
	r2, _ := http.Get(s.URL() + "/Cust99999/api/v1/Contact/1")
	r2.Body.Close()
	wantViolation(t, s, KindRequest, "unknown tenant")
	a.obj("POST", "v1/Contact", map[string]any{"ContactId": 101, "Name": "x"}, 200)
	wantViolation(t, s, KindReadOnly, "must be 0")
	a.obj("POST", "v1/Contact", `[1,2]`, 400)
	wantViolation(t, s, KindRequest, "not in request body")
}

// A well-behaved client (the way core/superoffice is meant to write)
// breaks no rule.
func TestCleanClientHasNoViolations(t *testing.T) {
	s := newSim(t, Config{Seed: DemoSeed()})
	a := newAPI(t, s)
	a.json("GET", "v1/Contact/UdefLayout/Published", nil, 200)
	a.rows("v1/Contact?$select=contactId,name,department,orgnr&$filter=" + "orgnr%20is%20%2712345678%27&$orderby=contactId&$top=20")
	c := a.obj("POST", "v1/Contact", map[string]any{
		"ContactId": 0, "Name": "Solsikke Software IVS", "OrgNr": "79748218",
		"Country": map[string]any{"CountryId": 752},
		"Urls":    []any{map[string]any{"Value": "https://www.solsikke-2.dk", "Description": ""}},
		"Address": map[string]any{
			"Postal": map[string]any{"Address1": "Storgatan 1", "Zipcode": "111 22", "City": "Stockholm"},
			"Street": map[string]any{"Address1": "Storgatan 1", "Zipcode": "111 22", "City": "Stockholm"},
		},
		"Description":  "Lead fra RabitIQ",
		"CustomFields": map[string]any{"RabitIQ:1": "[I:72]", "RabitIQ:18": "801", "RabitIQ:36": "79748218"},
	}, 200)
	id := mustNum(t, c["ContactId"])
	a.obj("POST", "v1/Person", map[string]any{
		"PersonId": 0, "Firstname": "Ida", "Lastname": "Sørensen", "Title": "CEO",
		"Contact":      map[string]any{"ContactId": id},
		"Emails":       []any{map[string]any{"Value": "ida.soerensen@solsikke-2.dk"}},
		"CustomFields": map[string]any{"RabitIQ:34": "Noter"},
	}, 200)
	noViolations(t, s)
}
