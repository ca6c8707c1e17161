// Package leadgen generates realistic RabitIQ lead files for benchmarks
// and scale tests, so no large file has to live in git.
package leadgen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

func valid(cvr string) bool {
	_, ok := lead.NormalizeCVR(cvr)
	return ok
}

// genLead builds lead i shaped like testdata/samples (same keys, types and
// text lengths), varied so no two leads are alike.
func genLead(r *rand.Rand, i int) map[string]any {
	towns := []string{"Højbjerg", "Lyngbakke", "Solsikke", "Havbris", "Klitrose", "Egetræ", "Bøgeskov", "Fjordkraft"}
	kinds := []string{"Robotics", "Byg P/S", "Finans A/S", "Logistik ApS", "Foods", "Software"}
	first := []string{"Lars", "Mette", "Søren", "Anne", "Ole", "Line", "Anders"}
	last := []string{"Hansen", "Jensen", "Pedersen", "Sørensen", "Larsen", "Kjær Østergaard"}
	name := fmt.Sprintf("%s %s %d", towns[r.IntN(len(towns))], kinds[r.IntN(len(kinds))], i)
	host := fmt.Sprintf("firma-%d.dk", i)
	var desc bytes.Buffer
	for range 5 {
		desc.WriteString(name + " leverer software til nordiske kunder. ")
	}
	contacts := []map[string]any{}
	for range 2 + r.IntN(4) {
		f, l := first[r.IntN(len(first))], last[r.IntN(len(last))]
		contacts = append(contacts, map[string]any{
			"name": f + " " + l, "title": "CEO", "email": fmt.Sprintf("%s@%s", f, host),
			"phone": fmt.Sprintf("+45 %02d %02d %02d %02d", r.IntN(100), r.IntN(100), r.IntN(100), r.IntN(100)),
		})
	}
	return map[string]any{
		"id": fmt.Sprintf("lead_%05d_%08x", i, r.Uint32()), "companyName": name,
		"website": "https://www." + host, "industry": "Energi", "size": "51-200",
		"location": "København K, Danmark", "cvr": genCVR(r),
		"address": fmt.Sprintf("Vestergade %d, 1150 København K", r.IntN(200)),
		"score":   r.IntN(101), "intentScore": r.IntN(101),
		"reasonForFit":         name + " vokser hurtigt og matcher jeres ICP: ny CFO.",
		"buyingSignals":        []string{"Signal 0: rekruttering af sælgere", "Signal 1: nyt lager"},
		"intentSignals":        []map[string]any{{"signal": "Besøgte prisside", "source": "web", "date": "2024-11-05"}},
		"conversationStarters": []string{"Hvordan håndterer I vækst i ordrevolumen?", "Hvilke systemer bruger I i dag?"},
		"redFlags":             []string{},
		"description":          desc.String(), "businessModel": "B2B services", "targetAudience": "SMV'er i Norden",
		"technologies": []string{"Microsoft Dynamics 365", "Salesforce"},
		"financials": map[string]any{
			"revenueDkk": r.IntN(90_000_000), "profitDkk": r.IntN(10_000_000) - 5_000_000, "employees": r.IntN(900),
			"growthRatePct": float64(r.IntN(600)-300) / 10, "profitMarginPct": float64(r.IntN(400)-200) / 10,
		},
		"competitors": []map[string]any{
			{"name": "Klitrose Foods", "website": "https://example.dk"}, {"name": "Granit Finans", "website": "https://example.dk"},
		},
		"competitiveAnalysis": "Konkurrerer primært på pris og leveringstid.",
		"marketAnalysis":      "Markedet vokser 8% årligt drevet af digitalisering.",
		"swot": map[string]any{
			"strengths": []string{"Stærkt brand"}, "weaknesses": []string{"Lille salgsteam"},
			"opportunities": []string{"Ekspansion til Tyskland"}, "threats": []string{"Nye udenlandske konkurrenter"},
		},
		"customerReviews":    "4,3/5 på Trustpilot (212 anmeldelser).",
		"employeeReviews":    "3,9/5 på Glassdoor; ros for kultur, kritik af løn.",
		"growthSignals":      []string{"Åbnet kontor i Aarhus", "Rekrutterer 12 stillinger"},
		"industryPainPoints": []string{"Mangel på arbejdskraft", "Stigende energipriser"},
		"jobPostings":        []map[string]any{{"title": "Key Account Manager", "url": "https://www." + host + "/job/1", "postedAt": "2024-11-20"}},
		"salesPlaybook":      "1. Åbn med vækstsignalet. 2. Kvalificér budget. 3. Book demo.",
		"notes":              "", "createdAt": "2024-12-01T09:13:00Z", "contacts": contacts,
	}
}

// genCVR returns a random CVR number that passes the modulus-11 check.
func genCVR(r *rand.Rand) string {
	for {
		d := fmt.Sprintf("%08d", 10000000+r.IntN(89999999))
		if valid(d) {
			return d
		}
	}
}

// File returns n generated leads as a pretty-printed JSON array, the
// shape of testdata/samples/leads-25.json. The same n and seed always give
// the same bytes; different seeds give different lead ids.
func File(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(1, seed))
	leads := make([]map[string]any, n)
	for i := range leads {
		leads[i] = genLead(r, i)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(leads) // maps of strings and numbers always encode
	return buf.Bytes()
}

// WriteBig writes n generated leads (n a multiple of 1000) to w as one
// JSON array, 1000 at a time, so a 100,000-lead file (330 MB) is never in
// memory at once. Each chunk has its own seed, so lead ids differ.
func WriteBig(w io.Writer, n int) error {
	if n <= 0 || n%1000 != 0 {
		return errors.New("leadgen: n must be a positive multiple of 1000")
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString("[\n")
	for c := 0; c < n/1000; c++ {
		body := bytes.TrimSpace(File(1000, uint64(100+c)))
		body = bytes.TrimSuffix(bytes.TrimPrefix(body, []byte("[")), []byte("]"))
		if c > 0 {
			bw.WriteString(",")
		}
		bw.Write(body)
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// FloorLead is what a plain json.Unmarshal of the sample shape needs.
type FloorLead struct {
	ID, CompanyName, Website, Industry, Size, Location, CVR, Address string
	Score, IntentScore                                               float64
	ReasonForFit                                                     string
	BuyingSignals                                                    []string
	IntentSignals                                                    []struct{ Signal, Source, Date string }
	ConversationStarters, RedFlags                                   []string
	Description, BusinessModel, TargetAudience                       string
	Technologies                                                     []string
	Financials                                                       struct {
		RevenueDkk, ProfitDkk, Employees, GrowthRatePct, ProfitMarginPct float64
	}
	Competitors                         []struct{ Name, Website string }
	CompetitiveAnalysis, MarketAnalysis string
	Swot                                struct{ Strengths, Weaknesses, Opportunities, Threats []string }
	CustomerReviews, EmployeeReviews    string
	GrowthSignals, IndustryPainPoints   []string
	JobPostings                         []struct{ Title, URL, PostedAt string }
	SalesPlaybook, Notes, CreatedAt     string
	Contacts                            []lead.Contact
}
