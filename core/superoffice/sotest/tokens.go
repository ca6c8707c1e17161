package sotest

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// authState holds codes, tokens and pending authorizations.
type authState struct {
	mu      sync.Mutex
	keys    *signingKeys
	pending map[string]*authRequest
	codes   map[string]*authCode
	access  map[string]*accessToken
	refresh map[string]*refreshToken
}

// authRequest is a validated authorize request.
type authRequest struct {
	ClientID    string
	RedirectURI string
	State       string
	Nonce       string
	Challenge   string
	Created     time.Time
}

type authCode struct {
	req     authRequest
	used    bool
	expires time.Time
}

type accessToken struct {
	expires time.Time
}

type refreshToken struct {
	clientID string
	revoked  bool
}

// codeLifetime is how long an authorization code is valid (API.md §1.2).
const codeLifetime = 10 * time.Minute

func newAuthState(key *rsa.PrivateKey) (*authState, error) {
	var keys *signingKeys
	var err error
	if key != nil {
		keys, err = newSigningKeys(key)
	} else {
		keys, err = sharedKeys()
	}
	if err != nil {
		return nil, err
	}
	return &authState{
		keys: keys, pending: map[string]*authRequest{}, codes: map[string]*authCode{},
		access: map[string]*accessToken{}, refresh: map[string]*refreshToken{},
	}, nil
}

// randomToken returns n random bytes, base64url-encoded.
func randomToken(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func (a *authState) addPending(req authRequest) string {
	id := randomToken(18)
	a.mu.Lock()
	defer a.mu.Unlock()
	a.pending[id] = &req
	return id
}

func (a *authState) takePending(id string) (authRequest, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	req, ok := a.pending[id]
	if !ok {
		return authRequest{}, false
	}
	delete(a.pending, id)
	return *req, true
}

func (a *authState) newCode(req authRequest) string {
	code := randomToken(32)
	a.mu.Lock()
	defer a.mu.Unlock()
	a.codes[code] = &authCode{req: req, expires: time.Now().Add(codeLifetime)}
	return code
}

// newAccess issues an access token in the documented "8A:<ctx>.<opaque>"
// format.
func (a *authState) newAccess(ctx string, ttl time.Duration) string {
	tok := "8A:" + ctx + "." + randomToken(48)
	a.mu.Lock()
	defer a.mu.Unlock()
	a.access[tok] = &accessToken{expires: time.Now().Add(ttl)}
	return tok
}

func (a *authState) newRefresh(clientID string) string {
	tok := randomToken(48)
	a.mu.Lock()
	defer a.mu.Unlock()
	a.refresh[tok] = &refreshToken{clientID: clientID}
	return tok
}

func (a *authState) expireAll() {
	a.mu.Lock()
	defer a.mu.Unlock()
	past := time.Now().Add(-time.Second)
	for _, t := range a.access {
		t.expires = past
	}
}

func (a *authState) revokeAll() {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, t := range a.refresh {
		t.revoked = true
	}
}

// tokenStatus is the outcome of checking a Bearer token.
type tokenStatus int

const (
	tokenOK tokenStatus = iota
	tokenMissing
	tokenUnknown
	tokenExpired
)

func (a *authState) checkAccess(tok string) tokenStatus {
	a.mu.Lock()
	defer a.mu.Unlock()
	t, ok := a.access[tok]
	switch {
	case !ok:
		return tokenUnknown
	case time.Now().After(t.expires):
		return tokenExpired
	}
	return tokenOK
}

// bearer checks the Authorization header of a REST request and answers
// 401 itself when it fails.
func (s *Server) bearer(rc *reqCtx) bool {
	h := rc.r.Header.Get("Authorization")
	scheme, tok, _ := strings.Cut(h, " ")
	st := tokenMissing
	if strings.EqualFold(scheme, "Bearer") && strings.TrimSpace(tok) != "" {
		st = s.auth.checkAccess(strings.TrimSpace(tok))
	}
	switch st {
	case tokenOK:
		return true
	case tokenMissing:
		rc.violate(KindAuth, "Authorization", "REST call without \"Authorization: Bearer <access_token>\"")
	case tokenUnknown:
		rc.violate(KindAuth, "Authorization", "Bearer token was never issued by this tenant")
	}
	msg := "Authorization has been denied for this request."
	if st == tokenExpired {
		msg = "The access token has expired."
	}
	rc.w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
	writeSOError(rc.w, http.StatusUnauthorized, "UnauthorizedAccessException", msg)
	return false
}

// validVerifier checks the RFC 7636 code_verifier syntax.
func validVerifier(v string) bool {
	if len(v) < 43 || len(v) > 128 {
		return false
	}
	for _, c := range v {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.ContainsRune("-._~", c)) {
			return false
		}
	}
	return true
}

