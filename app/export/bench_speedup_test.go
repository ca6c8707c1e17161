package export

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// speedBurst is the 429 burst a speedRun meets at its start: SuperOffice
// throttles the first requests (the tenant metadata reads) with
// Retry-After: 1, as it may when a cron job starts on a busy tenant.
const speedBurst = 6

// speedRun exports benchLeads() leads as `sync --all` does: a fresh
// engine (the tenant metadata is read inside the run), the real client
// with the shared backoff and the real clock, a simulator that answers
// every request after latency, and speedBurst 429s at the start. It
// returns the wall time and the requests sent, and fails if any request
// went out during the Retry-After pause.
func speedRun(b *testing.B, concurrency int, latency time.Duration) (time.Duration, int) {
	b.Helper()
	n := benchLeads()
	cvrs := validCVRs(n)
	var companies []sotest.SeedCompany
	var leads []string
	for i := range n {
		name := fmt.Sprintf("Bench%03d Eksisterende ApS", i)
		if i%2 == 1 {
			name = randomName(i)
		} else {
			companies = append(companies, sotest.SeedCompany{Name: name, OrgNr: cvrs[i]})
		}
		leads = append(leads, fmt.Sprintf(`{"id":"b%d","companyName":%q,"cvr":%q,"location":"Aarhus","score":50,"contacts":[{"name":"Person %d","email":"p%d@bench%d.dk"}]}`, i, name, cvrs[i], i, i, i))
	}
	keyOnce.Do(func() { key, _ = rsa.GenerateKey(rand.Reader, 2048) })
	sim, err := sotest.New(sotest.Config{Seed: &sotest.Seed{Companies: companies}, SigningKey: key, Strict: strictSim})
	if err != nil {
		b.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		b.Fatal(err)
	}
	defer sim.Close()
	db, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "leads.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ids := (&env{sim: sim, db: db}).importLeads(&testing.T{}, "["+strings.Join(leads, ",")+"]")
	var all []int64
	for i := range n {
		all = append(all, ids[fmt.Sprintf("b%d", i)])
	}
	cl, err := NewClient(sim.APIURL(), oauth2.StaticTokenSource(&oauth2.Token{AccessToken: sim.AccessToken()}), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	eng := New(db, cl, Tenant{Ctx: sim.Ctx(), User: "bench@rabitiq.dk"}, nil)
	sim.Faults().Latency(latency)
	sim.Faults().FailNext(speedBurst, http.StatusTooManyRequests, time.Second)
	start := time.Now()
	sum := eng.Batch(context.Background(), all, BatchOptions{CreateMissing: true, Concurrency: concurrency}, nil)
	took := time.Since(start)
	if sum.Failed != 0 || sum.Synced() != n {
		b.Fatalf("batch = %+v", sum)
	}
	reqs := sim.Requests()
	var first time.Time
	for _, r := range reqs {
		if r.Status == http.StatusTooManyRequests && (first.IsZero() || r.Time.Before(first)) {
			first = r.Time
		}
	}
	for _, r := range reqs {
		if r.Status != http.StatusTooManyRequests && r.Time.After(first) && r.Time.Before(first.Add(900*time.Millisecond)) {
			b.Fatalf("%s %s went out %s after the first 429, during its Retry-After: 1", r.Method, r.Path, r.Time.Sub(first))
		}
	}
	return took, len(reqs)
}

// BenchmarkBatchSpeedup100ms runs the same batch at concurrency 1 and at
// 4 in one run, at 100 ms a request and through a burst of 429s, and
// reports how much faster 4 is (x-speedup): on this shared, noisy machine
// only a ratio measured side by side means anything. The target is ≥ 3×.
func BenchmarkBatchSpeedup100ms(b *testing.B) {
	var serial, conc time.Duration
	var reqs int
	for b.Loop() {
		s, _ := speedRun(b, 1, 100*time.Millisecond)
		c, r := speedRun(b, 4, 100*time.Millisecond)
		serial, conc, reqs = serial+s, conc+c, reqs+r
	}
	b.ReportMetric(serial.Seconds()/float64(b.N), "s-serial")
	b.ReportMetric(conc.Seconds()/float64(b.N), "s-concurrent")
	b.ReportMetric(float64(reqs)/float64(b.N*benchLeads()), "requests/lead")
	b.ReportMetric(serial.Seconds()/conc.Seconds(), "x-speedup")
}
