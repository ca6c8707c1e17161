package export

import (
	"context"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

func diffByField(d *Diff) map[string]FieldDiff {
	m := map[string]FieldDiff{}
	for _, f := range d.Fields {
		m[f.Field] = f
	}
	return m
}

func TestDiffWritesNothingAndPredictsTheSync(t *testing.T) {
	seed := &sotest.Seed{ContactFields: sotest.RabitIQFields()[:20],
		Companies: []sotest.SeedCompany{{ID: 20, Name: "Fjordlys Energi A/S", Department: "Salg Vest", CustomFields: map[string]string{"RabitIQ:1": "[I:87]"}}}}
	e := newEnv(t, seed)
	if _, err := e.sim.AddPerson(sotest.SeedPerson{ContactID: 20, Firstname: "Mette", Lastname: "Hansen", Title: "CFO", Emails: []string{"mette@fjordlys.dk"}, OfficePhones: []string{"+45 20 30 40 50"}}); err != nil {
		t.Fatal(err)
	}
	id := e.importLeads(t, fullLead)["rq-1"]
	ctx := context.Background()
	d, err := e.eng.Diff(ctx, id, Choice{ContactID: 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range e.sim.Requests() {
		if r.Method != "GET" {
			t.Errorf("dry run sent %s %s", r.Method, r.Path)
		}
	}
	f := diffByField(d)
	for field, want := range map[string]string{"Department": ActionKeep, "OrgNr": ActionWrite, "Name": ActionKeep, "RabitIQ:1": ActionKeep, "RabitIQ:6": ActionWrite, "RabitIQ:21": ""} {
		if got := f[field].Action; got != want {
			t.Errorf("%s: action %q, want %q (%+v)", field, got, want, f[field])
		}
	}
	if f["Department"].Current != "Salg Vest" || f["Department"].Incoming != "Energi" {
		t.Errorf("Department diff = %+v", f["Department"])
	}
	if len(d.Persons) != 2 || d.Persons[0].Action != PersonUnchanged || d.Persons[1].Action != PersonCreate {
		t.Errorf("persons = %+v", d.Persons)
	}
	// "Overskriv" for Department turns keep into write, in the preview and the sync.
	d2, err := e.eng.Diff(ctx, id, Choice{ContactID: 20, Overwrite: []string{"Department"}})
	if err != nil || diffByField(d2)["Department"].Action != ActionWrite {
		t.Fatalf("overwrite preview: %+v %v", diffByField(d2)["Department"], err)
	}
	res, err := e.eng.Sync(ctx, id, Choice{ContactID: 20, Overwrite: []string{"Department"}})
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := e.sim.Company(20); c.Department != "Energi" || res.Persons.Created != 1 || res.Persons.Updated != 0 {
		t.Errorf("sync with overwrite: department %q, %+v", c.Department, res.Persons)
	}
	// A lead with a field the tenant lacks shows it as skipped.
	seed2 := &sotest.Seed{ContactFields: sotest.RabitIQFields()[:6]}
	e2 := newEnv(t, seed2)
	id2 := e2.importLeads(t, fullLead)["rq-1"]
	d3, err := e2.eng.Diff(ctx, id2, Choice{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if a := diffByField(d3)["RabitIQ:7"]; a.Action != ActionSkip || a.Incoming == "" {
		t.Errorf("skipped field = %+v", a)
	}
	if a := diffByField(d3)["Name"]; a.Action != ActionWrite {
		t.Errorf("create preview Name = %+v", a)
	}
}
