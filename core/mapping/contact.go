package mapping

import (
	"github.com/rabitiq/superoffice-sync/core/msg"
	"strings"

	"github.com/rabitiq/superoffice-sync/core/orgnr"
	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// contact fills Plan.Contact from the lead's standard fields.
func (m *mapper) contact() {
	l, c := m.l, &m.plan.Contact
	c.Name = m.fit("Name", oneLine(l.CompanyName), m.lim.std("Name"))
	if c.Name == "" {
		m.warn("Name", msg.MapNameMissing)
	}
	c.Department = m.fit("Department", oneLine(l.Industry), m.lim.std("Department"))
	c.OrgNr = m.orgNr()
	c.Urls = m.website()
	c.Address = m.address()
	c.Description = m.description()
	c.Country = m.country()
}

// orgNr normalises the CVR for OrgNr: digits only when the value is a
// number with spaces, dots, dashes, a country prefix ("DK") or a trailing
// "MVA"; otherwise the trimmed value as given, because an odd org number is
// still the user's data. A Danish company's invalid CVR is reported.
func (m *mapper) orgNr() string {
	raw := oneLine(m.l.CVR)
	if raw == "" {
		return ""
	}
	v := normalizeOrgNr(raw)
	if !orgnr.ValidDK(v) { // the one CVR rule, shared with core/lead and core/match
		if iso, _ := m.leadCountry(); iso == "DK" { // other countries have other formats
			m.warn("OrgNr", msg.MapOrgNrInvalid, "value", quote(v))
		}
	}
	return m.fit("OrgNr", v, m.lim.std("OrgNr"))
}

// normalizeOrgNr returns the digits of an organisation number written with
// spaces, dots or dashes, a two-letter country prefix ("DK 12 34 56 78",
// "NO 923 609 016 MVA"), or the trimmed input when it is not such a number.
func normalizeOrgNr(s string) string {
	s = oneLine(s)
	v := strings.ToUpper(s)
	v = strings.TrimSuffix(strings.TrimSpace(v), "MVA")
	if len(v) > 2 && v[0] >= 'A' && v[0] <= 'Z' && v[1] >= 'A' && v[1] <= 'Z' {
		v = v[2:]
	}
	v = strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '-' || r == ':' {
			return -1
		}
		return r
	}, v)
	if isDigits(v) {
		return v
	}
	return s
}

// website maps the lead's website to Urls[0]. A URL longer than the limit
// loses its query and fragment first; a URL is never cut with "…", because
// a cut link is a wrong link, so one that still does not fit is left out.
func (m *mapper) website() []superoffice.EntityElement {
	raw := oneLine(m.l.Website)
	if raw == "" {
		return nil
	}
	u := normalizeURL(raw)
	if u == "" {
		m.warn("Urls[0].Value", msg.MapURLInvalid, "value", quote(raw))
		return nil
	}
	max := m.lim.std("Url")
	if Length(u) > max {
		if short := stripQuery(u); Length(short) <= max {
			m.warn("Urls[0].Value", msg.MapURLShortened, "from", Length(u), "to", Length(short))
			u = short
		} else {
			m.warn("Urls[0].Value", msg.MapAddressTooLong, "len", Length(u), "max", max)
			return nil
		}
	}
	return []superoffice.EntityElement{{Value: u}}
}

// address maps the lead's address to both Address.Street and
// Address.Postal, which SuperOffice shows as visiting and postal address.
func (m *mapper) address() *superoffice.Address {
	raw := oneLine(m.l.Address)
	if raw == "" {
		return nil
	}
	a, ok := parseAddress(raw)
	if !ok {
		m.warn("Address.Address1", msg.MapAddressUnsplit)
		a = superoffice.StructuredAddress{Address1: raw}
	}
	a.Address1 = m.fit("Address.Address1", a.Address1, m.lim.std("Address1"))
	a.Address2 = m.fit("Address.Address2", a.Address2, m.lim.std("Address2"))
	a.Address3 = m.fit("Address.Address3", a.Address3, m.lim.std("Address3"))
	a.City = m.fit("Address.City", a.City, m.lim.std("City"))
	a.State = m.fit("Address.State", a.State, m.lim.std("State"))
	a.Zipcode = m.fit("Address.Zipcode", a.Zipcode, m.lim.std("Zipcode"))
	street, postal := a, a
	return &superoffice.Address{Street: &street, Postal: &postal}
}

