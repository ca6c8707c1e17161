package mapping

import (
	"github.com/rabitiq/superoffice-sync/core/msg"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/lead"
)

// TestAll37Fields maps the full lead and checks every field of the table
// is written under its Prog ID with its type's encoding.
func TestAll37Fields(t *testing.T) {
	l := fullDanishLead()
	p, _ := Map(l, TenantInfo{})
	if len(p.Written) != 37 || len(p.CustomFields) != 37 || len(p.Skipped) != 0 {
		t.Fatalf("written %d, values %d, skipped %v", len(p.Written), len(p.CustomFields), p.Skipped)
	}
	for i, f := range fields.All() {
		if p.Written[i] != f.ProgID || p.WrittenKeys[i] != f.ProgID {
			t.Errorf("Written[%d] = %s/%s, want %s", i, p.Written[i], p.WrittenKeys[i], f.ProgID)
		}
		v := p.CustomFields[f.ProgID]
		switch f.Type {
		case fields.Number:
			if !strings.HasPrefix(v, "[I:") {
				t.Errorf("%s (Number) = %q", f.ProgID, v)
			}
		default:
			if strings.HasPrefix(v, "[") || v == "" {
				t.Errorf("%s (%s) = %q", f.ProgID, f.Type, v)
			}
		}
	}
	for id, want := range map[string]string{
		"RabitIQ:1": "[I:43]", "RabitIQ:16": "[I:58600000]", "RabitIQ:17": "[I:-2699700]", "RabitIQ:19": "[I:7]",
		"RabitIQ:20": "[I:11]", "RabitIQ:35": "2024-12-09", "RabitIQ:36": "29935181",
		"RabitIQ:15": "• AWS\n• Salesforce\n• Shopify",
	} {
		if got := p.CustomFields[id]; got != want {
			t.Errorf("%s = %q, want %q", id, got, want)
		}
	}
}

// TestMissingNumberNotSent: a Number field without a value is not sent at
// all, and one that was text is reported.
func TestMissingNumberNotSent(t *testing.T) {
	p, ws := Map(&lead.Lead{CompanyName: "X", Location: "DK", Score: lead.Number{}, IntentScore: lead.Number{Text: "meget høj"}}, TenantInfo{})
	if !slices.Equal(p.Written, []string{"RabitIQ:5"}) { // only the location
		t.Errorf("custom fields = %v", p.CustomFields)
	}
	if len(ws) != 1 || ws[0].Field != "RabitIQ:8" {
		t.Errorf("warnings = %v", warningStrings(ws))
	}
}

// TestNumberNotations records the encoding of numbers in every notation
// the importer reads, for each tenant type: testdata/numbers.json. The
// importer turns the notation into a float64; the mapping encodes it.
func TestNumberNotations(t *testing.T) {
	type input struct {
		Notation string  `json:"notation"`
		Value    float64 `json:"value"`
	}
	inputs := []input{
		{"87", 87}, {"0", 0}, {"-0", math.Copysign(0, -1)}, {"12.500.000", 12500000}, {"12,5 mio.", 12.5e6},
		{"1,2 mia. kr.", 1.2e9}, {"DKK 3.4M", 3.4e6}, {"-2.699.700", -2699700}, {"12,5 %", 12.5}, {"-3,1%", -3.1},
		{"ca. 250", 250}, {"7,1", 7.1}, {"0,5", 0.5}, {"1,5", 1.5}, {"2,5", 2.5}, {"-0,5", -0.5}, {"-2,5", -2.5},
		{"87,4999", 87.4999}, {"0,0000001", 1e-7}, {"1e21", 1e21}, {"2.147.483.647", 2147483647},
		{"2.147.483.647,5", 2147483647.5}, {"-2.147.483.648", -2147483648}, {"-2.147.483.648,6", -2147483648.6},
		{"2,5 mia.", 2.5e9}, {"0,1+0,2", 0.1 + 0.2},
	}
	type result struct {
		input
		Number   string   `json:"number"`
		Decimal  string   `json:"decimal"`
		Text     string   `json:"text"`
		Warnings []string `json:"warnings"`
	}
	var out []result
	for _, in := range inputs {
		r := result{input: in}
		for _, typ := range []fields.Type{fields.Number, fields.Decimal, fields.Text} {
			l := &lead.Lead{CompanyName: "X", Location: "DK", RevenueDKK: num(in.Value)}
			p, ws := Map(l, TenantInfo{FieldTypes: map[int]fields.Type{16: typ}})
			v := p.CustomFields["RabitIQ:16"]
			switch typ {
			case fields.Number:
				r.Number = v
			case fields.Decimal:
				r.Decimal = v
			default:
				r.Text = v
			}
			r.Warnings = append(r.Warnings, warningStrings(ws)...)
		}
		out = append(out, r)
	}
	goldenJSON(t, "numbers.json", out)
}

// TestNumberEdgeCases covers the values JSON cannot carry in a golden
// file, and the rounding rule.
func TestNumberEdgeCases(t *testing.T) {
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		p, ws := Map(&lead.Lead{CompanyName: "X", Location: "DK", Score: num(x)}, TenantInfo{})
		if _, sent := p.CustomFields["RabitIQ:1"]; sent || len(ws) != 1 {
			t.Errorf("%v: sent %v, warnings %v", x, sent, warningStrings(ws))
		}
	}
	for x, want := range map[float64]string{0.5: "[I:1]", -0.5: "[I:-1]", 1.49: "[I:1]", 99.5: "[I:100]", -2699700.4: "[I:-2699700]"} {
		p, _ := Map(&lead.Lead{CompanyName: "X", Location: "DK", ProfitDKK: num(x)}, TenantInfo{})
		if got := p.CustomFields["RabitIQ:17"]; got != want {
			t.Errorf("%v → %q, want %q", x, got, want)
		}
	}
}

