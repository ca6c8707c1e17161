package auth

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// fakeSleep records refresh backoff waits instead of sleeping.
type fakeSleep struct {
	mu    sync.Mutex
	slept []time.Duration
}

func (f *fakeSleep) sleep(ctx context.Context, d time.Duration) error {
	f.mu.Lock()
	f.slept = append(f.slept, d)
	f.mu.Unlock()
	return ctx.Err()
}

// process is a second process (the window, another command) using the
// same keyring as the harness's manager.
func (h *harness) process() *Manager {
	return &Manager{Store: h.m.Store, HTTPClient: h.m.HTTPClient, Sleep: h.m.Sleep}
}

// A `sync --all` still holding a revoked refresh token must not delete the
// sign-in the user made meanwhile in the window: it picks that one up.
func TestOlderProcessKeepsNewerSignIn(t *testing.T) {
	h := newHarness(t, nil)
	if _, err := h.connect(t); err != nil {
		t.Fatal(err)
	}
	batch, err := h.process().Session(context.Background()) // the CLI, resumed from the keyring
	if err != nil {
		t.Fatal(err)
	}
	h.sim.Faults().RevokeRefreshTokens()
	window := &Manager{Store: h.m.Store, HTTPClient: h.m.HTTPClient, OpenBrowser: h.b.open}
	if _, err := window.Connect(context.Background(), h.cfg, nil); err != nil {
		t.Fatal(err)
	}
	newer, err := h.m.Stored()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := batch.Token(); err != nil {
		t.Errorf("the older process should continue with the newer sign-in: %v", err)
	}
	got, err := h.process().Stored()
	if err != nil || got.RefreshToken != newer.RefreshToken {
		t.Fatalf("the newer sign-in is gone from the keyring: %v", err)
	}
	// When the stored token itself is the refused one, it is deleted.
	h.sim.Faults().RevokeRefreshTokens()
	batch.Invalidate()
	if _, err := batch.Token(); !errors.Is(err, ErrNotConnected) {
		t.Fatalf("Token after the second revoke = %v", err)
	}
	if h.kr.Len() != 0 {
		t.Errorf("a refused sign-in stayed in the keyring (%d entries)", h.kr.Len())
	}
}

