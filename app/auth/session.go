package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// Manager owns the one SuperOffice connection of the app: connecting,
// resuming from the keyring, and disconnecting.
type Manager struct {
	Store       CredentialStore
	HTTPClient  *http.Client       // for the login service; nil = a client with a timeout
	OpenBrowser func(string) error // nil = SystemBrowser
	Now         func() time.Time
	// Sleep waits between refresh retries; nil waits on the wall clock.
	// Tests pass a fake that returns at once and records the waits.
	Sleep func(ctx context.Context, d time.Duration) error
	// ClientSecret is the optional secret of app ClientSecretFor; it is
	// configuration, not a credential of the user, so it is never stored.
	ClientSecret, ClientSecretFor string

	mu      sync.Mutex
	session *Session
}

func (m *Manager) httpClient() *http.Client {
	if m.HTTPClient != nil {
		return m.HTTPClient
	}
	return &http.Client{Timeout: 30 * time.Second}
}

func (m *Manager) now() time.Time {
	if m.Now != nil {
		return m.Now()
	}
	return time.Now()
}

// Connect signs in through the browser and stores the refresh token. If
// the keyring is unavailable the session still works for this run and the
// error wraps ErrKeyringUnavailable, so the caller can say so plainly.
// Connecting replaces any earlier tenant: the app holds one at a time.
func (m *Manager) Connect(ctx context.Context, cfg Config, showURL func(string)) (*Session, error) {
	p, err := discover(ctx, cfg, m.httpClient(), m.now)
	if err != nil {
		return nil, err
	}
	open := m.OpenBrowser
	if open == nil {
		open = SystemBrowser
	}
	tok, tenant, err := login(ctx, cfg, p, m.httpClient(), Prompt{OpenBrowser: open, ShowURL: showURL})
	if err != nil {
		return nil, err
	}
	a, _ := cfg.authority()
	creds := Credentials{RefreshToken: tok.RefreshToken, Environment: cfg.Environment, Authority: a.String(), ClientID: cfg.ClientID, Tenant: tenant}
	if creds.RefreshToken == "" {
		return nil, errors.New("SuperOffice sent no refresh token; the app cannot stay connected")
	}
	s := newSession(m, cfg, p, creds, tok)
	// Save replaces the earlier sign-in and removes its leftovers only once
	// the new one is stored: a failed save keeps the old one usable.
	saveErr := m.Store.Save(&creds)
	if saveErr != nil {
		s.runOnly = true
	}
	m.mu.Lock()
	m.session = s
	m.mu.Unlock()
	if saveErr != nil {
		return s, fmt.Errorf("connected to %s, but the sign-in could not be saved, so it lasts for this run only: %w", tenant.CompanyName, saveErr)
	}
	return s, nil
}

// Session returns the connected session, resuming it from the keyring.
// It returns an error wrapping ErrNotConnected when there is none.
func (m *Manager) Session(ctx context.Context) (*Session, error) {
	m.mu.Lock()
	s := m.session
	m.mu.Unlock()
	if s != nil {
		return s, nil
	}
	creds, err := m.Store.Load()
	if err != nil {
		return nil, err
	}
	cfg := Config{Environment: creds.Environment, Authority: creds.Authority, ClientID: creds.ClientID}
	if creds.ClientID == m.ClientSecretFor {
		cfg.ClientSecret = m.ClientSecret
	}
	p, err := discover(ctx, cfg, m.httpClient(), m.now)
	if err != nil {
		return nil, err
	}
	s = newSession(m, cfg, p, *creds, nil)
	m.mu.Lock()
	if m.session == nil {
		m.session = s
	} else {
		s = m.session
	}
	m.mu.Unlock()
	return s, nil
}

// Current returns the session in memory, if any, without resuming one
// from the keyring.
func (m *Manager) Current() *Session {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.session
}

// Stored returns the stored tenant without any network call, for showing
// the status at start-up.
func (m *Manager) Stored() (*Credentials, error) { return m.Store.Load() }

// Disconnect forgets the sign-in: the keyring entries and the session in
// memory. No lead, history or SuperOffice id is deleted.
func (m *Manager) Disconnect() error {
	m.mu.Lock()
	m.session = nil
	m.mu.Unlock()
	return m.Store.Delete()
}

// dropSession is called when SuperOffice refused the refresh token
// refused. The stored sign-in is deleted only if it still holds that
// token: the user may have connected again in another process meanwhile.
func (m *Manager) dropSession(s *Session, refused string) {
	m.mu.Lock()
	if m.session == s {
		m.session = nil
	}
	m.mu.Unlock()
	_, _ = m.Store.DeleteIf(refused)
}

// Session is a connected tenant. Its TokenSource refreshes the access
// token once for all concurrent callers and persists a new refresh token.
type Session struct {
	m       *Manager
	cfg     Config
	p       *provider
	runOnly bool // the keyring could not store it

	mu     sync.Mutex
	creds  Credentials
	tok    *oauth2.Token
	closed bool
}

func newSession(m *Manager, cfg Config, p *provider, creds Credentials, tok *oauth2.Token) *Session {
	return &Session{m: m, cfg: cfg, p: p, creds: creds, tok: tok}
}

// Tenant returns the connected tenant.
func (s *Session) Tenant() Tenant {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.creds.Tenant
}

// Environment returns the environment the session signed in to.
func (s *Session) Environment() Environment { return s.creds.Environment }

// RunOnly reports whether the sign-in lives in memory only (no keyring).
func (s *Session) RunOnly() bool { return s.runOnly }

// Token returns a valid access token, refreshing it if needed. Concurrent
// callers wait for one refresh. It implements oauth2.TokenSource.
func (s *Session) Token() (*oauth2.Token, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, ErrNotConnected
	}
	if s.tok.Valid() {
		return s.tok, nil
	}
	return s.refreshLocked(context.Background())
}

// Invalidate drops the cached access token so the next Token refreshes;
// the REST client calls it after a 401.
func (s *Session) Invalidate() {
	s.mu.Lock()
	s.tok = nil
	s.mu.Unlock()
}

// ResolveAPIURL refreshes the tokens and returns the tenant's current
// webapi_url from the fresh id_token: what to do after a 421, when the
// tenant has moved to another host.
func (s *Session) ResolveAPIURL(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.refreshLocked(ctx); err != nil {
		return "", err
	}
	return s.creds.Tenant.APIURL, nil
}
