package sotest

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

// emptyDate is how the service renders an unset date (API.md §2.3).
const emptyDate = "0001-01-01T00:00:00"

func isoTime(t time.Time) string {
	if t.IsZero() {
		return emptyDate
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}

var tableRight = map[string]any{"Mask": "Select, Update, Insert, Delete", "Reason": ""}

func fieldProp(mask, typ string, n int) map[string]any {
	reason := ""
	if strings.Contains(mask, "UIHintMandatory") {
		reason = "[SR_ACCESS_MANDATORY]"
	}
	return map[string]any{"FieldRight": map[string]any{"Mask": mask, "Reason": reason}, "FieldType": typ, "FieldLength": n}
}

// fieldProperties builds an entity's FieldProperties, modelled on a real
// response ([RHQ] Person.http): field -> {FieldRight, FieldType,
// FieldLength}; ids are System.Int32 of length 4, and Name, CategoryId and
// BusinessId carry the UI's mandatory hint (the API does not enforce it).
func fieldProperties(k *kindInfo) map[string]any {
	out := map[string]any{}
	for ptr, n := range k.limits {
		name := strings.TrimPrefix(ptr, "/")
		if !strings.Contains(name, "/") {
			out[name] = fieldProp("Update", "System.String", n)
		}
	}
	ints := []string{k.idProp, "AssociateId", "CountryId"}
	if k == contactKind {
		out["Name"] = fieldProp("Update, UIHintMandatory", "System.String", 219)
		out["UrlAddress"] = fieldProp("Update", "System.String", 1023)
		out["Phone"] = fieldProp("Update", "System.String", 239)
		out["Email"] = fieldProp("Update", "System.String", 239)
		out["Kananame"] = fieldProp("Update", "System.String", 219)
		out["CategoryId"] = fieldProp("Update, UIHintMandatory", "System.Int32", 4)
		out["BusinessId"] = fieldProp("Update, UIHintMandatory", "System.Int32", 4)
		ints = append(ints, "PostalAddress", "StreetAddress")
	} else {
		ints = append(ints, "ContactId", "PositionId")
	}
	for _, n := range ints {
		out[n] = fieldProp("Update", "System.Int32", 4)
	}
	return out
}

// countryJSON expands a country reference.
func (s *Server) countryJSON(id int) any {
	if c := s.country(id); c != nil {
		return *c
	}
	return map[string]any{"CountryId": id}
}

func associateJSON(id int, name, email string) map[string]any {
	if id != principalAssociateID {
		return otherAssociateJSON(id)
	}
	return map[string]any{
		"AssociateId": id, "Name": initials(name), "PersonId": principalAssociateID, "Rank": 1,
		"Tooltip": email, "Type": "InternalAssociate", "GroupIdx": 1, "FullName": name, "FormalName": name,
		"Deleted": false, "EjUserId": 0, "UserName": email,
	}
}

// elementsJSON renders EntityElements with StrippedValue filled in.
func elementsJSON(v any, phone bool) []any {
	arr, _ := v.([]any)
	out := make([]any, 0, len(arr))
	for _, it := range arr {
		m, _ := it.(map[string]any)
		if m == nil {
			continue
		}
		val := str(m, "Value")
		stripped := val
		if phone {
			stripped = strings.Map(func(r rune) rune {
				if r == '+' || (r >= '0' && r <= '9') {
					return r
				}
				return -1
			}, val)
		}
		out = append(out, map[string]any{"Value": val, "StrippedValue": stripped, "Description": str(m, "Description")})
	}
	return out
}

// addressJSON renders an Address with a LocalizedAddress grid consistent
// with Street/Postal and the field lengths in FieldProperties, in the shape
// of a real response. A person has one address (Street, names without
// prefix); Postal is null.
func addressJSON(v any, person bool) map[string]any {
	a, _ := v.(map[string]any)
	out := map[string]any{"Wgs84Latitude": 0, "Wgs84Longitude": 0, "TableRight": tableRight}
	for _, k := range []string{"Wgs84Latitude", "Wgs84Longitude"} {
		if n, ok := a[k]; ok && n != nil {
			out[k] = n
		}
	}
	props := map[string]any{}
	for f, n := range addressLimits {
		props[strings.ToLower(f)] = fieldProp("Update", "System.String", n)
	}
	out["FieldProperties"] = props
	kinds := []string{"Postal", "Street"}
	if person {
		kinds = []string{"Street"}
		out["Postal"] = nil
	}
	var grid []any
	var formatted []string
	for _, which := range kinds {
		m, _ := a[which].(map[string]any)
		sa := map[string]any{}
		for f := range addressLimits {
			sa[f] = str(m, f)
		}
		atype, prefix := "Contact"+which+"Address", which
		if person {
			atype, prefix = "PersonPrivateAddress", ""
		}
		sa["AtypeIdx"] = atype
		lines := nonEmpty(str(m, "Address1"), str(m, "Address2"), str(m, "Address3"),
			strings.TrimSpace(str(m, "Zipcode")+" "+str(m, "City")))
		sa["Formatted"] = strings.Join(lines, "\n")
		out[which] = sa
		if len(formatted) == 0 {
			formatted = lines
		}
		for _, row := range [][]string{{"Address1"}, {"Address2"}, {"Address3"}, {"City"}, {"County", "Zipcode"}} {
			var cells []any
			for _, f := range row {
				length := addressLimits[f] + 1
				if f == "County" {
					length = addressLimits[f]
				}
				cells = append(cells, map[string]any{
					"Name": prefix + f, "Value": str(m, f), "Tooltip": "", "Label": localizedLabels[f],
					"ValueLength": length, "AddressType": atype,
				})
			}
			grid = append(grid, cells)
		}
	}
	out["LocalizedAddress"] = grid
	out["Formatted"] = strings.Join(formatted, "\n")
	return out
}

// localizedLabels are the resource ids a real LocalizedAddress carries.
var localizedLabels = map[string]string{
	"Address1": "SR_AL_ADDRESS1", "Address2": "SR_AL_ADDRESS2", "Address3": "SR_AL_ADDRESS3",
	"City": "SR_AL_CITY", "County": "SR_AL_COUNTYPCODE", "Zipcode": "",
}

func nonEmpty(in ...string) []string {
	var out []string
	for _, s := range in {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// customJSON renders the CustomFields of an entity: every published field
// of the kind with its stored (or empty) value, the "<key>:org" helper and,
// for list fields, ":DisplayText"/":DisplayTooltip". Dates are rendered as
// "[DT:MM/DD/YYYY 00:00:00.0000000]" like a real response.
func customJSON(defs []CustomFieldDef, stored map[string]string) map[string]string {
	out := map[string]string{}
	for _, d := range defs {
		if d.Unpublished {
			continue
		}
		v := stored[d.ProgId]
		switch d.Type {
		case "Number", "Checkbox", "List":
			if v == "" {
				v = "[I:0]"
			}
		case "Decimal":
			if v == "" {
				v = "[F:0]"
			}
		case "Date", "UnlimitedDate":
			v = dateOut(v)
		}
		out[d.ProgId] = v
		out[d.ProgId+":org"] = v
		if d.Type == "List" {
			out[d.ProgId+":DisplayText"] = displayValue(v)
			out[d.ProgId+":DisplayTooltip"] = ""
		}
	}
	return out
}

// dateOut turns a stored "[D:2024.11.09]" into "[DT:11/09/2024 00:00:00.0000000]".
func dateOut(v string) string {
	t, err := time.Parse("[D:2006.01.02]", v)
	if err != nil {
		t = time.Time{}
	}
	return "[DT:" + t.Format("01/02/2006") + " 00:00:00.0000000]"
}

// displayValue decodes "[I:87]" to "87".
func displayValue(v string) string {
	if m := encodedRE.FindStringSubmatch(v); m != nil {
		return m[2]
	}
	return v
}

// contactJSON renders a ContactEntityWithLinks. The caller holds s.mu.
func (s *Server) contactJSON(e *entity, base string) map[string]any {
	p := e.props
	out := map[string]any{
		"Name": "", "Department": "", "OrgNr": "", "Number1": "", "Number2": "", "Description": "",
		"NoMailing": false, "Xstop": false, "Deleted": 0, "Kananame": "", "Source": 0, "DbiKey": "",
		"Interests": []any{}, "Domains": []any{}, "ActiveInterests": 0, "ActiveErpLinks": 0,
		"BounceEmails": []any{}, "DbiAgentId": 0, "DbiLastModified": emptyDate, "DbiLastSyncronized": emptyDate,
		"ActiveStatusMonitorId": 0, "GroupId": 1,
	}
	for k, v := range p {
		out[k] = deepCopy(v)
	}
	if out["Domains"] == nil {
		out["Domains"] = []any{}
	}
	out["ContactId"] = e.id
	out["CreatedDate"], out["UpdatedDate"] = isoTime(e.created), isoTime(e.updated)
	assoc := associateJSON(principalAssociateID, s.cfg.UserName, s.cfg.UserEmail)
	out["CreatedBy"], out["UpdatedBy"] = assoc, assoc
	out["Associate"] = associateJSON(refID(p, "Associate", "AssociateId"), s.cfg.UserName, s.cfg.UserEmail)
	out["Country"] = s.countryJSON(refID(p, "Country", "CountryId"))
	for _, name := range []string{"Emails", "Urls", "Phones", "Faxes"} {
		out[name] = elementsJSON(p[name], name == "Phones" || name == "Faxes")
	}
	out["Address"] = addressJSON(p["Address"], false)
	persons := []any{}
	for _, id := range slices.Sorted(maps.Keys(s.persons)) {
		if pe := s.persons[id]; refID(pe.props, "Contact", "ContactId") == e.id {
			persons = append(persons, s.personSummary(pe))
		}
	}
	out["Persons"] = persons
	out["CustomFields"] = customJSON(s.contactFields, e.custom)
	out["TableRight"] = tableRight
	out["FieldProperties"] = fieldProperties(contactKind)
	api := base + "/" + s.cfg.Ctx + "/api/v1/"
	out["_Links"] = map[string]string{"Self": api + "Contact/" + strconv.Itoa(e.id), "Archive": api + "Contact"}
	return out
}

// personJSON renders a PersonEntityWithLinks. The caller holds s.mu.
func (s *Server) personJSON(e *entity, base string) map[string]any {
	p := e.props
	out := map[string]any{
		"Firstname": "", "MiddleName": "", "Lastname": "", "Mrmrs": "", "Title": "", "Description": "",
		"Salutation": "", "PersonNumber": "", "NoMailing": false, "UsePersonAddress": false, "Retired": false,
		"BirthDate": emptyDate, "IsAssociate": false, "Interests": []any{}, "Consents": []any{},
		"Kanafname": "", "Kanalname": "", "Post1": "", "Post2": "", "Post3": "", "Source": 0,
		"Position": map[string]any{"Id": 0, "Value": "", "Tooltip": ""}, "DbiAgentId": 0, "DbiKey": "",
		"DbiLastModified": emptyDate, "DbiLastSyncronized": emptyDate, "SentInfo": 0, "ShowContactTickets": 0,
		"ShipmentTypes": []any{}, "BounceEmails": []any{}, "ActiveStatusMonitorId": 0, "ActiveInterests": 0,
		"ActiveErpLinks": 0, "CorrespondingAssociate": nil, "UserInfo": nil,
	}
	for k, v := range p {
		out[k] = deepCopy(v)
	}
	out["PersonId"] = e.id
	out["CreatedDate"], out["UpdatedDate"] = isoTime(e.created), isoTime(e.updated)
	assoc := associateJSON(principalAssociateID, s.cfg.UserName, s.cfg.UserEmail)
	out["CreatedBy"], out["UpdatedBy"] = assoc, assoc
	if a := refID(p, "Associate", "AssociateId"); a != 0 {
		out["Associate"] = associateJSON(a, s.cfg.UserName, s.cfg.UserEmail)
	}
	out["Country"] = s.countryJSON(refID(p, "Country", "CountryId"))
	for _, name := range []string{"Emails", "Urls", "ChatEmails"} {
		out[name] = elementsJSON(p[name], false)
	}
	for _, name := range []string{"OfficePhones", "MobilePhones", "PrivatePhones", "OtherPhones", "Faxes", "InternetPhones"} {
		out[name] = elementsJSON(p[name], true)
	}
	out["Address"] = addressJSON(p["Address"], true)
	out["FullName"] = personFullName(p)
	out["FormalName"] = personFullName(p)
	if cid := refID(p, "Contact", "ContactId"); cid != 0 {
		out["Contact"] = s.contactSummary(cid)
	} else {
		out["Contact"] = nil
	}
	out["CustomFields"] = customJSON(s.personFields, e.custom)
	out["TableRight"] = tableRight
	out["FieldProperties"] = fieldProperties(personKind)
	api := base + "/" + s.cfg.Ctx + "/api/v1/"
	out["_Links"] = map[string]string{"Self": api + "Person/" + strconv.Itoa(e.id), "Archive": api + "Person"}
	return out
}

func listValue(p map[string]any, name string) string {
	m, _ := p[name].(map[string]any)
	return str(m, "Value")
}

func personFullName(p map[string]any) string {
	return strings.Join(nonEmpty(str(p, "Firstname"), str(p, "MiddleName"), str(p, "Lastname")), " ")
}

// contactSummary renders the SuperOffice.CRM.Services.Contact carrier.
func (s *Server) contactSummary(id int) map[string]any {
	e := s.contacts[id]
	if e == nil {
		return map[string]any{"ContactId": id}
	}
	p := e.props
	country := refID(p, "Country", "CountryId")
	countryName := ""
	if c := s.country(country); c != nil {
		countryName = c.Name
	}
	first := func(name string) string {
		if el := elements(p, name); len(el) > 0 {
			return el[0].Value
		}
		return ""
	}
	street := structured(p, "Postal")
	addr := addressJSON(p["Address"], false)
	return map[string]any{
		"ContactId": e.id, "Name": str(p, "Name"), "OrgNr": str(p, "OrgNr"), "Department": str(p, "Department"),
		"URL": first("Urls"), "City": street.City, "DirectPhone": first("Phones"), "AssociateId": principalAssociateID,
		"CountryId": country, "EmailAddress": first("Emails"), "CountryName": countryName,
		"FullName": nameDept(e), "Address": addr, "FormattedAddress": addr["Formatted"], "Number1": str(p, "Number1"),
		"Number2": str(p, "Number2"), "AssociateFullName": s.cfg.UserName, "IsOwnerContact": false,
		"Kananame": str(p, "Kananame"), "EmailAddressName": nil, "URLName": nil, "ActiveErpLinks": 0,
		"BusinessName": listValue(p, "Business"), "CategoryName": listValue(p, "Category"),
		"TableRight": tableRight, "FieldProperties": fieldProperties(contactKind),
	}
}

// personSummary renders the SuperOffice.CRM.Services.Person carrier.
func (s *Server) personSummary(e *entity) map[string]any {
	p := e.props
	first := func(name string) string {
		if el := elements(p, name); len(el) > 0 {
			return el[0].Value
		}
		return ""
	}
	cid := refID(p, "Contact", "ContactId")
	out := map[string]any{
		"PersonId": e.id, "Firstname": str(p, "Firstname"), "MiddleName": str(p, "MiddleName"),
		"Lastname": str(p, "Lastname"), "Title": str(p, "Title"), "Mrmrs": str(p, "Mrmrs"),
		"FullName": personFullName(p), "Email": first("Emails"), "DirectPhone": first("OfficePhones"),
		"MobilePhone": first("MobilePhones"), "ContactId": cid, "CountryId": refID(p, "Country", "CountryId"),
		"Retired": 0, "Rank": 1, "AssociateId": principalAssociateID,
	}
	if c := s.contacts[cid]; c != nil {
		out["ContactName"], out["ContactDepartment"], out["ContactOrgNr"] = str(c.props, "Name"), str(c.props, "Department"), str(c.props, "OrgNr")
	}
	return out
}

// selectProps applies an entity GET's $select: other top-level properties
// are nulled out.
func selectProps(out map[string]any, sel string, idProp string) {
	if strings.TrimSpace(sel) == "" {
		return
	}
	keep := map[string]bool{strings.ToLower(idProp): true}
	for _, f := range strings.Split(sel, ",") {
		keep[strings.ToLower(strings.TrimSpace(f))] = true
	}
	for k := range out {
		if !keep[strings.ToLower(k)] && k != "_Links" {
			out[k] = nil
		}
	}
}
