package auth

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"

	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

var (
	keyOnce sync.Once
	simKey  *rsa.PrivateKey
)

// signingKey is generated once: RSA key generation is slow on a busy machine.
func signingKey(t *testing.T) *rsa.PrivateKey {
	keyOnce.Do(func() {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			t.Fatal(err)
		}
		simKey = k
	})
	return simKey
}

func startSim(t *testing.T, mutate func(*sotest.Config)) *sotest.Server {
	t.Helper()
	cfg := sotest.Config{AutoApprove: true, CompanyName: "Ærø Test ApS", SigningKey: signingKey(t)}
	if mutate != nil {
		mutate(&cfg)
	}
	s, err := sotest.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// fakeBrowser plays the user's browser: it follows the authorize redirect back
// to the app's loopback listener, optionally rewriting the callback.
type fakeBrowser struct {
	t       *testing.T
	rewrite func(*url.URL)
	mu      sync.Mutex
	opened  []string
	answers []int // status codes the loopback listener gave
	cb      *url.URL
}

func (b *fakeBrowser) open(u string) error {
	b.mu.Lock()
	b.opened = append(b.opened, u)
	b.mu.Unlock()
	go func() {
		hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }, Timeout: 10 * time.Second}
		resp, err := hc.Get(u)
		if err != nil {
			b.t.Errorf("authorize: %v", err)
			return
		}
		resp.Body.Close()
		loc, err := url.Parse(resp.Header.Get("Location"))
		if err != nil || loc.Host == "" {
			b.t.Errorf("authorize answered %d without a redirect", resp.StatusCode)
			return
		}
		b.mu.Lock()
		b.cb = loc
		b.mu.Unlock()
		if b.rewrite != nil {
			b.rewrite(loc)
		}
		b.visit(loc.String())
	}()
	return nil
}

func (b *fakeBrowser) visit(u string) {
	resp, err := http.Get(u)
	if err != nil {
		b.mu.Lock()
		b.answers = append(b.answers, 0)
		b.mu.Unlock()
		return
	}
	resp.Body.Close()
	b.mu.Lock()
	b.answers = append(b.answers, resp.StatusCode)
	b.mu.Unlock()
}

// tokenRewriter changes the token endpoint's answers on their way to the app.
type tokenRewriter struct {
	fn    func(map[string]any)
	count int
	mu    sync.Mutex
}

func (r *tokenRewriter) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil || !strings.HasSuffix(req.URL.Path, "/oauth/tokens") {
		return resp, err
	}
	r.mu.Lock()
	r.count++
	r.mu.Unlock()
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var m map[string]any
	if resp.StatusCode == 200 && json.Unmarshal(body, &m) == nil && r.fn != nil {
		r.fn(m)
		body, _ = json.Marshal(m)
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	resp.Header.Del("Content-Length")
	return resp, nil
}

func (r *tokenRewriter) requests() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.count
}

type harness struct {
	sim *sotest.Server
	kr  *MemKeyring
	m   *Manager
	b   *fakeBrowser
	rw  *tokenRewriter
	cfg Config
}

func newHarness(t *testing.T, simCfg func(*sotest.Config)) *harness {
	t.Helper()
	sim := startSim(t, simCfg)
	h := &harness{sim: sim, kr: &MemKeyring{MaxSecret: 2560}, b: &fakeBrowser{t: t}, rw: &tokenRewriter{}}
	h.m = &Manager{Store: CredentialStore{Keyring: h.kr}, HTTPClient: &http.Client{Transport: h.rw, Timeout: 10 * time.Second}, OpenBrowser: h.b.open}
	h.cfg = Config{Authority: sim.Authority(), ClientID: sim.ClientID(), Environment: EnvSOD}
	return h
}

func (h *harness) connect(t *testing.T) (*Session, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return h.m.Connect(ctx, h.cfg, nil)
}

// forge signs an id_token with the simulator's key and the given claims.
func forge(t *testing.T, claims map[string]any) string {
	t.Helper()
	sig, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: signingKey(t)}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(claims)
	obj, err := sig.Sign(b)
	if err != nil {
		t.Fatal(err)
	}
	s, err := obj.CompactSerialize()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// claimsOf reads an id_token's payload without verifying it.
