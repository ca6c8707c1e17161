package mapping

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/lead"
)

// TestEveryFieldAloneReachesItsCustomField: a lead file that sets only one
// field's key gets exactly that custom field written, for every field of
// the table, so a row added to core/lead's field table reaches SuperOffice
// with no change here.
func TestEveryFieldAloneReachesItsCustomField(t *testing.T) {
	for _, f := range fields.All() {
		var v any = "v"
		switch f.Kind() {
		case lead.KindNumber:
			v = 7
		case lead.KindLong:
			v = []string{"x"}
		case lead.KindDate:
			v = "2024-12-09"
		case lead.KindCVR:
			v = "29935181"
		}
		obj := map[string]any{"companyName": "X"}
		if parent, key, nested := strings.Cut(f.LeadKey, "."); nested {
			obj[parent] = map[string]any{key: v}
		} else {
			obj[f.LeadKey] = v
		}
		data, _ := json.Marshal(obj)
		res, err := lead.Decode("one.json", data)
		if err != nil || len(res.Leads) != 1 {
			t.Fatalf("%s: %v %+v", data, err, res)
		}
		p, ws := Map(res.Leads[0].Lead, TenantInfo{})
		if !slices.Equal(p.Written, []string{f.ProgID}) || p.CustomFields[f.ProgID] == "" {
			t.Errorf("%s: written %v (%q), warnings %v", data, p.Written, p.CustomFields[f.ProgID], warningStrings(ws))
		}
	}
}
