package desktop

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/tenant"
	"github.com/rabitiq/superoffice-sync/core/fieldsetup"
	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// The screen's "Brug dette felt" goes through Services and the tenant
// connection: the confirmation
// is stored for the connected tenant, and the next sync of the same engine
// writes the field although the engine had read the fields before.
func TestConfirmFieldIsStoredForTheTenantAndUsedByTheNextSync(t *testing.T) {
	ctx := context.Background()
	defs := fieldsWithout("RabitIQ:3")
	defs = append(defs, sotest.CustomFieldDef{ProgId: "SuperOffice:5", Label: "Branche", Type: "ShortText"})
	sim, db := simAndDB(t, ctx, &sotest.Seed{ContactFields: defs,
		Companies: []sotest.SeedCompany{{ID: 301, Name: "Fjordlys Energi ApS", OrgNr: "38112759", CustomFields: map[string]string{"SuperOffice:5": "Detailhandel"}}}})
	res, err := lead.Decode("l.json", []byte(`{"id":"rq-1","companyName":"Fjordlys Energi ApS","cvr":"38112759","industry":"Energi","score":80}`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ImportLeads(ctx, "l.json", res.Leads, time.Now()); err != nil {
		t.Fatal(err)
	}
	id, err := db.ResolveLead(ctx, "rq-1")
	if err != nil {
		t.Fatal(err)
	}
	svc := &Services{DB: db, Now: time.Now,
		Tenant: tenant.New(tenant.Options{DB: db, Keyring: &auth.MemKeyring{}, HTTPClient: &http.Client{Timeout: 10 * time.Second}, OpenBrowser: headlessBrowser}),
		Config: func(env auth.Environment, clientID string) auth.Config {
			return auth.Config{Environment: env, Authority: sim.Authority(), ClientID: clientID}
		}}
	if _, err := svc.Connect(ctx, auth.EnvSOD, sim.ClientID(), func(string) {}); err != nil {
		t.Fatal(err)
	}

	rep, err := svc.CheckFields(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := rep.Result("RabitIQ:3"); r.Status != fieldsetup.Suggested || r.TenantKey != "SuperOffice:5" {
		t.Fatalf("RabitIQ:3 = %+v, want a suggestion", r)
	}
	if err := svc.ConfirmField(ctx, "rabitiq:3", "SuperOffice:5"); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.FieldConfirmations(ctx, sim.Ctx()); got["RabitIQ:3"] != "SuperOffice:5" {
		t.Errorf("stored for %s: %v", sim.Ctx(), got)
	}
	if _, err := svc.Sync(ctx, id, export.Choice{ContactID: 301}); err != nil {
		t.Fatal(err)
	}
	if c, _ := sim.Company(301); c.CustomFields["SuperOffice:5"] != "Energi" {
		t.Errorf("SuperOffice:5 = %q after confirming, want Energi", c.CustomFields["SuperOffice:5"])
	}

	if err := svc.UnconfirmField(ctx, "RabitIQ:3"); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.FieldConfirmations(ctx, sim.Ctx()); len(got) != 0 {
		t.Errorf("after undo: %v", got)
	}
	if err := svc.ConfirmField(ctx, "Branche", "SuperOffice:5"); err == nil {
		t.Error("a confirmation for no RabitIQ field was accepted")
	}
	if v := sim.Violations(); len(v) > 0 {
		t.Errorf("simulator violations: %+v", v)
	}
}
