package sotest

import (
	"context"
	"crypto/rsa"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Config configures a simulated tenant.
type Config struct {
	// Ctx is the tenant context identifier (default "Cust12345").
	Ctx string
	// ClientID is the registered app's client_id (default
	// "rabitiq-superoffice-sync-sim").
	ClientID string
	// ClientSecret is optional: when set, a client_secret sent to the token
	// endpoint must match it; a PKCE-only public client may omit it.
	ClientSecret string
	// CompanyName is the tenant's company (company_name claim), default
	// "RabitIQ Demo ApS".
	CompanyName string
	// UserEmail is the signed-in user's e-mail/SuperID (sub, email claims),
	// default "demo@rabitiq.dk".
	UserEmail string
	// UserName is the user's full name, default "Demo Bruger".
	UserName string
	// AutoApprove makes the authorize endpoint redirect back immediately
	// instead of showing the approve page.
	AutoApprove bool
	// Seed is the initial state; nil means an empty tenant with the 37
	// RabitIQ fields on Contact.
	Seed *Seed
	// Logf, if set, receives one line per request and notable events.
	Logf func(format string, args ...any)

	// RedirectPattern is the registered redirect-URI regex, default
	// `^http://127\.0\.0\.1:\d{4,10}(/.*)?$` (the Native-app template
	// `^http://127.0.0.1\:\d{4,10}$` plus an optional path). Use
	// `^http://127\.0\.0\.1:\d{4,10}$` to mimic the template exactly.
	RedirectPattern string
	// AccessTokenTTL is the access-token lifetime (default 1h, expires_in
	// 3600).
	AccessTokenTTL time.Duration
	// OmitKid signs id_tokens with the documented header (x5t, no kid)
	// instead of kid+x5t.
	OmitKid bool
	// SigningKey signs id_tokens (RS256, at least 2048 bits). Nil means a
	// key generated once per process.
	SigningKey *rsa.PrivateKey
	// ODataStringValues renders OData Slim PrimaryKey and integer columns
	// as strings ("PrimaryKey":"25"), as in the documented sample, instead
	// of JSON numbers.
	ODataStringValues bool
	// Strict makes the tenant take the least forgiving reading of every
	// behaviour docs/superoffice-api.md marks UNCONFIRMED, so a client that
	// passes against it does not lean on a guess: a PATCH or PUT of
	// CustomFields replaces the whole dictionary, a merge-patch array
	// replaces the list, the OData doubled quote '' is a 400, and a request
	// naming an unknown property or custom field is a 400 instead of being
	// skipped. Default (false) is the forgiving reading.
	Strict bool
	// RotateRefreshTokens makes every refresh answer with a new refresh
	// token and revoke the one used, as OAuth 2.1 asks of public clients.
	// SuperOffice documents no rotation; the option proves the app keeps
	// the newest token (a client that does not save it is signed out at
	// its next start).
	RotateRefreshTokens bool
}

// Server is a simulated SuperOffice CRM Online tenant: the OIDC login
// service, the tenant's REST WebAPI, the tenant State API and the /_sim
// inspection and fault endpoints. It is an http.Handler (for httptest) and
// can listen by itself (Start).
type Server struct {
	cfg        Config
	schemas    *schemaSet
	redirectRE *regexp.Regexp
	rec        recorder
	faults     *Faults
	auth       *authState

	mu            sync.Mutex // guards the tenant state below
	contactFields []CustomFieldDef
	personFields  []CustomFieldDef
	countries     []Country
	homeCountry   int
	contacts      map[int]*entity
	persons       map[int]*entity
	nextContact   int
	nextPerson    int
	appts         apptState             // follow-ups (appointment.go)
	lists         map[string][]ListItem // Category, Business, Task

	urlMu   sync.RWMutex
	baseURL string
	httpSrv *http.Server

	closing   chan struct{}
	closeOnce sync.Once
}

// New creates a simulated tenant. It does not listen; call Start or mount
// it as an http.Handler (then call SetURL with the server's URL).
func New(cfg Config) (*Server, error) {
	if cfg.Ctx == "" {
		cfg.Ctx = "Cust12345"
	}
	if cfg.ClientID == "" {
		cfg.ClientID = "rabitiq-superoffice-sync-sim"
	}
	if cfg.CompanyName == "" {
		cfg.CompanyName = "RabitIQ Demo ApS"
	}
	if cfg.UserEmail == "" {
		cfg.UserEmail = "demo@rabitiq.dk"
	}
	if cfg.UserName == "" {
		cfg.UserName = "Demo Bruger"
	}
	if cfg.RedirectPattern == "" {
		cfg.RedirectPattern = `^http://127\.0\.0\.1:\d{4,10}(/.*)?$`
	}
	if cfg.AccessTokenTTL <= 0 {
		cfg.AccessTokenTTL = time.Hour
	}
	if strings.ContainsAny(cfg.Ctx, "/?#% ") {
		return nil, fmt.Errorf("simulator: invalid Ctx %q", cfg.Ctx)
	}
	re, err := regexp.Compile(cfg.RedirectPattern)
	if err != nil {
		return nil, fmt.Errorf("simulator: RedirectPattern: %w", err)
	}
	schemas, err := loadSchemas()
	if err != nil {
		return nil, err
	}
	auth, err := newAuthState(cfg.SigningKey)
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg: cfg, schemas: schemas, redirectRE: re, faults: &Faults{auth: auth}, auth: auth,
		contacts: map[int]*entity{}, persons: map[int]*entity{},
		nextContact: 1, nextPerson: 1, closing: make(chan struct{}),
	}
	if err := s.applySeed(cfg.Seed); err != nil {
		return nil, err
	}
	return s, nil
}

