package sotest

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"strings"
	"testing"
)

// specs loads the official OpenAPI files from testdata.
func specs(t *testing.T) (*schemaSet, map[string]map[string]bool) {
	t.Helper()
	set := &schemaSet{defs: map[string]*schemaDef{}}
	paths := map[string]map[string]bool{}
	for _, f := range []string{"Contact", "Person", "List", "User", "Schema"} {
		raw, err := os.ReadFile("../../../testdata/openapi/Swagger-v1-" + f + ".json")
		if err != nil {
			t.Fatal(err)
		}
		if err := set.addDefinitions(raw); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Paths map[string]map[string]json.RawMessage `json:"paths"`
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		for p, ops := range doc.Paths {
			paths[p] = map[string]bool{}
			for m := range ops {
				paths[p][strings.ToUpper(m)] = true
			}
		}
	}
	return set, paths
}

func TestEmbeddedOpenAPIMatchesTestdata(t *testing.T) {
	for _, f := range []string{"Contact", "Person"} {
		a, _ := os.ReadFile("../../../testdata/openapi/Swagger-v1-" + f + ".json")
		b, _ := openapiFS.ReadFile("openapi/Swagger-v1-" + f + ".json")
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("embedded Swagger-v1-%s.json differs from testdata", f)
		}
	}
}

// Every endpoint the simulator serves (PATCH aside: the 2026 files lack
// it, API.md §3.1) exists in the official files.
func TestEndpointsExistInOpenAPI(t *testing.T) {
	_, paths := specs(t)
	for _, ep := range []string{
		"GET /api/v1/Contact", "POST /api/v1/Contact", "GET /api/v1/Contact/{id}", "PUT /api/v1/Contact/{id}",
		"DELETE /api/v1/Contact/{id}", "GET /api/v1/Contact/default", "GET /api/v1/Contact/{id}/Persons",
		"GET /api/v1/Contact/{id}/Simple", "GET /api/v1/Contact/CustomField", "GET /api/v1/Contact/CustomField/{fieldName}",
		"GET /api/v1/Contact/UdefLayout", "GET /api/v1/Contact/UdefLayout/Published",
		"GET /api/v1/Contact/UdefLayout/Published/{progidOrLabel}", "GET /api/v1/Contact/Duplicates/{name}",
		"GET /api/v1/Contact/DuplicateDomains/{domain}", "GET /api/v1/Contact/DuplicateRules",
		"GET /api/v1/Person", "POST /api/v1/Person", "GET /api/v1/Person/{id}", "PUT /api/v1/Person/{id}",
		"DELETE /api/v1/Person/{id}", "GET /api/v1/Person/default", "GET /api/v1/Person/{id}/Simple",
		"GET /api/v1/Person/CustomField", "GET /api/v1/Person/UdefLayout/Published",
		"GET /api/v1/List/Country/Items", "GET /api/v1/List/Country/Items/{id}",
		"GET /api/v1/User/currentPrincipal", "GET /api/v1/Schema/{tableName}",
	} {
		m, p, _ := strings.Cut(ep, " ")
		if !paths[p][m] {
			t.Errorf("%s is not in the OpenAPI files", ep)
		}
	}
}

// Every response body uses only properties of its OpenAPI definition.
func TestResponsesMatchOpenAPI(t *testing.T) {
	set, _ := specs(t)
	s := newSim(t, Config{Seed: DemoSeed()})
	a := newAPI(t, s)
	const ns = "SuperOffice.CRM.Services."
	check := func(what, def string, v any) {
		t.Helper()
		objs := []any{v}
		if arr, ok := v.([]any); ok {
			if len(arr) == 0 {
				t.Errorf("%s: empty list, nothing checked", what)
			}
			objs = arr
		}
		for _, o := range objs {
			m, ok := o.(map[string]any)
			if !ok {
				t.Fatalf("%s: not an object: %v", what, o)
			}
			set.checkObject(def, m, "", func(kind, ptr, msg string) {
				t.Errorf("%s: %s %s: %s", what, kind, ptr, msg)
			})
		}
	}
	created := a.obj("POST", "v1/Contact", map[string]any{"Name": "Fidelity ApS", "Phones": []any{map[string]any{"Value": "12"}}}, 200)
	check("POST Contact", defContactWithLink, created)
	check("GET Contact", defContactWithLink, a.json("GET", "v1/Contact/101", nil, 200))
	check("GET Contact/default", defContactEntity, a.json("GET", "v1/Contact/default", nil, 200))
	check("GET Contact/Simple", ns+"Contact", a.json("GET", "v1/Contact/101/Simple", nil, 200))
	check("GET Person", defPersonWithLinks, a.json("GET", "v1/Person/501", nil, 200))
	check("GET Person/default", defPersonEntity, a.json("GET", "v1/Person/default", nil, 200))
	check("GET Person/Simple", ns+"Person", a.json("GET", "v1/Person/501/Simple", nil, 200))
	check("GET Contact/CustomField", ns+"FieldInfoBase", a.json("GET", "v1/Contact/CustomField", nil, 200))
	check("GET Schema/contact", ns+"FieldInfoBase", a.json("GET", "v1/Schema/contact", nil, 200))
	check("GET Contact/UdefLayout/Published", ns+"UserDefinedFieldInfo", a.json("GET", "v1/Contact/UdefLayout/Published", nil, 200))
	check("GET Person/UdefLayout/Published", ns+"UserDefinedFieldInfo", a.json("GET", "v1/Person/UdefLayout/Published", nil, 200))
	check("GET Duplicates", ns+"DuplicateEntry", a.json("GET", "v1/Contact/Duplicates/"+url.PathEscape("Mosegård Data P/S"), nil, 200))
	check("GET DuplicateRules", ns+"DuplicateRule", a.json("GET", "v1/Contact/DuplicateRules", nil, 200))
	check("GET Country items", ns+"Country", a.json("GET", "v1/List/Country/Items", nil, 200))
	check("GET currentPrincipal", ns+"SoPrincipalCarrier", a.json("GET", "v1/User/currentPrincipal", nil, 200))
	check("GET Contact OData", "SuperOffice.Services.WebApi.OData.ODataSlimResponse", a.json("GET", "v1/Contact?$top=2", nil, 200))
	noViolations(t, s)
}
