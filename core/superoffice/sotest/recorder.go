package sotest

import (
	"net/http"
	"slices"
	"sync"
	"time"
)

// Violation kinds. A violation is a rule the client broke; tests assert that
// a sync run produces none.
const (
	// KindUnknownProperty: a request body used a property name the OpenAPI
	// definition does not have (checked recursively).
	KindUnknownProperty = "unknown-property"
	// KindPropertyCase: a property exists but was spelled in another case
	// (the service is PascalCase).
	KindPropertyCase = "property-case"
	// KindType: a value has the wrong JSON type or is not in an enum.
	KindType = "type"
	// KindTooLong: a value is longer than the database column or the
	// custom field's TextLength (it is stored truncated).
	KindTooLong = "too-long"
	// KindUnknownCustomField: a CustomFields key the tenant does not have on
	// this entity (the value is ignored).
	KindUnknownCustomField = "unknown-custom-field"
	// KindCustomFieldValue: a custom-field value that does not fit the
	// field's type (e.g. "abc" for a Number, "[I:5]" for a text field).
	KindCustomFieldValue = "custom-field-value"
	// KindDeprecated: UserDefinedFields or ExtraFields was used; the app
	// must use CustomFields only.
	KindDeprecated = "deprecated-property"
	// KindReadOnly: the body tried to set a server-managed property in a
	// way the service ignores (e.g. another id than the URL's).
	KindReadOnly = "read-only-property"
	// KindReference: a reference to a country, company or associate that
	// does not exist in the tenant.
	KindReference = "invalid-reference"
	// KindAddressOverride: a LocalizedAddress grid overrode Street/Postal
	// values sent in the same body (API.md §3.1 pitfall).
	KindAddressOverride = "address-override"
	// KindOData: an OData query used an unknown column, operator or syntax.
	KindOData = "odata"
	// KindPatch: an invalid JSON Patch document or operation.
	KindPatch = "json-patch"
	// KindRequest: other malformed requests: bad JSON, wrong Content-Type,
	// unknown endpoint or tenant, an Accept header without JSON.
	KindRequest = "request"
	// KindAuth: a REST call without a Bearer token or with one the
	// simulator never issued (expired tokens are not violations).
	KindAuth = "auth"
	// KindOAuth: an authorize or token request that breaks the protocol
	// (wrong redirect_uri, no PKCE S256, wrong verifier, code reuse ...).
	KindOAuth = "oauth"
)

// RecordedRequest is one HTTP request the simulator received.
type RecordedRequest struct {
	Seq      int           `json:"seq"`
	Time     time.Time     `json:"time"`
	Method   string        `json:"method"`
	Path     string        `json:"path"`  // escaped path as sent
	Query    string        `json:"query"` // raw query string
	Header   http.Header   `json:"header"`
	Body     string        `json:"body,omitempty"` // first 256 KiB
	Status   int           `json:"status"`
	Duration time.Duration `json:"duration"`
	Fault    string        `json:"fault,omitempty"` // injected fault applied, if any
}

// Violation is a rule a request broke.
type Violation struct {
	Seq     int       `json:"seq"` // RecordedRequest.Seq of the offending request
	Time    time.Time `json:"time"`
	Method  string    `json:"method"`
	Path    string    `json:"path"`
	Kind    string    `json:"kind"`
	Pointer string    `json:"pointer,omitempty"` // JSON Pointer into the body, or the parameter
	Message string    `json:"message"`
}

// recorder keeps the request and violation logs.
type recorder struct {
	mu         sync.Mutex
	seq        int
	requests   []RecordedRequest
	violations []Violation
}

// Log limits: bodies are cut at 256 KiB and only the newest 20000
// requests and violations are kept, so a long demo session stays small.
const (
	maxLoggedBody = 256 << 10
	maxLogEntries = 20000
)

// start records the arrival of a request and returns its sequence number.
func (rc *recorder) start(r *http.Request, body []byte) int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.seq++
	if len(body) > maxLoggedBody {
		body = body[:maxLoggedBody]
	}
	rc.requests = append(rc.requests, RecordedRequest{
		Seq:    rc.seq,
		Time:   time.Now(),
		Method: r.Method,
		Path:   r.URL.EscapedPath(),
		Query:  r.URL.RawQuery,
		Header: r.Header.Clone(),
		Body:   string(body),
	})
	if len(rc.requests) > maxLogEntries {
		rc.requests = slices.Delete(rc.requests, 0, len(rc.requests)-maxLogEntries)
	}
	return rc.seq
}

// finish stores the outcome of request seq.
func (rc *recorder) finish(seq, status int, d time.Duration, fault string) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	for i := len(rc.requests) - 1; i >= 0; i-- {
		if rc.requests[i].Seq == seq {
			rc.requests[i].Status = status
			rc.requests[i].Duration = d
			rc.requests[i].Fault = fault
			return
		}
	}
}

// violate records a violation against request seq.
func (rc *recorder) violate(seq int, r *http.Request, kind, pointer, msg string) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.violations = append(rc.violations, Violation{
		Seq: seq, Time: time.Now(), Method: r.Method, Path: r.URL.Path,
		Kind: kind, Pointer: pointer, Message: msg,
	})
	if len(rc.violations) > maxLogEntries {
		rc.violations = slices.Delete(rc.violations, 0, len(rc.violations)-maxLogEntries)
	}
}

func (rc *recorder) snapshot() ([]RecordedRequest, []Violation) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return slices.Clone(rc.requests), slices.Clone(rc.violations)
}

func (rc *recorder) reset() {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.requests, rc.violations = nil, nil
}

// Requests returns every request received so far (oldest first),
// OIDC and REST; /_sim control requests are not logged.
func (s *Server) Requests() []RecordedRequest {
	reqs, _ := s.rec.snapshot()
	return reqs
}

// Violations returns every rule broken so far (oldest first).
func (s *Server) Violations() []Violation {
	_, v := s.rec.snapshot()
	return v
}

// ResetLogs clears the request and violation logs (state is kept).
func (s *Server) ResetLogs() { s.rec.reset() }