// s256 is the PKCE S256 transform of a verifier.
func s256(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// TokenResponse is the token endpoint's JSON answer.
type TokenResponse struct {
	TokenType    string `json:"token_type"`
	AccessToken  string `json:"access_token"`
	ExpiresIn    int    `json:"expires_in"`
	RefreshToken string `json:"refresh_token,omitempty"`
	IDToken      string `json:"id_token"`
}

// AccessToken issues a valid access token without the browser flow, for
// tests and scripts.
func (s *Server) AccessToken() string {
	return s.auth.newAccess(s.cfg.Ctx, s.cfg.AccessTokenTTL)
}

// IssueTokens issues a full token set (access, refresh and a signed
// id_token carrying nonce) without the browser flow. The issuer and
// webapi_url claims use URL(), so call it after Start or SetURL.
func (s *Server) IssueTokens(nonce string) (TokenResponse, error) {
	return s.issueTokens(s.URL(), nonce)
}

func (s *Server) issueTokens(base, nonce string) (TokenResponse, error) {
	idt, err := s.idToken(base, s.cfg.ClientID, nonce)
	if err != nil {
		return TokenResponse{}, err
	}
	return TokenResponse{
		TokenType: "Bearer", AccessToken: s.AccessToken(), ExpiresIn: int(s.cfg.AccessTokenTTL / time.Second),
		RefreshToken: s.auth.newRefresh(s.cfg.ClientID), IDToken: idt,
	}, nil
}

// oauthError writes an RFC 6749 token-endpoint error.
func oauthError(w http.ResponseWriter, status int, code, desc string) {
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, status, map[string]string{"error": code, "error_description": desc})
}

