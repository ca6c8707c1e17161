package mapping

import (
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/lead"
)

// A decimal is sent as one where the tenant's field takes decimals, and
// rounded with a warning naming the field's Prog ID where it does not.
func TestDecimalsAreKeptOrRoundedAloud(t *testing.T) {
	l := &lead.Lead{CompanyName: "Vækst ApS", Location: "Aarhus, Danmark", GrowthRatePct: lead.Number{Value: 12.5, Valid: true}, Employees: lead.Number{Value: 40, Valid: true}}
	for _, tc := range []struct {
		typ      fields.Type
		want     string
		warnings []string
	}{
		{fields.Decimal, "[F:12.5]", nil},
		{fields.Number, "[I:13]", []string{"RabitIQ:19 (Vækstrate %) afrundet fra 12,5 til 13"}},
	} {
		p, _ := Map(l, TenantInfo{FieldTypes: map[int]fields.Type{19: tc.typ}})
		if got := p.CustomFields["RabitIQ:19"]; got != tc.want {
			t.Errorf("%s field: RabitIQ:19 = %q, want %q", tc.typ, got, tc.want)
		}
		if got := p.CustomFields["RabitIQ:18"]; got != "[I:40]" {
			t.Errorf("a whole number: RabitIQ:18 = %q", got)
		}
		var ws []string
		for _, w := range p.Warnings {
			ws = append(ws, w.String())
		}
		if len(ws) != len(tc.warnings) {
			t.Fatalf("%s field: warnings = %q, want %d", tc.typ, ws, len(tc.warnings))
		}
		for i, w := range tc.warnings {
			if !strings.HasPrefix(ws[i], w) {
				t.Errorf("%s field: warning %q, want it to start %q", tc.typ, ws[i], w)
			}
		}
	}
}
