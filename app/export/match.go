package export

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/mapping"
	"github.com/rabitiq/superoffice-sync/core/match"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// maxCandidates caps the match dialog.
const maxCandidates = 10

// Match searches the tenant for the lead's company with the fewest
// requests that still find it: the org number in every form SuperOffice
// might hold it, the start of the name (as written and folded), the
// website's domain, and SuperOffice's own duplicate check. The results are
// merged, de-duplicated and ranked.
func (e *Engine) Match(ctx context.Context, localID int64) ([]match.Candidate, error) {
	det, err := e.db.GetLead(ctx, localID)
	if err != nil {
		return nil, err
	}
	return e.MatchLead(ctx, &det.Lead)
}

// MatchLead is Match for a lead in hand.
func (e *Engine) MatchLead(ctx context.Context, l *lead.Lead) ([]match.Candidate, error) {
	iso, _ := mapping.CountryISO(l.Location)
	q := match.QueryFor(l, iso)
	companies, err := e.search(ctx, q)
	if err != nil {
		return nil, err
	}
	return match.Rank(q, mergeCompanies(companies), maxCandidates), nil
}

// mergeCompanies joins the rows each search returned for the same company.
// A duplicate-check hit carries only the name; it must not hide the org
// number another search found, or a conflicting CVR would go unflagged.
func mergeCompanies(cs []match.Company) []match.Company {
	var out []match.Company
	at := map[int]int{}
	for _, c := range cs {
		i, ok := at[c.ContactID]
		if !ok || c.ContactID == 0 {
			at[c.ContactID] = len(out)
			out = append(out, c)
			continue
		}
		m := &out[i]
		for _, f := range []struct {
			dst *string
			src string
		}{{&m.Name, c.Name}, {&m.Department, c.Department}, {&m.OrgNr, c.OrgNr}, {&m.Website, c.Website},
			{&m.Number, c.Number}, {&m.Owner, c.Owner}, {&m.Category, c.Category}, {&m.Address, c.Address},
			{&m.Zip, c.Zip}, {&m.City, c.City}, {&m.Country, c.Country}, {&m.Phone, c.Phone}} {
			if *f.dst == "" {
				*f.dst = f.src
			}
		}
		m.Domains = append(m.Domains, c.Domains...)
	}
	return out
}

// search asks SuperOffice in one OData query for companies with the org
// number (in any form it may be stored), a name starting like the lead's,
// or the lead's domain in their website; and, only when that finds
// nothing, SuperOffice's own duplicate check by name. One or two requests
// per lead keep a batch of hundreds of leads fast.
func (e *Engine) search(ctx context.Context, q match.Query) ([]match.Company, error) {
	var out []match.Company
	var fs []so.Filter
	if q.OrgNr.Valid {
		fs = append(fs, orgNrFilter(q.OrgNr))
	}
	fs = append(fs, nameFilters(q.Name)...)
	if q.Domain != "" && so.Quotable(q.Domain) {
		fs = append(fs, so.Contains(so.ColURL, q.Domain))
	}
	if len(fs) > 0 {
		res, _, err := e.client.Contacts.Search(ctx, &so.SearchOptions{Select: so.ContactRowColumns(), Filter: so.Or(fs...), OrderBy: []string{so.ColContactID}, Top: 100})
		if err != nil {
			return nil, msg.Errorf(err, msg.ExportSearch)
		}
		for _, r := range res.Contacts() {
			out = append(out, companyOf(r))
		}
	}
	if len(out) == 0 && strings.TrimSpace(q.Name) != "" {
		dups, _, err := e.client.Contacts.Duplicates(ctx, q.Name, "")
		if err != nil {
			return nil, msg.Errorf(err, msg.ExportDuplicates)
		}
		for _, d := range dups {
			if d.SoPrimaryKey > 0 {
				out = append(out, match.Company{ContactID: d.SoPrimaryKey, Name: d.EntryName})
			}
		}
	}
	return out, nil
}

// byOrgNr finds companies whose OrgNr holds the number in any usual form.
func (e *Engine) byOrgNr(ctx context.Context, o match.OrgNumber) ([]so.ContactRow, error) {
	res, _, err := e.client.Contacts.Search(ctx, &so.SearchOptions{Select: so.ContactRowColumns(), Filter: orgNrFilter(o), OrderBy: []string{so.ColContactID}, Top: 20})
	if err != nil {
		return nil, msg.Errorf(err, msg.ExportSearchOrgNr)
	}
	return res.Contacts(), nil
}

// orgNrFilter finds an OrgNr holding the number in any of its usual
// written forms ("12345678", "DK12345678", "12 34 56 78").
func orgNrFilter(o match.OrgNumber) so.Filter {
	forms := o.Variants()
	vals := make([]any, len(forms))
	for i, v := range forms {
		vals[i] = v
	}
	return so.In(so.ColOrgNr, vals...)
}

// nameFilters searches by the first word of the name as written and, when
// it differs, with æ/ø/å spelled out, so that "Sørensen" finds both
// "Sørensen A/S" and "Soerensen A/S". One short word is too unspecific to
// search by. A word with an apostrophe ("Jensen's") is searched without it
// (see quoteFreePart); ranking then compares the full names.
func nameFilters(name string) []so.Filter {
	f := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '/' || r == '-' })
	if len(f) == 0 {
		return nil
	}
	w := strings.Trim(f[0], `.'"()`)
	part, begins := quoteFreePart(w, 2)
	if part == "" {
		return nil
	}
	out := []so.Filter{so.Begins(so.ColName, part)}
	if !begins {
		out[0] = so.Contains(so.ColName, part)
	}
	if folded := match.NormalizeName(w).Stem; folded != "" && !strings.EqualFold(folded, w) && !strings.EqualFold(folded, part) && so.Quotable(folded) {
		out = append(out, so.Begins(so.ColName, folded))
	}
	return out
}

// quoteFreePart returns the part of s that can go into a $filter literal,
// which must hold no apostrophe or backslash (so.Quotable: SuperOffice
// documents no quoting of them that every tenant is known to take). It is
// s up to the first such character, to search with `begins`, or, when that
// is shorter than minRunes ("O'Brien"), the longest stretch without one, to
// search with `contains` (begins false). It is "" when no stretch has
// minRunes. Either way the caller compares the full text itself.
func quoteFreePart(s string, minRunes int) (part string, begins bool) {
	s = strings.TrimSpace(s)
	i := strings.IndexAny(s, `'\`)
	if i < 0 {
		return s, true
	}
	if p := strings.TrimSpace(s[:i]); utf8.RuneCountInString(p) >= minRunes {
		return p, true
	}
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return !so.Quotable(string(r)) }) {
		if p = strings.TrimSpace(p); utf8.RuneCountInString(p) > utf8.RuneCountInString(part) {
			part = p
		}
	}
	if utf8.RuneCountInString(part) < minRunes {
		return "", false
	}
	return part, false
}