// When the user connected to another tenant meanwhile, the older process
// cannot use that sign-in: it stops as not connected and leaves it alone.
func TestOlderProcessKeepsOtherTenantSignIn(t *testing.T) {
	h := newHarness(t, nil)
	if _, err := h.connect(t); err != nil {
		t.Fatal(err)
	}
	batch, err := h.process().Session(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	h.sim.Faults().RevokeRefreshTokens()
	other := startSim(t, func(c *sotest.Config) { c.Ctx = "Cust54321" })
	window := &Manager{Store: h.m.Store, HTTPClient: h.m.HTTPClient, OpenBrowser: h.b.open}
	if _, err := window.Connect(context.Background(), Config{Authority: other.Authority(), ClientID: other.ClientID(), Environment: EnvSOD}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := batch.Token(); !errors.Is(err, ErrNotConnected) {
		t.Fatalf("Token with a revoked token = %v, want ErrNotConnected", err)
	}
	got, err := h.process().Stored()
	if err != nil || got.Tenant.Ctx != "Cust54321" {
		t.Fatalf("the sign-in to the other tenant is gone: %v", err)
	}
}

// An older process whose server rotates refresh tokens must not write its
// rotated token over a sign-in made since in another process, nor bring a
// sign-in back after a disconnect.
func TestOlderProcessDoesNotOverwriteNewerSignIn(t *testing.T) {
	h := newHarness(t, func(c *sotest.Config) { c.RotateRefreshTokens = true })
	if _, err := h.connect(t); err != nil {
		t.Fatal(err)
	}
	batch, err := h.process().Session(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	window := &Manager{Store: h.m.Store, HTTPClient: h.m.HTTPClient, OpenBrowser: h.b.open}
	if _, err := window.Connect(context.Background(), h.cfg, nil); err != nil {
		t.Fatal(err)
	}
	newer, _ := h.m.Stored()
	if _, err := batch.Token(); err != nil {
		t.Fatal(err)
	}
	if got, err := h.m.Stored(); err != nil || got.RefreshToken != newer.RefreshToken {
		t.Fatalf("the older process overwrote the newer sign-in (%v)", err)
	}
	if err := window.Disconnect(); err != nil {
		t.Fatal(err)
	}
	batch.Invalidate()
	if _, err := batch.Token(); err != nil {
		t.Fatal(err)
	}
	if h.kr.Len() != 0 {
		t.Errorf("the disconnected sign-in came back (%d entries)", h.kr.Len())
	}
}

// Connecting again must not delete the earlier sign-in before the new one
// is stored: when the keyring refuses the write, the earlier one remains.
func TestConnectKeepsOldSignInWhenSaveFails(t *testing.T) {
	h := newHarness(t, nil)
	kr := newFaultKeyring()
	h.m.Store = CredentialStore{Keyring: kr}
	if _, err := h.connect(t); err != nil {
		t.Fatal(err)
	}
	before, _ := h.m.Stored()
	kr.setsLeft = 0
	if _, err := h.connect(t); !errors.Is(err, ErrKeyringUnavailable) {
		t.Fatalf("second Connect = %v, want a run-only session", err)
	}
	after, err := h.m.Stored()
	if err != nil || after.RefreshToken != before.RefreshToken {
		t.Fatalf("the earlier sign-in was deleted before the new one was saved: %v", err)
	}
}

// One 503 or temporarily_unavailable from the token endpoint is retried
// with backoff (and Retry-After), through x/oauth2's own refresh.
func TestRefreshRetriesBlips(t *testing.T) {
	h := newHarness(t, nil)
	fs := &fakeSleep{}
	h.m.Sleep = fs.sleep
	s, err := h.connect(t)
	if err != nil {
		t.Fatal(err)
	}
	f := h.sim.Faults()
	f.FailNextMatching("POST", "/oauth/tokens", 1, http.StatusServiceUnavailable, 0)
	s.Invalidate()
	if _, err := s.Token(); err != nil {
		t.Fatalf("refresh after one 503: %v", err)
	}
	f.FailTokenNext(2, http.StatusBadRequest, "temporarily_unavailable", 3*time.Second)
	s.Invalidate()
	if _, err := s.Token(); err != nil {
		t.Fatalf("refresh after temporarily_unavailable: %v", err)
	}
	if want := []time.Duration{time.Second, 3 * time.Second, 3 * time.Second}; !reflect.DeepEqual(fs.slept, want) {
		t.Errorf("waits %v, want %v", fs.slept, want)
	}
	// A lasting outage still ends, with the status and no token in it.
	f.FailTokenNext(10, http.StatusServiceUnavailable, "temporarily_unavailable", 0)
	s.Invalidate()
	if _, err := s.Token(); err == nil || errors.Is(err, ErrNotConnected) || !strings.Contains(err.Error(), "temporarily_unavailable") {
		t.Fatalf("refresh during an outage = %v", err)
	}
	if h.kr.Len() == 0 {
		t.Error("an outage of the token endpoint deleted the sign-in")
	}
}

// With a server that rotates refresh tokens, the new one must be saved:
// the next process (the next cron run) starts from it.
func TestRotatedRefreshTokenIsSaved(t *testing.T) {
	h := newHarness(t, func(c *sotest.Config) { c.RotateRefreshTokens = true })
	s, err := h.connect(t)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := h.m.Stored()
	s.Invalidate()
	if _, err := s.Token(); err != nil {
		t.Fatal(err)
	}
	stored, err := h.m.Stored()
	if err != nil || stored.RefreshToken == first.RefreshToken {
		t.Fatalf("the rotated refresh token was not saved (%v)", err)
	}
	next, err := h.process().Session(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := next.Token(); err != nil {
		t.Fatalf("the next process cannot refresh: %v", err)
	}
}

// After a 421 the client asks the session for the tenant's API again; the
// new webapi_url must reach the client, the session and the keyring.
func TestTenantMoveUpdatesAPIURL(t *testing.T) {
	h := newHarness(t, nil)
	s, err := h.connect(t)
	if err != nil {
		t.Fatal(err)
	}
	cl, err := so.NewClient(s.Tenant().APIURL, so.WithTokenSource(s), so.WithResolver(s.ResolveAPIURL))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := cl.User.CurrentPrincipal(context.Background()); err != nil {
		t.Fatal(err)
	}
	moved := httptest.NewServer(h.sim) // the tenant's new host
	defer moved.Close()
	h.sim.Faults().MoveTenant(moved.URL)
	newAPI := moved.URL + "/" + h.sim.Ctx() + "/api/"

	if _, _, err := cl.User.CurrentPrincipal(context.Background()); err != nil {
		t.Fatalf("request after the move: %v", err)
	}
	if got := cl.BaseURL().String(); got != newAPI {
		t.Errorf("client base = %s, want %s", got, newAPI)
	}
	if got := s.Tenant().APIURL; got != newAPI {
		t.Errorf("session API URL = %s, want %s", got, newAPI)
	}
	stored, err := h.m.Stored()
	if err != nil || stored.Tenant.APIURL != newAPI {
		t.Fatalf("keyring API URL = %v (%v), want %s", stored, err, newAPI)
	}
	// The State API names the new host too.
	resolve := so.StateResolver(http.DefaultClient, h.sim.URL()+"/api/state/"+h.sim.Ctx())
	if got, err := resolve(context.Background()); err != nil || got != newAPI {
		t.Errorf("StateResolver = %q, %v; want %s", got, err, newAPI)
	}
}
