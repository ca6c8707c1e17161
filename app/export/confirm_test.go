package export

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// A tenant whose admin made RabitIQ:3 and RabitIQ:5 no field of ours, but
// which already has an unrelated "Branche" (SuperOffice:5) that a colleague
// fills by hand, and an extra field named like our Lokation: neither may be
// written until the admin confirms it in Feltopsætning.
func TestFieldFoundByLabelIsWrittenOnlyAfterConfirmation(t *testing.T) {
	loc, _ := fields.ByNo(5)
	var defs []sotest.CustomFieldDef
	for _, d := range sotest.RabitIQFields() {
		if d.ProgId != "RabitIQ:3" && d.ProgId != "RabitIQ:5" {
			defs = append(defs, d)
		}
	}
	defs = append(defs,
		sotest.CustomFieldDef{ProgId: "SuperOffice:5", Label: "Branche", Type: "ShortText"},
		sotest.CustomFieldDef{ProgId: loc.ExtraName, Label: "Sted", Type: "ShortText", ExtraField: true})
	seed := &sotest.Seed{ContactFields: defs, Companies: []sotest.SeedCompany{{ID: 301, Name: "Fjordlys Energi ApS", OrgNr: "38112759",
		CustomFields: map[string]string{"SuperOffice:5": "Detailhandel"}}}}
	e := newEnv(t, seed)
	ctx := context.Background()
	id := e.importLeads(t, fullLead)["rq-1"]

	res, err := e.eng.Sync(ctx, id, Choice{ContactID: 301})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := e.sim.Company(301)
	if c.CustomFields["SuperOffice:5"] != "Detailhandel" || c.CustomFields[loc.ExtraName] != "" {
		t.Errorf("unconfirmed fields were written: SuperOffice:5=%q %s=%q", c.CustomFields["SuperOffice:5"], loc.ExtraName, c.CustomFields[loc.ExtraName])
	}
	if c.CustomFields["RabitIQ:1"] != "[I:87]" {
		t.Errorf("the Prog ID field RabitIQ:1 = %q, want [I:87]", c.CustomFields["RabitIQ:1"])
	}
	for _, pid := range []string{"RabitIQ:3", "RabitIQ:5"} {
		if !slices.Contains(res.CustomFields.Skipped, pid) || slices.Contains(res.CustomFields.Written, pid) {
			t.Errorf("%s: written %v, skipped %v; want skipped", pid, res.CustomFields.Written, res.CustomFields.Skipped)
		}
	}
	warn := strings.Join(res.Warnings, "\n")
	if !strings.Contains(warn, "RabitIQ:3 (Branche) springes over: feltet SuperOffice:5 i SuperOffice er ikke bekræftet") || !strings.Contains(warn, loc.ExtraName) {
		t.Errorf("warnings do not say the fields wait for a confirmation: %v", res.Warnings)
	}

	if err := e.db.ConfirmField(ctx, e.sim.Ctx(), "RabitIQ:3", "SuperOffice:5", e.eng.now()); err != nil {
		t.Fatal(err)
	}
	if err := e.db.ConfirmField(ctx, e.sim.Ctx(), "RabitIQ:5", loc.ExtraName, e.eng.now()); err != nil {
		t.Fatal(err)
	}
	e.eng.ForgetMeta() // as the field setup screen does after a confirmation
	res, err = e.eng.Sync(ctx, id, Choice{ContactID: 301})
	if err != nil {
		t.Fatal(err)
	}
	c, _ = e.sim.Company(301)
	if c.CustomFields["SuperOffice:5"] != "Energi" || c.CustomFields[loc.ExtraName] != "Aarhus, Danmark" {
		t.Errorf("confirmed fields: SuperOffice:5=%q %s=%q", c.CustomFields["SuperOffice:5"], loc.ExtraName, c.CustomFields[loc.ExtraName])
	}
	if !slices.Contains(res.CustomFields.Written, "RabitIQ:3") || !slices.Contains(res.CustomFields.Written, "RabitIQ:5") || slices.Contains(res.CustomFields.Skipped, "RabitIQ:3") {
		t.Errorf("after confirming: written %v, skipped %v", res.CustomFields.Written, res.CustomFields.Skipped)
	}

	// Undone, and a confirmation of another tenant, leave it unwritten again.
	if err := e.db.UnconfirmField(ctx, e.sim.Ctx(), "RabitIQ:3"); err != nil {
		t.Fatal(err)
	}
	if err := e.db.ConfirmField(ctx, "Cust99999", "RabitIQ:3", "SuperOffice:5", e.eng.now()); err != nil {
		t.Fatal(err)
	}
	e.eng.ForgetMeta()
	m, err := e.eng.Meta(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if k := m.Info.FieldKeys[3]; k != "" || m.Info.FieldKeys[5] != loc.ExtraName {
		t.Errorf("after undo: FieldKeys[3] = %q, [5] = %q", k, m.Info.FieldKeys[5])
	}
}
