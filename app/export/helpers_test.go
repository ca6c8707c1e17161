package export

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/lead"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

var (
	keyOnce sync.Once
	key     *rsa.PrivateKey
)

// strictSim starts every newEnv simulator in strict mode
// (sotest.Config.Strict: the least forgiving reading of each
// unconfirmed behaviour). A test that sets it must not run in parallel and
// must restore it; see withStrictSim.
var strictSim bool

// withStrictSim makes the test's newEnv simulators strict until it ends.
func withStrictSim(t *testing.T) {
	t.Helper()
	old := strictSim
	strictSim = true
	t.Cleanup(func() { strictSim = old })
}

// noSleep is a clock whose waits return at once, so retry tests are fast
// while still going through the client's real backoff code.
type noSleep struct {
	mu    sync.Mutex
	slept []time.Duration
}

func (c *noSleep) Now() time.Time { return time.Now() }
func (c *noSleep) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.slept = append(c.slept, d)
	c.mu.Unlock()
	return ctx.Err()
}

type env struct {
	sim    *sotest.Server
	db     *store.DB
	eng    *Engine
	client *so.Client
	clock  *noSleep
}

// newEnv starts a simulator seeded with seed (nil: empty tenant with all 37
// fields) and an engine against it over real HTTP. Every test ends by
// asserting that the simulator saw no rule broken.
func newEnv(t *testing.T, seed *sotest.Seed, opts ...so.Option) *env {
	t.Helper()
	keyOnce.Do(func() { key, _ = rsa.GenerateKey(rand.Reader, 2048) })
	sim, err := sotest.New(sotest.Config{Seed: seed, SigningKey: key, Strict: strictSim})
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
	clock := &noSleep{}
	all := append([]so.Option{so.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: sim.AccessToken()})), so.WithClock(clock)}, opts...)
	cl, err := so.NewClient(sim.APIURL(), all...)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{sim: sim, db: db, client: cl, clock: clock,
		eng: New(db, cl, Tenant{Ctx: sim.Ctx(), User: "test@rabitiq.dk"}, func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC) })}
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
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rejected) > 0 {
		t.Fatalf("test leads rejected: %v", res.Rejected)
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

// companiesNamed counts the tenant's companies with exactly this name.
func (e *env) companiesNamed(name string) []sotest.Company {
	var out []sotest.Company
	for _, c := range e.sim.Companies() {
		if c.Name == name {
			out = append(out, c)
		}
	}
	return out
}

func (e *env) requests(method, pathPart string) int {
	n := 0
	for _, r := range e.sim.Requests() {
		if r.Method == method && strings.Contains(r.Path, pathPart) {
			n++
		}
	}
	return n
}

func leadJSON(id, name, cvr, website string, extra string) string {
	return fmt.Sprintf(`{"id":%q,"companyName":%q,"cvr":%q,"website":%q,"location":"Aarhus, Danmark","score":80%s}`, id, name, cvr, website, extra)
}

// orphanCreate leaves what a crash between a create and its bookkeeping
// leaves: the lead's intent row (its marker adjusted by edit) and the
// company in SuperOffice, which the app never heard of.
func (e *env) orphanCreate(t *testing.T, id int64, edit func(*marker)) *so.ContactEntity {
	t.Helper()
	ctx := context.Background()
	_, plan, err := e.eng.Plan(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	mk := markerFor(plan)
	edit(&mk)
	if err := e.db.AddIntent(ctx, store.Intent{LeadID: id, Tenant: e.sim.Ctx(), Marker: mk.encode(), CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	body := plan.ContactBody()
	created, _, err := e.client.Contacts.Create(ctx, &body)
	if err != nil {
		t.Fatal(err)
	}
	return created
}
