package mapping

import (
	"fmt"
	"github.com/rabitiq/superoffice-sync/core/msg"
	"strings"

	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// persons maps the lead's contacts to PersonEntity bodies. A contact with
// neither a name nor a valid e-mail address cannot be found again or told
// apart in SuperOffice, so it is left out and reported. Contacts with the
// same e-mail address (in any case) are one person in SuperOffice, where
// the sync finds persons by e-mail: they are merged into the first, whose
// name and title win and which collects every phone number, so two
// contacts never take turns overwriting one person. Contacts without an
// e-mail are merged by name the same way.
func (m *mapper) persons() {
	seen := map[string]int{} // e-mail, or name when none → index in m.plan.Persons
	for i, c := range m.l.Contacts {
		field := fmt.Sprintf("Persons[%d]", i)
		email := m.email(field, c.Email)
		first, middle, last := splitName(c.Name)
		if first+middle+last == "" && email != "" {
			derived := nameFromEmail(email)
			m.warn(field, msg.MapNameFromEmail, "name", quote(derived))
			first, middle, last = splitName(derived)
		}
		if first+middle+last == "" && email == "" {
			if oneLine(c.Name+c.Title+c.Phone+c.Email+c.LinkedIn) != "" {
				m.warn(field, msg.MapPersonUnknowable)
			}
			continue
		}
		key := "name|" + fold(first+" "+middle+" "+last)
		if email != "" {
			key = "email|" + strings.ToLower(email)
		}
		if j, dup := seen[key]; dup {
			m.mergePerson(field, &m.plan.Persons[j], c)
			continue
		}
		seen[key] = len(m.plan.Persons)
		m.plan.Persons = append(m.plan.Persons, m.person(field, i, [3]string{first, middle, last}, email, c))
	}
}

// person builds one PersonPlan.
func (m *mapper) person(field string, i int, name [3]string, email string, c lead.Contact) PersonPlan {
	var p superoffice.PersonEntity
	p.Firstname = m.fit(field+".Firstname", name[0], m.lim.std("Firstname"))
	p.MiddleName = m.fit(field+".MiddleName", name[1], m.lim.std("MiddleName"))
	p.Lastname = m.fit(field+".Lastname", name[2], m.lim.std("Lastname"))
	p.Title = m.fit(field+".Title", oneLine(c.Title), m.lim.std("Title"))
	if email != "" {
		p.Emails = []superoffice.EntityElement{{Value: email}}
	}
	m.addPhones(field, &p, c.Phone)
	if cc := m.plan.Contact.Country; cc != nil {
		// The person's country drives how SuperOffice formats its phone
		// numbers and address; it is the company's, as in SuperOffice's
		// own create sample (docs/superoffice-api.md §5).
		p.Country = &superoffice.Country{CountryId: cc.CountryId}
	}
	full := strings.Join(strings.Fields(p.Firstname+" "+p.MiddleName+" "+p.Lastname), " ")
	return PersonPlan{Person: p, Email: email, FullName: full, Index: i}
}

// mergePerson folds a repeated contact into the person it repeats.
func (m *mapper) mergePerson(field string, p *PersonPlan, c lead.Contact) {
	code := msg.MapPersonSameEmail
	if p.Email == "" {
		code = msg.MapPersonSameName
	}
	m.warn(field, code, "index", p.Index)
	if p.Person.Title == "" {
		p.Person.Title = m.fit(field+".Title", oneLine(c.Title), m.lim.std("Title"))
	}
	m.addPhones(field, &p.Person, c.Phone)
}

// email normalises a contact's e-mail address. An invalid one, or one too
// long for the tenant, is not sent: a cut or wrong address would bounce and
// would stop the sync engine from finding the person again.
func (m *mapper) email(field, raw string) string {
	raw = oneLine(raw)
	if raw == "" {
		return ""
	}
	e := normalizeEmail(raw)
	if e == "" {
		m.warn(field+".Emails", msg.MapEmailInvalid, "value", quote(raw))
		return ""
	}
	if max := m.lim.std("Email"); Length(e) > max {
		m.warn(field+".Emails", msg.MapAddressTooLong, "len", Length(e), "max", max)
		return ""
	}
	return e
}

// addPhones adds a contact's phone numbers: mobile numbers to MobilePhones,
// the others to OfficePhones, skipping numbers the person already has. Like
// e-mail addresses, numbers are never cut: one too long is not sent.
func (m *mapper) addPhones(field string, p *superoffice.PersonEntity, raw string) {
	phones, bad := splitPhones(raw)
	for _, b := range bad {
		m.warn(field+".OfficePhones", msg.MapPhoneUnreadable, "value", quote(b))
	}
	home := m.plan.Country
	max := m.lim.std("Phone")
	for _, ph := range phones {
		if has(p.OfficePhones, ph.value) || has(p.MobilePhones, ph.value) {
			continue
		}
		mobile := ph.mobile
		if !ph.labelled {
			mobile = isMobileNumber(ph.value, home)
		}
		list, name := &p.OfficePhones, ".OfficePhones"
		if mobile {
			list, name = &p.MobilePhones, ".MobilePhones"
		}
		if Length(ph.value) > max {
			m.warn(field+name, msg.MapPhoneTooLong, "len", Length(ph.value), "max", max)
			continue
		}
		*list = append(*list, superoffice.EntityElement{Value: ph.value})
	}
}

// has reports whether elements already hold value.
func has(elements []superoffice.EntityElement, value string) bool {
	for _, e := range elements {
		if e.Value == value {
			return true
		}
	}
	return false
}
