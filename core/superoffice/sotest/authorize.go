package sotest

import (
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// appDisplayName is the app name the approve page shows.
const appDisplayName = "RabitIQ SuperOffice"

// approvePage is the small Danish consent page ("Tillad"/"Afvis").
var approvePage = template.Must(template.New("approve").Parse(`<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>SuperOffice – Godkend adgang</title>
<style>
body{font-family:system-ui,sans-serif;background:#f4f6f8;margin:0}
main{max-width:28rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{font-size:1.3rem;margin-top:0}
button{font-size:1rem;padding:.6rem 1.4rem;margin-right:.6rem;border-radius:4px;border:1px solid #0b5;cursor:pointer}
.allow{background:#0b5;color:#fff}.deny{background:#fff;color:#333;border-color:#999}
small{color:#666}
</style>
</head>
<body>
<main>
<h1>{{.App}}</h1>
<p id="consent-text">{{.App}} ønsker adgang til {{.Company}}</p>
<p>Logget ind som <b>{{.User}}</b> ({{.Ctx}}).</p>
<p><small>Appen kan læse og opdatere firmaer og kontaktpersoner i SuperOffice på dine vegne.</small></p>
<form method="post" action="{{.Action}}">
<input type="hidden" name="request" value="{{.Request}}">
<button class="allow" type="submit" name="decision" value="allow">Tillad</button>
<button class="deny" type="submit" name="decision" value="deny">Afvis</button>
</form>
</main>
</body>
</html>
`))

// errorPage is shown when the request cannot be redirected back.
var errorPage = template.Must(template.New("err").Parse(`<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>SuperOffice – Fejl</title></head>
<body><h1>Der opstod en fejl</h1><p>{{.}}</p></body></html>
`))

// handleAuthorize serves GET (start) and POST (approve page answer) of
// /login/common/oauth/authorize.
func (s *Server) handleAuthorize(rc *reqCtx) {
	switch rc.r.Method {
	case http.MethodGet:
		s.authorizeStart(rc)
	case http.MethodPost:
		s.authorizeAnswer(rc)
	default:
		rc.w.WriteHeader(http.StatusMethodNotAllowed)
	}
}

func (s *Server) authorizeStart(rc *reqCtx) {
	q := rc.r.URL.Query()
	if q.Get("client_id") != s.cfg.ClientID {
		s.authPageError(rc, "client_id", "Ukendt applikation (client_id).")
		return
	}
	redirect := q.Get("redirect_uri")
	if redirect == "" || !s.redirectRE.MatchString(redirect) {
		s.authPageError(rc, "redirect_uri", "redirect_uri er ikke registreret for applikationen: "+redirect)
		return
	}
	state := q.Get("state")
	fail := func(param, code, desc string) {
		rc.violate(KindOAuth, param, desc)
		s.redirectBack(rc, redirect, url.Values{"error": {code}, "error_description": {desc}}, state)
	}
	if q.Get("response_type") != "code" {
		fail("response_type", "unsupported_response_type", "response_type must be code")
		return
	}
	if !slices.Contains(strings.Fields(q.Get("scope")), "openid") {
		fail("scope", "invalid_scope", "scope must be openid")
		return
	}
	if q.Get("code_challenge") == "" {
		fail("code_challenge", "invalid_request", "code_challenge required (PKCE)")
		return
	}
	if len(q.Get("code_challenge")) != 43 {
		fail("code_challenge", "invalid_request", "an S256 code_challenge is 43 base64url characters")
		return
	}
	if q.Get("code_challenge_method") != "S256" {
		fail("code_challenge_method", "invalid_request", "code_challenge_method must be S256 (it defaults to plain when omitted)")
		return
	}
	if state == "" {
		rc.violate(KindOAuth, "state", "authorize request without state")
	}
	if m := q.Get("response_mode"); m != "" && m != "query" {
		rc.violate(KindOAuth, "response_mode", "simulator answers response_mode=query only, got "+m)
	}
	req := authRequest{
		ClientID: q.Get("client_id"), RedirectURI: redirect, State: state,
		Nonce: q.Get("nonce"), Challenge: q.Get("code_challenge"), Created: time.Now(),
	}
	if s.faults.denying() {
		rc.fault = "deny-authorize"
		s.redirectBack(rc, redirect, url.Values{"error": {"access_denied"}, "error_description": {"The user denied access"}}, state)
		return
	}
	if s.cfg.AutoApprove {
		s.redirectBack(rc, redirect, url.Values{"code": {s.auth.newCode(req)}}, state)
		return
	}
	id := s.auth.addPending(req)
	rc.w.Header().Set("Content-Type", "text/html; charset=utf-8")
	rc.w.Header().Set("Cache-Control", "no-store")
	_ = approvePage.Execute(rc.w, map[string]string{
		"App": appDisplayName, "Company": s.cfg.CompanyName, "User": s.cfg.UserEmail,
		"Ctx": s.cfg.Ctx, "Action": rc.r.URL.Path, "Request": id,
	})
}

func (s *Server) authorizeAnswer(rc *reqCtx) {
	form, err := url.ParseQuery(string(rc.body))
	if err != nil {
		s.authPageError(rc, "body", "Ugyldig formular.")
		return
	}
	req, ok := s.auth.takePending(form.Get("request"))
	if !ok {
		s.authPageError(rc, "request", "Anmodningen er udløbet eller allerede besvaret.")
		return
	}
	if form.Get("decision") != "allow" || s.faults.denying() {
		s.redirectBack(rc, req.RedirectURI, url.Values{"error": {"access_denied"}, "error_description": {"The user denied access"}}, req.State)
		return
	}
	s.redirectBack(rc, req.RedirectURI, url.Values{"code": {s.auth.newCode(req)}}, req.State)
}

// redirectBack sends the browser to the app's loopback redirect URI.
func (s *Server) redirectBack(rc *reqCtx, redirect string, params url.Values, state string) {
	u, err := url.Parse(redirect)
	if err != nil {
		s.authPageError(rc, "redirect_uri", "Ugyldig redirect_uri.")
		return
	}
	q := u.Query()
	for k, v := range params {
		q[k] = v
	}
	if state != "" {
		q.Set("state", state)
	}
	u.RawQuery = q.Encode()
	rc.w.Header().Set("Cache-Control", "no-store")
	http.Redirect(rc.w, rc.r, u.String(), http.StatusFound)
}

func (s *Server) authPageError(rc *reqCtx, param, msg string) {
	rc.violate(KindOAuth, param, msg)
	rc.w.Header().Set("Content-Type", "text/html; charset=utf-8")
	rc.w.WriteHeader(http.StatusBadRequest)
	_ = errorPage.Execute(rc.w, msg)
}
