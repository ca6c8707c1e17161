package refresh

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/lead"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// strictSim runs the package's tests a second time against the strict
// simulator (sotest.Config.Strict), as app/export and app/cli do.
var strictSim bool

func TestMain(m *testing.M) {
	code := m.Run()
	strictSim = true
	if c := m.Run(); c != 0 {
		code = c
	}
	os.Exit(code)
}

var (
	keyOnce sync.Once
	key     *rsa.PrivateKey
)

// noSleep makes the client's retries instant while going through them.
type noSleep struct{}

func (noSleep) Now() time.Time                                   { return time.Now() }
func (noSleep) Sleep(ctx context.Context, _ time.Duration) error { return ctx.Err() }

// now is the fake clock of every read-back in these tests.
var now = time.Date(2026, 12, 2, 7, 30, 0, 0, time.UTC)

type env struct {
	sim    *sotest.Server
	db     *store.DB
	client *so.Client
	eng    *export.Engine
	svc    *Service
}

// newEnv starts a simulator with the 37 fields and wires a read-back
// service and an export engine to it over real HTTP; rt, when set, wraps
// the client's transport. Every test ends by asserting that the
// simulator saw no rule broken.
func newEnv(t *testing.T, rt func(http.RoundTripper) http.RoundTripper) *env {
	t.Helper()
	keyOnce.Do(func() { key, _ = rsa.GenerateKey(rand.Reader, 2048) })
	sim, err := sotest.New(sotest.Config{SigningKey: key, Strict: strictSim})
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "leads.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	opts := []so.Option{so.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: sim.AccessToken()})), so.WithClock(noSleep{})}
	if rt != nil {
		opts = append(opts, so.WithHTTPClient(&http.Client{Transport: rt(http.DefaultTransport)}))
	}
	cl, err := so.NewClient(sim.APIURL(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{sim: sim, db: db, client: cl,
		eng: export.New(db, cl, export.Tenant{Ctx: sim.Ctx(), User: "test@rabitiq.dk"}, nil),
		svc: New(db, cl, sim.Ctx(), func() time.Time { return now })}
	t.Cleanup(func() {
		if v := sim.Violations(); len(v) > 0 {
			t.Errorf("the simulator saw %d violations, first: %+v", len(v), v[0])
		}
	})
	return e
}

// importLeads imports leads given as JSON and returns their local ids by
// RabitIQ id.
func (e *env) importLeads(t *testing.T, js string) map[string]int64 {
	t.Helper()
	res, err := lead.Decode("test.json", []byte(js))
	if err != nil || len(res.Rejected) > 0 {
		t.Fatalf("test leads: %v %v", err, res.Rejected)
	}
	if _, err := e.db.ImportLeads(context.Background(), "test.json", res.Leads, time.Now()); err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, it := range res.Leads {
		id, err := e.db.ResolveLead(context.Background(), it.Lead.ID)
		if err != nil {
			t.Fatal(err)
		}
		out[it.Lead.ID] = id
	}
	return out
}

// linkMany stores n companies in the tenant and n leads synced to them.
func (e *env) linkMany(t *testing.T, n int) []int64 {
	t.Helper()
	var js []string
	for i := range n {
		js = append(js, leadJSON(fmt.Sprintf("rq-%d", i), fmt.Sprintf("Firma %d ApS", i), "", ""))
	}
	ids := e.importLeads(t, "["+strings.Join(js, ",")+"]")
	var out []int64
	for i := range n {
		cid, err := e.sim.AddCompany(sotest.SeedCompany{Name: fmt.Sprintf("Firma %d ApS", i)})
		if err != nil {
			t.Fatal(err)
		}
		id := ids[fmt.Sprintf("rq-%d", i)]
		if err := e.db.MarkSynced(context.Background(), id, int64(cid), e.sim.Ctx(), now); err != nil {
			t.Fatal(err)
		}
		out = append(out, id)
	}
	return out
}

func leadJSON(id, name, cvr, website string) string {
	return fmt.Sprintf(`{"id":%q,"companyName":%q,"cvr":%q,"website":%q,"location":"Aarhus, Danmark","score":80}`, id, name, cvr, website)
}

// writes counts the requests that could change SuperOffice.
func (e *env) writes() []string {
	var out []string
	for _, r := range e.sim.Requests() {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			out = append(out, r.Method+" "+r.Path)
		}
	}
	return out
}

// queries counts the OData searches of companies.
func (e *env) queries() int {
	n := 0
	for _, r := range e.sim.Requests() {
		if r.Method == http.MethodGet && strings.HasSuffix(r.Path, "/v1/Contact") {
			n++
		}
	}
	return n
}
