package lead_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/lead"
)

// Every one of the 37 fields is fed by the lead key the field table names:
// a file that uses exactly those keys fills every field.
func TestEveryFieldFromItsLeadKey(t *testing.T) {
	obj := map[string]any{"companyName": "A"}
	want := map[int]string{}
	for _, f := range fields.All() {
		var v any
		switch {
		case f.IsNumeric():
			v = 10 + f.No
			want[f.No] = fmt.Sprint(10 + f.No)
		case f.LeadKey == "createdAt":
			v, want[f.No] = "2024-12-09", "2024-12-09"
		case f.LeadKey == "cvr":
			v, want[f.No] = "29935181", "29935181"
		case f.Type == fields.LongText:
			v = []string{"x", fmt.Sprint(f.No)}
			want[f.No] = "• x\n• " + fmt.Sprint(f.No)
		default:
			v, want[f.No] = fmt.Sprint("v", f.No), fmt.Sprint("v", f.No)
		}
		parent, key, nested := strings.Cut(f.LeadKey, ".")
		if !nested {
			obj[f.LeadKey] = v
			continue
		}
		m, _ := obj[parent].(map[string]any)
		if m == nil {
			m = map[string]any{}
			obj[parent] = m
		}
		m[key] = v
	}
	data, err := json.Marshal(obj)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lead.Decode("all.json", data)
	if err != nil || len(res.Leads) != 1 || len(res.Warnings) != 0 {
		t.Fatalf("Decode: %v, %+v", err, res)
	}
	l := res.Leads[0].Lead
	for _, f := range fields.All() {
		got := f.Text(l)
		if f.IsNumeric() {
			n := f.Num(l)
			got = fmt.Sprint(n.Value)
			if !n.Valid {
				got = "invalid"
			}
		}
		if got != want[f.No] {
			t.Errorf("field %d (%s): got %q, want %q", f.No, f.LeadKey, got, want[f.No])
		}
	}
}
