package fieldsetup

import (
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// brancheTenant has RabitIQ:1 by Prog ID and an unrelated company field
// "Branche" (SuperOffice:5) that someone else made, which shares the label
// of RabitIQ:3.
func brancheTenant(brancheType string) []superoffice.UserDefinedFieldInfo {
	return []superoffice.UserDefinedFieldInfo{
		{ProgId: "RabitIQ:1", FieldLabel: "RabitIQ Score", FieldType: "Number"},
		{ProgId: "SuperOffice:5", FieldLabel: "Branche", FieldType: brancheType, TextLength: 39},
	}
}

func TestLabelMatchIsOnlyASuggestion(t *testing.T) {
	rep := Check(nil, brancheTenant("ShortText"), nil, nil)
	r, ok := rep.Result("RabitIQ:3")
	if !ok || r.Status != Suggested || r.TenantKey != "SuperOffice:5" || r.MatchedBy != ByLabel || r.ConfirmedKey != "" {
		t.Fatalf("RabitIQ:3 = %+v, want suggested SuperOffice:5 by label", r)
	}
	if !strings.Contains(r.Note, "confirmed") {
		t.Errorf("note = %q", r.Note)
	}
	if km := rep.KeyMap(); km[3] != "" || km[1] != "RabitIQ:1" || len(km) != 1 {
		t.Errorf("KeyMap = %v, want only the Prog ID field 1", km)
	}
	if _, ok := rep.Types()[3]; ok || rep.Lengths()[3] != 0 {
		t.Errorf("a suggestion has a type or length for the mapping: %v %v", rep.Types(), rep.Lengths())
	}
	if rep.Ready() != 1 || rep.Suggestions() != 1 {
		t.Errorf("Ready = %d, Suggestions = %d; want 1, 1", rep.Ready(), rep.Suggestions())
	}
}

func TestExtraNameMatchIsOnlyASuggestion(t *testing.T) {
	f, _ := fields.ByNo(3)
	rep := Check([]superoffice.FieldInfo{{FieldName: f.ExtraName, DisplayName: "Industry", FieldType: "ShortText"}}, nil, nil, nil)
	if r := rep.Results[2]; r.Status != Suggested || r.MatchedBy != ByExtra || r.TenantKey != f.ExtraName {
		t.Errorf("field 3 = %+v", r)
	}
	if len(rep.KeyMap()) != 0 {
		t.Errorf("KeyMap = %v", rep.KeyMap())
	}
}

func TestConfirmedFieldIsUsed(t *testing.T) {
	// Prog ID and key spelled differently from the tenant's: SuperOffice
	// compares them case-insensitively.
	rep := CheckConfirmed(Confirmed{"rabitiq:3": "superoffice:5"}, nil, brancheTenant("ShortText"), nil, nil)
	r := rep.Results[2]
	if r.Status != Present || r.MatchedBy != ByConfirmed || r.TenantKey != "SuperOffice:5" || r.ConfirmedKey != "superoffice:5" {
		t.Fatalf("field 3 = %+v, want present by confirmation", r)
	}
	if km := rep.KeyMap(); km[3] != "SuperOffice:5" || km[1] != "RabitIQ:1" {
		t.Errorf("KeyMap = %v", km)
	}
	if rep.Types()[3] != fields.Text || rep.Lengths()[3] != 39 {
		t.Errorf("Types = %v, Lengths = %v", rep.Types(), rep.Lengths())
	}
	if rep.Ready() != 2 || rep.Suggestions() != 0 {
		t.Errorf("Ready = %d, Suggestions = %d", rep.Ready(), rep.Suggestions())
	}
}

func TestConfirmedFieldThatVanishedIsNotUsed(t *testing.T) {
	// SuperOffice:5 was deleted; a new unrelated "Branche" is SuperOffice:6.
	cu := brancheTenant("ShortText")
	cu[1].ProgId = "SuperOffice:6"
	rep := CheckConfirmed(Confirmed{"RabitIQ:3": "SuperOffice:5"}, nil, cu, nil, nil)
	r := rep.Results[2]
	if r.Status != Suggested || r.TenantKey != "SuperOffice:6" || r.ConfirmedKey != "SuperOffice:5" || !strings.Contains(r.Note, "SuperOffice:5 no longer exists") {
		t.Errorf("field 3 = %+v, want a new suggestion and a note on the vanished one", r)
	}
	if km := rep.KeyMap(); km[3] != "" {
		t.Errorf("KeyMap[3] = %q", km[3])
	}
	rep = CheckConfirmed(Confirmed{"RabitIQ:3": "SuperOffice:5"}, nil, cu[:1], nil, nil)
	if r := rep.Results[2]; r.Status != Missing || rep.KeyMap()[3] != "" || r.ConfirmedKey != "SuperOffice:5" {
		t.Errorf("field 3 without any candidate = %+v", r)
	}
}

func TestConfirmedFieldThatChangedTypeIsNotUsed(t *testing.T) {
	rep := CheckConfirmed(Confirmed{"RabitIQ:3": "SuperOffice:5"}, nil, brancheTenant("Date"), nil, nil)
	r := rep.Results[2]
	if r.Status != WrongType || r.MatchedBy != ByConfirmed || !strings.Contains(r.Note, "is Date") {
		t.Errorf("field 3 = %+v, want wrong-type", r)
	}
	if _, ok := rep.KeyMap()[3]; ok {
		t.Errorf("KeyMap = %v", rep.KeyMap())
	}
	if _, ok := rep.Types()[3]; ok {
		t.Errorf("Types = %v", rep.Types())
	}
}

func TestProgIDWinsOverConfirmation(t *testing.T) {
	cu := append(brancheTenant("ShortText"),
		superoffice.UserDefinedFieldInfo{ProgId: "RabitIQ:3", FieldLabel: "RabitIQ Branche", FieldType: "ShortText"},
		superoffice.UserDefinedFieldInfo{ProgId: "RabitIQ:4", FieldLabel: "Størrelse", FieldType: "ShortText"})
	// Field 3 has its own Prog ID now; field 5's confirmation points at
	// field 4's Prog ID field, which is not free.
	rep := CheckConfirmed(Confirmed{"RabitIQ:3": "SuperOffice:5", "RabitIQ:5": "RabitIQ:4"}, nil, cu, nil, nil)
	if r := rep.Results[2]; r.Status != Present || r.TenantKey != "RabitIQ:3" || r.MatchedBy != ByProgID || !strings.Contains(r.Note, "instead of the confirmed SuperOffice:5") {
		t.Errorf("field 3 = %+v", r)
	}
	km := rep.KeyMap()
	if km[3] != "RabitIQ:3" || km[4] != "RabitIQ:4" || km[5] != "" {
		t.Errorf("KeyMap = %v", km)
	}
}

func TestConfirmationDoesNotReachPersonFields(t *testing.T) {
	pu := []superoffice.UserDefinedFieldInfo{{ProgId: "SuperOffice:5", FieldLabel: "Branche", FieldType: "ShortText"}}
	rep := CheckConfirmed(Confirmed{"RabitIQ:3": "SuperOffice:5"}, nil, nil, nil, pu)
	if r := rep.Results[2]; r.Status != OnPerson || len(rep.KeyMap()) != 0 {
		t.Errorf("field 3 = %+v, KeyMap = %v", r, rep.KeyMap())
	}
}