// description is the company note: reasonForFit, a blank line, then the
// description; either alone when the other is empty.
func (m *mapper) description() string {
	var parts []string
	for _, s := range []string{m.l.ReasonForFit, m.l.Description} {
		if s = block(s); s != "" {
			parts = append(parts, s)
		}
	}
	return m.fit("Description", strings.Join(parts, "\n\n"), m.lim.std("Description"))
}

// leadCountry reads the lead's country from its location, then from the
// tenant's own country names, then from its address (whose postal town or
// trailing country often settles a location like "Nordjylland"). ok is
// false when it had to fall back to Denmark.
func (m *mapper) leadCountry() (iso string, ok bool) {
	loc := oneLine(m.l.Location)
	if iso, ok := CountryISO(loc); ok {
		return iso, true
	}
	if iso, ok := m.tenantCountryByName(loc); ok {
		return iso, true
	}
	if iso, ok := CountryISO(m.l.Address); ok {
		return iso, true
	}
	return "DK", false
}

// tenantCountryByName finds a location part among the Name and EnglishName
// of the tenant's countries, for countries the built-in table lacks.
func (m *mapper) tenantCountryByName(loc string) (string, bool) {
	parts := locationParts(loc)
	for i := len(parts) - 1; i >= 0; i-- {
		f := fold(parts[i])
		for _, c := range m.t.Countries {
			if c.TwoLetterISOCountry != "" && (f == fold(c.Name) || f == fold(c.EnglishName)) {
				return strings.ToUpper(c.TwoLetterISOCountry), true
			}
		}
	}
	return "", false
}

// country resolves the lead's country to the tenant's CountryId: through
// the tenant's list by TwoLetterISOCountry when there is one, else the ISO
// numeric code. Unknown locations become Denmark, the guide's default.
func (m *mapper) country() *superoffice.Country {
	iso, ok := m.leadCountry()
	if loc := oneLine(m.l.Location); !ok && loc == "" {
		m.warn("Country", msg.MapCountryDefault)
	} else if !ok {
		m.warn("Country", msg.MapCountryUnknown, "value", quote(loc))
	}
	if len(m.t.Countries) == 0 {
		n := isoNumeric(iso)
		if n == 0 { // a country known only from the tenant's names
			m.warn("Country", msg.MapCountryNoID, "iso", iso)
			iso, n = "DK", isoNumeric("DK")
		}
		m.plan.Country, m.plan.CountryName = iso, danishCountryName(iso)
		return &superoffice.Country{CountryId: n}
	}
	if c, found := m.tenantCountry(iso); found {
		return m.useTenantCountry(iso, c)
	}
	if iso != "DK" {
		m.warn("Country", msg.MapCountryNotInTenant, "countryDA", danishCountryName(iso), "countryEN", iso)
		if c, found := m.tenantCountry("DK"); found {
			return m.useTenantCountry("DK", c)
		}
	}
	m.warn("Country", msg.MapCountryNone)
	return nil
}

// useTenantCountry records a country from the tenant's list in the plan and
// returns the reference to send, which carries only the id.
func (m *mapper) useTenantCountry(iso string, c superoffice.Country) *superoffice.Country {
	m.plan.Country, m.plan.CountryName = iso, strings.TrimSpace(c.Name)
	if m.plan.CountryName == "" {
		m.plan.CountryName = danishCountryName(iso)
	}
	return &superoffice.Country{CountryId: c.CountryId}
}

// tenantCountry finds an ISO code in the tenant's country list; the first
// entry wins, so the result does not depend on anything but the list.
func (m *mapper) tenantCountry(iso string) (superoffice.Country, bool) {
	for _, c := range m.t.Countries {
		if strings.EqualFold(strings.TrimSpace(c.TwoLetterISOCountry), iso) && c.CountryId > 0 {
			return c, true
		}
	}
	return superoffice.Country{}, false
}
