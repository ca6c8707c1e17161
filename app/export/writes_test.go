package export

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// These tests hold issue 14's promise: a sync keeps everything in
// SuperOffice that the lead does not own, under every reading of what a
// PATCH does with lists and CustomFields (each runs against the forgiving
// and the strict simulator, see TestMain).

// userTenant is a tenant with the 37 RabitIQ fields, a field of the
// customer's own on Contact (SuperOffice:1) and one on Person
// (SuperOffice:2), and company 30 with a phone and values a user typed.
func userTenant(t *testing.T) *env {
	t.Helper()
	seed := &sotest.Seed{
		ContactFields: append(sotest.RabitIQFields(), sotest.CustomFieldDef{ProgId: "SuperOffice:1", Label: "Kundetype", Type: "ShortText"}),
		PersonFields:  []sotest.CustomFieldDef{{ProgId: "SuperOffice:2", Label: "Yndlingskaffe", Type: "ShortText"}},
		Companies: []sotest.SeedCompany{{ID: 30, Name: "Fjordlys Energi ApS", OrgNr: "38112759", Phones: []string{"+45 70 70 70 70"},
			Urls:         []string{"https://fjordlys.dk", "https://shop.fjordlys.dk"},
			CustomFields: map[string]string{"SuperOffice:1": "Guldkunde", "RabitIQ:34": "Ring efter kl. 10", "RabitIQ:1": "[I:10]"}}},
	}
	e := newEnv(t, seed)
	if _, err := e.sim.AddPerson(sotest.SeedPerson{ID: 7, ContactID: 30, Firstname: "Mette", Lastname: "Hansen", Title: "CFO",
		Emails: []string{"mette@fjordlys.dk"}, CustomFields: map[string]string{"SuperOffice:2": "Espresso"}}); err != nil {
		t.Fatal(err)
	}
	// What a salesperson typed in SuperOffice: two office numbers, the
	// second described, a mobile and a private e-mail address.
	ops := []so.PatchOp{
		so.PatchReplace("OfficePhones", []so.EntityElement{{Value: "+45 11 11 11 11"}, {Value: "+45 22 22 22 22", Description: "Hovednummer"}}),
		so.PatchReplace("MobilePhones", []so.EntityElement{{Value: "+45 30 30 30 30"}}),
		so.PatchReplace("Emails", []so.EntityElement{{Value: "mette@fjordlys.dk"}, {Value: "mette@privat.dk", Description: "Privat"}}),
	}
	if _, _, err := e.client.Persons.Patch(context.Background(), 7, ops); err != nil {
		t.Fatal(err)
	}
	return e
}

// writes counts the requests that change SuperOffice since request seq.
func (e *env) writes(after int) []sotest.RecordedRequest {
	var out []sotest.RecordedRequest
	for _, r := range e.sim.Requests() {
		if r.Seq > after && r.Method != "GET" {
			out = append(out, r)
		}
	}
	return out
}

func (e *env) lastSeq() int {
	rs := e.sim.Requests()
	if len(rs) == 0 {
		return 0
	}
	return rs[len(rs)-1].Seq
}

