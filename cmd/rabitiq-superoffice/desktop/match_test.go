package desktop

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/app/tenant"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
	"github.com/rabitiq/superoffice-sync/ui/exportui"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// The match dialog over the window's services and the simulator: the
// lead's own values beside a candidate with its owner and category, the
// search adding another company, and "Vis ændringer" in human values.
func TestMatchDialogAgainstTheSimulator(t *testing.T) {
	w := uitest.Setup(t)
	ctx := context.Background()
	sim, db := simAndDB(t, ctx, &sotest.Seed{ContactFields: sotest.RabitIQFields(), Companies: []sotest.SeedCompany{
		{ID: 40, Name: "Klitrose Byggeri", OrgNr: "29935181", OwnerID: 7, Category: "Kunde", Number2: "10040",
			Postal: &sotest.SeedAddress{Address1: "Strandvejen 3", Zipcode: "9990", City: "Skagen"}},
		{ID: 41, Name: "Fjordhuset Holding", OwnerID: 6},
	}})
	svc := &Services{DB: db, Now: time.Now,
		Tenant: tenant.New(tenant.Options{DB: db, Keyring: &auth.MemKeyring{}, HTTPClient: &http.Client{Timeout: 10 * time.Second}, OpenBrowser: headlessBrowser}),
		Config: func(env auth.Environment, clientID string) auth.Config {
			return auth.Config{Environment: env, Authority: sim.Authority(), ClientID: clientID}
		}}
	if _, err := svc.Connect(ctx, auth.EnvSOD, sim.ClientID(), func(string) {}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "l.json")
	writeLeads(t, p, `[{"companyName":"Klitrose Byg P/S","id":"k","cvr":"29935181","address":"Vestergade 145, 1150 København K","location":"København, Danmark","website":"klitrose.dk","score":77}]`)
	if reps := svc.ImportFiles(ctx, []string{p}, nil); len(reps) != 1 || reps[0].Imported != 1 {
		t.Fatalf("import: %+v", reps)
	}
	ids, err := svc.LeadsByStatus(ctx)
	if err != nil || len(ids) != 1 {
		t.Fatalf("leads %v %v", ids, err)
	}
	f := exportui.Start(svc, w, store.LeadRow{LocalID: ids[0], CompanyName: "Klitrose Byg P/S"}, exportui.Opts{})
	<-f.Ready()
	text := strings.Join(uitest.Texts(uitest.Top(w)), "|")
	for _, want := range []string{"Klitrose Byg P/S", "Vestergade 145", "1150 København K, Danmark", "Klitrose Byggeri", "Jonas Berg", "Kunde", "nr. 10040", "≠ 9990 Skagen, Danmark"} {
		if !strings.Contains(text, want) {
			t.Errorf("match dialog lacks %q: %s", want, text)
		}
	}
	if f.Selected != 0 || f.SyncChosen.Disabled() {
		t.Errorf("the CVR match is not preselected: %v", f)
	}
	test.Type(f.Search, "Fjordhuset")
	test.Tap(f.SearchButton)
	if len(f.Rows) != 2 || !strings.Contains(strings.Join(uitest.Texts(uitest.Top(w)), "|"), "Mette Kjær Lund") {
		t.Errorf("the search did not add Fjordhuset: rows %d", len(f.Rows))
	}
	test.Tap(f.ShowChanges)
	text = strings.Join(uitest.Texts(uitest.Top(w)), "|")
	for _, want := range []string{"Ændringer i Klitrose Byggeri (firma 40)", "|77|"} {
		if !strings.Contains(text, want) {
			t.Errorf("preview lacks %q: %s", want, text)
		}
	}
	if strings.Contains(text, "[I:77]") {
		t.Errorf("the preview shows an encoded number: %s", text)
	}
	if v := sim.Violations(); len(v) > 0 {
		t.Errorf("simulator violations: %+v", v)
	}
}
