package match

import (
	"fmt"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// benchCompanies is a tenant search result of n companies: mostly other
// names, some near misses, branches, a holding and one CVR match.
func benchCompanies(n int) []Company {
	names := []string{"Jensen Bøfhus ApS", "Jensens Bøfhus", "Jensen Holding ApS", "Hansen Tømrer A/S",
		"Sørensen Ærø Ålborg ApS", "Novo Nordisk Danmark A/S", "Nordic Consulting ApS", "Carlsberg A/S"}
	out := make([]Company, n)
	for i := range out {
		out[i] = Company{
			ContactID:  i + 1,
			Name:       fmt.Sprintf("%s %d", names[i%len(names)], i/len(names)),
			Department: []string{"", "Aarhus", "Odense"}[i%3],
			Website:    fmt.Sprintf("https://www.firma%d.dk/", i),
		}
		if i%10 == 0 {
			out[i].OrgNr = "DK 10150817"
		}
	}
	out[n/2].OrgNr = "24 25 67 90"
	return out
}

func BenchmarkRank(b *testing.B) {
	q := QueryFor(&lead.Lead{CompanyName: "Jensen's Bøfhus ApS", CVR: "24256790", CVRValid: true, Website: "https://jensensbofhus.dk"}, "DK")
	companies := benchCompanies(100)
	b.ReportAllocs()
	for b.Loop() {
		Rank(q, companies, 10)
	}
}
