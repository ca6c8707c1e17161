package match

import (
	"github.com/rabitiq/superoffice-sync/core/msg"
	"slices"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// Valid numbers used below: CVR 24256790 and 10150817, Norwegian 923609016,
// Swedish 556677-8899.

// dkLead is a Danish lead as core/lead would hand it over.
func dkLead(name, cvr, website string) *lead.Lead {
	l := &lead.Lead{CompanyName: name, Website: website}
	l.CVR, l.CVRValid = lead.NormalizeCVR(cvr)
	return l
}

func TestScore(t *testing.T) {
	tests := []struct {
		name        string
		q           Query
		c           Company
		orgMatch    bool
		conflict    bool
		domainMatch bool
		min, max    float64
		reasons     []string
	}{
		{
			name:     "same CVR under another name is certain",
			q:        QueryFor(dkLead("Jensen Bøfhus ApS", "24256790", ""), "DK"),
			c:        Company{ContactID: 1, Name: "JB Restauranter A/S", OrgNr: "DK 24 25 67 90"},
			orgMatch: true, min: 0.99, max: 1,
			reasons: []string{"CVR matcher", "navn 0 % ens"},
		},
		{
			name:     "same CVR, same name, same domain",
			q:        QueryFor(dkLead("Jensen Bøfhus ApS", "24256790", "https://jensensbofhus.dk"), "DK"),
			c:        Company{ContactID: 1, Name: "Jensen Bøfhus ApS", OrgNr: "24256790", Website: "www.jensensbofhus.dk"},
			orgMatch: true, domainMatch: true, min: 1, max: 1,
			reasons: []string{"CVR matcher", "samme domæne", "navn 100 % ens"},
		},
		{
			name:     "same name with a different CVR is a conflict",
			q:        QueryFor(dkLead("Jensen Bøfhus ApS", "24256790", ""), "DK"),
			c:        Company{ContactID: 1, Name: "Jensen Bøfhus ApS", OrgNr: "10150817"},
			conflict: true, min: 0.4, max: 0.4999,
			reasons: []string{"CVR afviger", "navn 100 % ens"},
		},
		{
			name:     "norwegian org.nr. conflict is worded for Norway",
			q:        Query{Name: "Fjord AS", OrgNr: NormalizeOrgNumber("923609016", "NO")},
			c:        Company{ContactID: 1, Name: "Fjord AS", OrgNr: "NO 974 760 673 MVA"},
			conflict: true, min: 0.4, max: 0.4999,
			reasons: []string{"org.nr. afviger", "navn 100 % ens"},
		},
		{
			name: "same name ApS vs A/S without CVR is likely, not certain",
			q:    QueryFor(dkLead("Jensen Bøfhus ApS", "", ""), "DK"),
			c:    Company{ContactID: 1, Name: "Jensen Bøfhus A/S"},
			min:  0.9, max: 0.9,
			reasons: []string{"navn 100 % ens"},
		},
		{
			name: "lead CVR, company without OrgNr: name decides, capped",
			q:    QueryFor(dkLead("Jensen Bøfhus ApS", "24256790", ""), "DK"),
			c:    Company{ContactID: 1, Name: "Jensen Bøfhus"},
			min:  0.9, max: 0.9,
			reasons: []string{"navn 100 % ens"},
		},
		{
			name: "æ ø å against ae oe aa",
			q:    QueryFor(dkLead("Sørensen Ærø Ålborg ApS", "", ""), "DK"),
			c:    Company{ContactID: 1, Name: "Soerensen Aeroe Aalborg ApS"},
			min:  0.9, max: 0.9,
			reasons: []string{"navn 100 % ens"},
		},
		{
			name: "æ ø å against plain a o",
			q:    QueryFor(dkLead("Sørensen Ærø Ålborg ApS", "", ""), "DK"),
			c:    Company{ContactID: 1, Name: "Sorensen Aero Alborg"},
			min:  0.9, max: 0.9,
			reasons: []string{"navn 100 % ens"},
		},
		{
			name: "apostrophe",
			q:    QueryFor(dkLead("Jensen's Bøfhus", "", ""), "DK"),
			c:    Company{ContactID: 1, Name: "Jensens Bøfhus"},
			min:  0.9, max: 0.9,
			reasons: []string{"navn 100 % ens"},
		},
		{
			name: "holding company for an operating lead is lowered",
			q:    QueryFor(dkLead("Jensen ApS", "", ""), "DK"),
			c:    Company{ContactID: 1, Name: "Jensen Holding ApS"},
			min:  0.72, max: 0.72,
			reasons: []string{"navn 100 % ens", "holdingselskab"},
		},
		{
			name: "operating company for a holding lead is lowered",
			q:    QueryFor(dkLead("Jensen Holding ApS", "", ""), "DK"),
			c:    Company{ContactID: 1, Name: "Jensen ApS"},
			min:  0.72, max: 0.72,
			reasons: []string{"navn 100 % ens", "driftsselskab"},
		},
		{
			name:        "domain match despite www, https and path",
			q:           QueryFor(dkLead("Jensen Bøfhus", "", "https://www.jensensbofhus.dk/menu"), "DK"),
			c:           Company{ContactID: 1, Name: "JB Restauranter", Website: "jensensbofhus.dk"},
			domainMatch: true, min: 0.5, max: 0.5,
			reasons: []string{"samme domæne", "navn 0 % ens"},
		},
		{
			name:        "domain adds weight to a similar name",
			q:           QueryFor(dkLead("Jensne Bøfhus", "", "jensensbofhus.dk"), "DK"),
			c:           Company{ContactID: 1, Name: "Jensen Bøfhus", Domains: []string{"info@jensensbofhus.dk"}},
			domainMatch: true, min: 0.91, max: 0.95,
			reasons: []string{"samme domæne", "navn 98 % ens"},
		},
		{
			name: "generic domain is ignored",
			q:    QueryFor(dkLead("Jensen Bøfhus", "", "gmail.com"), "DK"),
			c:    Company{ContactID: 1, Name: "Hansen Tømrer", Website: "https://gmail.com"},
			min:  0, max: 0,
			reasons: []string{"navn 0 % ens"},
		},
		{
			name: "department counts as part of the name",
			q:    QueryFor(dkLead("Jensen Bøfhus Aarhus", "", ""), "DK"),
			c:    Company{ContactID: 1, Name: "Jensen Bøfhus", Department: "Aarhus"},
			min:  0.9, max: 0.9,
			reasons: []string{"navn 100 % ens"},
		},
		{
			name: "invalid lead CVR never matches",
			q:    QueryFor(dkLead("Jensen Bøfhus", "24256791", ""), "DK"),
			c:    Company{ContactID: 1, Name: "Hansen Tømrer", OrgNr: "24256791"},
			min:  0, max: 0,
			reasons: []string{"navn 0 % ens"},
		},
		{
			name: "CVR the lead marks invalid never matches",
			q:    QueryFor(&lead.Lead{CompanyName: "Jensen", CVR: "24256790", CVRValid: false}, "DK"),
			c:    Company{ContactID: 1, Name: "Hansen", OrgNr: "24256790"},
			min:  0, max: 0,
			reasons: []string{"navn 0 % ens"},
		},
		{
			name: "hand-built query claiming a bad number valid never matches",
			q:    Query{Name: "Jensen", OrgNr: OrgNumber{Country: Denmark, Digits: "24256791", Valid: true}},
			c:    Company{ContactID: 1, Name: "Hansen", OrgNr: "24256791"},
			min:  0, max: 0,
			reasons: []string{"navn 0 % ens"},
		},
		{
			name: "invalid company OrgNr is neither match nor conflict",
			q:    QueryFor(dkLead("Jensen Bøfhus", "24256790", ""), "DK"),
			c:    Company{ContactID: 1, Name: "Jensen Bøfhus", OrgNr: "24256791"},
			min:  0.9, max: 0.9,
			reasons: []string{"navn 100 % ens"},
		},
		{
			name: "unrelated names score nothing",
			q:    QueryFor(dkLead("Jensen ApS", "", ""), "DK"),
			c:    Company{ContactID: 1, Name: "Hansen ApS"},
			min:  0, max: 0,
			reasons: []string{"navn 0 % ens"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Score(tt.q, tt.c)
			if got.OrgNrMatch != tt.orgMatch || got.Conflict != tt.conflict || got.DomainMatch != tt.domainMatch {
				t.Errorf("OrgNrMatch %v Conflict %v DomainMatch %v, want %v %v %v",
					got.OrgNrMatch, got.Conflict, got.DomainMatch, tt.orgMatch, tt.conflict, tt.domainMatch)
			}
			if got.Score < tt.min-1e-9 || got.Score > tt.max+1e-9 {
				t.Errorf("Score = %.4f, want in [%.4f, %.4f]", got.Score, tt.min, tt.max)
			}
			if danish := reasonTexts(got.Reasons); !slices.Equal(danish, tt.reasons) {
				t.Errorf("Reasons = %q, want %q", danish, tt.reasons)
			}
			if got.Certain() != tt.orgMatch {
				t.Errorf("Certain() = %v, want %v", got.Certain(), tt.orgMatch)
			}
			if got.Company.ContactID != tt.c.ContactID {
				t.Errorf("candidate lost its company")
			}
		})
	}
}

func TestScoreOrgNumberVariantForms(t *testing.T) {
	tests := []struct {
		name    string
		lead    string
		country string
		stored  []string
	}{
		{"danish", "24256790", "DK", []string{"24256790", "DK24256790", "DK 24256790", "24 25 67 90", "DK-24256790", "CVR 24256790"}},
		{"norwegian", "923609016", "NO", []string{"923609016", "923 609 016", "NO923609016MVA", "NO 923 609 016 MVA", "Org.nr. 923609016"}},
		{"swedish", "556677-8899", "SE", []string{"5566778899", "556677-8899", "SE556677889901", "SE 556677889901", "16556677-8899", "165566778899"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &lead.Lead{CompanyName: "Fjord", CVR: tt.lead, CVRValid: tt.country == Denmark}
			q := QueryFor(l, tt.country)
			if !q.OrgNr.Valid || q.OrgNr.Country != tt.country {
				t.Fatalf("QueryFor read %q as %+v", tt.lead, q.OrgNr)
			}
			for _, stored := range append(q.OrgNr.Variants(), tt.stored...) {
				c := Score(q, Company{ContactID: 7, Name: "Helt Andet Navn", OrgNr: stored})
				if !c.OrgNrMatch || !c.Certain() || c.Score < 0.99 {
					t.Errorf("stored OrgNr %q: %+v, want a certain match", stored, c)
				}
			}
		})
	}
}

// reasonTexts renders reasons in Danish, the words the table above uses.
func reasonTexts(rs []msg.Message) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.Text(msg.Danish))
	}
	return out
}
