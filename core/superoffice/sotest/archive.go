package sotest

import (
	"strconv"
	"strings"
)

// colType is the restriction type of an archive column.
type colType int

const (
	colString colType = iota
	colInt
	colBool
	colDate
)

// column is one archive-provider column. get runs under s.mu and returns
// int, string, bool, time.Time, or []string for multi-valued columns.
type column struct {
	name string
	typ  colType
	get  func(s *Server, e *entity) any
}

// provider is an archive provider (SimpleContact, Person).
type provider struct {
	entityName  string
	kind        *kindInfo
	cols        map[string]*column // lower-case name -> column
	defaults    []string
	udefPrefix  string
	extraPrefix string
}

func strCol(name, prop string) *column {
	return &column{name, colString, func(_ *Server, e *entity) any { return str(e.props, prop) }}
}

func elemCol(name, prop string) *column {
	return &column{name, colString, func(_ *Server, e *entity) any {
		var out []string
		for _, el := range elements(e.props, prop) {
			out = append(out, el.Value)
		}
		return out
	}}
}

func addrCol(name, which, field string) *column {
	return &column{name, colString, func(_ *Server, e *entity) any {
		a := structured(e.props, which)
		return map[string]string{"Address1": a.Address1, "Address2": a.Address2, "Address3": a.Address3,
			"City": a.City, "Zipcode": a.Zipcode, "County": a.County, "State": a.State}[field]
	}}
}

func listCol(name, prop string) *column {
	return &column{name, colString, func(_ *Server, e *entity) any {
		m, _ := e.props[prop].(map[string]any)
		return str(m, "Value")
	}}
}

func countryNameCol(name string) *column {
	return &column{name, colString, func(s *Server, e *entity) any {
		if c := s.country(refID(e.props, "Country", "CountryId")); c != nil {
			return c.Name
		}
		return ""
	}}
}

func intCol(name string, f func(*entity) int) *column {
	return &column{name, colInt, func(_ *Server, e *entity) any { return f(e) }}
}

func newProvider(entityName string, k *kindInfo, udef, extra string, defaults []string, cols ...*column) *provider {
	p := &provider{entityName: entityName, kind: k, cols: map[string]*column{}, defaults: defaults, udefPrefix: udef, extraPrefix: extra}
	for _, c := range cols {
		p.cols[strings.ToLower(c.name)] = c
	}
	return p
}

// nameDept is "Name, Department" as in the Contact carrier's FullName.
func nameDept(e *entity) string {
	return strings.Join(nonEmpty(str(e.props, "Name"), str(e.props, "Department")), ", ")
}

// simpleContact is the "SimpleContact" provider behind GET v1/Contact.
var simpleContact = newProvider("contact", contactKind, "contactUdef/", "contactExtra/",
	[]string{"contactId", "name", "department", "orgnr", "country"},
	intCol("contactId", func(e *entity) int { return e.id }),
	strCol("name", "Name"), strCol("department", "Department"), strCol("orgnr", "OrgNr"),
	&column{"nameDepartment", colString, func(_ *Server, e *entity) any { return nameDept(e) }},
	strCol("number", "Number2"), strCol("code", "Number1"),
	intCol("countryId", func(e *entity) int { return refID(e.props, "Country", "CountryId") }),
	countryNameCol("country"),
	intCol("associateId", func(e *entity) int { return refID(e.props, "Associate", "AssociateId") }),
	&column{"contactAssociate/fullName", colString, func(s *Server, e *entity) any {
		return s.associateName(refID(e.props, "Associate", "AssociateId"))
	}},
	listCol("category", "Category"), listCol("business", "Business"),
	elemCol("email/emailAddress", "Emails"), elemCol("url/URLAddress", "Urls"),
	elemCol("phone/formattedNumber", "Phones"), elemCol("contactPhone/formattedNumber", "Phones"),
	addrCol("postAddress/line1", "Postal", "Address1"), addrCol("postAddress/line2", "Postal", "Address2"),
	addrCol("postAddress/line3", "Postal", "Address3"), addrCol("postAddress/city", "Postal", "City"),
	addrCol("postAddress/zip", "Postal", "Zipcode"), addrCol("postAddress/county", "Postal", "County"),
	addrCol("postAddress/state", "Postal", "State"),
	addrCol("streetAddress/line1", "Street", "Address1"), addrCol("streetAddress/line2", "Street", "Address2"),
	addrCol("streetAddress/line3", "Street", "Address3"), addrCol("streetAddress/city", "Street", "City"),
	addrCol("streetAddress/zip", "Street", "Zipcode"), addrCol("streetAddress/county", "Street", "County"),
	addrCol("streetAddress/state", "Street", "State"),
	&column{"registeredDate", colDate, func(_ *Server, e *entity) any { return e.created }},
	&column{"updatedDate", colDate, func(_ *Server, e *entity) any { return e.updated }},
	&column{"stop", colBool, func(_ *Server, e *entity) any { b, _ := e.props["Xstop"].(bool); return b }},
	&column{"contactNoMail", colBool, func(_ *Server, e *entity) any { b, _ := e.props["NoMailing"].(bool); return b }},
	&column{"hasInfoText", colBool, func(_ *Server, e *entity) any { return str(e.props, "Description") != "" }},
)

