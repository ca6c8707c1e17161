package sotest

import (
	"maps"
	"slices"
	"time"
)

// Element is a phone number, e-mail address or URL of a snapshot.
type Element struct {
	Value       string
	Description string
}

// Address is a structured address of a snapshot.
type Address struct {
	Address1, Address2, Address3, City, County, State, Zipcode string
}

// Company is a snapshot of a stored company, for test assertions.
type Company struct {
	ContactId                     int
	Name, Department, OrgNr       string
	Number1, Number2, Description string
	CountryId, AssociateId        int
	Emails, Urls, Phones, Faxes   []Element
	Street, Postal                Address
	Domains                       []string
	CustomFields                  map[string]string // stored values of the tenant's fields that were set
	CreatedDate, UpdatedDate      time.Time
	Props                         map[string]any // every stored property (decoded JSON)
	Persons                       []int          // ids of its persons
}

// Person is a snapshot of a stored person, for test assertions.
type Person struct {
	PersonId, ContactId                     int
	Firstname, MiddleName, Lastname         string
	Title, Mrmrs, Description               string
	CountryId                               int
	Emails, OfficePhones, MobilePhones      []Element
	PrivatePhones, OtherPhones, Urls, Faxes []Element
	CustomFields                            map[string]string
	CreatedDate, UpdatedDate                time.Time
	Props                                   map[string]any
}

// Companies returns a snapshot of all companies, ordered by id.
func (s *Server) Companies() []Company {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Company, 0, len(s.contacts))
	for _, id := range slices.Sorted(maps.Keys(s.contacts)) {
		out = append(out, s.companySnapshot(s.contacts[id]))
	}
	return out
}

// Company returns one company.
func (s *Server) Company(id int) (Company, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.contacts[id]
	if !ok {
		return Company{}, false
	}
	return s.companySnapshot(e), true
}

// Persons returns a snapshot of all persons, ordered by id.
func (s *Server) Persons() []Person {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Person, 0, len(s.persons))
	for _, id := range slices.Sorted(maps.Keys(s.persons)) {
		out = append(out, personSnapshot(s.persons[id]))
	}
	return out
}

// Person returns one person.
func (s *Server) Person(id int) (Person, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.persons[id]
	if !ok {
		return Person{}, false
	}
	return personSnapshot(e), true
}

func (s *Server) companySnapshot(e *entity) Company {
	p := e.props
	c := Company{
		ContactId: e.id, Name: str(p, "Name"), Department: str(p, "Department"), OrgNr: str(p, "OrgNr"),
		Number1: str(p, "Number1"), Number2: str(p, "Number2"), Description: str(p, "Description"),
		CountryId: refID(p, "Country", "CountryId"), AssociateId: refID(p, "Associate", "AssociateId"),
		Emails: elements(p, "Emails"), Urls: elements(p, "Urls"), Phones: elements(p, "Phones"), Faxes: elements(p, "Faxes"),
		Street: structured(p, "Street"), Postal: structured(p, "Postal"), Domains: strings1(p, "Domains"),
		CustomFields: maps.Clone(e.custom), CreatedDate: e.created, UpdatedDate: e.updated,
		Props: deepCopy(p).(map[string]any),
	}
	for _, pid := range slices.Sorted(maps.Keys(s.persons)) {
		if refID(s.persons[pid].props, "Contact", "ContactId") == e.id {
			c.Persons = append(c.Persons, pid)
		}
	}
	return c
}

func personSnapshot(e *entity) Person {
	p := e.props
	return Person{
		PersonId: e.id, ContactId: refID(p, "Contact", "ContactId"),
		Firstname: str(p, "Firstname"), MiddleName: str(p, "MiddleName"), Lastname: str(p, "Lastname"),
		Title: str(p, "Title"), Mrmrs: str(p, "Mrmrs"), Description: str(p, "Description"),
		CountryId: refID(p, "Country", "CountryId"),
		Emails:    elements(p, "Emails"), OfficePhones: elements(p, "OfficePhones"), MobilePhones: elements(p, "MobilePhones"),
		PrivatePhones: elements(p, "PrivatePhones"), OtherPhones: elements(p, "OtherPhones"), Urls: elements(p, "Urls"),
		Faxes:        elements(p, "Faxes"),
		CustomFields: maps.Clone(e.custom), CreatedDate: e.created, UpdatedDate: e.updated,
		Props: deepCopy(p).(map[string]any),
	}
}

// SetContactFields replaces the tenant's custom fields on Contact, as an
// admin adding or deleting fields in Settings and maintenance would while
// the app runs. Values of removed fields stay stored but are no longer
// shown or writable.
func (s *Server) SetContactFields(defs []CustomFieldDef) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	fs, err := normalizeFields(defs, "Contact", map[string]string{})
	if err != nil {
		return err
	}
	s.contactFields = fs
	return nil
}
