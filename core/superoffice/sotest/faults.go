package sotest

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Faults injects failures. All methods are safe for concurrent use and take
// effect for the next matching requests. The /_sim/faults endpoint exposes
// the same controls to other processes.
type Faults struct {
	mu            sync.Mutex
	latency       time.Duration
	rules         []faultRule
	hangs         []time.Duration
	denyAuthorize bool
	movedTo       string // host root the tenant moved to; "" = not moved
	auth          *authState
}

// faultRule fails the next `remaining` matching requests.
type faultRule struct {
	apiOnly      bool   // only tenant REST requests (/<ctx>/api/...)
	method       string // "" = any
	pathContains string
	remaining    int
	status       int
	retryAfter   time.Duration
	oauthError   string // answer with an RFC 6749 error body with this code
}

// FaultState describes the armed faults (GET /_sim/faults).
type FaultState struct {
	LatencyMs     int64         `json:"latencyMs"`
	Rules         []FaultRuleOf `json:"rules"`
	HangsMs       []int64       `json:"hangAfterCreateMs"`
	DenyAuthorize bool          `json:"denyAuthorize"`
	MovedTo       string        `json:"movedTo,omitempty"`
}

// FaultRuleOf describes one armed failure rule.
type FaultRuleOf struct {
	APIOnly      bool   `json:"apiOnly"`
	Method       string `json:"method,omitempty"`
	PathContains string `json:"pathContains,omitempty"`
	Remaining    int    `json:"remaining"`
	Status       int    `json:"status"`
	RetryAfterS  int64  `json:"retryAfterSeconds,omitempty"`
	OAuthError   string `json:"oauthError,omitempty"`
}

// Latency delays every request (except /_sim) by d; 0 turns it off.
func (f *Faults) Latency(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.latency = max(d, 0)
}

// FailNext makes the next n tenant REST requests fail with status (e.g.
// 503 or 429) and, if retryAfter > 0, a Retry-After header in whole seconds
// (rounded up). Nothing is committed for a failed request.
func (f *Faults) FailNext(n, status int, retryAfter time.Duration) {
	f.addRule(faultRule{apiOnly: true, remaining: n, status: status, retryAfter: retryAfter})
}

// FailNextMatching makes the next n requests whose method matches (""
// matches any) and whose path contains pathContains fail with status. It
// also reaches the OIDC endpoints, e.g. ("POST", "/oauth/tokens", 1, 503, 0).
func (f *Faults) FailNextMatching(method, pathContains string, n, status int, retryAfter time.Duration) {
	f.addRule(faultRule{method: strings.ToUpper(method), pathContains: pathContains, remaining: n, status: status, retryAfter: retryAfter})
}

// FailTokenNext makes the next n requests to the token endpoint answer
// status with the OAuth error code (RFC 6749 §5.2), e.g. (1, 503,
// "temporarily_unavailable", 0), as a login service under load does.
// Nothing is issued or revoked for a failed request.
func (f *Faults) FailTokenNext(n, status int, code string, retryAfter time.Duration) {
	f.addRule(faultRule{method: http.MethodPost, pathContains: "/oauth/tokens", remaining: n, status: status, retryAfter: retryAfter, oauthError: code})
}

// MoveTenant moves the tenant to the host root newBase (e.g. a second
// listener on this Server, as sod1 → sod2): from now on the webapi_url
// claim of new id_tokens and the State API name the new host, and every
// tenant REST request that arrives on another host gets 421 Misdirected
// Request, as SuperOffice answers after a move. "" moves it back.
func (f *Faults) MoveTenant(newBase string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.movedTo = strings.TrimRight(newBase, "/")
}

func (f *Faults) moved() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.movedTo
}

// Misdirect makes the next n tenant REST requests return 421 Misdirected
// Request ("Wrong subdomain used to access tenant"), as after a tenant move.
func (f *Faults) Misdirect(n int) {
	f.addRule(faultRule{apiOnly: true, remaining: n, status: http.StatusMisdirectedRequest})
}

