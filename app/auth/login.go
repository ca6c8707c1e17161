package auth

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

const claimPrefix = "http://schemes.superoffice.net/identity/"

// Prompt is how Login reaches the user.
type Prompt struct {
	// OpenBrowser opens the sign-in page in the system browser.
	OpenBrowser func(url string) error
	// ShowURL is called with the sign-in URL before the browser opens, so
	// the user can copy it whenever the browser shows nothing: a blocked
	// pop-up, a browser on another screen, or one they would rather not
	// use (the guide's "brug en anden browser"). Login keeps waiting.
	ShowURL func(url string)
}

// provider is a discovered SuperOffice login service.
type provider struct {
	oauth    *oauth2.Config
	verifier *oidc.IDTokenVerifier
	loopback bool // authority on 127.0.0.1: the simulator
}

// discover reads the authority's OpenID configuration. SuperOffice's
// discovery document says issuer = host root while it is served under
// /login, so the issuer is pinned explicitly.
func discover(ctx context.Context, cfg Config, hc *http.Client, now func() time.Time) (*provider, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	a, _ := cfg.authority()
	ctx = oidc.ClientContext(ctx, hc)
	ctx = oidc.InsecureIssuerURLContext(ctx, issuerFor(a))
	p, err := oidc.NewProvider(ctx, a.String())
	if err != nil {
		return nil, fmt.Errorf("read SuperOffice's sign-in configuration at %s: %w", a, err)
	}
	ep := p.Endpoint()
	ep.AuthStyle = oauth2.AuthStyleInParams
	oc := &oauth2.Config{ClientID: cfg.ClientID, ClientSecret: cfg.ClientSecret, Endpoint: ep, Scopes: []string{oidc.ScopeOpenID}}
	v := p.Verifier(&oidc.Config{ClientID: cfg.ClientID, SupportedSigningAlgs: []string{oidc.RS256},
		// A little leeway for the desktop's clock against SuperOffice's.
		Now: func() time.Time { return now().Add(-time.Minute) }})
	return &provider{oauth: oc, verifier: v, loopback: isLoopbackHost(a.Hostname())}, nil
}

func randomString() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// login runs the authorization code flow with PKCE through the browser and
// returns the verified token and tenant.
func login(ctx context.Context, cfg Config, p *provider, hc *http.Client, prompt Prompt) (*oauth2.Token, Tenant, error) {
	state, err := randomString()
	if err != nil {
		return nil, Tenant{}, err
	}
	nonce, err := randomString()
	if err != nil {
		return nil, Tenant{}, err
	}
	verifier := oauth2.GenerateVerifier()
	lb, err := listenLoopback(cfg.RedirectPath, state)
	if err != nil {
		return nil, Tenant{}, err
	}
	oc := *p.oauth
	oc.RedirectURL = lb.redirectURI()
	authURL := oc.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier), oidc.Nonce(nonce))
	if prompt.ShowURL != nil {
		prompt.ShowURL(authURL)
	}
	if prompt.OpenBrowser != nil {
		// A browser that fails to open is no error: the link is shown.
		_ = OpenURL(authURL, prompt.OpenBrowser)
	}
	code, err := lb.wait(ctx)
	if err != nil {
		return nil, Tenant{}, err
	}
	tok, err := oc.Exchange(oidc.ClientContext(ctx, hc), code, oauth2.VerifierOption(verifier))
	if err != nil {
		return nil, Tenant{}, fmt.Errorf("exchange the sign-in code with SuperOffice: %w", redactErr(err))
	}
	t, err := p.verifyTenant(ctx, hc, tok, nonce)
	if err != nil {
		return nil, Tenant{}, err
	}
	return tok, t, nil
}

// verifyTenant verifies the id_token that came with tok and reads the
// tenant from its SuperOffice claims. nonce is checked when not empty
// (refresh responses carry no nonce of ours).
func (p *provider) verifyTenant(ctx context.Context, hc *http.Client, tok *oauth2.Token, nonce string) (Tenant, error) {
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return Tenant{}, errors.New("SuperOffice sent no id_token")
	}
	idt, err := p.verifier.Verify(oidc.ClientContext(ctx, hc), raw)
	if err != nil {
		return Tenant{}, fmt.Errorf("SuperOffice's id_token did not verify: %w", err)
	}
	if nonce != "" && idt.Nonce != nonce {
		return Tenant{}, errors.New("SuperOffice's id_token did not verify: wrong nonce")
	}
	var claims map[string]any
	if err := idt.Claims(&claims); err != nil {
		return Tenant{}, fmt.Errorf("read id_token claims: %w", err)
	}
	str := func(k string) string { s, _ := claims[claimPrefix+k].(string); return s }
	t := Tenant{Ctx: str("ctx"), APIURL: str("webapi_url"), CompanyName: str("company_name"), Email: str("email"), User: idt.Subject}
	if t.Ctx == "" {
		return Tenant{}, errors.New("SuperOffice's id_token names no tenant (ctx claim)")
	}
	if err := checkAPIURL(t.APIURL, p.loopback); err != nil {
		return Tenant{}, err
	}
	if !strings.HasSuffix(t.APIURL, "/") {
		t.APIURL += "/"
	}
	return t, nil
}

// checkAPIURL refuses a webapi_url that would send our token anywhere but
// SuperOffice: https on *.superoffice.com, or loopback when the authority
// itself is on loopback (the simulator).
func checkAPIURL(s string, loopback bool) error {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return fmt.Errorf("SuperOffice sent an unusable webapi_url %q", s)
	}
	h := strings.ToLower(u.Hostname())
	if u.Scheme == "https" && strings.HasSuffix(h, ".superoffice.com") {
		return nil
	}
	if loopback && isLoopbackHost(h) && (u.Scheme == "http" || u.Scheme == "https") {
		return nil
	}
	return fmt.Errorf("refusing webapi_url %q: the tenant must be on https://*.superoffice.com", s)
}

// redactErr drops the response body of a token endpoint error, which may
// echo the code or a token, keeping only the OAuth error code.
func redactErr(err error) error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		code := re.ErrorCode
		if code == "" && re.Response != nil {
			code = re.Response.Status
		}
		return &tokenError{code: code}
	}
	return err
}

// tokenError is a token endpoint failure with nothing secret in it.
type tokenError struct{ code string }

func (e *tokenError) Error() string { return "token endpoint answered " + e.code }

// isInvalidGrant reports whether SuperOffice refused the refresh token:
// revoked consent or an expired token, so the user must connect again.
func isInvalidGrant(err error) bool {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		return re.ErrorCode == "invalid_grant"
	}
	var te *tokenError
	return errors.As(err, &te) && te.code == "invalid_grant"
}
