package fieldsetup

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// tenant is a mixed setup: most fields by Prog ID, some by label or extra
// name, some wrong, some on Person, the rest missing.
func tenant() (c []superoffice.FieldInfo, cu []superoffice.UserDefinedFieldInfo, p []superoffice.FieldInfo, pu []superoffice.UserDefinedFieldInfo) {
	cu = []superoffice.UserDefinedFieldInfo{
		{ProgId: "RabitIQ:1", FieldLabel: "RabitIQ Score", FieldType: "Number"},
		{ProgId: "rabitiq:2", FieldLabel: "Fit Begrundelse", FieldType: "LongText", TextLength: 199},
		{ProgId: "RabitIQ: 3", FieldLabel: "Branche", FieldType: "ShortText", TextLength: 39},
		// Found by Danish label despite case, spacing and missing accents.
		{ProgId: "SuperOffice:7", FieldLabel: "  STORRELSE ", FieldType: "ShortText", TextLength: 20},
		{ProgId: "SuperOffice:8", FieldLabel: `NO:"Lokasjon";US:"Location";DA:"Lokation"`, FieldType: "ShortText", TextLength: 39},
		{ProgId: "SuperOffice:9", FieldLabel: "Omsaetning DKK", FieldType: "Decimal"},
		{ProgId: "SuperOffice:10", FieldLabel: "Vækstrate (%)", FieldType: "Decimal"},
		// Wrong type: a number field made as text, a text field made as number.
		{ProgId: "RabitIQ:8", FieldLabel: "Intent Score", FieldType: "ShortText", TextLength: 10},
		{ProgId: "RabitIQ:13", FieldLabel: "Forretningsmodel", FieldType: "Number"},
		// LongText wanted, ShortText made: present with its length.
		{ProgId: "RabitIQ:15", FieldLabel: "Teknologier", FieldType: "ShortText", TextLength: 30},
		// A date field labelled like field 35 is wrong-type.
		{ProgId: "SuperOffice:11", FieldLabel: "Oprettet dato", FieldType: "Date"},
		// No prog id: keyed by udef identity; English label.
		{UdefIdentity: 44, FieldLabel: "Red Flags", FieldType: "LongText", TextLength: 199},
		// A Prog ID for a field wins over a label that matches another.
		{ProgId: "RabitIQ:21", FieldLabel: "Markedsanalyse", FieldType: "LongText", TextLength: 199},
		// A pre-existing list field labelled "Konkurrenceanalyse" and a good one.
		{ProgId: "SuperOffice:12", FieldLabel: "Konkurrenceanalyse", FieldType: "List"},
		{ProgId: "SuperOffice:13", FieldLabel: "konkurrence-analyse", FieldType: "LongText", TextLength: 150},
	}
	c = []superoffice.FieldInfo{
		{FieldName: "RabitIQ:1", DisplayName: "RabitIQ Score", FieldType: "Integer"},
		{FieldName: "rabitiq:2", DisplayName: "Fit Begrundelse", FieldType: "LongText"},
		{FieldName: "SuperOffice:9", DisplayName: "Omsaetning DKK", FieldType: "Decimal"},
		// Extra fields are in the CustomField list only.
		{FieldName: "x_rabitiq_industry_pain_points", DisplayName: "Pain", FieldType: "LongText"},
		{FieldName: "X_RABITIQ_EMPLOYEES", DisplayName: "Ansatte", FieldType: "Integer", IsReadOnly: true},
		{FieldName: "x_other", DisplayName: "Åbne Stillinger", FieldType: "LongText"},
	}
	pu = []superoffice.UserDefinedFieldInfo{
		{ProgId: "RabitIQ:36", FieldLabel: "CVR-nummer", FieldType: "ShortText", TextLength: 20},
		{ProgId: "SuperOffice:3", FieldLabel: "Brugernoter", FieldType: "LongText", TextLength: 199},
		{ProgId: "RabitIQ:13", FieldLabel: "Forretningsmodel", FieldType: "ShortText", TextLength: 39},
	}
	p = []superoffice.FieldInfo{{FieldName: "x_rabitiq_address", DisplayName: "Adresse", FieldType: "LongText"}}
	return c, cu, p, pu
}

