package sotest

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"golang.org/x/oauth2"
)

const testRedirect = "http://127.0.0.1:53682"

// browser does not follow redirects, so the test reads the Location.
var browser = &http.Client{
	Timeout:       10 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

func oauthConfig(s *Server) *oauth2.Config {
	return &oauth2.Config{
		ClientID: s.ClientID(), RedirectURL: testRedirect, Scopes: []string{"openid"},
		Endpoint: oauth2.Endpoint{
			AuthURL:   s.Authority() + "/common/oauth/authorize",
			TokenURL:  s.Authority() + "/common/oauth/tokens",
			AuthStyle: oauth2.AuthStyleInParams,
		},
	}
}

// authorize runs the browser part with auto-approve and returns the
// redirect's query.
func authorize(t *testing.T, s *Server, verifier, state, nonce string) url.Values {
	t.Helper()
	u := oauthConfig(s).AuthCodeURL(state, oauth2.S256ChallengeOption(verifier), oidc.Nonce(nonce))
	resp, err := browser.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("authorize: status %d", resp.StatusCode)
	}
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(loc.String(), testRedirect) {
		t.Fatalf("redirected to %s", loc)
	}
	return loc.Query()
}

// postForm posts a token request and decodes the JSON answer.
func postForm(t *testing.T, endpoint string, form url.Values) (int, map[string]any) {
	t.Helper()
	resp, err := http.PostForm(endpoint, form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	raw, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(raw, &out)
	return resp.StatusCode, out
}

func TestDiscoveryIssuerIsHostRoot(t *testing.T) {
	s := newSim(t, Config{})
	var doc map[string]any
	resp, err := http.Get(s.Authority() + "/.well-known/openid-configuration")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"issuer":                 s.URL(),
		"authorization_endpoint": s.URL() + "/login/common/oauth/authorize",
		"token_endpoint":         s.URL() + "/login/common/oauth/tokens",
		"jwks_uri":               s.URL() + "/login/.well-known/jwks",
	}
	for k, v := range want {
		if doc[k] != v {
			t.Errorf("%s = %v, want %s", k, doc[k], v)
		}
	}
	if doc["issuer"] == s.Authority() {
		t.Error("issuer must be the host root, not the /login authority")
	}
	// go-oidc rejects the mismatch unless told about it, like the real service.
	if _, err := oidc.NewProvider(context.Background(), s.Authority()); err == nil || !strings.Contains(err.Error(), "did not match the issuer") {
		t.Errorf("plain NewProvider: err = %v, want issuer mismatch", err)
	}
	ctx := oidc.InsecureIssuerURLContext(context.Background(), s.URL())
	if _, err := oidc.NewProvider(ctx, s.Authority()); err != nil {
		t.Errorf("NewProvider with InsecureIssuerURLContext: %v", err)
	}
	// Nothing is served at the issuer's own discovery URL.
	if r, err := http.Get(s.URL() + "/.well-known/openid-configuration"); err != nil || r.StatusCode != 404 {
		t.Errorf("root discovery: %v %v", r.StatusCode, err)
	}
}

func TestAuthCodeFlowAndIDToken(t *testing.T) {
	for _, omitKid := range []bool{false, true} {
		s := newSim(t, Config{AutoApprove: true, OmitKid: omitKid, CompanyName: "Acme Tenant ApS"})
		verifier := oauth2.GenerateVerifier()
		q := authorize(t, s, verifier, "st-123", "nonce-abc")
		if q.Get("state") != "st-123" || q.Get("code") == "" {
			t.Fatalf("callback query %v", q)
		}
		tok, err := oauthConfig(s).Exchange(context.Background(), q.Get("code"), oauth2.VerifierOption(verifier))
		if err != nil {
			t.Fatalf("Exchange: %v", err)
		}
		if tok.TokenType != "Bearer" || tok.RefreshToken == "" || !strings.HasPrefix(tok.AccessToken, "8A:"+s.Ctx()+".") {
			t.Errorf("token %+v", tok)
		}
		if got := tok.Extra("expires_in"); got != float64(3600) {
			t.Errorf("expires_in = %v", got)
		}
		rawID, _ := tok.Extra("id_token").(string)

		// iat is a JSON string in the raw payload, exp a number.
		parts := strings.Split(rawID, ".")
		payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
		var claims map[string]any
		if err := json.Unmarshal(payload, &claims); err != nil {
			t.Fatal(err)
		}
		if _, isStr := claims["iat"].(string); !isStr {
			t.Errorf("iat = %#v, want a string", claims["iat"])
		}
		if _, isNum := claims["exp"].(float64); !isNum {
			t.Errorf("exp = %#v, want a number", claims["exp"])
		}
		header, _ := base64.RawURLEncoding.DecodeString(parts[0])
		if strings.Contains(string(header), `"kid"`) == omitKid || !strings.Contains(string(header), `"x5t"`) {
			t.Errorf("header %s (omitKid=%v)", header, omitKid)
		}

		// go-oidc verifies it against the JWKS, issuer = host root.
		ctx := oidc.InsecureIssuerURLContext(context.Background(), s.URL())
		prov, err := oidc.NewProvider(ctx, s.Authority())
		if err != nil {
			t.Fatal(err)
		}
		idt, err := prov.Verifier(&oidc.Config{ClientID: s.ClientID()}).Verify(ctx, rawID)
		if err != nil {
			t.Fatalf("go-oidc Verify: %v", err)
		}
		if idt.Issuer != s.URL() || idt.Nonce != "nonce-abc" || idt.Audience[0] != s.ClientID() {
			t.Errorf("id token %+v", idt)
		}
		if d := time.Since(idt.IssuedAt); d < -time.Minute || d > time.Minute {
			t.Errorf("IssuedAt parsed from the string iat = %v", idt.IssuedAt)
		}
		var so map[string]any
		if err := idt.Claims(&so); err != nil {
			t.Fatal(err)
		}
		if so[ClaimCtx] != s.Ctx() || so[ClaimWebAPIURL] != s.APIURL() || so[ClaimCompanyName] != "Acme Tenant ApS" {
			t.Errorf("claims %v", so)
		}
		// The access token works on the REST API.
		a := &api{t: t, s: s, tok: tok.AccessToken, c: http.DefaultClient}
		if p := a.obj("GET", "v1/User/currentPrincipal", nil, 200); p["EMailAddress"] != "demo@rabitiq.dk" {
			t.Errorf("principal %v", p)
		}
		noViolations(t, s)
	}
}

