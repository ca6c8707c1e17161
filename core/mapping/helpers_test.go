package mapping

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// update rewrites the golden files: go test ./core/mapping/ -update
var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/<name>, or writes it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		line := func(ls []string) string {
			if i < len(ls) {
				return ls[i]
			}
			return "(end of file)"
		}
		t.Errorf("%s differs from the golden file at line %d (run with -update after checking the diff)\n got: %s\nwant: %s", path, i+1, line(g), line(w))
	}
}

// goldenJSON marshals v indented, without HTML escaping, and compares it.
func goldenJSON(t *testing.T, name string, v any) {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	golden(t, name, b.Bytes())
}

// warningStrings renders warnings for golden files and messages.
func warningStrings(ws []Warning) []string {
	out := []string{}
	for _, w := range ws {
		out = append(out, w.String())
	}
	return out
}

// limitViolations lists every value of the plan that exceeds its limit, or
// is not valid UTF-8. Both the golden tests and the fuzzer use it.
func limitViolations(p Plan, tenant TenantInfo) []string {
	lim := newLimits(&tenant)
	var bad []string
	check := func(what, v string, max int) {
		if Length(v) > max || utf8.RuneCountInString(v) > max {
			bad = append(bad, what+": "+v[:min(len(v), 40)]+"… exceeds "+strconv.Itoa(max))
		}
		if !utf8.ValidString(v) {
			bad = append(bad, what+": invalid UTF-8")
		}
	}
	c := p.Contact
	check("Name", c.Name, lim.std("Name"))
	check("Department", c.Department, lim.std("Department"))
	check("OrgNr", c.OrgNr, lim.std("OrgNr"))
	check("Description", c.Description, lim.std("Description"))
	for _, u := range c.Urls {
		check("Url", u.Value, lim.std("Url"))
	}
	if c.Address != nil {
		for _, a := range []*superoffice.StructuredAddress{c.Address.Street, c.Address.Postal} {
			if a == nil {
				continue
			}
			check("Address1", a.Address1, lim.std("Address1"))
			check("Address2", a.Address2, lim.std("Address2"))
			check("Address3", a.Address3, lim.std("Address3"))
			check("City", a.City, lim.std("City"))
			check("Zipcode", a.Zipcode, lim.std("Zipcode"))
			check("State", a.State, lim.std("State"))
		}
	}
	if len(c.CustomFields) > 0 {
		bad = append(bad, "Contact.CustomFields must stay empty in the plan")
	}
	for i, id := range p.Written {
		f, _ := fields.ByProgID(id)
		v := p.CustomFields[p.WrittenKeys[i]]
		if strings.HasPrefix(v, "[I:") || strings.HasPrefix(v, "[F:") {
			continue
		}
		typ := f.Type
		if tt, ok := tenant.FieldTypes[f.No]; ok && (tt == fields.Text || tt == fields.LongText) {
			typ = tt
		}
		check(id, v, lim.custom(f.No, typ))
	}
	for _, pp := range p.Persons {
		ps := pp.Person
		check("Firstname", ps.Firstname, lim.std("Firstname"))
		check("MiddleName", ps.MiddleName, lim.std("MiddleName"))
		check("Lastname", ps.Lastname, lim.std("Lastname"))
		check("Title", ps.Title, lim.std("Title"))
		for _, e := range ps.Emails {
			check("Email", e.Value, lim.std("Email"))
		}
		for _, e := range append(append([]superoffice.EntityElement(nil), ps.OfficePhones...), ps.MobilePhones...) {
			check("Phone", e.Value, lim.std("Phone"))
		}
		if ps.Contact != nil {
			bad = append(bad, "Person.Contact must be nil in the plan")
		}
	}
	return bad
}
