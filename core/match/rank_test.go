package match

import (
	"slices"
	"testing"
)

// rankIDs is the ContactIDs of candidates, in order.
func rankIDs(cs []Candidate) []int {
	ids := make([]int, len(cs))
	for i, c := range cs {
		ids[i] = c.Company.ContactID
	}
	return ids
}

func TestRank(t *testing.T) {
	jensen := QueryFor(dkLead("Jensen ApS", "", ""), "DK")
	withCVR := QueryFor(dkLead("Jensen Bøfhus ApS", "24256790", "jensensbofhus.dk"), "DK")
	tests := []struct {
		name      string
		q         Query
		companies []Company
		limit     int
		want      []int
	}{
		{
			name: "operating company above holding company",
			q:    jensen,
			companies: []Company{
				{ContactID: 1, Name: "Jensen Holding ApS"},
				{ContactID: 2, Name: "Jensen ApS"},
			},
			want: []int{2, 1},
		},
		{
			name: "two branches with the same name tie and sort by ContactID",
			q:    jensen,
			companies: []Company{
				{ContactID: 9, Name: "Jensen ApS", Department: "Odense"},
				{ContactID: 4, Name: "Jensen ApS", Department: "Aarhus"},
			},
			want: []int{4, 9},
		},
		{
			name: "unrelated names are dropped",
			q:    jensen,
			companies: []Company{
				{ContactID: 1, Name: "Hansen ApS"},
				{ContactID: 2, Name: "Carlsberg A/S"},
				{ContactID: 3, Name: "Jensen ApS"},
			},
			want: []int{3},
		},
		{
			name: "org number beats name, conflict comes last but is shown",
			q:    withCVR,
			companies: []Company{
				{ContactID: 1, Name: "Jensen Bøfhus ApS"},
				{ContactID: 2, Name: "Jensen Bøfhus ApS", OrgNr: "10150817"},
				{ContactID: 3, Name: "JB Restauranter A/S", OrgNr: "DK24256790"},
				{ContactID: 4, Name: "Jensens Bøfhus", Website: "https://www.jensensbofhus.dk/"},
			},
			want: []int{3, 4, 1, 2},
		},
		{
			name: "weak names are kept when the domain matches",
			q:    withCVR,
			companies: []Company{
				{ContactID: 1, Name: "Helt Andet", Website: "jensensbofhus.dk"},
				{ContactID: 2, Name: "Helt Andet"},
			},
			want: []int{1},
		},
		{
			name: "duplicate ContactID kept once with its best score",
			q:    withCVR,
			companies: []Company{
				{ContactID: 5, Name: "Jensen Bøfhus"},
				{ContactID: 5, Name: "Jensen Bøfhus", OrgNr: "24256790"},
				{ContactID: 6, Name: "Jensen Bøfhus"},
			},
			want: []int{5, 6},
		},
		{
			name: "ContactID 0 is never merged",
			q:    jensen,
			companies: []Company{
				{ContactID: 0, Name: "Jensen ApS"},
				{ContactID: 0, Name: "Jensen A/S"},
			},
			want: []int{0, 0},
		},
		{
			name: "cap at limit keeps the best",
			q:    jensen,
			companies: []Company{
				{ContactID: 1, Name: "Jensen Tømrer ApS"},
				{ContactID: 2, Name: "Jensen ApS"},
				{ContactID: 3, Name: "Jensen Holding ApS"},
				{ContactID: 4, Name: "Jensen A/S"},
			},
			limit: 2,
			want:  []int{2, 4},
		},
		{
			name:      "no companies",
			q:         jensen,
			companies: nil,
			want:      []int{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Rank(tt.q, tt.companies, tt.limit)
			if ids := rankIDs(got); !slices.Equal(ids, tt.want) {
				t.Fatalf("Rank order = %v, want %v\n%+v", ids, tt.want, got)
			}
			for i := 1; i < len(got); i++ {
				if got[i].Score > got[i-1].Score {
					t.Errorf("not sorted by score at %d", i)
				}
			}
		})
	}
}

func TestRankBranchesAreNotCertain(t *testing.T) {
	got := Rank(QueryFor(dkLead("Jensen Bøfhus ApS", "", ""), "DK"), []Company{
		{ContactID: 1, Name: "Jensen Bøfhus ApS", Department: "Aarhus"},
		{ContactID: 2, Name: "Jensen Bøfhus ApS", Department: "Odense"},
	}, 10)
	if len(got) != 2 || got[0].Score != got[1].Score {
		t.Fatalf("want two equal candidates, got %+v", got)
	}
	for _, c := range got {
		if c.Certain() {
			t.Errorf("branch %d is Certain without an org number", c.Company.ContactID)
		}
	}
	if _, ok := SingleCertain(got); ok {
		t.Errorf("SingleCertain picked a branch")
	}
}

func TestSingleCertain(t *testing.T) {
	q := QueryFor(dkLead("Jensen", "24256790", ""), "DK")
	one := Rank(q, []Company{{ContactID: 1, Name: "Jensen", OrgNr: "24256790"}, {ContactID: 2, Name: "Jensen"}}, 0)
	if c, ok := SingleCertain(one); !ok || c.Company.ContactID != 1 {
		t.Errorf("SingleCertain = %d, %v; want 1, true", c.Company.ContactID, ok)
	}
	two := Rank(q, []Company{{ContactID: 1, Name: "Jensen", OrgNr: "24256790"}, {ContactID: 2, Name: "Jensen", OrgNr: "DK 24256790"}}, 0)
	if _, ok := SingleCertain(two); ok {
		t.Errorf("SingleCertain chose between two companies with the same CVR")
	}
	if _, ok := SingleCertain(nil); ok {
		t.Errorf("SingleCertain(nil) reported a candidate")
	}
}