// Start listens on addr (e.g. "127.0.0.1:0") and serves in the background.
// URL() is valid once Start returns.
func (s *Server) Start(addr string) error {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	s.urlMu.Lock()
	s.httpSrv = srv
	s.baseURL = "http://" + ln.Addr().String()
	s.urlMu.Unlock()
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.logf("simulator: serve: %v", err)
		}
	}()
	return nil
}

// SetURL sets the base URL ("http://127.0.0.1:PORT") when the Server is
// mounted elsewhere, e.g. httptest.NewServer(s). Without it the base URL
// is derived from each request's Host header.
func (s *Server) SetURL(base string) {
	s.urlMu.Lock()
	defer s.urlMu.Unlock()
	s.baseURL = strings.TrimRight(base, "/")
}

// URL returns the host root, e.g. "http://127.0.0.1:PORT". It is also the
// id_token issuer (the real service's quirk).
func (s *Server) URL() string {
	s.urlMu.RLock()
	defer s.urlMu.RUnlock()
	return s.baseURL
}

// Authority returns the OIDC authority, URL()+"/login".
func (s *Server) Authority() string { return s.URL() + "/login" }

// APIURL returns the tenant REST base URL()+"/<ctx>/api/" (the webapi_url
// claim).
func (s *Server) APIURL() string { return s.apiRoot(s.URL()) + "/" + s.cfg.Ctx + "/api/" }

// apiRoot is the host root the tenant's API lives on: base, or where
// Faults.MoveTenant moved it.
func (s *Server) apiRoot(base string) string {
	if m := s.faults.moved(); m != "" {
		return m
	}
	return base
}

// Strict reports whether the tenant runs in strict mode (Config.Strict).
func (s *Server) Strict() bool { return s.cfg.Strict }

// Ctx returns the tenant context identifier.
func (s *Server) Ctx() string { return s.cfg.Ctx }

// ClientID returns the registered client_id.
func (s *Server) ClientID() string { return s.cfg.ClientID }

// Faults returns the fault injector.
func (s *Server) Faults() *Faults { return s.faults }

// Close stops the listener (if Start was called) and releases hanging
// requests.
func (s *Server) Close() error {
	s.closeOnce.Do(func() { close(s.closing) })
	s.urlMu.RLock()
	srv := s.httpSrv
	s.urlMu.RUnlock()
	if srv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		return srv.Close()
	}
	return nil
}

// base returns the base URL for building links in a response.
func (s *Server) base(r *http.Request) string {
	if u := s.URL(); u != "" {
		return u
	}
	return "http://" + r.Host
}

func (s *Server) logf(format string, args ...any) {
	if s.cfg.Logf != nil {
		s.cfg.Logf(format, args...)
	}
}

// reqCtx carries one request through the handlers.
type reqCtx struct {
	s     *Server
	r     *http.Request
	w     *statusWriter
	seq   int
	body  []byte
	fault string
}

// violate records a violation for this request.
func (rc *reqCtx) violate(kind, pointer, msg string) {
	rc.s.rec.violate(rc.seq, rc.r, kind, pointer, msg)
	rc.s.logf("simulator: VIOLATION %s %s: %s %s: %s", rc.r.Method, rc.r.URL.Path, kind, pointer, msg)
}

// ServeHTTP serves the whole simulated service.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sw := &statusWriter{ResponseWriter: w}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 16<<20))
	if strings.HasPrefix(r.URL.Path, "/_sim/") { // control traffic is not logged
		s.handleControl(&reqCtx{s: s, r: r, w: sw, body: body})
		return
	}
	rc := &reqCtx{s: s, r: r, w: sw, seq: s.rec.start(r, body), body: body}
	start := time.Now()
	defer func() {
		if p := recover(); p != nil {
			s.logf("simulator: panic serving %s %s: %v", r.Method, r.URL.Path, p)
			if sw.status == 0 {
				writeSOError(sw, http.StatusInternalServerError, "SoException", fmt.Sprint(p))
			}
		}
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		s.rec.finish(rc.seq, sw.status, time.Since(start), rc.fault)
		s.logf("simulator: %s %s -> %d (%s)%s", r.Method, r.URL.RequestURI(), sw.status, time.Since(start).Round(time.Millisecond), faultNote(rc.fault))
	}()
	s.dispatch(rc)
}

func faultNote(f string) string {
	if f == "" {
		return ""
	}
	return " fault=" + f
}

// dispatch routes a request.
func (s *Server) dispatch(rc *reqCtx) {
	path := rc.r.URL.EscapedPath()
	if d := s.faults.latencyFor(); d > 0 {
		rc.fault = "latency"
		if !s.sleep(rc.r.Context(), d) {
			return
		}
	}
	segs := splitPath(path)
	switch {
	case len(segs) >= 1 && segs[0] == "login":
		s.handleLogin(rc, segs[1:])
	case len(segs) == 3 && strings.EqualFold(segs[0], "api") && strings.EqualFold(segs[1], "state"):
		if !s.applyRule(rc, false) {
			s.handleState(rc, segs[2])
		}
	case len(segs) >= 2 && strings.EqualFold(segs[1], "api"):
		s.handleTenant(rc, segs[0], segs[2:])
	default:
		rc.violate(KindRequest, "", "no such endpoint: "+rc.r.Method+" "+path)
		http.NotFound(rc.w, rc.r)
	}
}

// sleep waits d, or until the client goes away or the server closes. It
// reports whether the full duration elapsed.
func (s *Server) sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	case <-s.closing:
		return false
	}
}
