// Package tenant is the app's one connection to a SuperOffice tenant. It
// builds the auth manager, the REST client and the export engine once, for
// the window and the CLI alike, and settles the creates an earlier run left
// unfinished before the engine's first export. It also gives a refused
// sign-in one meaning everywhere: it reads as auth.ErrNotConnected, so the
// window offers "Forbind igen" and every command exits 3.
package tenant

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// Options are what a Service is built from. Nil hooks are the real ones.
type Options struct {
	// DB holds the leads; nil for a service that only reads the tenant
	// (the fields check), which then has no engine.
	DB *store.DB
	// Keyring keeps the sign-in; nil is the OS keyring.
	Keyring auth.Keyring
	// Getenv supplies the app's optional client secret
	// (auth.ConfigFromEnv); nil reads none.
	Getenv func(string) string
	// HTTPClient carries the sign-in and the REST API; nil is their
	// defaults (a 30 s sign-in timeout; API requests bounded by ctx).
	HTTPClient  *http.Client
	OpenBrowser func(string) error
	Now         func() time.Time
	// APIURL and AccessToken (RABITIQ_SO_API_URL and
	// RABITIQ_SO_ACCESS_TOKEN), when either is set, stand in for the
	// stored sign-in with a fixed bearer token: scripts and tests.
	APIURL, AccessToken string
	// Log records syncs, SuperOffice errors and sign-in events (the
	// logbook's file); nil logs nothing.
	Log *slog.Logger
}

// Service is the connection to the tenant the user signed in to. It is
// safe for concurrent use: the window's screens share one.
type Service struct {
	// Mgr owns the sign-in; the window reads its state for Integrationer.
	Mgr *auth.Manager

	db                  *store.DB
	hc                  *http.Client
	now                 func() time.Time
	apiURL, accessToken string
	log                 *slog.Logger

	mu         sync.Mutex
	built      bool   // cl (and eng, with a database) are for tenant forCtx
	forCtx     string // tenant the client and engine are for, e.g. Cust12345
	cl         *so.Client
	eng        *export.Engine
	reconciled bool // eng has settled the interrupted creates (or tried)
}

// New builds the service. Nothing is read from the keyring or the network
// until the first call that needs the tenant.
func New(o Options) *Service {
	kr := o.Keyring
	if kr == nil {
		kr = auth.OSKeyring{}
	}
	m := &auth.Manager{Store: auth.CredentialStore{Keyring: kr}, HTTPClient: o.HTTPClient, OpenBrowser: o.OpenBrowser, Now: o.Now}
	if o.Getenv != nil {
		cfg := auth.ConfigFromEnv(o.Getenv, "")
		m.ClientSecret, m.ClientSecretFor = cfg.ClientSecret, cfg.ClientID
	}
	now := o.Now
	if now == nil {
		now = time.Now
	}
	log := o.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Service{Mgr: m, db: o.DB, hc: o.HTTPClient, now: now, apiURL: o.APIURL, accessToken: o.AccessToken, log: log}
}

// Conn is how the service reaches the tenant: a fixed bearer token or the
// stored OAuth session.
type Conn struct {
	Tenant  auth.Tenant
	Source  oauth2.TokenSource
	Session *auth.Session // nil for a fixed token
	Env     auth.Environment
}

// Conn returns the current connection, resuming the sign-in from the
// keyring, or an error wrapping auth.ErrNotConnected when there is none.
func (s *Service) Conn(ctx context.Context) (*Conn, error) {
	if s.apiURL != "" || s.accessToken != "" {
		return s.fixedToken()
	}
	sess, err := s.Mgr.Session(ctx)
	if err != nil {
		return nil, Refused(err)
	}
	return &Conn{Tenant: sess.Tenant(), Source: sess, Session: sess, Env: sess.Environment()}, nil
}