func TestCheck(t *testing.T) {
	rep := Check(tenant())
	if len(rep.Results) != 37 {
		t.Fatalf("%d results", len(rep.Results))
	}
	for i, r := range rep.Results {
		if r.Field.No != i+1 {
			t.Fatalf("result %d is field %d", i, r.Field.No)
		}
	}
	want := map[int]struct {
		st     Status
		key    string
		by     string
		length int
		note   string
	}{
		1:  {Present, "RabitIQ:1", ByProgID, 0, ""},
		2:  {Present, "rabitiq:2", ByProgID, 199, ""},
		3:  {Present, "RabitIQ: 3", ByProgID, 39, ""},
		4:  {Suggested, "SuperOffice:7", ByLabel, 20, "not written until confirmed"},
		5:  {Suggested, "SuperOffice:8", ByLabel, 39, ""},
		6:  {Missing, "", "", 0, "not found"},
		8:  {WrongType, "RabitIQ:8", ByProgID, 10, "RabitIQ:8 is ShortText; the guide asks for Number"},
		11: {Suggested, "SuperOffice:44", ByLabel, 199, ""},
		13: {WrongType, "RabitIQ:13", ByProgID, 0, "also exists on Person"},
		15: {Present, "RabitIQ:15", ByProgID, 30, "short text field (30 characters)"},
		16: {Suggested, "SuperOffice:9", ByLabel, 0, ""},
		18: {Suggested, "X_RABITIQ_EMPLOYEES", ByExtra, 0, "read-only"},
		19: {Suggested, "SuperOffice:10", ByLabel, 0, ""},
		21: {Present, "RabitIQ:21", ByProgID, 199, ""},
		22: {Suggested, "SuperOffice:13", ByLabel, 150, ""},
		23: {Missing, "", "", 0, ""},
		31: {Suggested, "x_rabitiq_industry_pain_points", ByExtra, 0, "found by extra-field name"},
		32: {Suggested, "x_other", ByLabel, 0, "found by label"},
		34: {OnPerson, "SuperOffice:3", ByLabel, 199, "exists on Person"},
		35: {WrongType, "SuperOffice:11", ByLabel, 0, "is Date"},
		36: {OnPerson, "RabitIQ:36", ByProgID, 20, ""},
		37: {OnPerson, "x_rabitiq_address", ByExtra, 0, ""},
	}
	for no, w := range want {
		r := rep.Results[no-1]
		if r.Status != w.st || r.TenantKey != w.key || r.MatchedBy != w.by || r.TextLength != w.length || !strings.Contains(r.Note, w.note) {
			t.Errorf("field %d: got %s key=%q by=%q len=%d note=%q; want %+v", no, r.Status, r.TenantKey, r.MatchedBy, r.TextLength, r.Note, w)
		}
	}
	ready := 0
	for _, w := range want {
		if w.st == Present {
			ready++
		}
	}
	if rep.Ready() != ready {
		t.Errorf("Ready = %d, want %d", rep.Ready(), ready)
	}
	km := rep.KeyMap()
	if km[1] != "RabitIQ:1" || km[4] != "" || km[8] != "" || km[31] != "" || km[34] != "" || len(km) != ready {
		t.Errorf("KeyMap = %v", km)
	}
	if rep.Suggestions() != 9 {
		t.Errorf("Suggestions = %d, want 9", rep.Suggestions())
	}
	if l := rep.Lengths(); l[15] != 30 || l[2] != 199 || l[1] != 0 || l[8] != 0 {
		t.Errorf("Lengths = %v", l)
	}
	types := rep.Types()
	wantTypes := map[int]fields.Type{1: fields.Number, 15: fields.Text, 2: fields.LongText}
	for no, ty := range wantTypes {
		if types[no] != ty {
			t.Errorf("Types[%d] = %q, want %q", no, types[no], ty)
		}
	}
	for _, no := range []int{8, 16, 18, 19} {
		if _, ok := types[no]; ok {
			t.Errorf("field %d (wrong type or only suggested) in Types", no)
		}
	}
	if l := rep.Lengths(); l[4] != 0 || l[22] != 0 {
		t.Errorf("Lengths has suggested fields: %v", l)
	}
}

