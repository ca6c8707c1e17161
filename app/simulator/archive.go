package simulator

import (
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
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

// contactPersons serves GET v1/Contact/{id}/Persons.
func (s *Server) contactPersons(rc *reqCtx, id int) {
	s.mu.Lock()
	exists := s.contacts[id] != nil
	s.mu.Unlock()
	if !exists {
		notFoundEntity(rc, contactKind, id)
		return
	}
	s.handleSearch(rc, personKind, id)
}

// handleSearch serves an OData archive search (Slim mode).
func (s *Server) handleSearch(rc *reqCtx, k *kindInfo, restrictContact int) {
	p := simpleContact
	if k == personKind {
		p = personArchive
	}
	q := rc.r.URL.Query()
	fail := func(param, msg string) {
		rc.violate(KindOData, param, msg)
		writeSOError(rc.w, http.StatusBadRequest, "ArchiveException", msg)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	lookup := func(param string) func(string) (*column, bool) {
		return func(name string) (*column, bool) {
			c, exact, ok := p.column(s, name)
			if ok && !exact {
				rc.violate(KindOData, param, fmt.Sprintf("column %q should be spelled %q", name, c.name))
			}
			return c, ok
		}
	}
	selNames := p.defaults
	if sel, ok := queryParam(q, "$select"); ok && strings.TrimSpace(sel) != "" {
		selNames = strings.Split(sel, ",")
	}
	var cols []*column
	for _, n := range selNames {
		c, ok := lookup("$select")(strings.TrimSpace(n))
		if !ok {
			fail("$select", fmt.Sprintf("unknown column %q in $select (provider %s)", strings.TrimSpace(n), p.entityName))
			return
		}
		cols = append(cols, c)
	}
	var filter filterExpr
	if f, ok := queryParam(q, "$filter"); ok && strings.TrimSpace(f) != "" {
		var err error
		if filter, err = parseFilter(f, lookup("$filter")); err != nil {
			fail("$filter", "invalid $filter: "+err.Error())
			return
		}
	}
	order, err := parseOrderBy(q, lookup("$orderby"))
	if err != nil {
		fail("$orderby", err.Error())
		return
	}
	top, skip := -1, 0
	for name, dst := range map[string]*int{"$top": &top, "$skip": &skip} {
		if v, ok := queryParam(q, name); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 0 {
				fail(name, fmt.Sprintf("%s must be a non-negative integer, got %q", name, v))
				return
			}
			*dst = n
		}
	}
	store := s.store(k)
	var rows []*entity
	for _, id := range slices.Sorted(maps.Keys(store)) {
		e := store[id]
		if restrictContact != 0 && refID(e.props, "Contact", "ContactId") != restrictContact {
			continue
		}
		if filter != nil && !filter.eval(func(c *column) any { return c.get(s, e) }) {
			continue
		}
		rows = append(rows, e)
	}
	sortRows(s, rows, order)
	total := len(rows)
	rows = rows[min(skip, total):]
	if top >= 0 && top < len(rows) {
		rows = rows[:top]
	}
	values := make([]any, 0, len(rows))
	for _, e := range rows {
		values = append(values, s.slimRow(p, e, cols))
	}
	var next any
	if top >= 0 && skip+top < total {
		nq := url.Values{}
		for key, v := range q {
			nq[key] = v
		}
		for key := range nq {
			if strings.EqualFold(key, "$skip") {
				delete(nq, key)
			}
		}
		nq.Set("$skip", strconv.Itoa(skip+top))
		next = s.base(rc.r) + rc.r.URL.EscapedPath() + "?" + nq.Encode()
	}
	writeJSON(rc.w, http.StatusOK, map[string]any{
		"odata.metadata": s.base(rc.r) + "/" + s.cfg.Ctx + "/api/v1/archive/$metadata",
		"odata.nextLink": next,
		"value":          values,
	})
}

// slimRow renders one row in Slim mode.
func (s *Server) slimRow(p *provider, e *entity, cols []*column) map[string]any {
	row := map[string]any{"PrimaryKey": s.slimInt(e.id), "EntityName": p.entityName}
	for _, c := range cols {
		v := c.get(s, e)
		switch x := v.(type) {
		case []string:
			first := ""
			if len(x) > 0 {
				first = x[0]
			}
			row[c.name] = first
		case int:
			row[c.name] = s.slimInt(x)
		case time.Time:
			row[c.name] = x.UTC().Format("2006-01-02T15:04:05")
		default:
			row[c.name] = v
		}
	}
	return row
}

func (s *Server) slimInt(n int) any {
	if s.cfg.ODataStringValues {
		return strconv.Itoa(n)
	}
	return n
}

type orderKey struct {
	col  *column
	desc bool
}

func parseOrderBy(q url.Values, cols func(string) (*column, bool)) ([]orderKey, error) {
	raw, ok := queryParam(q, "$orderby")
	if !ok || strings.TrimSpace(raw) == "" {
		return nil, nil
	}
	var out []orderKey
	for _, part := range strings.Split(raw, ",") {
		f := strings.Fields(part)
		if len(f) == 0 || len(f) > 2 {
			return nil, fmt.Errorf("invalid $orderby term %q", part)
		}
		c, ok := cols(f[0])
		if !ok {
			return nil, fmt.Errorf("unknown column %q in $orderby", f[0])
		}
		k := orderKey{col: c}
		if len(f) == 2 {
			switch strings.ToLower(f[1]) {
			case "asc":
			case "desc":
				k.desc = true
			default:
				return nil, fmt.Errorf("invalid direction %q in $orderby", f[1])
			}
		}
		out = append(out, k)
	}
	return out, nil
}

func sortRows(s *Server, rows []*entity, order []orderKey) {
	if len(order) == 0 {
		return
	}
	sort.SliceStable(rows, func(i, j int) bool {
		for _, k := range order {
			c, _ := compareValue(k.col.typ, firstOf(k.col.get(s, rows[i])), literal{text: litOf(k.col.get(s, rows[j]))})
			if c == 0 {
				continue
			}
			return (c < 0) != k.desc
		}
		return false
	})
}

func firstOf(v any) any {
	if many, ok := v.([]string); ok {
		if len(many) == 0 {
			return ""
		}
		return many[0]
	}
	return v
}

// litOf renders a value as literal text for compareValue.
func litOf(v any) string {
	v = firstOf(v)
	switch x := v.(type) {
	case time.Time:
		return x.UTC().Format(time.RFC3339)
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}
