package export

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/mapping"
	"github.com/rabitiq/superoffice-sync/core/match"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// MaxCandidates caps the match dialog.
const MaxCandidates = 10

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
	return match.Rank(q, mergeCompanies(companies), MaxCandidates), nil
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
		}{{&m.Name, c.Name}, {&m.Department, c.Department}, {&m.OrgNr, c.OrgNr}, {&m.Website, c.Website}} {
			if *f.dst == "" {
				*f.dst = f.src
			}
		}
		m.Domains = append(m.Domains, c.Domains...)
	}
	return out
}

func (e *Engine) search(ctx context.Context, q match.Query) ([]match.Company, error) {
	var out []match.Company
	add := func(rows []so.ContactRow) {
		for _, r := range rows {
			out = append(out, match.Company{ContactID: r.ContactID, Name: r.Name, Department: r.Department, OrgNr: r.OrgNr, Website: r.URL})
		}
	}
	sel := so.ContactRowColumns()
	if q.OrgNr.Valid {
		rows, err := e.byOrgNr(ctx, q.OrgNr)
		if err != nil {
			return nil, err
		}
		add(rows)
	}
	if words := nameStarts(q.Name); len(words) > 0 {
		var fs []so.Filter
		for _, w := range words {
			fs = append(fs, so.Begins(so.ColName, w))
		}
		res, _, err := e.client.Contacts.Search(ctx, &so.SearchOptions{Select: sel, Filter: so.Or(fs...), OrderBy: []string{so.ColContactID}, Top: 50})
		if err != nil {
			return nil, fmt.Errorf("search SuperOffice by name: %w", err)
		}
		add(res.Contacts())
	}
	if q.Domain != "" {
		res, _, err := e.client.Contacts.Search(ctx, &so.SearchOptions{Select: sel, Filter: so.Contains(so.ColURL, q.Domain), OrderBy: []string{so.ColContactID}, Top: 20})
		if err != nil {
			return nil, fmt.Errorf("search SuperOffice by website: %w", err)
		}
		add(res.Contacts())
	}
	if strings.TrimSpace(q.Name) != "" {
		dups, _, err := e.client.Contacts.Duplicates(ctx, q.Name, "")
		if err != nil {
			return nil, fmt.Errorf("ask SuperOffice for duplicates: %w", err)
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
	var vals []any
	for _, v := range o.Variants() {
		vals = append(vals, v)
	}
	res, _, err := e.client.Contacts.Search(ctx, &so.SearchOptions{Select: so.ContactRowColumns(), Filter: so.In(so.ColOrgNr, vals...), OrderBy: []string{so.ColContactID}, Top: 20})
	if err != nil {
		return nil, fmt.Errorf("search SuperOffice by org number: %w", err)
	}
	return res.Contacts(), nil
}

// nameStarts returns the first word of the name as written and, when it
// differs, with æ/ø/å spelled out, so that "Sørensen" finds both
// "Sørensen A/S" and "Soerensen A/S". One short word is too unspecific
// to search by.
func nameStarts(name string) []string {
	f := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '/' || r == '-' })
	if len(f) == 0 {
		return nil
	}
	w := strings.Trim(f[0], `.'"()`)
	if len([]rune(w)) < 2 {
		return nil
	}
	out := []string{w}
	if folded := match.NormalizeName(w).Stem; folded != "" && !strings.EqualFold(folded, w) {
		out = append(out, folded)
	}
	return out
}
