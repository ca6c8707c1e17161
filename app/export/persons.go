package export

import (
	"context"
	"errors"
	"strings"

	"github.com/rabitiq/superoffice-sync/core/mapping"
	"github.com/rabitiq/superoffice-sync/core/match"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// personIndex finds the company's persons by e-mail and by full name.
type personIndex struct {
	byEmail map[string]int
	byName  map[string]int
}

func foldName(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

func (x *personIndex) add(id int, email, fullName string) {
	if e := strings.ToLower(strings.TrimSpace(email)); e != "" {
		x.byEmail[e] = id
	}
	if n := foldName(fullName); n != "" {
		if _, ok := x.byName[n]; !ok {
			x.byName[n] = id
		}
	}
}

// find matches on e-mail; only a contact without an e-mail is matched on
// its full name, because two people may share a name but not an address.
func (x *personIndex) find(p mapping.PersonPlan) (int, bool) {
	if p.Email != "" {
		id, ok := x.byEmail[strings.ToLower(p.Email)]
		return id, ok
	}
	id, ok := x.byName[foldName(p.FullName)]
	return id, ok
}

func (e *Engine) loadPersons(ctx context.Context, contactID int) (*personIndex, error) {
	x := &personIndex{byEmail: map[string]int{}, byName: map[string]int{}}
	res, _, err := e.client.Contacts.Persons(ctx, contactID, &so.SearchOptions{Select: so.PersonRowColumns(), OrderBy: []string{so.ColPersonID}, Top: 500})
	if err != nil {
		return nil, msg.Errorf(err, msg.ExportReadPersons)
	}
	for _, p := range res.Persons() {
		full := p.FullName
		if full == "" {
			full = strings.Join(strings.Fields(p.FirstName+" "+p.MiddleName+" "+p.LastName), " ")
		}
		x.add(p.PersonID, p.Email, full)
	}
	return x, nil
}

// summaryIndex indexes the persons a company GET carried, with what
// personOps compares, so no request per person is needed.
func summaryIndex(ps []so.PersonSummary) (*personIndex, map[int]*so.PersonEntity) {
	x := &personIndex{byEmail: map[string]int{}, byName: map[string]int{}}
	cur := map[int]*so.PersonEntity{}
	for _, p := range ps {
		full := p.FullName
		if full == "" {
			full = strings.Join(strings.Fields(p.Firstname+" "+p.MiddleName+" "+p.Lastname), " ")
		}
		x.add(p.PersonId, p.Email, full)
		e := &so.PersonEntity{PersonId: p.PersonId, Title: p.Title}
		if p.DirectPhone != "" {
			e.OfficePhones = []so.EntityElement{{Value: p.DirectPhone}}
		}
		if p.MobilePhone != "" {
			e.MobilePhones = []so.EntityElement{{Value: p.MobilePhone}}
		}
		cur[p.PersonId] = e
	}
	return x, cur
}

// syncPersons creates or updates every contact person under the company,
// never creating the same person twice. A brand-new company has no
// persons; an existing one's come with its GET (summary), so persons cost
// a request only when one is written.
func (e *Engine) syncPersons(ctx context.Context, company *so.ContactEntity, plans []mapping.PersonPlan, fresh bool, res *Result) error {
	if len(plans) == 0 {
		return nil
	}
	contactID := company.ContactId
	x, known, err := e.personsOf(ctx, company, fresh)
	if err != nil {
		return err
	}
	for _, p := range plans {
		if id, ok := x.find(p); ok {
			updated, err := e.updatePerson(ctx, id, p, known[id])
			if err != nil {
				return err
			}
			if updated {
				res.Persons.Updated++
			}
			continue
		}
		body := p.Person
		body.Contact = &so.ContactRef{ContactId: contactID}
		created, _, err := e.client.Persons.Create(ctx, &body)
		var amb *so.AmbiguousError
		if errors.As(err, &amb) {
			// Look before creating again: the person may exist now.
			again, lerr := e.loadPersons(context.WithoutCancel(ctx), contactID)
			if lerr == nil {
				if id, ok := again.find(p); ok {
					x.add(id, p.Email, p.FullName)
					res.Persons.Created++
					continue
				}
			}
			return msg.Errorf(err, msg.ExportCreatePerson, "name", p.FullName)
		}
		if err != nil {
			return msg.Errorf(err, msg.ExportCreatePerson, "name", p.FullName)
		}
		x.add(created.PersonId, p.Email, p.FullName)
		res.Persons.Created++
	}
	return nil
}

// personsOf indexes the persons of company: none for a company just
// created (fresh), the summary its GET carried when there is one, else
// the company's person list. known holds the summarised persons by id.
func (e *Engine) personsOf(ctx context.Context, company *so.ContactEntity, fresh bool) (*personIndex, map[int]*so.PersonEntity, error) {
	switch {
	case fresh:
		return &personIndex{byEmail: map[string]int{}, byName: map[string]int{}}, nil, nil
	case company.Persons != nil:
		x, known := summaryIndex(company.Persons)
		return x, known, nil
	}
	x, err := e.loadPersons(ctx, company.ContactId)
	return x, nil, err
}

// personChange returns the patch for an existing person. The summary a
// company GET carries (known) holds one office and one mobile number, so
// it can only tell that nothing needs writing; any write is built from a
// fresh GET of the whole person, so the numbers, descriptions and e-mail
// addresses the summary leaves out are sent back as they are.
func (e *Engine) personChange(ctx context.Context, id int, p mapping.PersonPlan, known *so.PersonEntity) ([]so.PatchOp, error) {
	if known != nil && len(personOps(known, p)) == 0 {
		return nil, nil
	}
	cur, _, err := e.client.Persons.Get(ctx, id)
	if err != nil {
		return nil, msg.Errorf(err, msg.ExportReadPerson, "id", id)
	}
	return personOps(cur, p), nil
}

// updatePerson writes what an existing person lacks: a title where it has
// none, and the phone numbers it does not have. known is the person as the company's GET
// summarised it, or nil.
func (e *Engine) updatePerson(ctx context.Context, id int, p mapping.PersonPlan, known *so.PersonEntity) (bool, error) {
	ops, err := e.personChange(ctx, id, p, known)
	if err != nil || len(ops) == 0 {
		return false, err
	}
	if _, _, err := e.client.Persons.Patch(ctx, id, ops); err != nil {
		return false, msg.Errorf(err, msg.ExportUpdatePerson, "name", p.FullName)
	}
	return true, nil
}

// personOps is what the person lacks of the lead's contact: a title when
// the person has none (a title someone typed in SuperOffice is theirs,
// as a company's name and department are), and the numbers the person
// has under no kind. A list is sent whole: the person's own entries, as
// read, then the new numbers.
func personOps(cur *so.PersonEntity, p mapping.PersonPlan) []so.PatchOp {
	var ops []so.PatchOp
	if in := p.Person.Title; !blank(in) && blank(cur.Title) {
		ops = append(ops, so.PatchReplace("Title", in))
	}
	// A number the person has under any kind is known: the plan's guess of
	// the kind (office or mobile) must not add it twice.
	var known []so.EntityElement
	for _, l := range [][]so.EntityElement{cur.OfficePhones, cur.MobilePhones, cur.PrivatePhones, cur.OtherPhones} {
		known = append(known, l...)
	}
	phones := func(name string, have, want []so.EntityElement) {
		var add []so.EntityElement
		for _, w := range want {
			if !hasValue(known, w.Value) && !hasValue(add, w.Value) {
				add = append(add, w)
			}
		}
		if len(add) > 0 {
			known = append(known, add...)
			ops = append(ops, so.PatchReplace(name, append(keepElements(have), keepElements(add)...)))
		}
	}
	phones("OfficePhones", cur.OfficePhones, p.Person.OfficePhones)
	phones("MobilePhones", cur.MobilePhones, p.Person.MobilePhones)
	return ops
}

func hasValue(have []so.EntityElement, v string) bool {
	for _, h := range have {
		if match.Digits(h.Value) == match.Digits(v) {
			return true
		}
	}
	return false
}
