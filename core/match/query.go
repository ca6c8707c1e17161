package match

import (
	"strings"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// Query is what a lead is matched by: its company name, org number and
// website domain. Build it with QueryFor; a hand-built Query works too,
// since Score re-validates the org number and re-normalises the domain.
type Query struct {
	// Name is the lead's company name as written; Score normalises it.
	Name string
	// OrgNr is the lead's org number. It takes part in matching only when
	// Valid and its Digits pass the check again.
	OrgNr OrgNumber
	// Domain is the lead's website domain (see Domain), or "" when it has
	// none or only a generic one (gmail.com, facebook.com, …).
	Domain string
	// Country is the lead's ISO 3166-1 alpha-2 country as the caller
	// resolved it; it chose how the org number was read, and tells the UI
	// whether to call it CVR or org.nr.
	Country string
}

// QueryFor builds the query for a lead whose country the caller has
// resolved (e.g. from Location; "" when unknown).
//
// The org number comes from the lead's CVR field. A Danish number is used
// only when the lead marks it CVRValid: core/lead owns that verdict, and an
// invalid CVR must never match. A Norwegian or Swedish number in that field
// (the lead format has no other) is read with the lead's country as hint
// and validated by its own rules. The domain is the website's, or else the
// first non-generic domain of a contact's e-mail address, because many
// leads have no website but an info@company address.
func QueryFor(l *lead.Lead, countryISO string) Query {
	q := Query{Country: strings.ToUpper(strings.TrimSpace(countryISO))}
	if l == nil {
		return q
	}
	q.Name = l.CompanyName
	switch {
	case l.CVRValid:
		q.OrgNr = NormalizeOrgNumber(l.CVR, Denmark)
	case strings.TrimSpace(l.CVR) != "":
		o := NormalizeOrgNumber(l.CVR, q.Country)
		if o.Country == Denmark {
			o.Valid = false
		}
		q.OrgNr = o
	}
	q.Domain = leadDomain(l)
	if q.Country == "" && q.OrgNr.Valid {
		q.Country = q.OrgNr.Country
	}
	return q
}

// leadDomain is the lead's website domain, or the first usable e-mail
// domain of its contacts, or "".
func leadDomain(l *lead.Lead) string {
	if !isGenericDomain(l.Website) {
		return Domain(l.Website)
	}
	for _, c := range l.Contacts {
		if strings.Contains(c.Email, "@") && !isGenericDomain(c.Email) {
			return Domain(c.Email)
		}
	}
	return ""
}
