package match

import (
	"cmp"
	"math"
	"slices"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// Company is one SuperOffice company (contact) a tenant search returned,
// built by the caller from the row.
type Company struct {
	ContactID  int
	Name       string
	Department string // often a branch or city: "Jensen A/S", "Aarhus"
	OrgNr      string // free text as stored; read with NormalizeOrgNumber
	Website    string
	Domains    []string // further URLs or e-mail domains of the company

	// The account context the user decides on, beside the lead's own
	// values; ranking never reads them. Empty means unknown.
	Number   string // SuperOffice's company number (Number2)
	Owner    string // the owner's full name, "Vores kontakt"
	Category string
	Address  string // first address line
	Zip      string
	City     string
	Country  string // the country's name in the tenant
	Phone    string
}

// Candidate is a company scored against a query.
type Candidate struct {
	Company Company
	// Score is in [0, 1]; see Score for the formula.
	Score float64
	// Reasons say, as messages the window and the CLI render in the
	// user's language, why the score is what it is: "CVR matcher",
	// "samme domæne", "navn 94 % ens", ….
	Reasons []msg.Message
	// OrgNrMatch: both org numbers are valid and equal.
	OrgNrMatch bool
	// Conflict: both org numbers are valid and differ, so this is another
	// legal entity however alike the names are.
	Conflict bool
	// DomainMatch: the company's website or a listed domain is the lead's.
	DomainMatch bool
	// NameSimilarity is NameSimilarity of the two names, before the
	// holding adjustment; the department counts as part of the name when
	// that makes it more alike.
	NameSimilarity float64
}

// The codes of the reasons (core/msg has their words). The org-number
// reasons say "CVR" for a Danish lead and "org.nr." for a Norwegian or
// Swedish one, which is what a Danish user calls each. The name reason
// carries pct: NameSimilarity floored to whole percent, so "100 %" only
// ever means names equal after normalisation ("Jensen ApS", "Jensen A/S").
const (
	ReasonCVRMatch      = msg.MatchCVR           // equal valid CVR
	ReasonCVRConflict   = msg.MatchCVRConflict   // different valid CVR
	ReasonOrgNrMatch    = msg.MatchOrgNr         // equal valid NO/SE number
	ReasonOrgNrConflict = msg.MatchOrgNrConflict // different valid NO/SE number
	ReasonDomainMatch   = msg.MatchDomain        // same website domain
	ReasonName          = msg.MatchName          // names alike, with pct
	ReasonHolding       = msg.MatchHolding       // the company is a holding, the lead is not
	ReasonOperating     = msg.MatchOperating     // the lead is a holding, the company is not
)

// Scoring constants; Score documents how they combine.
const (
	orgMatchBase     = 0.99  // an equal valid org number: at least this
	orgMatchBonus    = 0.005 // for the name, and again for the domain
	conflictBase     = 0.20  // a different valid org number: at most 0.49
	conflictName     = 0.25
	conflictDomain   = 0.04
	nameWeight       = 0.90 // a name alone reaches at most this
	domainWeight     = 0.50 // a domain alone reaches this
	nameDomainCap    = 0.95 // name and domain together, still below the CVR
	holdingFactor    = 0.80 // holding vs operating company
	minScore         = 0.35 // below this a candidate is dropped
	percentTolerance = 1e-9
)

// Score rates one company against a query. The key that decides is the
// most trustworthy one both sides have:
//
//   - Equal valid org numbers: 0.99 + 0.005·name + 0.005·domain, so it
//     beats any name or domain evidence and the rest only orders
//     duplicates already in the tenant. Certain.
//   - Different valid org numbers: 0.20 + 0.25·name + 0.04·domain (< 0.5),
//     Conflict, reason "CVR afviger": a same-name company is shown so the
//     user sees it, but never preselected.
//   - Otherwise name and domain as independent evidence (noisy OR):
//     1 − (1 − 0.9·name)(1 − 0.5·domain), capped at 0.95. A name alone
//     reaches at most 0.9, a domain alone 0.5, both at most 0.95. Two
//     branches with the same name score the same and neither is Certain.
//
// "name" is NameSimilarity (the better of name and name + department),
// times 0.8 when exactly one side is a holding company. "domain" is 1 when
// a non-generic domain of the company is the lead's (or a subdomain of
// the same registered domain), else 0.
func Score(q Query, c Company) Candidate {
	return prepare(q).score(c)
}

// prepared is a query normalised once for scoring many companies.
type prepared struct {
	name   Name
	org    OrgNumber
	domain string // domainASCII form
}

// prepare normalises a query, re-validating what a caller may have built by
// hand: only a number that is Valid and passes its check again matches.
func prepare(q Query) prepared {
	p := prepared{name: NormalizeName(q.Name), domain: domainASCII(q.Domain)}
	if q.OrgNr.Valid {
		if o := NormalizeOrgNumber(q.OrgNr.Digits, q.OrgNr.Country); o.Valid {
			p.org = o
		}
	}
	if genericASCII(p.domain) {
		p.domain = ""
	}
	return p
}

// score is Score on a prepared query.
func (p prepared) score(c Company) Candidate {
	cand := Candidate{Company: c, Reasons: make([]msg.Message, 0, 4)}

	// A company's OrgNr is read by its shape alone: the lead's country
	// says nothing about where a tenant company is registered.
	if p.org.Valid {
		if o := NormalizeOrgNumber(c.OrgNr, ""); o.Valid {
			cand.OrgNrMatch = SameOrgNumber(p.org, o)
			cand.Conflict = !cand.OrgNrMatch
		}
	}
	if p.domain != "" {
		cand.DomainMatch = companyHasDomain(c, p.domain)
	}

	cn := NormalizeName(c.Name)
	sim := NameSimilarity(p.name, cn)
	if c.Department != "" {
		withDept := cn
		withDept.Tokens = append(slices.Clip(cn.Tokens), NormalizeName(c.Department).Tokens...)
		sim = max(sim, NameSimilarity(p.name, withDept))
	}
	cand.NameSimilarity = sim
	name := sim
	holdingReason := ""
	if p.name.Holding != cn.Holding && sim > 0 {
		name *= holdingFactor
		holdingReason = ReasonOperating
		if cn.Holding {
			holdingReason = ReasonHolding
		}
	}
	domain := 0.0
	if cand.DomainMatch {
		domain = 1
	}

	switch {
	case cand.OrgNrMatch:
		cand.Score = orgMatchBase + orgMatchBonus*name + orgMatchBonus*domain
		cand.Reasons = append(cand.Reasons, msg.New(orgReason(p.org.Country, true)))
	case cand.Conflict:
		cand.Score = conflictBase + conflictName*name + conflictDomain*domain
		cand.Reasons = append(cand.Reasons, msg.New(orgReason(p.org.Country, false)))
	default:
		cand.Score = min(1-(1-nameWeight*name)*(1-domainWeight*domain), nameDomainCap)
	}
	cand.Score = clamp01(cand.Score)

	if cand.DomainMatch {
		cand.Reasons = append(cand.Reasons, msg.New(ReasonDomainMatch))
	}
	if len(p.name.Tokens) > 0 && len(cn.Tokens) > 0 {
		pct := int(math.Floor(sim*100 + percentTolerance))
		cand.Reasons = append(cand.Reasons, msg.New(ReasonName, "pct", pct))
	}
	if holdingReason != "" {
		cand.Reasons = append(cand.Reasons, msg.New(holdingReason))
	}
	return cand
}

// orgReason is the code of an org-number match or conflict for the lead's
// country.
func orgReason(country string, match bool) string {
	switch {
	case country == Denmark && match:
		return ReasonCVRMatch
	case country == Denmark:
		return ReasonCVRConflict
	case match:
		return ReasonOrgNrMatch
	}
	return ReasonOrgNrConflict
}

// companyHasDomain reports whether the company's website or any listed
// domain is the same site as domain (a domainASCII result).
func companyHasDomain(c Company, domain string) bool {
	if sameSite(domainASCII(c.Website), domain) {
		return true
	}
	for _, d := range c.Domains {
		if sameSite(domainASCII(d), domain) {
			return true
		}
	}
	return false
}

// Certain reports a candidate the app may act on without asking: the valid
// org numbers are equal and nothing conflicts. The UI preselects only these
// and batch export syncs only to these; names and domains, however alike,
// only ever suggest.
func (c Candidate) Certain() bool {
	return c.OrgNrMatch && !c.Conflict
}

// Rank scores companies against a query and returns the candidates worth
// showing, best first:
//
//   - a ContactID seen more than once (the org-number, name and domain
//     searches overlap) is kept once, with its best score; ContactID 0
//     (not a stored company) is never merged;
//   - candidates scoring below 0.35 are dropped unless their org number or
//     domain matches, so unrelated names from a broad `begins` search
//     vanish;
//   - the rest are sorted by score, then ContactID, so equal scores (two
//     branches) come in a stable order;
//   - at most limit are returned; limit <= 0 means no cap.
func Rank(q Query, companies []Company, limit int) []Candidate {
	p := prepare(q)
	out := make([]Candidate, 0, len(companies))
	seen := make(map[int]int, len(companies)) // ContactID → index in out
	for _, c := range companies {
		cand := p.score(c)
		if c.ContactID != 0 {
			if i, ok := seen[c.ContactID]; ok {
				if cand.Score > out[i].Score {
					out[i] = cand
				}
				continue
			}
			seen[c.ContactID] = len(out)
		}
		out = append(out, cand)
	}
	out = slices.DeleteFunc(out, func(c Candidate) bool {
		return c.Score < minScore && !c.OrgNrMatch && !c.DomainMatch
	})
	slices.SortStableFunc(out, func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Company.ContactID, b.Company.ContactID))
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// SingleCertain returns the one Certain candidate, for batch export. ok is
// false when there is none, or when several companies are Certain — the
// tenant already holds duplicates with that org number, or branches share
// it — because choosing among them is the user's call.
func SingleCertain(cands []Candidate) (Candidate, bool) {
	var found Candidate
	n := 0
	for _, c := range cands {
		if c.Certain() {
			found = c
			n++
		}
	}
	return found, n == 1
}
