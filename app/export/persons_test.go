package export

import (
	"context"
	"strings"
	"testing"
	"time"

	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// personTenant is company 40 with Jane Doe, whose e-mail differs from
// the lead's and whose office number is written with spaces.
func personTenant(t *testing.T, opts ...so.Option) *env {
	t.Helper()
	e := newEnv(t, tenantWith(sotest.SeedCompany{ID: 40, Name: "Doe Consult ApS", OrgNr: "29403473"}), opts...)
	if _, err := e.sim.AddPerson(sotest.SeedPerson{ID: 5, ContactID: 40, Firstname: "Jane", Lastname: "Doe", Title: "Partner",
		Emails: []string{"jane@doe-privat.dk"}, OfficePhones: []string{"+45 11 11 11 11"}}); err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *env) personsAt(contactID int) []sotest.Person {
	var out []sotest.Person
	for _, p := range e.sim.Persons() {
		if p.ContactId == contactID {
			out = append(out, p)
		}
	}
	return out
}

// Two people may share a name but not an address: a contact whose e-mail
// is not found is a new person, even when a person has its name.
func TestUnknownEmailNeverFallsBackToName(t *testing.T) {
	e := personTenant(t)
	id := e.importLeads(t, `{"id":"p1","companyName":"Doe Consult ApS","cvr":"29403473","contacts":[{"name":"Jane Doe","title":"CEO","email":"jane@doe.dk"}]}`)["p1"]
	res, err := e.eng.Sync(context.Background(), id, Choice{ContactID: 40})
	if err != nil {
		t.Fatal(err)
	}
	if res.Persons.Created != 1 || res.Persons.Updated != 0 {
		t.Errorf("persons = %+v, want one created", res.Persons)
	}
	if p, _ := e.sim.Person(5); p.Title != "Partner" {
		t.Errorf("the other Jane Doe was changed: title %q", p.Title)
	}
}

// A person created in this sync is found again by the lead's next
// contact with its name and no e-mail: one person, not two.
func TestCreatedPersonIsFoundByLaterContacts(t *testing.T) {
	e := newEnv(t, tenantWith(sotest.SeedCompany{ID: 41, Name: "Kilde ApS", OrgNr: "29403473"}))
	id := e.importLeads(t, `{"id":"p2","companyName":"Kilde ApS","cvr":"29403473","contacts":[
	 {"name":"Ida Kilde","title":"CEO","email":"ida@kilde.dk"},{"name":"Ida Kilde","phone":"+45 60 60 60 60"}]}`)["p2"]
	res, err := e.eng.Sync(context.Background(), id, Choice{ContactID: 41})
	if err != nil {
		t.Fatal(err)
	}
	if ps := e.personsAt(41); len(ps) != 1 || res.Persons.Created != 1 {
		t.Fatalf("%d persons (%+v), want Ida once", len(ps), res.Persons)
	}
}

// A number already on the person, written another way, is the same
// number: nothing is written.
func TestPhonesCompareByDigits(t *testing.T) {
	e := personTenant(t)
	id := e.importLeads(t, `{"id":"p3","companyName":"Doe Consult ApS","cvr":"29403473","contacts":[{"name":"Jane Doe","title":"Partner","email":"jane@doe-privat.dk","phone":"+4511111111"}]}`)["p3"]
	before := e.lastSeq()
	res, err := e.eng.Sync(context.Background(), id, Choice{ContactID: 40})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range e.writes(before) {
		if strings.Contains(w.Path, "/v1/Person") {
			t.Errorf("the person's known number was written again: %s %s %s", w.Method, w.Path, w.Body)
		}
	}
	if res.Persons.Updated != 0 {
		t.Errorf("persons = %+v, want none updated", res.Persons)
	}
}

// A person create whose answer is lost is looked up before anything else:
// the retry finds the person and never creates a second one.
func TestAmbiguousPersonCreateIsLookedUp(t *testing.T) {
	e := newEnv(t, tenantWith(sotest.SeedCompany{ID: 42, Name: "Tåge ApS", OrgNr: "29403473"}), so.WithTimeout(300*time.Millisecond))
	id := e.importLeads(t, `{"id":"p4","companyName":"Tåge ApS","cvr":"29403473","contacts":[{"name":"Bo Tåge","email":"bo@taage.dk"}]}`)["p4"]
	ctx := context.Background()
	if _, err := e.eng.Meta(ctx); err != nil {
		t.Fatal(err)
	}
	e.sim.Faults().HangAfterCreate(2 * time.Second)
	res, err := e.eng.Sync(ctx, id, Choice{ContactID: 42})
	if err != nil {
		t.Fatalf("a person create that committed and hung: %v", err)
	}
	if res.Persons.Created != 1 {
		t.Errorf("persons = %+v, want the hung create counted once", res.Persons)
	}
	if _, err := e.eng.Sync(ctx, id, Choice{ContactID: 42}); err != nil {
		t.Fatal(err)
	}
	if ps := e.personsAt(42); len(ps) != 1 {
		t.Errorf("%d persons after a hung create and a re-sync, want 1", len(ps))
	}
	if n := e.requests("POST", "/v1/Person"); n != 1 {
		t.Errorf("%d person creates sent, want 1", n)
	}
}