func TestApprovePage(t *testing.T) {
	s := newSim(t, Config{CompanyName: "Fjordkraft ApS"})
	for _, decision := range []string{"allow", "deny"} {
		verifier := oauth2.GenerateVerifier()
		u := oauthConfig(s).AuthCodeURL("st", oauth2.S256ChallengeOption(verifier))
		resp, err := browser.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		html := string(page)
		for _, want := range []string{"RabitIQ SuperOffice ønsker adgang til Fjordkraft ApS", ">Tillad<", ">Afvis<", `lang="da"`} {
			if !strings.Contains(html, want) {
				t.Fatalf("approve page lacks %q:\n%s", want, html)
			}
		}
		action := regexp.MustCompile(`action="([^"]+)"`).FindStringSubmatch(html)
		reqID := regexp.MustCompile(`name="request" value="([^"]+)"`).FindStringSubmatch(html)
		if action == nil || reqID == nil {
			t.Fatalf("no form in page:\n%s", html)
		}
		resp, err = browser.PostForm(s.URL()+action[1], url.Values{"request": {reqID[1]}, "decision": {decision}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		loc, _ := url.Parse(resp.Header.Get("Location"))
		q := loc.Query()
		switch decision {
		case "allow":
			if _, err := oauthConfig(s).Exchange(context.Background(), q.Get("code"), oauth2.VerifierOption(verifier)); err != nil {
				t.Errorf("Tillad: exchange: %v (query %v)", err, q)
			}
		case "deny":
			if q.Get("error") != "access_denied" || q.Get("state") != "st" || q.Get("code") != "" {
				t.Errorf("Afvis: query %v", q)
			}
		}
	}
	noViolations(t, s)
}

func TestCodeExchangeRejections(t *testing.T) {
	s := newSim(t, Config{AutoApprove: true, ClientSecret: "s3cret"})
	tokenURL := s.Authority() + "/common/oauth/tokens"
	verifier := oauth2.GenerateVerifier()
	exchange := func(code, v, secret string) (int, map[string]any) {
		form := url.Values{"grant_type": {"authorization_code"}, "client_id": {s.ClientID()}, "code": {code},
			"redirect_uri": {testRedirect}, "code_verifier": {v}}
		if secret != "" {
			form.Set("client_secret", secret)
		}
		return postForm(t, tokenURL, form)
	}
	code := authorize(t, s, verifier, "a", "").Get("code")
	if st, body := exchange(code, oauth2.GenerateVerifier(), ""); st != 400 || body["error"] != "invalid_grant" {
		t.Errorf("wrong verifier: %d %v", st, body)
	}
	code = authorize(t, s, verifier, "a", "").Get("code")
	if st, body := exchange(code, verifier, "wrong"); st != 401 || body["error"] != "invalid_client" {
		t.Errorf("wrong secret: %d %v", st, body)
	}
	code = authorize(t, s, verifier, "a", "").Get("code")
	if st, body := exchange(code, verifier, ""); st != 200 || body["access_token"] == nil {
		t.Errorf("PKCE without secret: %d %v", st, body)
	}
	if st, body := exchange(code, verifier, ""); st != 400 || body["error"] != "invalid_grant" {
		t.Errorf("code reuse: %d %v", st, body)
	}
	code = authorize(t, s, verifier, "a", "").Get("code")
	if st, body := exchange(code, verifier, "s3cret"); st != 200 {
		t.Errorf("with the right secret: %d %v", st, body)
	}
	wantViolation(t, s, KindOAuth, "already used")
	wantViolation(t, s, KindOAuth, "code_verifier does not match")
}

func TestAuthorizeValidation(t *testing.T) {
	s := newSim(t, Config{AutoApprove: true})
	base := s.Authority() + "/common/oauth/authorize?"
	good := url.Values{"client_id": {s.ClientID()}, "response_type": {"code"}, "scope": {"openid"},
		"redirect_uri": {testRedirect + "/callback"}, "state": {"x"}, "code_challenge": {s256("v")}, "code_challenge_method": {"S256"}}
	try := func(mod func(url.Values)) (int, url.Values) {
		q := url.Values{}
		for k, v := range good {
			q[k] = append([]string(nil), v...)
		}
		mod(q)
		resp, err := browser.Get(base + q.Encode())
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		loc, _ := url.Parse(resp.Header.Get("Location"))
		return resp.StatusCode, loc.Query()
	}
	if st, q := try(func(url.Values) {}); st != 302 || q.Get("code") == "" {
		t.Errorf("good request (path after port allowed): %d %v", st, q)
	}
	if st, _ := try(func(q url.Values) { q.Set("client_id", "other") }); st != 400 {
		t.Errorf("unknown client: %d", st)
	}
	for _, bad := range []string{"http://localhost:53682", "https://127.0.0.1:53682", "http://127.0.0.1:80",
		"http://evil.example/", "http://127.0.0.1:53682.evil.example", "http://127.0.0.1:53682@evil.example"} {
		if st, _ := try(func(q url.Values) { q.Set("redirect_uri", bad) }); st != 400 {
			t.Errorf("redirect_uri %s: %d", bad, st)
		}
	}
	if _, q := try(func(q url.Values) { q.Del("code_challenge") }); q.Get("error") != "invalid_request" {
		t.Errorf("no PKCE: %v", q)
	}
	if _, q := try(func(q url.Values) { q.Set("code_challenge_method", "plain") }); q.Get("error") != "invalid_request" {
		t.Errorf("plain PKCE: %v", q)
	}
	if _, q := try(func(q url.Values) { q.Set("response_type", "token") }); q.Get("error") != "unsupported_response_type" {
		t.Errorf("implicit: %v", q)
	}
	s.Faults().DenyAuthorize(true)
	if _, q := try(func(url.Values) {}); q.Get("error") != "access_denied" || q.Get("state") != "x" {
		t.Errorf("denied: %v", q)
	}
}

func TestRefreshAndRevoke(t *testing.T) {
	s := newSim(t, Config{AutoApprove: true})
	verifier := oauth2.GenerateVerifier()
	q := authorize(t, s, verifier, "a", "n")
	tok, err := oauthConfig(s).Exchange(context.Background(), q.Get("code"), oauth2.VerifierOption(verifier))
	if err != nil {
		t.Fatal(err)
	}
	refresh := func() (int, map[string]any) {
		return postForm(t, s.Authority()+"/common/oauth/tokens", url.Values{"grant_type": {"refresh_token"},
			"client_id": {s.ClientID()}, "refresh_token": {tok.RefreshToken}})
	}
	for i := 0; i < 2; i++ { // the refresh token is reusable
		st, body := refresh()
		if st != 200 || body["access_token"] == tok.AccessToken || body["id_token"] == nil || body["token_type"] != "Bearer" {
			t.Fatalf("refresh %d: %d %v", i, st, body)
		}
		if _, has := body["refresh_token"]; has {
			t.Errorf("refresh response has a refresh_token (the documented one has none)")
		}
	}
	// oauth2's TokenSource keeps the old refresh token when none comes back.
	expired := &oauth2.Token{AccessToken: "x", RefreshToken: tok.RefreshToken, Expiry: time.Now().Add(-time.Hour)}
	nt, err := oauthConfig(s).TokenSource(context.Background(), expired).Token()
	if err != nil || nt.RefreshToken != tok.RefreshToken {
		t.Errorf("TokenSource refresh: %v %+v", err, nt)
	}
	s.Faults().RevokeRefreshTokens()
	if st, body := refresh(); st != 400 || body["error"] != "invalid_grant" {
		t.Errorf("revoked: %d %v", st, body)
	}
	noViolations(t, s)
}

// The string iat is fine for go-oidc (its jsonTime decodes through
// json.Number, which accepts a quoted number) but breaks go-jose's
// jwt.Claims, whose NumericDate wants a bare number. Keep this test: the
// auth code must verify with go-oidc, not decode into jwt.Claims.
func TestStringIatLibraryCompatibility(t *testing.T) {
	s := newSim(t, Config{})
	tr, err := s.IssueTokens("n")
	if err != nil {
		t.Fatal(err)
	}
	tok, err := jwt.ParseSigned(tr.IDToken, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		t.Fatal(err)
	}
	var std jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&std); !errors.Is(err, jwt.ErrUnmarshalNumericDate) {
		t.Errorf("go-jose jwt.Claims with a string iat: err = %v, want ErrUnmarshalNumericDate", err)
	}
	ctx := oidc.InsecureIssuerURLContext(context.Background(), s.URL())
	prov, err := oidc.NewProvider(ctx, s.Authority())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := prov.Verifier(&oidc.Config{ClientID: s.ClientID()}).Verify(ctx, tr.IDToken); err != nil {
		t.Errorf("go-oidc: %v", err)
	}
}
