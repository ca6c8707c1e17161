package export

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

const fullLead = `{"id":"rq-1","companyName":"Fjordlys Energi ApS","cvr":"DK 38112759","website":"fjordlys.dk",
 "industry":"Energi","location":"Aarhus, Danmark","address":"Havnegade 12, 8000 Aarhus C","score":87,"intentScore":"61",
 "reasonForFit":"Vokser hurtigt.","description":"Sælger solceller.","buyingSignals":["Ny CFO","Nyt lager"],
 "financials":{"revenueDkk":"12,5 mio.","employees":42},"createdAt":"01-12-2024",
 "contacts":[{"name":"Mette Kjær Hansen","title":"CFO","email":"Mette@Fjordlys.dk","phone":"+45 20 30 40 50"},
             {"name":"Ole Berg","title":"CEO","email":"ole@fjordlys.dk"}]}`

func lastHistory(t *testing.T, e *env, id int64) store.HistoryEntry {
	t.Helper()
	h, err := e.db.History(context.Background(), store.HistoryFilter{LeadID: id, Limit: 1})
	if err != nil || len(h) != 1 {
		t.Fatalf("history: %v %v", h, err)
	}
	return h[0]
}

func TestCreateThenResyncNeverDuplicates(t *testing.T) {
	e := newEnv(t, nil)
	id := e.importLeads(t, fullLead)["rq-1"]
	ctx := context.Background()
	res, err := e.eng.Sync(ctx, id, Choice{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Created || res.Persons.Created != 2 || len(res.CustomFields.Written) < 10 || len(res.CustomFields.Skipped) != 0 {
		t.Fatalf("first sync = %+v", res)
	}
	cs := e.companiesNamed("Fjordlys Energi ApS")
	if len(cs) != 1 || cs[0].ContactId != res.ContactID || cs[0].OrgNr != "38112759" || cs[0].CustomFields["RabitIQ:1"] != "[I:87]" || cs[0].CustomFields["RabitIQ:6"] != "rq-1" {
		t.Fatalf("company in SuperOffice = %+v", cs)
	}
	if len(cs[0].Persons) != 2 {
		t.Errorf("%d persons under the company, want 2", len(cs[0].Persons))
	}
	det, _ := e.db.GetLead(ctx, id)
	if det.Row.Status != store.StatusSynced || det.Row.SOContactID == nil || int(*det.Row.SOContactID) != res.ContactID {
		t.Errorf("lead after sync: %+v", det.Row)
	}
	if h := lastHistory(t, e, id); h.Action != "created" || !h.Details.Created || h.Details.PersonsCreated != 2 {
		t.Errorf("history = %+v", h)
	}

	// "Opret & Sync" again (a retry, or a user clicking twice) updates the
	// same company; metadata is cached, so only the writes cost requests.
	before := len(e.sim.Requests())
	res2, err := e.eng.Sync(ctx, id, Choice{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if res2.Created || res2.ContactID != res.ContactID || res2.Persons.Created != 0 {
		t.Errorf("second sync = %+v", res2)
	}
	if n := len(e.companiesNamed("Fjordlys Energi ApS")); n != 1 {
		t.Errorf("%d companies after a re-sync, want 1", n)
	}
	if p := len(e.sim.Persons()); p != 2 {
		t.Errorf("%d persons after a re-sync, want 2", p)
	}
	// GET company + (no PATCH: nothing changed) + persons list + GET each person.
	if got := len(e.sim.Requests()) - before; got > 3+2+1 {
		t.Errorf("re-sync took %d requests", got)
	}
	if h := lastHistory(t, e, id); h.Action != "updated" {
		t.Errorf("history = %+v", h)
	}
}

func TestUpdateKeepsUserValuesRefreshesFieldsAndDedupesPersons(t *testing.T) {
	e := newEnv(t, tenantWith(sotest.SeedCompany{ID: 20, Name: "Fjordlys Energi A/S", Department: "Salg Vest", OrgNr: "38112759",
		CustomFields: map[string]string{"RabitIQ:1": "[I:10]"}}))
	if _, err := e.sim.AddPerson(sotest.SeedPerson{ContactID: 20, Firstname: "Mette", Lastname: "Hansen", Title: "Bogholder", Emails: []string{"mette@fjordlys.dk"}}); err != nil {
		t.Fatal(err)
	}
	id := e.importLeads(t, fullLead)["rq-1"]
	res, err := e.eng.Sync(context.Background(), id, Choice{ContactID: 20})
	if err != nil {
		t.Fatal(err)
	}
	if res.Created || res.ContactID != 20 || res.Persons.Created != 1 || res.Persons.Updated != 1 {
		t.Errorf("result = %+v", res)
	}
	c, _ := e.sim.Company(20)
	if c.Department != "Salg Vest" || c.Name != "Fjordlys Energi A/S" {
		t.Errorf("user's values overwritten: %q %q", c.Name, c.Department)
	}
	kept := strings.Join(res.Kept, ",")
	if !strings.Contains(kept, "Department") || !strings.Contains(kept, "Name") {
		t.Errorf("kept = %v", res.Kept)
	}
	if c.CustomFields["RabitIQ:1"] != "[I:87]" || c.Description == "" || len(c.Urls) != 1 {
		t.Errorf("fields not filled/refreshed: %+v", c.CustomFields)
	}
	if len(c.Persons) != 2 {
		t.Fatalf("%d persons, want 2 (Mette matched by e-mail, Ole created)", len(c.Persons))
	}
	// Mette's title was typed in SuperOffice: the lead's "CFO" does not
	// replace it, as the company's own name and department stay.
	for _, pid := range c.Persons {
		if p, _ := e.sim.Person(pid); p.Firstname == "Mette" && p.Title != "Bogholder" {
			t.Errorf("Mette's title = %q, want the one typed in SuperOffice, Bogholder", p.Title)
		}
	}
}

func TestBlankPersonTitleIsFilledFromLead(t *testing.T) {
	e := newEnv(t, tenantWith(sotest.SeedCompany{ID: 20, Name: "Fjordlys Energi A/S", OrgNr: "38112759"}))
	pid, err := e.sim.AddPerson(sotest.SeedPerson{ContactID: 20, Firstname: "Mette", Lastname: "Hansen", Emails: []string{"mette@fjordlys.dk"}})
	if err != nil {
		t.Fatal(err)
	}
	id := e.importLeads(t, fullLead)["rq-1"]
	if _, err := e.eng.Sync(context.Background(), id, Choice{ContactID: 20}); err != nil {
		t.Fatal(err)
	}
	if p, _ := e.sim.Person(pid); p.Title != "CFO" {
		t.Errorf("Mette's blank title = %q after sync, want the lead's CFO", p.Title)
	}
}

func TestMissingCustomFieldsAreSkippedAndReported(t *testing.T) {
	seed := &sotest.Seed{ContactFields: sotest.RabitIQFields()[:6]}
	e := newEnv(t, seed)
	id := e.importLeads(t, fullLead)["rq-1"]
	res, err := e.eng.Sync(context.Background(), id, Choice{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.CustomFields.Skipped) == 0 || res.CustomFields.Skipped[0] != "RabitIQ:7" {
		t.Errorf("skipped = %v", res.CustomFields.Skipped)
	}
	for _, w := range res.CustomFields.Written {
		if f := strings.TrimPrefix(w, "RabitIQ:"); len(f) > 1 || f > "6" {
			t.Errorf("wrote %s, which the tenant lacks", w)
		}
	}
	if !strings.Contains(strings.Join(res.Warnings, "\n"), "springes over") {
		t.Errorf("warnings do not say fields were skipped: %v", res.Warnings)
	}
	// The window lists the skipped fields by name, so it leaves out the
	// warning that only counts them, and nothing else.
	if other := res.OtherWarnings(msg.Danish); len(other) != len(res.Warnings)-1 || strings.Contains(strings.Join(other, "\n"), "springes over") {
		t.Errorf("OtherWarnings = %v of %v", other, res.Warnings)
	}
}

func TestCreateThatCommitsThenHangsLeavesOneCompany(t *testing.T) {
	e := newEnv(t, nil, so.WithTimeout(300*time.Millisecond))
	id := e.importLeads(t, fullLead)["rq-1"]
	if _, err := e.eng.Meta(context.Background()); err != nil {
		t.Fatal(err)
	}
	e.sim.Faults().HangAfterCreate(2 * time.Second)
	res, err := e.eng.Sync(context.Background(), id, Choice{Create: true})
	if err != nil {
		// The create was ambiguous and not yet visible: a retry must find it.
		if res, err = e.eng.Sync(context.Background(), id, Choice{Create: true}); err != nil {
			t.Fatalf("retry after a hanging create: %v", err)
		}
	}
	if n := len(e.companiesNamed("Fjordlys Energi ApS")); n != 1 {
		t.Fatalf("%d companies after a create that hung, want 1", n)
	}
	if cs := e.companiesNamed("Fjordlys Energi ApS"); cs[0].ContactId != res.ContactID {
		t.Errorf("lead linked to %d, company is %d", res.ContactID, cs[0].ContactId)
	}
	if e.requests("POST", "/v1/Contact") != 1 {
		t.Errorf("%d company creates sent, want 1", e.requests("POST", "/v1/Contact"))
	}
}

func TestServiceUnavailableAndRateLimitStorms(t *testing.T) {
	e := newEnv(t, nil)
	id := e.importLeads(t, fullLead)["rq-1"]
	e.sim.Faults().FailNext(3, 503, 0)
	if _, err := e.eng.Sync(context.Background(), id, Choice{Create: true}); err != nil {
		t.Fatalf("sync through a 503 storm: %v", err)
	}
	e.sim.Faults().FailNext(3, 429, 2*time.Second)
	if _, err := e.eng.Sync(context.Background(), id, Choice{Create: true}); err != nil {
		t.Fatalf("sync through a 429 storm: %v", err)
	}
	e.clock.mu.Lock()
	slept := append([]time.Duration{}, e.clock.slept...)
	e.clock.mu.Unlock()
	honoured := 0
	for _, d := range slept {
		if d == 2*time.Second {
			honoured++
		}
	}
	if honoured < 3 {
		t.Errorf("Retry-After honoured %d times (slept %v), want 3", honoured, slept)
	}
	if n := len(e.companiesNamed("Fjordlys Energi ApS")); n != 1 {
		t.Errorf("%d companies, want 1", n)
	}
}

func TestFailedCreateIsRetriedWithoutDuplicate(t *testing.T) {
	e := newEnv(t, nil)
	id := e.importLeads(t, fullLead)["rq-1"]
	ctx := context.Background()
	if _, err := e.eng.Meta(ctx); err != nil {
		t.Fatal(err)
	}
	e.sim.Faults().FailNextMatching("POST", "/v1/Contact", 1, 503, 0)
	if _, err := e.eng.Sync(ctx, id, Choice{Create: true}); err == nil {
		t.Fatal("a create answered 503 was reported as a success")
	}
	det, _ := e.db.GetLead(ctx, id)
	if det.Row.Status != store.StatusFailed || det.Row.LastError == "" {
		t.Errorf("lead after a failed sync: %+v", det.Row)
	}
	if h := lastHistory(t, e, id); h.Action != "failed" || h.Error == "" {
		t.Errorf("history = %+v", h)
	}
	if _, err := e.eng.Sync(ctx, id, Choice{Create: true}); err != nil {
		t.Fatal(err)
	}
	if n := len(e.companiesNamed("Fjordlys Energi ApS")); n != 1 {
		t.Errorf("%d companies, want 1", n)
	}
}

func TestCrashBetweenCreateAndCommitIsReconciled(t *testing.T) {
	e := newEnv(t, nil)
	id := e.importLeads(t, fullLead)["rq-1"]
	ctx := context.Background()
	// The app wrote its intent and SuperOffice created the company, but the
	// app died before it stored the company id.
	created := e.orphanCreate(t, id, func(*marker) {})
	// Start-up.
	rec, err := e.eng.Reconcile(ctx)
	if err != nil || len(rec) != 1 || rec[0].ContactID != created.ContactId {
		t.Fatalf("Reconcile = %+v, %v", rec, err)
	}
	det, _ := e.db.GetLead(ctx, id)
	if det.Row.SOContactID == nil || int(*det.Row.SOContactID) != created.ContactId || det.Row.Status != store.StatusFailed {
		t.Errorf("lead after reconcile: %+v", det.Row)
	}
	res, err := e.eng.Sync(ctx, id, Choice{Create: true})
	if err != nil || res.Created || res.ContactID != created.ContactId {
		t.Fatalf("sync after reconcile = %+v, %v", res, err)
	}
	if n := len(e.companiesNamed("Fjordlys Energi ApS")); n != 1 {
		t.Errorf("%d companies, want 1", n)
	}
	// An intent whose create never happened is simply dropped.
	if err := e.db.AddIntent(ctx, store.Intent{LeadID: id, Tenant: e.sim.Ctx(), Marker: marker{Name: "Aldrig Oprettet ApS"}.encode(), CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if rec, err := e.eng.Reconcile(ctx); err != nil || len(rec) != 1 || rec[0].ContactID != 0 {
		t.Errorf("Reconcile(no company) = %+v, %v", rec, err)
	}
	if ins, _ := e.db.Intents(ctx, e.sim.Ctx()); len(ins) != 0 {
		t.Errorf("%d intents left", len(ins))
	}
}

func TestChosenCompanyGoneAndSameCVRAppeared(t *testing.T) {
	e := newEnv(t, tenantWith(sotest.SeedCompany{ID: 30, Name: "Kollegas Fjordlys", OrgNr: "38 11 27 59"}))
	id := e.importLeads(t, fullLead)["rq-1"]
	ctx := context.Background()
	if _, err := e.eng.Sync(ctx, id, Choice{ContactID: 999}); !errors.Is(err, ErrCompanyGone) {
		t.Errorf("sync to a deleted company = %v, want ErrCompanyGone", err)
	}
	_, err := e.eng.Sync(ctx, id, Choice{Create: true})
	var ex *ExistsError
	if !errors.As(err, &ex) || ex.ContactID != 30 {
		t.Fatalf("create with a CVR already in SuperOffice = %v", err)
	}
	if len(e.sim.Companies()) != 1 {
		t.Errorf("a company was created anyway")
	}
}

func TestPlanUsesTenantMetadata(t *testing.T) {
	e := newEnv(t, nil)
	id := e.importLeads(t, fullLead)["rq-1"]
	_, plan, err := e.eng.Plan(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := e.eng.Meta(context.Background())
	if len(m.Info.Countries) == 0 || m.Info.FieldKeys[1] != "RabitIQ:1" {
		t.Errorf("meta = %+v", m.Info)
	}
	if plan.Contact.Country == nil || plan.Country != "DK" {
		t.Errorf("country = %+v", plan.Contact.Country)
	}
}

// The company has the lead's CVR written another way ("DK 38 11 27 59"):
// nothing is written to OrgNr, nothing is reported kept, and the preview
// lists no change of it to overwrite.
func TestSameOrgNrWrittenOtherwiseIsNoChange(t *testing.T) {
	e := newEnv(t, tenantWith(sotest.SeedCompany{ID: 20, Name: "Fjordlys Energi A/S", OrgNr: "DK 38 11 27 59"}))
	id := e.importLeads(t, fullLead)["rq-1"]
	d, err := e.eng.Diff(context.Background(), id, Choice{ContactID: 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range HumanChanges(d, msg.Danish).Changes {
		if c.Field == "OrgNr" {
			t.Errorf("the preview offers an OrgNr change: %+v", c)
		}
	}
	res, err := e.eng.Sync(context.Background(), id, Choice{ContactID: 20, Overwrite: []string{"OrgNr"}})
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(res.Kept, "OrgNr") {
		t.Errorf("kept = %v: the same number is not a kept value", res.Kept)
	}
	if c, _ := e.sim.Company(20); c.OrgNr != "DK 38 11 27 59" {
		t.Errorf("OrgNr = %q, want the company's own writing of the same number", c.OrgNr)
	}
}