// TestTenantFields covers the tenant's keys, types and lengths: a field the
// tenant lacks is skipped, a key of its own is used, a Decimal gets [F:],
// a text field made a number is parsed, and its TextLength wins.
func TestTenantFields(t *testing.T) {
	p, ws := Map(fullDanishLead(), customTenant())
	if want := []string{"RabitIQ:4", "RabitIQ:13", "RabitIQ:33"}; !slices.Equal(p.Skipped, want) {
		t.Errorf("Skipped = %v, want %v", p.Skipped, want)
	}
	for key, want := range map[string]string{
		"SuperOffice:12": "Klitrose Byg P/S leverer logistik til nordiske kunder.",
		"RabitIQ:19":     "[F:7.1]", "RabitIQ:20": "[F:10.5]", "RabitIQ:18": "801", "RabitIQ:36": "[I:29935181]",
		"RabitIQ:2": "Klitrose Byg P/S vo…", "RabitIQ:3": "Sund…",
	} {
		if got := p.CustomFields[key]; got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
	for _, absent := range []string{"RabitIQ:4", "RabitIQ:12", "RabitIQ:13", "RabitIQ:33"} {
		if _, ok := p.CustomFields[absent]; ok {
			t.Errorf("%s was written", absent)
		}
	}
	if i := slices.Index(p.Written, "RabitIQ:12"); i < 0 || p.WrittenKeys[i] != "SuperOffice:12" {
		t.Errorf("Written/WrittenKeys = %v / %v", p.Written, p.WrittenKeys)
	}
	cut := 0
	for _, w := range ws {
		if w.Msg.Code == msg.MapTruncated {
			cut++
		}
	}
	if cut != 5 { // Name, City, Description, RabitIQ:2, RabitIQ:3
		t.Errorf("truncation warnings = %v", warningStrings(ws))
	}

	// Two fields the admin gave one key: the first keeps it.
	p, ws = Map(&lead.Lead{CompanyName: "X", Location: "DK", Industry: "IT", Size: "10"},
		TenantInfo{FieldKeys: map[int]string{3: "x_rabitiq", 4: "x_rabitiq"}})
	if p.CustomFields["x_rabitiq"] != "IT" || len(ws) != 1 || ws[0].Field != "RabitIQ:4" {
		t.Errorf("shared key: %v %v", p.CustomFields, warningStrings(ws))
	}
	// A text that is no number, in a field the tenant made a Number.
	p, ws = Map(&lead.Lead{CompanyName: "X", Location: "DK", Size: "51-200"}, TenantInfo{FieldTypes: map[int]fields.Type{4: fields.Number}})
	if _, sent := p.CustomFields["RabitIQ:4"]; sent || len(ws) != 1 {
		t.Errorf("Size as Number: %v %v", p.CustomFields, warningStrings(ws))
	}
	// An empty non-nil key map means the tenant has none of the fields.
	p, _ = Map(fullDanishLead(), TenantInfo{FieldKeys: map[int]string{}})
	if len(p.CustomFields) != 0 || len(p.Skipped) != 37 {
		t.Errorf("no fields: written %v, skipped %d", p.Written, len(p.Skipped))
	}
}

// TestCreatedDate: field 35 is YYYY-MM-DD text, whatever the lead had.
func TestCreatedDate(t *testing.T) {
	for _, tc := range []struct {
		at, text, want string
		warn           bool
	}{
		{"2024-12-09", "", "2024-12-09", false},
		{"2024-12-09T09:16:00Z", "", "2024-12-09", false},
		{"2024-02-30", "", "", true},
		{"09-12-2024", "", "", true},
		{"", "sidste tirsdag", "", true},
		{"", "", "", false},
	} {
		p, ws := Map(&lead.Lead{CompanyName: "X", Location: "DK", CreatedAt: tc.at, CreatedAtText: tc.text}, TenantInfo{})
		if got := p.CustomFields["RabitIQ:35"]; got != tc.want || tc.warn != (len(ws) == 1) {
			t.Errorf("%q/%q → %q, warnings %v", tc.at, tc.text, got, warningStrings(ws))
		}
	}
}

// TestOrgNr: digits when the CVR can be normalised, else as given; an
// invalid Danish CVR is reported but still written.
func TestOrgNr(t *testing.T) {
	for _, tc := range []struct {
		cvr, loc, want string
		warn           bool
	}{
		{"29935181", "DK", "29935181", false},
		{"DK 29 93 51 81", "DK", "29935181", false},
		{"DK-29935181", "DK", "29935181", false},
		{"29.93.51.81", "DK", "29935181", false},
		{"12345678", "DK", "12345678", true},
		{"00000000", "DK", "00000000", true}, // a placeholder, not a CVR
		{"01234560", "DK", "01234560", true}, // passes modulus 11, but no CVR starts with 0
		{"  ukendt ", "DK", "ukendt", true},
		{"NO 923 609 016 MVA", "Norge", "923609016", false},
		{"GB123456789", "UK", "123456789", false},
		{"", "DK", "", false},
	} {
		p, ws := Map(&lead.Lead{CompanyName: "X", Location: tc.loc, CVR: tc.cvr}, TenantInfo{})
		if p.Contact.OrgNr != tc.want || tc.warn != (len(ws) == 1) {
			t.Errorf("%q → %q, warnings %v", tc.cvr, p.Contact.OrgNr, warningStrings(ws))
		}
	}
}
