package mapping

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// The official OpenAPI files, copied unchanged from SuperOffice's docs
// repository into the module's testdata (see docs/superoffice-api.md,
// "OpenAPI files in openapi/").
const (
	openAPIDir    = "../../testdata/openapi"
	contactEntity = "SuperOffice.CRM.Services.ContactEntity"
	personEntity  = "SuperOffice.CRM.Services.PersonEntity"
)

// schema is the part of a Swagger 2.0 schema object the check needs.
type schema struct {
	Ref                  string             `json:"$ref"`
	Type                 string             `json:"type"`
	Properties           map[string]*schema `json:"properties"`
	Items                *schema            `json:"items"`
	AdditionalProperties *schema            `json:"additionalProperties"`
}

// loadDefinitions reads the definitions of one Swagger file.
func loadDefinitions(t testing.TB, file string) map[string]*schema {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(openAPIDir, file))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Definitions map[string]*schema `json:"definitions"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Definitions) == 0 {
		t.Fatalf("%s has no definitions", file)
	}
	return doc.Definitions
}

// conform checks a JSON value against a schema, following $ref into nested
// objects, array items and map values, and returns one line per property
// name the definition does not have and per JSON type that does not match.
func conform(defs map[string]*schema, s *schema, v any, path string) []string {
	if s.Ref != "" {
		name := strings.TrimPrefix(s.Ref, "#/definitions/")
		d, ok := defs[name]
		if !ok {
			return []string{path + ": unresolved $ref " + s.Ref}
		}
		return conform(defs, d, v, path)
	}
	var bad []string
	switch val := v.(type) {
	case nil:
	case map[string]any:
		if s.Properties == nil && s.AdditionalProperties == nil {
			return []string{path + ": object where the definition has type " + s.Type}
		}
		keys := make([]string, 0, len(val))
		for k := range val {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if s.Properties != nil {
				p, ok := s.Properties[k]
				if !ok {
					bad = append(bad, path+"."+k+": unknown property")
					continue
				}
				bad = append(bad, conform(defs, p, val[k], path+"."+k)...)
			} else {
				bad = append(bad, conform(defs, s.AdditionalProperties, val[k], path+"["+k+"]")...)
			}
		}
	case []any:
		if s.Type != "array" || s.Items == nil {
			return []string{path + ": array where the definition has type " + s.Type}
		}
		for i, e := range val {
			bad = append(bad, conform(defs, s.Items, e, fmt.Sprintf("%s[%d]", path, i))...)
		}
	case string:
		if s.Type != "string" {
			bad = append(bad, path+": string where the definition has type "+s.Type)
		}
	case float64:
		if s.Type != "integer" && s.Type != "number" {
			bad = append(bad, path+": number where the definition has type "+s.Type)
		}
	case bool:
		if s.Type != "boolean" {
			bad = append(bad, path+": boolean where the definition has type "+s.Type)
		}
	}
	return bad
}

// conformBody marshals body and checks it against a definition.
func conformBody(t *testing.T, defs map[string]*schema, def string, body any) {
	t.Helper()
	raw, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	for _, b := range conform(defs, &schema{Ref: "#/definitions/" + def}, v, def) {
		t.Error(b)
	}
}

// fillAll sets every field of v (a pointer) to a non-zero value, following
// pointers, slices and maps, so that marshalling emits every property the
// Go type can ever send.
func fillAll(v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.Pointer:
		if depth > 6 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fillAll(v.Elem(), depth+1)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fillAll(v.Field(i), depth)
			}
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 1, 1)
		fillAll(s.Index(0), depth+1)
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fillAll(k, depth+1)
		fillAll(e, depth+1)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.String:
		v.SetString("x")
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(1)
	case reflect.Float64:
		v.SetFloat(1.5)
	case reflect.Bool:
		v.SetBool(true)
	}
}

// TestEntityTypesMatchOpenAPI fills every property of the Go entity types
// and checks that each JSON name exists in the official definition, down
// through Address, StructuredAddress, EntityElement, Country, Associate,
// Contact and FieldProperty.
func TestEntityTypesMatchOpenAPI(t *testing.T) {
	var c superoffice.ContactEntity
	fillAll(reflect.ValueOf(&c).Elem(), 0)
	conformBody(t, loadDefinitions(t, "Swagger-v1-Contact.json"), contactEntity, c)

	var p superoffice.PersonEntity
	fillAll(reflect.ValueOf(&p).Elem(), 0)
	conformBody(t, loadDefinitions(t, "Swagger-v1-Person.json"), personEntity, p)
}

// TestConformCatchesUnknownNames makes sure the check itself bites: the
// guide's loose names (Info, URL, Address1 on the company) and a wrong
// nested name must fail.
func TestConformCatchesUnknownNames(t *testing.T) {
	defs := loadDefinitions(t, "Swagger-v1-Contact.json")
	for _, body := range []string{
		`{"Info": "x"}`,
		`{"URL": "https://x.dk"}`,
		`{"Address": {"Address1": "Vej 1"}}`,
		`{"Address": {"Postal": {"Zip": "8000"}}}`,
		`{"Urls": [{"Url": "https://x.dk"}]}`,
		`{"Country": {"Id": 208}}`,
		`{"Name": 5}`,
	} {
		var v any
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			t.Fatal(err)
		}
		if bad := conform(defs, &schema{Ref: "#/definitions/" + contactEntity}, v, "ContactEntity"); len(bad) == 0 {
			t.Errorf("%s passed the OpenAPI check", body)
		}
	}
}

// TestPlanBodiesMatchOpenAPI checks the bodies Map builds for every golden
// lead, including ContactBody with the custom fields joined in.
func TestPlanBodiesMatchOpenAPI(t *testing.T) {
	cdefs := loadDefinitions(t, "Swagger-v1-Contact.json")
	pdefs := loadDefinitions(t, "Swagger-v1-Person.json")
	for _, gc := range goldenLeads() {
		p, _ := Map(gc.lead, gc.tenant)
		conformBody(t, cdefs, contactEntity, p.Contact)
		body := p.ContactBody()
		conformBody(t, cdefs, contactEntity, body)
		if len(p.CustomFields) > 0 && len(body.CustomFields) != len(p.CustomFields) {
			t.Errorf("%s: ContactBody has %d custom fields, want %d", gc.name, len(body.CustomFields), len(p.CustomFields))
		}
		for _, pp := range p.Persons {
			person := pp.Person
			person.Contact = &superoffice.ContactRef{ContactId: 42} // as the sync engine sends it
			conformBody(t, pdefs, personEntity, person)
		}
	}
}

// TestCustomFieldsNeverDeprecatedProperties pins the guide's rule: values go
// in CustomFields, never in UserDefinedFields or ExtraFields.
func TestCustomFieldsNeverDeprecatedProperties(t *testing.T) {
	for _, gc := range goldenLeads() {
		p, _ := Map(gc.lead, gc.tenant)
		raw, err := json.Marshal(p.ContactBody())
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{`"UserDefinedFields"`, `"ExtraFields"`} {
			if strings.Contains(string(raw), bad) {
				t.Errorf("%s: body contains %s", gc.name, bad)
			}
		}
		if len(p.Written) > 0 && !strings.Contains(string(raw), `"CustomFields":{`) {
			t.Errorf("%s: ContactBody lacks CustomFields: %s", gc.name, raw)
		}
	}
}