func personContactCol(name string, f func(c *entity) any, typ colType) *column {
	return &column{name, typ, func(s *Server, e *entity) any {
		c := s.contacts[refID(e.props, "Contact", "ContactId")]
		if c == nil {
			if typ == colInt {
				return 0
			}
			return ""
		}
		return f(c)
	}}
}

// personArchive is the "Person" provider behind GET v1/Person and
// GET v1/Contact/{id}/Persons.
var personArchive = newProvider("person", personKind, "personUdef/", "personExtra/",
	[]string{"personId", "contactId", "firstName", "lastName", "fullName", "title"},
	intCol("personId", func(e *entity) int { return e.id }),
	strCol("firstName", "Firstname"), strCol("lastName", "Lastname"), strCol("middleName", "MiddleName"),
	&column{"fullName", colString, func(_ *Server, e *entity) any { return personFullName(e.props) }},
	intCol("contactId", func(e *entity) int { return refID(e.props, "Contact", "ContactId") }),
	strCol("title", "Title"), strCol("mrMrs", "Mrmrs"), strCol("personNumber", "PersonNumber"),
	intCol("personCountryId", func(e *entity) int { return refID(e.props, "Country", "CountryId") }),
	countryNameCol("personCountry"),
	elemCol("email/emailAddress", "Emails"),
	&column{"email/emailDescription", colString, func(_ *Server, e *entity) any {
		var out []string
		for _, el := range elements(e.props, "Emails") {
			out = append(out, el.Description)
		}
		return out
	}},
	elemCol("personDirectPhone/formattedNumber", "OfficePhones"),
	elemCol("personMobilePhone/formattedNumber", "MobilePhones"),
	&column{"phone/formattedNumber", colString, func(_ *Server, e *entity) any {
		var out []string
		for _, name := range []string{"OfficePhones", "MobilePhones", "PrivatePhones", "OtherPhones"} {
			for _, el := range elements(e.props, name) {
				out = append(out, el.Value)
			}
		}
		return out
	}},
	elemCol("personUrl/URLAddress", "Urls"),
	&column{"personRegisteredDate", colDate, func(_ *Server, e *entity) any { return e.created }},
	&column{"personUpdatedDate", colDate, func(_ *Server, e *entity) any { return e.updated }},
	&column{"retired", colBool, func(_ *Server, e *entity) any { b, _ := e.props["Retired"].(bool); return b }},
	&column{"personNoMail", colBool, func(_ *Server, e *entity) any { b, _ := e.props["NoMailing"].(bool); return b }},
	personContactCol("personContact/contactId", func(c *entity) any { return c.id }, colInt),
	personContactCol("personContact/name", func(c *entity) any { return str(c.props, "Name") }, colString),
	personContactCol("personContact/department", func(c *entity) any { return str(c.props, "Department") }, colString),
	personContactCol("personContact/nameDepartment", func(c *entity) any { return nameDept(c) }, colString),
	personContactCol("personContact/orgnr", func(c *entity) any { return str(c.props, "OrgNr") }, colString),
)

// column resolves a column name, including contactUdef/<ProgId> and
// contactExtra/<x_name> (personUdef/, personExtra/ for persons). exact
// reports whether the spelling matched.
func (p *provider) column(s *Server, name string) (*column, bool, bool) {
	if c, ok := p.cols[strings.ToLower(name)]; ok {
		return c, c.name == name, true
	}
	for _, pre := range []string{p.udefPrefix, p.extraPrefix} {
		if !strings.HasPrefix(strings.ToLower(name), strings.ToLower(pre)) {
			continue
		}
		key := name[len(pre):]
		d, ok := findField(s.fieldsOf(p.kind), key)
		if !ok || d.Unpublished || d.ExtraField != (pre == p.extraPrefix) {
			return nil, false, false
		}
		typ := colString
		if d.Type == "Number" || d.Type == "Checkbox" || d.Type == "List" {
			typ = colInt
		}
		progID := d.ProgId
		c := &column{pre + progID, typ, func(_ *Server, e *entity) any {
			v := displayValue(e.custom[progID])
			if typ == colInt {
				n, _ := strconv.Atoi(v)
				return n
			}
			return v
		}}
		return c, strings.HasPrefix(name, pre) && key == progID, true
	}
	return nil, false, false
}
