package fieldsetup

import (
	"testing"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// Each field that is not ready carries the guide's advice with the
// field's own name, type and Prog ID filled in, in both languages; a
// present or suggested field carries none.
func TestAdvice(t *testing.T) {
	rep := Check(tenant())
	for _, tc := range []struct {
		no     int
		code   string
		da, en string
	}{
		{9, msg.FieldAdviceCreate,
			`Opret feltet på Firma: Tilføj → navn "Intent Signaler", type Text (Long), Prog ID RabitIQ:9 → Publicér`,
			`Create the field on Company: Add → name "Intent Signals", type Text (Long), Prog ID RabitIQ:9 → Publish`},
		{6, msg.FieldAdviceCreate,
			`Opret feltet på Firma: Tilføj → navn "RabitIQ Lead ID", type Text, Prog ID RabitIQ:6 → Publicér`,
			`Create the field on Company: Add → name "RabitIQ Lead ID", type Text, Prog ID RabitIQ:6 → Publish`},
		{8, msg.FieldAdviceWrongTypeProg,
			`Forkert type: feltet er Text, vælg Number. Giv det gamle felt et andet Prog ID (eller slet det), og opret feltet på Firma: Tilføj → navn "Intent Score", type Number, Prog ID RabitIQ:8 → Publicér`,
			`Wrong type: the field is Text, choose Number. Give the old field another Prog ID (or delete it), then create the field on Company: Add → name "Intent Score", type Number, Prog ID RabitIQ:8 → Publish`},
		{35, msg.FieldAdviceWrongType,
			`Forkert type: SuperOffice:11 er Date, vælg Text. Opret feltet på Firma: Tilføj → navn "Oprettet dato", type Text, Prog ID RabitIQ:35 → Publicér`,
			`Wrong type: SuperOffice:11 is Date, choose Text. Create the field on Company: Add → name "Created Date", type Text, Prog ID RabitIQ:35 → Publish`},
		{34, msg.FieldAdviceOnPerson,
			`Feltet er oprettet på Person (SuperOffice:3) – opret det på Firma: Tilføj → navn "Brugernoter", type Text (Long), Prog ID RabitIQ:34 → Publicér`,
			`The field was created on Person (SuperOffice:3) – create it on Company: Add → name "User Notes", type Text (Long), Prog ID RabitIQ:34 → Publish`},
	} {
		a := rep.Results[tc.no-1].Advice()
		if a.Code != tc.code {
			t.Errorf("field %d (%s): advice code %q, want %q", tc.no, rep.Results[tc.no-1].Status, a.Code, tc.code)
		}
		if got := a.Text(msg.Danish); got != tc.da {
			t.Errorf("field %d Danish:\n got %s\nwant %s", tc.no, got, tc.da)
		}
		if got := a.Text(msg.English); got != tc.en {
			t.Errorf("field %d English:\n got %s\nwant %s", tc.no, got, tc.en)
		}
	}
	for _, no := range []int{1, 4, 15, 31} { // present, suggested, present short text, suggested by x_ name
		if a := rep.Results[no-1].Advice(); a.Code != "" {
			t.Errorf("field %d (%s) has advice %q", no, rep.Results[no-1].Status, a.Code)
		}
	}
}

func TestTenantTypeName(t *testing.T) {
	for in, want := range map[string]string{"Integer": "Number", "Number": "Number", "ShortText": "Text", "LongText": "Text (Long)", "Decimal": "Decimal", "Date": "Date", "": "?"} {
		if got := TenantTypeName(in); got != want {
			t.Errorf("TenantTypeName(%q) = %q, want %q", in, got, want)
		}
	}
}
