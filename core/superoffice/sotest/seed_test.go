package sotest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/fields"
)

// validCVR checks the mod-11 rule with weights 2,7,6,5,4,3,2,1.
func validCVR(c string) bool {
	if len(c) != 8 || c[0] == '0' {
		return false
	}
	w := []int{2, 7, 6, 5, 4, 3, 2, 1}
	sum := 0
	for i, r := range c {
		if r < '0' || r > '9' {
			return false
		}
		sum += int(r-'0') * w[i]
	}
	return sum%11 == 0
}

func normalizeCVR(s string) string {
	s = strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(s)), "DK")
	return strings.ReplaceAll(s, " ", "")
}

func TestDemoSeed(t *testing.T) {
	s := newSim(t, Config{Seed: DemoSeed()})
	cs := s.Companies()
	if len(cs) < 30 || len(s.Persons()) < 30 {
		t.Fatalf("%d companies, %d persons", len(cs), len(s.Persons()))
	}
	byCVR := map[string]Company{}
	names := map[string]bool{}
	for _, c := range cs {
		names[c.Name] = true
		if c.OrgNr == "" || c.CountryId != 208 {
			continue
		}
		n := normalizeCVR(c.OrgNr)
		if !validCVR(n) {
			t.Errorf("%s: invalid CVR %q", c.Name, c.OrgNr)
		}
		byCVR[n] = c
	}
	// Matches against the sample leads.
	var one struct{ CompanyName, CVR string }
	raw, err := os.ReadFile("../../../testdata/samples/one-lead.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &one); err != nil {
		t.Fatal(err)
	}
	if c, ok := byCVR[one.CVR]; !ok || c.Name == one.CompanyName || !strings.HasPrefix(c.Name, "Klitrose Byg") {
		t.Errorf("no company with the sample lead's CVR %s under another name: %+v", one.CVR, c.Name)
	}
	for _, want := range []string{"Mosegård Data A/S", "Bøgeskov Energi A/S", "Jensen's Bøfhus", "Egetræ Rådgivning"} {
		if !names[want] {
			t.Errorf("demo company %q missing", want)
		}
	}
	if _, ok := byCVR["15609516"]; !ok {
		t.Error("DK-prefixed CVR of Vesterhav Foods missing")
	}

	// The custom-field setup with its deliberate mistakes.
	contact := map[string]CustomFieldDef{}
	for _, d := range s.contactFields {
		contact[d.ProgId] = d
	}
	person := map[string]CustomFieldDef{}
	for _, d := range s.personFields {
		person[d.ProgId] = d
	}
	for _, f := range fields.All() {
		d, onContact := contact[f.ProgID]
		switch f.No {
		case 29, 33:
			if onContact || person[f.ProgID].ProgId != "" {
				t.Errorf("%s should be missing", f.ProgID)
			}
			continue
		case 34:
			if onContact || person[f.ProgID].ProgId == "" {
				t.Errorf("%s should be on Person only", f.ProgID)
			}
			continue
		}
		if !onContact {
			t.Errorf("%s missing on Contact", f.ProgID)
			continue
		}
		if d.Label != f.LabelDA {
			t.Errorf("%s label %q, guide says %q", f.ProgID, d.Label, f.LabelDA)
		}
	}
	if contact["RabitIQ:18"].Type != "ShortText" || !contact["RabitIQ:31"].Unpublished || contact["RabitIQ:1"].Type != "Number" {
		t.Errorf("deliberate deviations lost: %+v %+v", contact["RabitIQ:18"], contact["RabitIQ:31"])
	}
}

func TestDefaultTenantAndLoadSeed(t *testing.T) {
	s := newSim(t, Config{})
	if len(s.contactFields) != 37 || len(s.personFields) != 0 || len(s.countries) < 17 {
		t.Fatalf("default tenant: %d/%d fields, %d countries", len(s.contactFields), len(s.personFields), len(s.countries))
	}
	want := map[string]string{"RabitIQ:1": "Number", "RabitIQ:2": "LongText", "RabitIQ:3": "ShortText", "RabitIQ:36": "ShortText"}
	for _, d := range s.contactFields {
		if w, ok := want[d.ProgId]; ok && d.Type != w {
			t.Errorf("%s type %s, want %s", d.ProgId, d.Type, w)
		}
		if d.Type == "LongText" && d.TextLength != 199 || d.Type == "ShortText" && d.TextLength != 39 {
			t.Errorf("%s TextLength %d", d.ProgId, d.TextLength)
		}
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "seed.json")
	seedJSON := `{"ContactFields":[{"ProgId":"RabitIQ:1","Label":"Score","Type":"Number"},
		{"ProgId":"x_note","Label":"Note","Type":"LongText","ExtraField":true,"TextLength":500}],
		"Companies":[{"Id":5,"Name":"Seeded A/S","OrgNr":"29935181","CustomFields":{"RabitIQ:1":"42","x_note":"hej"}}],
		"Persons":[{"ContactId":5,"Firstname":"Ole","Lastname":"Olsen","Emails":["ole@seeded.dk"]}]}`
	if err := os.WriteFile(path, []byte(seedJSON), 0o600); err != nil {
		t.Fatal(err)
	}
	seed, err := LoadSeed(path)
	if err != nil {
		t.Fatal(err)
	}
	s2 := newSim(t, Config{Seed: seed})
	c, ok := s2.Company(5)
	if !ok || c.CustomFields["RabitIQ:1"] != "[I:42]" || c.CustomFields["x_note"] != "hej" || len(c.Persons) != 1 {
		t.Errorf("seeded company %+v", c)
	}
	if ext := s2.contactFields[1]; ext.TextLength != 500 {
		t.Errorf("extra field TextLength %d", ext.TextLength)
	}

	// The embedded demo file loads through LoadSeed as well.
	demo := filepath.Join(dir, "demo.json")
	if err := os.WriteFile(demo, DemoSeedJSON(), 0o600); err != nil {
		t.Fatal(err)
	}
	if ds, err := LoadSeed(demo); err != nil || len(ds.Companies) != len(DemoSeed().Companies) {
		t.Errorf("demo via LoadSeed: %v", err)
	}
}

func TestSeedErrors(t *testing.T) {
	bad := []Seed{
		{ContactFields: []CustomFieldDef{{ProgId: "RabitIQ:1", Type: "Text"}}},
		{ContactFields: []CustomFieldDef{{ProgId: "RabitIQ:1", Type: "Number"}, {ProgId: "rabitiq:1", Type: "Number"}}},
		{ContactFields: []CustomFieldDef{{ProgId: "x_foo", Type: "Number"}}},
		{ContactFields: []CustomFieldDef{{ProgId: "RabitIQ:2", Type: "LongText", TextLength: 500}}},
		{Companies: []SeedCompany{{Name: "A", CustomFields: map[string]string{"RabitIQ:99": "x"}}}},
		{Companies: []SeedCompany{{Name: "A", CustomFields: map[string]string{"RabitIQ:1": "abc"}}}},
		{Persons: []SeedPerson{{Firstname: "Ole", ContactID: 42}}},
		{Companies: []SeedCompany{{ID: 3, Name: "A"}, {ID: 3, Name: "B"}}},
	}
	for i, seed := range bad {
		if _, err := New(Config{Seed: &seed}); err == nil {
			t.Errorf("seed %d: no error", i)
		}
	}
	if _, err := New(Config{Ctx: "Cust/1"}); err == nil {
		t.Error("bad ctx accepted")
	}
	if _, err := ParseSeed([]byte(`{"companies": 5}`)); err == nil {
		t.Error("bad JSON accepted")
	}
}