func claimsOf(t *testing.T, raw string) map[string]any {
	t.Helper()
	obj, err := jose.ParseSignedCompact(raw, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(obj.UnsafePayloadWithoutVerification(), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestConnectHappyPath(t *testing.T) {
	h := newHarness(t, nil)
	s, err := h.connect(t)
	if err != nil {
		t.Fatalf("Connect: %v", err)
	}
	tn := s.Tenant()
	if tn.Ctx != h.sim.Ctx() || tn.APIURL != h.sim.APIURL() || tn.CompanyName != "Ærø Test ApS" || tn.User == "" {
		t.Errorf("tenant = %+v", tn)
	}
	u, _ := url.Parse(h.b.opened[0])
	q := u.Query()
	if q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" || q.Get("state") == "" || q.Get("nonce") == "" || q.Get("scope") != "openid" {
		t.Errorf("authorize URL lacks PKCE/state/nonce: %s", u)
	}
	if ru := q.Get("redirect_uri"); !strings.HasPrefix(ru, "http://127.0.0.1:") || strings.Count(ru, "/") != 2 {
		t.Errorf("redirect_uri = %q, want http://127.0.0.1:<port> with no path", ru)
	}
	stored, err := h.m.Stored()
	if err != nil || stored.RefreshToken == "" || stored.Tenant.Ctx != h.sim.Ctx() {
		t.Fatalf("stored = %v, %v", stored, err)
	}
	tok, err := s.Token()
	if err != nil || tok.AccessToken == "" {
		t.Fatalf("Token: %v", err)
	}
	// A new process resumes from the keyring.
	m2 := &Manager{Store: h.m.Store, HTTPClient: h.m.HTTPClient}
	s2, err := m2.Session(context.Background())
	if err != nil || s2.Tenant().Ctx != h.sim.Ctx() {
		t.Fatalf("resume: %v", err)
	}
	if _, err := s2.Token(); err != nil {
		t.Fatalf("resumed Token: %v", err)
	}
	if len(h.sim.Violations()) != 0 {
		t.Errorf("violations: %+v", h.sim.Violations())
	}
	if err := h.m.Disconnect(); err != nil || h.kr.Len() != 0 {
		t.Errorf("Disconnect: %v, %d entries left", err, h.kr.Len())
	}
}

func TestDeniedConsent(t *testing.T) {
	h := newHarness(t, nil)
	h.sim.Faults().DenyAuthorize(true)
	_, err := h.connect(t)
	if !errors.Is(err, ErrAccessDenied) || !strings.Contains(err.Error(), "adgang afvist") {
		t.Fatalf("err = %v, want adgang afvist", err)
	}
	if h.kr.Len() != 0 || h.rw.requests() != 0 {
		t.Errorf("denied consent stored %d entries / made %d token requests", h.kr.Len(), h.rw.requests())
	}
}

func TestWrongStateNeverReachesTheTokenEndpoint(t *testing.T) {
	h := newHarness(t, nil)
	var good string
	h.b.rewrite = func(u *url.URL) {
		good = u.String()
		q := u.Query()
		q.Set("state", "forged")
		u.RawQuery = q.Encode()
	}
	done := make(chan error, 1)
	go func() { _, err := h.connect(t); done <- err }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		h.b.mu.Lock()
		n := len(h.b.answers)
		h.b.mu.Unlock()
		if n > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if h.b.answers[0] != http.StatusBadRequest || h.rw.requests() != 0 {
		t.Fatalf("forged state answered %v with %d token requests", h.b.answers, h.rw.requests())
	}
	// The genuine callback still completes the sign-in.
	h.b.visit(good)
	if err := <-done; err != nil {
		t.Fatalf("Connect after a forged callback: %v", err)
	}
	// A replayed callback does not start a second exchange.
	h.b.visit(good)
	if h.rw.requests() != 1 {
		t.Errorf("%d token requests, want 1", h.rw.requests())
	}
	if last := h.b.answers[len(h.b.answers)-1]; last == http.StatusOK {
		t.Errorf("replayed callback answered 200")
	}
}

func TestBadIDTokensStoreNothing(t *testing.T) {
	base := func(h *harness, m map[string]any) map[string]any {
		c := claimsOf(h.b.t, m["id_token"].(string))
		return c
	}
	for _, tc := range []struct {
		name   string
		change func(h *harness, m map[string]any)
		want   string
	}{
		{"tampered", func(h *harness, m map[string]any) {
			raw := m["id_token"].(string)
			parts := strings.Split(raw, ".")
			c := claimsOf(h.b.t, raw)
			c[claimPrefix+"ctx"] = "Cust666"
			b, _ := json.Marshal(c)
			m["id_token"] = parts[0] + "." + b64(b) + "." + parts[2]
		}, "did not verify"},
		{"expired", func(h *harness, m map[string]any) {
			c := base(h, m)
			c["exp"] = time.Now().Add(-2 * time.Hour).Unix()
			m["id_token"] = forge(h.b.t, c)
		}, "expired"},
		{"wrong audience", func(h *harness, m map[string]any) {
			c := base(h, m)
			c["aud"] = "someone-else"
			m["id_token"] = forge(h.b.t, c)
		}, "did not verify"},
		{"wrong nonce", func(h *harness, m map[string]any) {
			c := base(h, m)
			c["nonce"] = "replayed"
			m["id_token"] = forge(h.b.t, c)
		}, "wrong nonce"},
		{"foreign webapi_url", func(h *harness, m map[string]any) {
			c := base(h, m)
			c[claimPrefix+"webapi_url"] = "https://evil.example.com/Cust1/api/"
			m["id_token"] = forge(h.b.t, c)
		}, "refusing webapi_url"},
		{"no id_token", func(h *harness, m map[string]any) { delete(m, "id_token") }, "no id_token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, nil)
			h.b.t = t
			h.rw.fn = func(m map[string]any) { tc.change(h, m) }
			_, err := h.connect(t)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			if h.kr.Len() != 0 {
				t.Errorf("%d keyring entries after a bad id_token", h.kr.Len())
			}
		})
	}
}

func TestRefreshOnceForConcurrentCallers(t *testing.T) {
	h := newHarness(t, nil)
	s, err := h.connect(t)
	if err != nil {
		t.Fatal(err)
	}
	before := h.rw.requests()
	s.Invalidate()
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for range 20 {
		wg.Add(1)
		go func() { defer wg.Done(); _, err := s.Token(); errs <- err }()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := h.rw.requests() - before; got != 1 {
		t.Errorf("%d token requests for 20 concurrent callers, want 1", got)
	}
}

func TestRevokedRefreshTokenDisconnects(t *testing.T) {
	h := newHarness(t, nil)
	s, err := h.connect(t)
	if err != nil {
		t.Fatal(err)
	}
	h.sim.Faults().RevokeRefreshTokens()
	s.Invalidate()
	_, err = s.Token()
	if !errors.Is(err, ErrNotConnected) {
		t.Fatalf("Token after revoke = %v, want ErrNotConnected", err)
	}
	if h.kr.Len() != 0 {
		t.Errorf("revoked sign-in still in the keyring")
	}
	if _, err := h.m.Session(context.Background()); !errors.Is(err, ErrNotConnected) {
		t.Errorf("Session after revoke = %v", err)
	}
}

func TestKeyringMissingGivesRunOnlySession(t *testing.T) {
	h := newHarness(t, nil)
	h.kr.Fail = ErrKeyringUnavailable
	s, err := h.connect(t)
	if !errors.Is(err, ErrKeyringUnavailable) || s == nil || !s.RunOnly() {
		t.Fatalf("Connect = %v, %v; want a run-only session and ErrKeyringUnavailable", s, err)
	}
	if _, err := s.Token(); err != nil {
		t.Errorf("run-only session does not work: %v", err)
	}
}

func TestLargeRefreshTokenIsChunked(t *testing.T) {
	h := newHarness(t, nil)
	big := strings.Repeat("x", 3000)
	h.rw.fn = func(m map[string]any) { m["refresh_token"] = big }
	if _, err := h.connect(t); err != nil {
		t.Fatal(err)
	}
	c, err := h.m.Stored()
	if err != nil || c.RefreshToken != big {
		t.Fatalf("stored token of %d bytes, %v", len(c.RefreshToken), err)
	}
}

func TestSecretsNeverInErrors(t *testing.T) {
	h := newHarness(t, func(c *sotest.Config) { c.ClientSecret = "right-secret" })
	h.cfg.ClientSecret = "SECRET-CLIENT-VALUE"
	var code string
	h.b.rewrite = func(u *url.URL) { code = u.Query().Get("code") }
	_, err := h.connect(t)
	if err == nil {
		t.Fatal("a wrong client secret was accepted")
	}
	for _, secret := range []string{"SECRET-CLIENT-VALUE", code} {
		if secret != "" && strings.Contains(err.Error(), secret) {
			t.Errorf("error %q contains a secret", err)
		}
	}
}

func TestConfigValidation(t *testing.T) {
	for _, tc := range []struct {
		cfg  Config
		want string
	}{
		{Config{ClientID: "x", Authority: "http://example.com/login"}, "must use https"},
		{Config{Authority: "https://sod.superoffice.com/login"}, "not registered with SuperOffice"},
	} {
		if err := tc.cfg.validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("validate(%+v) = %v, want %q", tc.cfg, err, tc.want)
		}
	}
	if a, _ := (Config{ClientID: "x", Environment: EnvStage}).authority(); a.String() != "https://qaonline.superoffice.com/login" {
		t.Errorf("stage authority = %s", a)
	}
	if _, err := ParseEnvironment("prod"); err == nil {
		t.Error("ParseEnvironment(prod) accepted")
	}
	if err := OpenURL("file:///etc/passwd", func(string) error { return nil }); err == nil {
		t.Error("OpenURL opened a file: URL")
	}
	if err := checkAPIURL("https://sod2.superoffice.com/Cust1/api/", false); err != nil {
		t.Error(err)
	}
	if err := checkAPIURL("http://127.0.0.1:9/Cust1/api/", false); err == nil {
		t.Error("loopback webapi_url accepted for a real authority")
	}
}

func b64(b []byte) string { return strings.TrimRight(base64.RawURLEncoding.EncodeToString(b), "=") }