// handleToken serves POST /login/common/oauth/tokens.
func (s *Server) handleToken(rc *reqCtx) {
	if rc.r.Method != http.MethodPost {
		oauthError(rc.w, http.StatusMethodNotAllowed, "invalid_request", "use POST")
		return
	}
	form, err := url.ParseQuery(string(rc.body))
	if err != nil {
		rc.violate(KindOAuth, "body", "token request body is not form-encoded: "+err.Error())
		oauthError(rc.w, http.StatusBadRequest, "invalid_request", "malformed body")
		return
	}
	for k, v := range rc.r.URL.Query() { // the docs' example puts them in the query
		if _, ok := form[k]; !ok {
			form[k] = v
		}
	}
	clientID, secret := form.Get("client_id"), form.Get("client_secret")
	if id, sec, ok := rc.r.BasicAuth(); ok {
		clientID, secret = id, sec
	}
	if clientID != s.cfg.ClientID {
		rc.violate(KindOAuth, "client_id", "unknown client_id "+clientID)
		oauthError(rc.w, http.StatusUnauthorized, "invalid_client", "unknown client")
		return
	}
	if secret != "" && s.cfg.ClientSecret != "" && subtle.ConstantTimeCompare([]byte(secret), []byte(s.cfg.ClientSecret)) != 1 {
		rc.violate(KindOAuth, "client_secret", "wrong client_secret")
		oauthError(rc.w, http.StatusUnauthorized, "invalid_client", "client authentication failed")
		return
	}
	switch form.Get("grant_type") {
	case "authorization_code":
		s.exchangeCode(rc, form)
	case "refresh_token":
		s.refreshGrant(rc, form)
	default:
		rc.violate(KindOAuth, "grant_type", "unsupported grant_type "+form.Get("grant_type"))
		oauthError(rc.w, http.StatusBadRequest, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token")
	}
}

func (s *Server) exchangeCode(rc *reqCtx, form url.Values) {
	a := s.auth
	a.mu.Lock()
	c, ok := a.codes[form.Get("code")]
	var reused, expired bool
	var req authRequest
	if ok {
		reused, expired, req = c.used, time.Now().After(c.expires), c.req
		c.used = true
	}
	a.mu.Unlock()
	fail := func(desc string) {
		rc.violate(KindOAuth, "code", desc)
		oauthError(rc.w, http.StatusBadRequest, "invalid_grant", desc)
	}
	switch {
	case !ok:
		fail("unknown authorization code")
	case reused:
		fail("authorization code already used")
	case expired:
		fail("authorization code expired")
	case req.ClientID != form.Get("client_id") && form.Get("client_id") != "":
		fail("code was issued to another client")
	case form.Get("redirect_uri") != req.RedirectURI:
		fail("redirect_uri does not match the authorize request")
	case form.Get("code_verifier") == "":
		fail("code_verifier missing (PKCE)")
	case !validVerifier(form.Get("code_verifier")):
		fail("code_verifier must be 43-128 characters of [A-Za-z0-9-._~] (RFC 7636)")
	case subtle.ConstantTimeCompare([]byte(s256(form.Get("code_verifier"))), []byte(req.Challenge)) != 1:
		fail("code_verifier does not match code_challenge")
	default:
		s.writeTokens(rc, req.Nonce, true)
	}
}

func (s *Server) refreshGrant(rc *reqCtx, form url.Values) {
	a := s.auth
	a.mu.Lock()
	t, ok := a.refresh[form.Get("refresh_token")]
	var revoked bool
	var client string
	if ok {
		revoked, client = t.revoked, t.clientID
	}
	a.mu.Unlock()
	switch {
	case !ok:
		rc.violate(KindOAuth, "refresh_token", "unknown refresh token")
		oauthError(rc.w, http.StatusBadRequest, "invalid_grant", "unknown refresh token")
	case revoked:
		oauthError(rc.w, http.StatusBadRequest, "invalid_grant", "refresh token revoked")
	case client != s.cfg.ClientID:
		rc.violate(KindOAuth, "refresh_token", "refresh token of another client")
		oauthError(rc.w, http.StatusBadRequest, "invalid_grant", "refresh token of another client")
	case s.cfg.RotateRefreshTokens:
		a.mu.Lock()
		a.refresh[form.Get("refresh_token")].revoked = true
		a.mu.Unlock()
		s.writeTokens(rc, "", true)
	default:
		// The documented refresh response has no new refresh token: the
		// old one stays valid (API.md §1.4).
		s.writeTokens(rc, "", false)
	}
}

func (s *Server) writeTokens(rc *reqCtx, nonce string, withRefresh bool) {
	idt, err := s.idToken(s.base(rc.r), s.cfg.ClientID, nonce)
	if err != nil {
		oauthError(rc.w, http.StatusInternalServerError, "server_error", err.Error())
		return
	}
	resp := TokenResponse{TokenType: "Bearer", AccessToken: s.AccessToken(),
		ExpiresIn: int(s.cfg.AccessTokenTTL / time.Second), IDToken: idt}
	if withRefresh {
		resp.RefreshToken = s.auth.newRefresh(s.cfg.ClientID)
	}
	rc.w.Header().Set("Cache-Control", "no-store")
	rc.w.Header().Set("Pragma", "no-cache")
	writeJSON(rc.w, http.StatusOK, resp)
}

// handleRevoke serves an RFC 7009 revocation endpoint (URL unconfirmed for
// the real service; advertised in discovery as revocation_endpoint).
func (s *Server) handleRevoke(rc *reqCtx) {
	if rc.r.Method != http.MethodPost {
		oauthError(rc.w, http.StatusMethodNotAllowed, "invalid_request", "use POST")
		return
	}
	form, _ := url.ParseQuery(string(rc.body))
	tok := form.Get("token")
	a := s.auth
	a.mu.Lock()
	if t, ok := a.refresh[tok]; ok {
		t.revoked = true
	}
	if t, ok := a.access[tok]; ok {
		t.expires = time.Now().Add(-time.Second)
	}
	a.mu.Unlock()
	rc.w.WriteHeader(http.StatusOK)
}
