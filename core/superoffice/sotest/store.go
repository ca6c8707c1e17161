package sotest

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// entity is a stored Contact or Person. props holds the client-writable
// properties with canonical (OpenAPI) names as decoded JSON values;
// references are stored as {"CountryId": n} etc. and expanded on output.
type entity struct {
	id      int
	props   map[string]any
	custom  map[string]string // canonical ProgId -> stored value
	created time.Time
	updated time.Time
}

// kindInfo describes one entity type.
type kindInfo struct {
	name      string // "Contact" / "Person"
	def       string // request body definition
	withLinks string // response definition
	idProp    string
	limits    map[string]int
	readOnly  map[string]bool
}

var contactKind = &kindInfo{
	name: "Contact", def: defContactEntity, withLinks: defContactWithLink, idProp: "ContactId",
	limits: contactLimits,
	readOnly: setOf("ContactId", "CreatedDate", "UpdatedDate", "CreatedBy", "UpdatedBy", "TableRight",
		"FieldProperties", "Persons", "ActiveInterests", "ActiveErpLinks", "BounceEmails", "UtmParameters",
		"ActiveStatusMonitorId"),
}

var personKind = &kindInfo{
	name: "Person", def: defPersonEntity, withLinks: defPersonWithLinks, idProp: "PersonId",
	limits: personLimits,
	readOnly: setOf("PersonId", "CreatedDate", "UpdatedDate", "CreatedBy", "UpdatedBy", "TableRight",
		"FieldProperties", "FullName", "FormalName", "IsAssociate", "ActiveInterests", "ActiveErpLinks",
		"BounceEmails", "UtmParameters", "UserInfo", "CorrespondingAssociate", "CreatedByFormId",
		"ActiveStatusMonitorId", "SentInfo", "Leadstatus"),
}

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// str reads a string property.
func str(p map[string]any, name string) string {
	s, _ := p[name].(string)
	return s
}

// num reads an integer value.
func num(v any) int {
	switch n := v.(type) {
	case json.Number:
		i, _ := strconv.Atoi(n.String())
		return i
	case string:
		i, _ := strconv.Atoi(n)
		return i
	case int:
		return n
	}
	return 0
}

// refID reads p[obj][idProp] as an int.
func refID(p map[string]any, obj, idProp string) int {
	m, _ := p[obj].(map[string]any)
	return num(m[idProp])
}

func elements(p map[string]any, name string) []Element {
	arr, _ := p[name].([]any)
	var out []Element
	for _, it := range arr {
		m, _ := it.(map[string]any)
		if m == nil {
			continue
		}
		out = append(out, Element{Value: str(m, "Value"), Description: str(m, "Description")})
	}
	return out
}

func strings1(p map[string]any, name string) []string {
	arr, _ := p[name].([]any)
	var out []string
	for _, it := range arr {
		if s, ok := it.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func structured(p map[string]any, which string) Address {
	a, _ := p["Address"].(map[string]any)
	m, _ := a[which].(map[string]any)
	return Address{Address1: str(m, "Address1"), Address2: str(m, "Address2"), Address3: str(m, "Address3"),
		City: str(m, "City"), County: str(m, "County"), State: str(m, "State"), Zipcode: str(m, "Zipcode")}
}

// deepCopy copies decoded JSON.
func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, val := range x {
			m[k] = deepCopy(val)
		}
		return m
	case []any:
		a := make([]any, len(x))
		for i, val := range x {
			a[i] = deepCopy(val)
		}
		return a
	}
	return v
}

func jnum(n int) json.Number { return json.Number(strconv.Itoa(n)) }

func elems(values []string) []any {
	out := make([]any, 0, len(values))
	for _, v := range values {
		out = append(out, map[string]any{"Value": v, "Description": ""})
	}
	return out
}

// applySeed installs the initial state. Called by New before serving.
func (s *Server) applySeed(seed *Seed) error {
	if seed == nil {
		seed = &Seed{}
	}
	contactDefs, personDefs := seed.ContactFields, seed.PersonFields
	if contactDefs == nil && personDefs == nil {
		contactDefs = RabitIQFields()
	}
	seen := map[string]string{}
	var err error
	if s.contactFields, err = normalizeFields(contactDefs, "Contact", seen); err != nil {
		return err
	}
	if s.personFields, err = normalizeFields(personDefs, "Person", seen); err != nil {
		return err
	}
	s.countries = seed.Countries
	if s.countries == nil {
		s.countries = DefaultCountries()
	}
	s.installLists(seed.Lists)
	s.homeCountry = seed.HomeCountryID
	if s.homeCountry == 0 {
		s.homeCountry = 208
	}
	for _, c := range seed.Companies {
		if _, err := s.AddCompany(c); err != nil {
			return err
		}
	}
	for _, p := range seed.Persons {
		if _, err := s.AddPerson(p); err != nil {
			return err
		}
	}
	return nil
}