func (f *Faults) addRule(r faultRule) {
	if r.remaining <= 0 || r.status < 100 || r.status > 999 {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rules = append(f.rules, r)
}

// ExpireTokens expires every access token issued so far; REST calls with
// them get 401 until the client refreshes.
func (f *Faults) ExpireTokens() {
	if f.auth != nil {
		f.auth.expireAll()
	}
}

// RevokeRefreshTokens revokes every refresh token issued so far (as when
// the app is uninstalled); refreshing gives 400 {"error":"invalid_grant"}.
func (f *Faults) RevokeRefreshTokens() {
	if f.auth != nil {
		f.auth.revokeAll()
	}
}

// HangAfterCreate makes the next POST v1/Contact, v1/Person or v1/Appointment commit the
// new entity and then hang for d before answering (until the client gives
// up or the server closes), to test a create that timed out but happened.
// Calls queue up: each create consumes one.
func (f *Faults) HangAfterCreate(d time.Duration) {
	if d <= 0 {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.hangs = append(f.hangs, d)
}

// DenyAuthorize makes the authorize endpoint redirect back with
// error=access_denied (as if the user clicked "Afvis") while deny is true.
func (f *Faults) DenyAuthorize(deny bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.denyAuthorize = deny
}

// Reset disarms every fault (issued tokens stay expired/revoked).
func (f *Faults) Reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.latency, f.rules, f.hangs, f.denyAuthorize, f.movedTo = 0, nil, nil, false, ""
}

// State returns the armed faults.
func (f *Faults) State() FaultState {
	f.mu.Lock()
	defer f.mu.Unlock()
	st := FaultState{LatencyMs: f.latency.Milliseconds(), DenyAuthorize: f.denyAuthorize, Rules: []FaultRuleOf{}, HangsMs: []int64{}, MovedTo: f.movedTo}
	for _, r := range f.rules {
		st.Rules = append(st.Rules, FaultRuleOf{APIOnly: r.apiOnly, Method: r.method, PathContains: r.pathContains,
			Remaining: r.remaining, Status: r.status, RetryAfterS: retrySeconds(r.retryAfter), OAuthError: r.oauthError})
	}
	for _, h := range f.hangs {
		st.HangsMs = append(st.HangsMs, h.Milliseconds())
	}
	return st
}

func (f *Faults) latencyFor() time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.latency
}

func (f *Faults) denying() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.denyAuthorize
}

// takeHang consumes one armed hang, if any.
func (f *Faults) takeHang() (time.Duration, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.hangs) == 0 {
		return 0, false
	}
	d := f.hangs[0]
	f.hangs = f.hangs[1:]
	return d, true
}

// take consumes the first rule matching the request, if any.
func (f *Faults) take(method, path string, api bool) (faultRule, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.rules {
		r := &f.rules[i]
		if r.apiOnly && !api {
			continue
		}
		if r.method != "" && r.method != method {
			continue
		}
		if r.pathContains != "" && !strings.Contains(strings.ToLower(path), strings.ToLower(r.pathContains)) {
			continue
		}
		out := *r
		r.remaining--
		if r.remaining <= 0 {
			f.rules = append(f.rules[:i], f.rules[i+1:]...)
		}
		return out, true
	}
	return faultRule{}, false
}

// applyRule answers a request with an armed failure, if one matches.
func (s *Server) applyRule(rc *reqCtx, api bool) bool {
	rule, ok := s.faults.take(rc.r.Method, rc.r.URL.Path, api)
	if !ok {
		return false
	}
	rc.fault = "status-" + strconv.Itoa(rule.status)
	if rule.retryAfter > 0 {
		rc.w.Header().Set("Retry-After", strconv.FormatInt(retrySeconds(rule.retryAfter), 10))
	}
	if rule.oauthError != "" {
		oauthError(rc.w, rule.status, rule.oauthError, "injected failure")
		return true
	}
	switch rule.status {
	case http.StatusMisdirectedRequest:
		writeSOError(rc.w, rule.status, "MisdirectedRequest", "Wrong subdomain used to access tenant "+s.cfg.Ctx)
	case http.StatusTooManyRequests:
		writeSOError(rc.w, rule.status, "TooManyRequests", "Too many requests. Try again later.")
	case http.StatusServiceUnavailable:
		writeSOError(rc.w, rule.status, "ServiceUnavailable", "The service is temporarily unavailable.")
	default:
		writeSOError(rc.w, rule.status, "SoException", "Injected failure "+strconv.Itoa(rule.status))
	}
	return true
}

func retrySeconds(d time.Duration) int64 {
	if d <= 0 {
		return 0
	}
	return int64((d + time.Second - 1) / time.Second)
}