func TestCheckEmptyTenant(t *testing.T) {
	rep := Check(nil, nil, nil, nil)
	if rep.Ready() != 0 || len(rep.KeyMap()) != 0 || len(rep.Results) != 37 {
		t.Fatalf("empty tenant: %+v", rep)
	}
	for _, r := range rep.Results {
		if r.Status != Missing {
			t.Errorf("field %d: %s", r.Field.No, r.Status)
		}
	}
}

func TestCheckAllByProgID(t *testing.T) {
	var cu []superoffice.UserDefinedFieldInfo
	for _, f := range fields.All() {
		typ := map[fields.Type]string{fields.Number: "Number", fields.Text: "ShortText", fields.LongText: "LongText"}[f.Type]
		cu = append(cu, superoffice.UserDefinedFieldInfo{ProgId: f.ProgID, FieldLabel: "x", FieldType: typ, TextLength: 39})
	}
	rep := Check(nil, cu, nil, nil)
	if rep.Ready() != 37 {
		for _, r := range rep.Results {
			if r.Status != Present {
				t.Errorf("field %d: %s %s", r.Field.No, r.Status, r.Note)
			}
		}
	}
}

func TestLabelsDistinctAfterFolding(t *testing.T) {
	seen := map[string]int{}
	for _, f := range fields.All() {
		for _, l := range []string{f.LabelDA, f.LabelEN} {
			k := foldLabel(l)
			if other, ok := seen[k]; ok && other != f.No {
				t.Errorf("labels of fields %d and %d fold to %q", other, f.No, k)
			}
			seen[k] = f.No
		}
	}
}

func TestFoldAndMultiLang(t *testing.T) {
	same := [][]string{
		{"Omsætning DKK", "omsaetning-dkk", "OMSATNING DKK"},
		{"Størrelse", "Storrelse", "stoerrelse"},
		{"Åbne stillinger", "Aabne Stillinger", "abne  stillinger"},
		{"Vækstrate %", "Vækstrate", "vaekstrate (%)"},
		{"Café", "cafe"},
	}
	for _, group := range same {
		for _, s := range group[1:] {
			if foldLabel(s) != foldLabel(group[0]) {
				t.Errorf("fold(%q)=%q != fold(%q)=%q", s, foldLabel(s), group[0], foldLabel(group[0]))
			}
		}
	}
	tests := map[string][]string{
		`NO:"Leverandør";US:"Supplier"`:   {"Leverandør", "Supplier"},
		` US:"Say ""hi""" ; DA:"Hej" `:    {`Say "hi"`, "Hej"},
		"Plain label":                     {"Plain label"},
		`NO:"unterminated`:                {`NO:"unterminated`},
		`X:"too short code"`:              {`X:"too short code"`},
		`US:"a" trailing`:                 {`US:"a" trailing`},
		"":                                {""},
		`[SR_FIELD_NAME]`:                 {`[SR_FIELD_NAME]`},
		`GER:"Drei";SE:"Två";US:"Three";`: {"Drei", "Två", "Three"},
	}
	for in, want := range tests {
		if got := splitMultiLang(in); !reflect.DeepEqual(got, want) {
			t.Errorf("splitMultiLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFetch(t *testing.T) {
	c, cu, p, pu := tenant()
	answers := map[string]any{
		"/api/v1/Contact/CustomField":          c,
		"/api/v1/Contact/UdefLayout/Published": cu,
		"/api/v1/Person/CustomField":           p,
		"/api/v1/Person/UdefLayout/Published":  pu,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, ok := answers[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		_ = json.NewEncoder(w).Encode(a)
	}))
	defer srv.Close()
	cl, err := superoffice.NewClient(srv.URL + "/api/")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Fetch(context.Background(), cl)
	if err != nil {
		t.Fatal(err)
	}
	direct := Check(c, cu, p, pu)
	for i, r := range rep.Results {
		d := direct.Results[i]
		// fields.Field holds funcs, which DeepEqual never finds equal.
		r.Field, d.Field = fields.Field{}, fields.Field{}
		if !reflect.DeepEqual(r, d) {
			t.Errorf("field %d: Fetch %+v, Check %+v", i+1, r, d)
		}
	}
	delete(answers, "/api/v1/Person/UdefLayout/Published")
	if _, err := Fetch(context.Background(), cl); !superoffice.IsNotFound(err) || !strings.Contains(err.Error(), "person field layout") {
		t.Errorf("err = %v", err)
	}
}