func elements(es []sotest.Element) string {
	var out []string
	for _, x := range es {
		s := x.Value
		if x.Description != "" {
			s += " (" + x.Description + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, ", ")
}

// A re-sync adds the lead's new number to the person and keeps every
// number, description, e-mail address and custom field it had.
func TestSyncKeepsWhatUsersTyped(t *testing.T) {
	e := userTenant(t)
	id := e.importLeads(t, `{"id":"rq-9","companyName":"Fjordlys Energi ApS","cvr":"38112759","website":"fjordlys.dk","score":87,
	 "contacts":[{"name":"Mette Hansen","title":"CFO","email":"METTE@fjordlys.dk","phone":"+45 33 33 33 33"}]}`)["rq-9"]
	res, err := e.eng.Sync(context.Background(), id, Choice{ContactID: 30, Overwrite: []string{"Urls"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Persons.Updated != 1 || res.Persons.Created != 0 {
		t.Errorf("persons = %+v, want Mette updated", res.Persons)
	}
	p, _ := e.sim.Person(7)
	if got, want := elements(p.OfficePhones), "+45 11 11 11 11, +45 22 22 22 22 (Hovednummer), +45 33 33 33 33"; got != want {
		t.Errorf("office phones = %q, want %q", got, want)
	}
	if got := elements(p.MobilePhones); got != "+45 30 30 30 30" {
		t.Errorf("mobile phones = %q", got)
	}
	if got := elements(p.Emails); got != "mette@fjordlys.dk, mette@privat.dk (Privat)" {
		t.Errorf("e-mails = %q", got)
	}
	if p.CustomFields["SuperOffice:2"] != "Espresso" {
		t.Errorf("the person's own custom field = %q", p.CustomFields["SuperOffice:2"])
	}
	c, _ := e.sim.Company(30)
	if got := elements(c.Phones); got != "+45 70 70 70 70" {
		t.Errorf("company phones = %q", got)
	}
	// Overwriting the website puts the lead's first and keeps the others.
	if got := elements(c.Urls); !strings.HasPrefix(got, "https://fjordlys.dk") || !strings.Contains(got, "https://shop.fjordlys.dk") {
		t.Errorf("company urls = %q", got)
	}
	if c.CustomFields["SuperOffice:1"] != "Guldkunde" || c.CustomFields["RabitIQ:34"] != "Ring efter kl. 10" {
		t.Errorf("custom fields the lead does not own were changed: %v", c.CustomFields)
	}
	if c.CustomFields["RabitIQ:1"] != "[I:87]" {
		t.Errorf("RabitIQ:1 = %q, want the lead's score", c.CustomFields["RabitIQ:1"])
	}
	// Written counts what changed: the score, and the lead id and CVR the
	// company did not carry yet.
	if want := []string{"RabitIQ:1", "RabitIQ:6", "RabitIQ:36"}; !slices.Equal(res.CustomFields.Written, want) {
		t.Errorf("written = %v, want %v", res.CustomFields.Written, want)
	}
}

// Contacts of one lead with the same e-mail (in any case) are one person:
// the first's name and title win, the phones are collected, and a re-sync
// of the unchanged lead writes nothing at all.
func TestSameEmailContactsAreOnePersonAndResyncWritesNothing(t *testing.T) {
	e := newEnv(t, nil)
	id := e.importLeads(t, `{"id":"rq-2","companyName":"Kobbervej Data ApS","cvr":"29403473","website":"kobbervej.dk","score":71,
	 "financials":{"growthRatePct":12.5,"revenueDkk":"12,5 mio."},"createdAt":"2024-12-01",
	 "contacts":[{"name":"Jens Kobber","title":"CEO","email":"jens@kobbervej.dk","phone":"+45 40 40 40 40"},
	             {"name":"J. Kobber","title":"Direktør","email":"JENS@Kobbervej.dk","phone":"+45 50 50 50 50"},
	             {"name":"Lise Vang","title":"CTO","email":"lise@kobbervej.dk"}]}`)["rq-2"]
	ctx := context.Background()
	res, err := e.eng.Sync(ctx, id, Choice{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Persons.Created != 2 {
		t.Fatalf("persons = %+v, want 2 created", res.Persons)
	}
	var jens sotest.Person
	for _, p := range e.sim.Persons() {
		if p.Firstname == "Jens" {
			jens = p
		}
	}
	if jens.Title != "CEO" || jens.Lastname != "Kobber" {
		t.Errorf("Jens = %q %q, title %q; want the first contact's", jens.Firstname, jens.Lastname, jens.Title)
	}
	phones := elements(jens.OfficePhones) + "|" + elements(jens.MobilePhones)
	if !strings.Contains(phones, "40 40 40 40") || !strings.Contains(phones, "50 50 50 50") {
		t.Errorf("Jens's phones = %q, want both contacts' numbers", phones)
	}
	for round := 1; round <= 2; round++ {
		before := e.lastSeq()
		res, err = e.eng.Sync(ctx, id, Choice{Create: true})
		if err != nil {
			t.Fatal(err)
		}
		if w := e.writes(before); len(w) > 0 {
			t.Fatalf("re-sync %d of an unchanged lead wrote: %s %s %s", round, w[0].Method, w[0].Path, w[0].Body)
		}
		if len(res.CustomFields.Written) != 0 || res.Persons.Updated != 0 || res.Persons.Created != 0 {
			t.Errorf("re-sync %d reports writes: %+v", round, res)
		}
		if len(res.CustomFields.Unchanged) < 5 {
			t.Errorf("re-sync %d: unchanged = %v", round, res.CustomFields.Unchanged)
		}
	}
}

// A skipped field is reported for what it is: missing, of the wrong
// type, or made on Person instead of Company; never all as "missing".
func TestSkippedFieldsSayWhy(t *testing.T) {
	var contact, person []sotest.CustomFieldDef
	for i, f := range sotest.RabitIQFields() {
		switch i + 1 {
		case 9: // missing
		case 18:
			f.Type = "ShortText" // a number field created as text
			contact = append(contact, f)
		case 34:
			person = append(person, f)
		default:
			contact = append(contact, f)
		}
	}
	e := newEnv(t, &sotest.Seed{ContactFields: contact, PersonFields: person})
	id := e.importLeads(t, `{"id":"rq-3","companyName":"Skovbryn IT ApS","score":60,"intentSignals":"Søger nyt CRM",
	 "financials":{"employees":12},"notes":"Ring mandag"}`)["rq-3"]
	res, err := e.eng.Sync(context.Background(), id, Choice{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"RabitIQ:9", "RabitIQ:18", "RabitIQ:34"}; !slices.Equal(res.CustomFields.Skipped, want) {
		t.Fatalf("skipped = %v, want %v", res.CustomFields.Skipped, want)
	}
	all := strings.Join(res.Warnings, "\n")
	for _, want := range []string{
		"1 felt der ikke er oprettet i SuperOffice springes over",
		"1 felt med forkert type i SuperOffice springes over: RabitIQ:18",
		"1 felt der er oprettet på Person i stedet for Firma springes over: RabitIQ:34",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
	if other := strings.Join(res.OtherWarnings(msg.Danish), "\n"); strings.Contains(other, "springes over") {
		t.Errorf("OtherWarnings repeats the skip reasons: %s", other)
	}
}