func (s *Service) fixedToken() (*Conn, error) {
	api, tok := s.apiURL, s.accessToken
	if api == "" || tok == "" {
		return nil, errors.New("set both RABITIQ_SO_API_URL and RABITIQ_SO_ACCESS_TOKEN, or neither")
	}
	// The token goes in every request's Authorization header: never over
	// plain http to another machine.
	if _, err := auth.CheckSecureURL("RABITIQ_SO_API_URL", api); err != nil {
		return nil, err
	}
	if !strings.HasSuffix(api, "/") {
		api += "/"
	}
	return &Conn{Tenant: auth.Tenant{APIURL: api, Ctx: ctxFromAPIURL(api)},
		Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok, TokenType: "Bearer"})}, nil
}

// ctxFromAPIURL reads Cust12345 from https://host/Cust12345/api/.
func ctxFromAPIURL(api string) string {
	parts := strings.Split(strings.Trim(api, "/"), "/")
	if len(parts) >= 2 && parts[len(parts)-1] == "api" {
		return parts[len(parts)-2]
	}
	return ""
}

// Client returns the connection and its REST client, built once per
// tenant.
func (s *Service) Client(ctx context.Context) (*Conn, *so.Client, error) {
	c, err := s.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.buildLocked(c); err != nil {
		return nil, nil, err
	}
	return c, s.cl, nil
}

// buildLocked makes the client (and, with a database, the engine) for c's
// tenant unless they are built already. s.mu is held.
func (s *Service) buildLocked(c *Conn) error {
	if s.built && s.forCtx == c.Tenant.Ctx {
		return nil
	}
	var resolve func(context.Context) (string, error)
	if c.Session != nil {
		resolve = c.Session.ResolveAPIURL
	}
	cl, err := export.NewClient(c.Tenant.APIURL, c.Source, resolve, s.hc)
	if err != nil {
		return err
	}
	s.built, s.forCtx, s.cl, s.eng, s.reconciled = true, c.Tenant.Ctx, cl, nil, false
	if s.db != nil {
		s.eng = export.New(s.db, cl, export.Tenant{Ctx: c.Tenant.Ctx, User: c.Tenant.User}, s.now)
	}
	return nil
}

// Engine returns the export engine for the connected tenant. The first
// call for a tenant settles the creates an earlier run left unfinished
// (Engine.Reconcile), as the app does at start-up: a company that was
// created is linked to its lead before anything offers it for review. Its
// error is returned once; the engine is kept, and a lead's own sync
// settles its intent again.
func (s *Service) Engine(ctx context.Context) (*export.Engine, error) {
	if s.db == nil {
		return nil, errors.New("tenant: the export engine needs the leads database")
	}
	c, err := s.Conn(ctx)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.buildLocked(c); err != nil {
		return nil, err
	}
	if !s.reconciled {
		s.reconciled = true
		if _, err := s.eng.Reconcile(ctx); err != nil {
			return nil, Refused(fmt.Errorf("check interrupted exports: %w", err))
		}
	}
	return s.eng, nil
}

// Connect signs in through the browser (auth.Manager.Connect) and drops
// the client and engine of the tenant connected before.
func (s *Service) Connect(ctx context.Context, cfg auth.Config, showURL func(string)) (*auth.Session, error) {
	sess, err := s.Mgr.Connect(ctx, cfg, showURL)
	s.forget()
	s.logConnect(ctx, cfg, sess, err)
	return sess, err
}

// Disconnect removes the stored sign-in; leads and history are kept.
func (s *Service) Disconnect() error {
	s.forget()
	err := s.Mgr.Disconnect()
	s.logDisconnect(err)
	return err
}

func (s *Service) forget() {
	s.mu.Lock()
	s.built, s.forCtx, s.cl, s.eng, s.reconciled = false, "", nil, nil, false
	s.mu.Unlock()
}

// Refused makes a refused sign-in read as not connected: a 401 from
// SuperOffice after a refresh means the same to the user as a revoked
// sign-in, connect again. The result wraps both err and
// auth.ErrNotConnected; any other error is returned as it is.
func Refused(err error) error {
	if err == nil || errors.Is(err, auth.ErrNotConnected) || !export.SignInRefused(err) {
		return err
	}
	return fmt.Errorf("SuperOffice refused the sign-in (%w): %w", err, auth.ErrNotConnected)
}
