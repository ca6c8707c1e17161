package tenant

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/lead"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// fixture is a simulated tenant with one company and a database with
// one lead for it, reached by a static token.
type fixture struct {
	sim    *sotest.Server
	db     *store.DB
	leadID int64
	svc    *Service
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	sim, err := sotest.New(sotest.Config{AutoApprove: true, Seed: &sotest.Seed{
		Companies: []sotest.SeedCompany{{ID: 301, Name: "Fjordlys Energi ApS", OrgNr: "38112759"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if v := sim.Violations(); len(v) > 0 {
			t.Errorf("simulator violations: %+v", v)
		}
		sim.Close()
	})
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "leads.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	res, err := lead.Decode("l.json", []byte(`[{"id":"rq-1","companyName":"Fjordlys Energi ApS","cvr":"38112759"},{"id":"rq-2","companyName":"Ny Virksomhed ApS"}]`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ImportLeads(ctx, "l.json", res.Leads, time.Now()); err != nil {
		t.Fatal(err)
	}
	id, err := db.ResolveLead(ctx, "rq-1")
	if err != nil {
		t.Fatal(err)
	}
	svc := New(Options{DB: db, Keyring: &auth.MemKeyring{}, HTTPClient: &http.Client{Timeout: 10 * time.Second},
		APIURL: sim.APIURL(), AccessToken: sim.AccessToken()})
	return &fixture{sim: sim, db: db, leadID: id, svc: svc}
}

// lostCreate records an intent as a crash would leave it: the company
// was created in SuperOffice but the answer never reached the database.
func (f *fixture) lostCreate(t *testing.T) {
	t.Helper()
	marker := `{"name":"Fjordlys Energi ApS","orgNr":"38112759"}`
	if err := f.db.AddIntent(context.Background(), store.Intent{LeadID: f.leadID, Tenant: f.sim.Ctx(), Marker: marker, CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) openIntents(t *testing.T) int {
	t.Helper()
	ins, err := f.db.Intents(context.Background(), f.sim.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	return len(ins)
}

// The engine is built once per tenant and settles interrupted creates on
// its first use only: the window's screens and a command's steps share it,
// and a second look would cost a search per open intent each time.
func TestEngineIsBuiltOnceAndReconcilesFirst(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.lostCreate(t)
	e1, err := f.svc.Engine(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n := f.openIntents(t); n != 0 {
		t.Fatalf("%d open intents after the first Engine, want the lost create settled", n)
	}
	det, err := f.db.GetLead(ctx, f.leadID)
	if err != nil {
		t.Fatal(err)
	}
	if det.Row.SOContactID == nil || *det.Row.SOContactID != 301 {
		t.Errorf("lead linked to %v after reconcile, want company 301", det.Row.SOContactID)
	}

	f.lostCreate(t)
	e2, err := f.svc.Engine(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, cl, err := f.svc.Client(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if e2 != e1 || cl == nil {
		t.Error("a second Engine built another engine")
	}
	if n := f.openIntents(t); n != 1 {
		t.Errorf("%d open intents, want the second one left for the lead's own sync", n)
	}

	// A new sign-in is a new tenant connection: built and settled again.
	if err := f.svc.Disconnect(); err != nil {
		t.Fatal(err)
	}
	e3, err := f.svc.Engine(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if e3 == e1 || f.openIntents(t) != 0 {
		t.Errorf("after Disconnect: same engine %v, %d open intents; want a new engine that reconciled", e3 == e1, f.openIntents(t))
	}
}

// A token SuperOffice refuses reads as not connected from every call, so
// the window offers "Forbind igen" and the CLI exits 3.
func TestRefusedTokenIsNotConnected(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	f.sim.Faults().ExpireTokens()
	_, matchErr := f.svc.Match(ctx, f.leadID)
	_, syncErr := f.svc.Sync(ctx, f.leadID, export.Choice{ContactID: 301})
	_, diffErr := f.svc.Diff(ctx, f.leadID, export.Choice{ContactID: 301})
	_, fieldsErr := f.svc.CheckFields(ctx)
	for name, err := range map[string]error{"Match": matchErr, "Sync": syncErr, "Diff": diffErr, "CheckFields": fieldsErr} {
		var ae *so.AuthError
		if !errors.Is(err, auth.ErrNotConnected) || !errors.As(err, &ae) {
			t.Errorf("%s: %v; want it to wrap auth.ErrNotConnected and the 401", name, err)
		}
	}
	sum := f.svc.Batch(ctx, []int64{f.leadID}, export.BatchOptions{}, func(int, int, export.BatchItem) {})
	if !sum.NotConnected || !errors.Is(sum.StopErr, auth.ErrNotConnected) {
		t.Errorf("batch: notConnected %v, stop %v", sum.NotConnected, sum.StopErr)
	}
}

func TestRefused(t *testing.T) {
	if Refused(nil) != nil {
		t.Error("Refused(nil) is not nil")
	}
	other := errors.New("disk full")
	if Refused(other) != other {
		t.Error("an error that is no refusal was changed")
	}
	gone := fmt.Errorf("revoked: %w", auth.ErrNotConnected)
	if Refused(gone) != gone {
		t.Error("an error that already means not connected was wrapped again")
	}
	refused := fmt.Errorf("search: %w", &so.AuthError{ErrorResponse: &so.ErrorResponse{Response: &http.Response{StatusCode: http.StatusUnauthorized}}})
	if err := Refused(refused); !errors.Is(err, auth.ErrNotConnected) || !strings.Contains(err.Error(), "search") {
		t.Errorf("Refused(401) = %v", err)
	}
	forbidden := fmt.Errorf("search: %w", &so.AuthError{ErrorResponse: &so.ErrorResponse{Response: &http.Response{StatusCode: http.StatusForbidden}}})
	if err := Refused(forbidden); errors.Is(err, auth.ErrNotConnected) {
		t.Errorf("a 403 (no right) reads as not connected: %v", err)
	}
}

// The fixed token of scripts and tests: both variables or neither, never
// over plain http to another machine, and the tenant read from the URL.
func TestFixedToken(t *testing.T) {
	ctx := context.Background()
	for _, o := range []Options{{APIURL: "https://online.superoffice.com/Cust1/api/"}, {AccessToken: "t"}, {APIURL: "http://example.com/Cust1/api/", AccessToken: "t"}} {
		o.Keyring = &auth.MemKeyring{}
		if _, err := New(o).Conn(ctx); err == nil {
			t.Errorf("%+v connected", o)
		}
	}
	c, err := New(Options{APIURL: "https://online.superoffice.com/Cust12345/api", AccessToken: "t"}).Conn(ctx)
	if err != nil || c.Tenant.Ctx != "Cust12345" || c.Tenant.APIURL != "https://online.superoffice.com/Cust12345/api/" || c.Session != nil {
		t.Errorf("Conn = %+v, %v", c, err)
	}
	if _, err := New(Options{Keyring: &auth.MemKeyring{}}).Conn(ctx); !errors.Is(err, auth.ErrNotConnected) {
		t.Errorf("no sign-in: %v, want auth.ErrNotConnected", err)
	}
	if _, err := New(Options{APIURL: "https://online.superoffice.com/Cust1/api/", AccessToken: "t"}).Engine(ctx); err == nil {
		t.Error("an engine without a database")
	}
}
