package export

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/mapping"
	"github.com/rabitiq/superoffice-sync/core/match"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// companyOf is a search row as a match company, with the account context
// (owner, category, number, address, phone) the match dialog shows beside
// the lead: all read in the same search request, never one GET per
// candidate.
func companyOf(r so.ContactRow) match.Company {
	return match.Company{ContactID: r.ContactID, Name: r.Name, Department: r.Department, OrgNr: r.OrgNr,
		Website: r.URL, Number: r.Number, Owner: r.Owner, Category: r.Category, Address: r.Address,
		Zip: r.Zip, City: r.City, Country: r.Country, Phone: r.Phone}
}

// LeadCompany is the lead as the company a create would write, in the
// same terms as a candidate, so the match dialog can set them side by
// side: the mapped name, CVR, address (split as the mapping splits it),
// website and country. It needs no tenant: the default limits apply, so
// a value may read a little longer than the tenant will store.
func LeadCompany(l *lead.Lead) match.Company {
	if l == nil {
		return match.Company{}
	}
	plan, _ := mapping.Map(l, mapping.TenantInfo{})
	c := plan.Contact
	out := match.Company{Name: c.Name, Department: c.Department, OrgNr: c.OrgNr, Country: plan.CountryName}
	if len(c.Urls) > 0 {
		out.Website = c.Urls[0].Value
	}
	if len(c.Phones) > 0 {
		out.Phone = c.Phones[0].Value
	}
	if a := c.Address; a != nil {
		s := a.Postal
		if s == nil {
			s = a.Street
		}
		if s != nil {
			out.Address = strings.TrimSpace(strings.Join(nonBlank(s.Address1, s.Address2), ", "))
			out.Zip, out.City = s.Zipcode, s.City
		}
	}
	return out
}

func nonBlank(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// LeadCompany is the lead stored under localID as LeadCompany reads it.
func (e *Engine) LeadCompany(ctx context.Context, localID int64) (match.Company, error) {
	det, err := e.db.GetLead(ctx, localID)
	if err != nil {
		return match.Company{}, err
	}
	return LeadCompany(&det.Lead), nil
}

// maxFound caps a manual search; the user narrows the text to see more.
const maxFound = 20

// SearchCompanies is the match dialog's own search: the companies whose
// name begins with text, or whose org number is text in any usual form,
// scored against the lead so the dialog can show and order them like the
// automatic candidates. Unlike Match it keeps weak candidates: the user
// asked for these by name.
func (e *Engine) SearchCompanies(ctx context.Context, localID int64, text string) ([]match.Candidate, error) {
	det, err := e.db.GetLead(ctx, localID)
	if err != nil {
		return nil, err
	}
	text = strings.TrimSpace(text)
	iso, _ := mapping.CountryISO(det.Lead.Location)
	var fs []so.Filter
	if o := match.NormalizeOrgNumber(text, iso); o.Valid {
		fs = append(fs, orgNrFilter(o))
	}
	if part, begins := quoteFreePart(text, 2); part != "" {
		if begins {
			fs = append(fs, so.Begins(so.ColName, part))
		} else {
			fs = append(fs, so.Contains(so.ColName, part))
		}
	}
	if len(fs) == 0 {
		return []match.Candidate{}, nil
	}
	res, _, err := e.client.Contacts.Search(ctx, &so.SearchOptions{Select: so.ContactRowColumns(), Filter: so.Or(fs...), OrderBy: []string{so.ColContactID}, Top: maxFound})
	if err != nil {
		return nil, msg.Errorf(err, msg.ExportSearch)
	}
	q := match.QueryFor(&det.Lead, iso)
	var out []match.Candidate
	for _, c := range mergeCompanies(companiesOf(res.Contacts())) {
		out = append(out, match.Score(q, c))
	}
	slices.SortStableFunc(out, func(a, b match.Candidate) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Company.ContactID, b.Company.ContactID))
	})
	return out, nil
}

func companiesOf(rows []so.ContactRow) []match.Company {
	out := make([]match.Company, 0, len(rows))
	for _, r := range rows {
		out = append(out, companyOf(r))
	}
	return out
}
