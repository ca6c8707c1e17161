package sotest

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// FaultRequest is the body of POST /_sim/faults; every field is optional
// and only the fields present are applied, in the order listed.
type FaultRequest struct {
	Reset               bool             `json:"reset,omitempty"`
	LatencyMs           *int64           `json:"latencyMs,omitempty"`
	FailNext            *FailNextRequest `json:"failNext,omitempty"`
	Misdirect           int              `json:"misdirect,omitempty"`
	ExpireTokens        bool             `json:"expireTokens,omitempty"`
	RevokeRefreshTokens bool             `json:"revokeRefreshTokens,omitempty"`
	HangAfterCreateMs   int64            `json:"hangAfterCreateMs,omitempty"`
	DenyAuthorize       *bool            `json:"denyAuthorize,omitempty"`
	// MoveTenantTo moves the tenant to this host root (Faults.MoveTenant).
	MoveTenantTo *string `json:"moveTenantTo,omitempty"`
}

// FailNextRequest arms FailNext (or FailNextMatching when Method or
// PathContains is set).
type FailNextRequest struct {
	N                 int    `json:"n"`
	Status            int    `json:"status"`
	RetryAfterSeconds int64  `json:"retryAfterSeconds,omitempty"`
	Method            string `json:"method,omitempty"`
	PathContains      string `json:"pathContains,omitempty"`
	// OAuthError answers the token endpoint with this RFC 6749 error code
	// (Faults.FailTokenNext); Method and PathContains are then ignored.
	OAuthError string `json:"oauthError,omitempty"`
}

// Apply arms the faults described by the request.
func (fr FaultRequest) Apply(f *Faults) {
	if fr.Reset {
		f.Reset()
	}
	if fr.LatencyMs != nil {
		f.Latency(time.Duration(*fr.LatencyMs) * time.Millisecond)
	}
	if fn := fr.FailNext; fn != nil {
		ra := time.Duration(fn.RetryAfterSeconds) * time.Second
		if fn.OAuthError != "" {
			f.FailTokenNext(fn.N, fn.Status, fn.OAuthError, ra)
		} else if fn.Method != "" || fn.PathContains != "" {
			f.FailNextMatching(fn.Method, fn.PathContains, fn.N, fn.Status, ra)
		} else {
			f.FailNext(fn.N, fn.Status, ra)
		}
	}
	if fr.Misdirect > 0 {
		f.Misdirect(fr.Misdirect)
	}
	if fr.ExpireTokens {
		f.ExpireTokens()
	}
	if fr.RevokeRefreshTokens {
		f.RevokeRefreshTokens()
	}
	if fr.HangAfterCreateMs > 0 {
		f.HangAfterCreate(time.Duration(fr.HangAfterCreateMs) * time.Millisecond)
	}
	if fr.DenyAuthorize != nil {
		f.DenyAuthorize(*fr.DenyAuthorize)
	}
	if fr.MoveTenantTo != nil {
		f.MoveTenant(*fr.MoveTenantTo)
	}
}

// handleControl serves the inspection and control endpoints (no auth):
//
//	GET  /_sim/requests     every request received (RecordedRequest[])
//	GET  /_sim/violations   every rule broken (Violation[])
//	POST /_sim/reset        clear both logs
//	GET  /_sim/faults       armed faults (FaultState)
//	POST /_sim/faults       arm faults (FaultRequest)
//	GET  /_sim/state        {"companies": Company[], "persons": Person[]}
//	POST /_sim/token        a fresh TokenResponse, without the browser flow
func (s *Server) handleControl(rc *reqCtx) {
	route := rc.r.Method + " " + strings.TrimSuffix(rc.r.URL.Path, "/")
	switch route {
	case "GET /_sim/requests":
		writeJSON(rc.w, http.StatusOK, nonNil(s.Requests()))
	case "GET /_sim/violations":
		writeJSON(rc.w, http.StatusOK, nonNil(s.Violations()))
	case "POST /_sim/reset", "DELETE /_sim/requests", "DELETE /_sim/violations":
		s.ResetLogs()
		rc.w.WriteHeader(http.StatusNoContent)
	case "GET /_sim/faults":
		writeJSON(rc.w, http.StatusOK, s.faults.State())
	case "POST /_sim/faults":
		var fr FaultRequest
		if err := json.Unmarshal(rc.body, &fr); err != nil {
			writeJSON(rc.w, http.StatusBadRequest, map[string]string{"error": err.Error()})
			return
		}
		fr.Apply(s.faults)
		writeJSON(rc.w, http.StatusOK, s.faults.State())
	case "GET /_sim/state":
		writeJSON(rc.w, http.StatusOK, map[string]any{"companies": s.Companies(), "persons": s.Persons()})
	case "POST /_sim/token":
		tr, err := s.issueTokens(s.base(rc.r), rc.r.URL.Query().Get("nonce"))
		if err != nil {
			writeJSON(rc.w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
			return
		}
		writeJSON(rc.w, http.StatusOK, tr)
	default:
		writeJSON(rc.w, http.StatusNotFound, map[string]string{"error": "unknown simulator control endpoint " + route})
	}
}

func nonNil[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}
