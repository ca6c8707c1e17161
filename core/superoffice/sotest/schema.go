package sotest

import (
	"embed"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// The official OpenAPI (Swagger 2.0) files for the two entities the app
// writes and the lists (Category, Business, Task) it reads, copied
// unchanged from testdata/openapi. Request bodies are checked
// against their definitions, so a property name the real service does not
// know is reported as a violation.
//
//go:embed openapi/Swagger-v1-Contact.json openapi/Swagger-v1-Person.json openapi/Swagger-v1-List.json openapi/Swagger-v1-MDOList.json
var openapiFS embed.FS

// Definition names used by the simulator.
const (
	defContactEntity   = "SuperOffice.CRM.Services.ContactEntity"
	defContactWithLink = "SuperOffice.WebApi.v1.Carriers.ContactCarriers.ContactEntityWithLinks"
	defPersonEntity    = "SuperOffice.CRM.Services.PersonEntity"
	defPersonWithLinks = "SuperOffice.WebApi.v1.Carriers.PersonCarriers.PersonEntityWithLinks"
	defListItem        = "SuperOffice.CRM.Services.ListItemEntity"
	defTaskItem        = "SuperOffice.CRM.Services.TaskListItem"
)

// schemaProp is one property (or item / map value) schema.
type schemaProp struct {
	Ref                  string      `json:"$ref"`
	Type                 string      `json:"type"`
	Format               string      `json:"format"`
	Enum                 []string    `json:"enum"`
	Items                *schemaProp `json:"items"`
	AdditionalProperties *schemaProp `json:"additionalProperties"`
}

// schemaDef is one object definition.
type schemaDef struct {
	Properties map[string]*schemaProp `json:"properties"`
	lower      map[string]string      // lower-case name -> canonical name
}

// schemaSet holds the merged definitions of the embedded OpenAPI files.
type schemaSet struct {
	defs map[string]*schemaDef
}

// loadSchemas parses the embedded OpenAPI files.
func loadSchemas() (*schemaSet, error) {
	set := &schemaSet{defs: map[string]*schemaDef{}}
	for _, name := range []string{"openapi/Swagger-v1-List.json", "openapi/Swagger-v1-MDOList.json", "openapi/Swagger-v1-Contact.json", "openapi/Swagger-v1-Person.json"} {
		raw, err := openapiFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if err := set.addDefinitions(raw); err != nil {
			return nil, fmt.Errorf("simulator: parse %s: %w", name, err)
		}
	}
	for _, need := range []string{defContactEntity, defContactWithLink, defPersonEntity, defPersonWithLinks, defListItem, defTaskItem} {
		if set.defs[need] == nil {
			return nil, fmt.Errorf("simulator: OpenAPI definition %s missing", need)
		}
	}
	return set, nil
}

// addDefinitions merges the definitions of one Swagger 2.0 document.
func (s *schemaSet) addDefinitions(raw []byte) error {
	var doc struct {
		Definitions map[string]*schemaDef `json:"definitions"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return err
	}
	for k, d := range doc.Definitions {
		d.lower = make(map[string]string, len(d.Properties))
		for p := range d.Properties {
			d.lower[strings.ToLower(p)] = p
		}
		s.defs[k] = d
	}
	return nil
}

// def returns the definition a $ref points at.
func (s *schemaSet) def(ref string) *schemaDef {
	return s.defs[strings.TrimPrefix(ref, "#/definitions/")]
}

// canonical resolves a property name of definition def. exact reports
// whether the casing matched; found whether the property exists at all.
func (s *schemaSet) canonical(def, name string) (canon string, exact, found bool) {
	d := s.def(def)
	if d == nil {
		return "", false, false
	}
	if _, ok := d.Properties[name]; ok {
		return name, true, true
	}
	if c, ok := d.lower[strings.ToLower(name)]; ok {
		return c, false, true
	}
	return "", false, false
}

// prop returns the schema of property canon of def.
func (s *schemaSet) prop(def, canon string) *schemaProp {
	d := s.def(def)
	if d == nil {
		return nil
	}
	return d.Properties[canon]
}

// issueFunc receives one finding of the checker.
type issueFunc func(kind, pointer, msg string)

// checkObject checks a decoded JSON object against definition def and
// reports unknown properties, case mismatches and type mismatches.
// CustomFields maps are checked for value types only; their keys are
// validated against the tenant's fields elsewhere.
func (s *schemaSet) checkObject(def string, obj map[string]any, pointer string, report issueFunc) {
	d := s.def(def)
	if d == nil {
		return
	}
	for _, key := range sortedKeys(obj) {
		val := obj[key]
		p := pointer + "/" + escapePointer(key)
		canon, exact, found := s.canonical(def, key)
		if !found {
			report(KindUnknownProperty, p, fmt.Sprintf("%q is not a property of %s", key, shortDef(def)))
			continue
		}
		if !exact {
			report(KindPropertyCase, p, fmt.Sprintf("%q should be spelled %q (PascalCase, as in the OpenAPI definition)", key, canon))
		}
		s.checkValue(d.Properties[canon], val, p, report)
	}
}

// checkValue checks one value against a property schema.
func (s *schemaSet) checkValue(p *schemaProp, v any, pointer string, report issueFunc) {
	if p == nil || v == nil {
		return
	}
	if p.Ref != "" {
		obj, ok := v.(map[string]any)
		if !ok {
			report(KindType, pointer, fmt.Sprintf("expected an object (%s), got %s", shortDef(p.Ref), jsonKind(v)))
			return
		}
		s.checkObject(strings.TrimPrefix(p.Ref, "#/definitions/"), obj, pointer, report)
		return
	}
	switch p.Type {
	case "array":
		arr, ok := v.([]any)
		if !ok {
			report(KindType, pointer, "expected an array, got "+jsonKind(v))
			return
		}
		for i, item := range arr {
			s.checkValue(p.Items, item, pointer+"/"+strconv.Itoa(i), report)
		}
	case "object":
		if p.AdditionalProperties == nil {
			return // a bare {"type":"object"} is .NET System.Object: any value
		}
		obj, ok := v.(map[string]any)
		if !ok {
			report(KindType, pointer, "expected an object, got "+jsonKind(v))
			return
		}
		for _, k := range sortedKeys(obj) {
			s.checkValue(p.AdditionalProperties, obj[k], pointer+"/"+escapePointer(k), report)
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			report(KindType, pointer, "expected a string, got "+jsonKind(v))
			return
		}
		if len(p.Enum) > 0 && !containsFold(p.Enum, str) {
			report(KindType, pointer, fmt.Sprintf("%q is not one of %s", str, strings.Join(p.Enum, ", ")))
		}
	case "integer":
		n, ok := v.(json.Number)
		if !ok {
			report(KindType, pointer, "expected an integer, got "+jsonKind(v))
			return
		}
		if _, err := n.Int64(); err != nil {
			report(KindType, pointer, "expected an integer, got "+n.String())
		}
	case "number":
		if _, ok := v.(json.Number); !ok {
			report(KindType, pointer, "expected a number, got "+jsonKind(v))
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			report(KindType, pointer, "expected a boolean, got "+jsonKind(v))
		}
	}
}

// canonicalize returns a copy of v with every object key replaced by its
// canonical schema name; keys the schema does not know are dropped. Maps
// (additionalProperties) keep their keys.
func (s *schemaSet) canonicalize(p *schemaProp, v any) any {
	if p == nil || v == nil {
		return v
	}
	if p.Ref != "" {
		obj, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		def := strings.TrimPrefix(p.Ref, "#/definitions/")
		out := make(map[string]any, len(obj))
		for k, val := range obj {
			canon, _, found := s.canonical(def, k)
			if !found {
				continue
			}
			out[canon] = s.canonicalize(s.prop(def, canon), val)
		}
		return out
	}
	switch p.Type {
	case "array":
		arr, ok := v.([]any)
		if !ok {
			return nil
		}
		out := make([]any, 0, len(arr))
		for _, item := range arr {
			out = append(out, s.canonicalize(p.Items, item))
		}
		return out
	case "object":
		if p.AdditionalProperties == nil {
			return v
		}
		obj, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		out := make(map[string]any, len(obj))
		for k, val := range obj {
			out[k] = s.canonicalize(p.AdditionalProperties, val)
		}
		return out
	}
	return v
}

// shortDef strips the namespace from a definition name for messages.
func shortDef(def string) string {
	def = strings.TrimPrefix(def, "#/definitions/")
	if i := strings.LastIndexByte(def, '.'); i >= 0 {
		return def[i+1:]
	}
	return def
}

// jsonKind names the JSON type of a decoded value.
func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// escapePointer escapes a JSON Pointer reference token (RFC 6901).
func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// unescapePointer reverses escapePointer.
func unescapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