// AddCompany stores a company directly (no request, no violations) and
// returns its id. Custom-field values must be valid for the tenant.
func (s *Server) AddCompany(c SeedCompany) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.ID == 0 {
		c.ID = s.nextContact
	}
	if _, dup := s.contacts[c.ID]; dup || c.ID < 0 {
		return 0, fmt.Errorf("simulator: company id %d already used", c.ID)
	}
	country := c.CountryID
	if country == 0 {
		country = s.homeCountry
	}
	owner := c.OwnerID
	if owner == 0 {
		owner = principalAssociateID
	}
	if !knownAssociate(owner) {
		return 0, fmt.Errorf("simulator: company %s: no associate %d", c.Name, owner)
	}
	category, ok := s.categoryRef(c.Category)
	if !ok {
		return 0, fmt.Errorf("simulator: company %s: no category %q", c.Name, c.Category)
	}
	p := map[string]any{
		"Name": c.Name, "Department": c.Department, "OrgNr": c.OrgNr, "Number1": c.Number1, "Number2": c.Number2,
		"Description": c.Description, "Country": map[string]any{"CountryId": jnum(country)},
		"Associate": map[string]any{"AssociateId": jnum(owner)},
		"Emails":    elems(c.Emails), "Urls": elems(c.Urls), "Phones": elems(c.Phones),
		"Address": map[string]any{"Street": seedAddr(c.Street), "Postal": seedAddr(c.Postal)},
	}
	var domains []any
	for _, d := range c.Domains {
		domains = append(domains, d)
	}
	p["Domains"] = domains
	if category != nil {
		p["Category"] = category
	}
	custom, err := seedCustom(s.contactFields, c.CustomFields, "company "+c.Name)
	if err != nil {
		return 0, err
	}
	now := time.Now().UTC().Truncate(time.Second)
	s.contacts[c.ID] = &entity{id: c.ID, props: p, custom: custom, created: now, updated: now}
	s.nextContact = max(s.nextContact, c.ID+1)
	return c.ID, nil
}

// AddPerson stores a person directly and returns its id.
func (s *Server) AddPerson(sp SeedPerson) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sp.ID == 0 {
		sp.ID = s.nextPerson
	}
	if _, dup := s.persons[sp.ID]; dup || sp.ID < 0 {
		return 0, fmt.Errorf("simulator: person id %d already used", sp.ID)
	}
	if _, ok := s.contacts[sp.ContactID]; sp.ContactID != 0 && !ok {
		return 0, fmt.Errorf("simulator: person %s %s: no company %d", sp.Firstname, sp.Lastname, sp.ContactID)
	}
	country := sp.CountryID
	if country == 0 {
		country = s.homeCountry
	}
	p := map[string]any{
		"Firstname": sp.Firstname, "MiddleName": sp.MiddleName, "Lastname": sp.Lastname, "Title": sp.Title,
		"Mrmrs": sp.Mrmrs, "Description": sp.Description, "Country": map[string]any{"CountryId": jnum(country)},
		"Contact": map[string]any{"ContactId": jnum(sp.ContactID)},
		"Emails":  elems(sp.Emails), "OfficePhones": elems(sp.OfficePhones), "MobilePhones": elems(sp.MobilePhones),
	}
	custom, err := seedCustom(s.personFields, sp.CustomFields, "person "+sp.Firstname)
	if err != nil {
		return 0, err
	}
	now := time.Now().UTC().Truncate(time.Second)
	s.persons[sp.ID] = &entity{id: sp.ID, props: p, custom: custom, created: now, updated: now}
	s.nextPerson = max(s.nextPerson, sp.ID+1)
	return sp.ID, nil
}

func seedAddr(a *SeedAddress) map[string]any {
	if a == nil {
		a = &SeedAddress{}
	}
	return map[string]any{"Address1": a.Address1, "Address2": a.Address2, "Zipcode": a.Zipcode, "City": a.City}
}

func seedCustom(defs []CustomFieldDef, values map[string]string, who string) (map[string]string, error) {
	out := map[string]string{}
	for _, k := range sortedKeys(values) {
		d, ok := findField(defs, k)
		if !ok || d.Unpublished {
			return nil, fmt.Errorf("simulator: seed %s: no published custom field %q", who, k)
		}
		v, problem := normalizeCustom(d, values[k])
		if problem != "" && !isText(d) {
			return nil, fmt.Errorf("simulator: seed %s: %s: %s", who, k, problem)
		}
		if d.TextLength > 0 {
			v = truncateRunes(v, d.TextLength)
		}
		out[d.ProgId] = v
	}
	return out, nil
}

// findField finds a field by ProgId, case-insensitively.
func findField(defs []CustomFieldDef, key string) (CustomFieldDef, bool) {
	for _, d := range defs {
		if d.ProgId == key {
			return d, true
		}
	}
	for _, d := range defs {
		if strings.EqualFold(d.ProgId, key) {
			return d, true
		}
	}
	return CustomFieldDef{}, false
}
