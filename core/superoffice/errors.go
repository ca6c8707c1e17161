package superoffice

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// maxErrorBody bounds how much of an error body is read: a misbehaving
// proxy can answer with megabytes of HTML, and none of it is worth holding.
const maxErrorBody = 1 << 20

// maxMessage bounds the server text that goes into an Error() string, so a
// log line or dialog stays readable whatever the server sent.
const maxMessage = 300

// maxField bounds each stored text field of an ErrorResponse. It is larger
// than maxMessage so that token redaction (done by the client, which knows
// the token) runs before the display cut.
const maxField = 8 << 10

// ErrorResponse is a non-2xx answer from the Web API. SuperOffice sends a
// body of {Error, ErrorType, ErrorMessage, ErrorSource}; other bodies (an
// HTML page from a proxy) leave ErrorType empty and put a short excerpt in
// ErrorMessage. The body's "Error" flag is IsError because a Go type cannot
// have both a field and a method named Error.
type ErrorResponse struct {
	Response     *http.Response `json:"-"`
	IsError      bool           `json:"Error"`
	ErrorType    string         `json:"ErrorType"`
	ErrorMessage string         `json:"ErrorMessage"`
	ErrorSource  string         `json:"ErrorSource"`

	// Method and Path name the request in Error(); Path is relative to the
	// API base (v1/Contact/99) and carries no query string.
	Method string `json:"-"`
	Path   string `json:"-"`
	// Attempts is how many times the request was sent before giving up.
	Attempts int `json:"-"`
}

// StatusCode is the HTTP status, or 0 when there is no response.
func (e *ErrorResponse) StatusCode() int {
	if e == nil || e.Response == nil {
		return 0
	}
	return e.Response.StatusCode
}

// Error names method, path and status first so that a log line answers
// "which call failed" before "why".
func (e *ErrorResponse) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "superoffice: %s %s: %d", e.Method, e.Path, e.StatusCode())
	if e.ErrorType != "" {
		b.WriteString(" " + clip(e.ErrorType, maxMessage))
	}
	if e.ErrorMessage != "" {
		if e.ErrorType != "" {
			b.WriteString(":")
		}
		b.WriteString(" " + clip(e.ErrorMessage, maxMessage))
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " (after %d attempts)", e.Attempts)
	}
	return b.String()
}

// AuthError is a 401 or 403: the token was rejected or the user lacks the
// right. After a 401 the client has already tried one token refresh;
// RefreshErr holds that refresh's failure, if any.
type AuthError struct {
	*ErrorResponse
	RefreshErr error
}

// Unwrap exposes the response and the refresh failure to errors.Is/As.
func (e *AuthError) Unwrap() []error {
	if e.RefreshErr != nil {
		return []error{e.ErrorResponse, e.RefreshErr}
	}
	return []error{e.ErrorResponse}
}

// Error says whether a refresh was tried, since "log in again" is the
// remedy only when refreshing did not help.
func (e *AuthError) Error() string {
	if e.RefreshErr != nil {
		return e.ErrorResponse.Error() + " (token refresh failed: " + e.RefreshErr.Error() + ")"
	}
	return e.ErrorResponse.Error()
}

// RateLimitError is a 429, or a 503 with Retry-After: SuperOffice asks us
// to slow down. RetryAfter is zero when the server gave no usable hint.
type RateLimitError struct {
	*ErrorResponse
	RetryAfter time.Duration
}

// Unwrap exposes the response to errors.As.
func (e *RateLimitError) Unwrap() error { return e.ErrorResponse }

// Error adds the server's requested wait so a user sees how long to pause.
func (e *RateLimitError) Error() string {
	if e.RetryAfter > 0 {
		return e.ErrorResponse.Error() + " (retry after " + e.RetryAfter.String() + ")"
	}
	return e.ErrorResponse.Error()
}

// MisdirectedError is a 421: the tenant has moved to another host. When a
// resolver was configured and failed, ResolveErr says why.
type MisdirectedError struct {
	*ErrorResponse
	ResolveErr error
}

// Unwrap exposes the response and the resolver failure.
func (e *MisdirectedError) Unwrap() []error {
	if e.ResolveErr != nil {
		return []error{e.ErrorResponse, e.ResolveErr}
	}
	return []error{e.ErrorResponse}
}

// Error mentions the resolver failure, the actionable part.
func (e *MisdirectedError) Error() string {
	if e.ResolveErr != nil {
		return e.ErrorResponse.Error() + " (re-resolving the tenant failed: " + e.ResolveErr.Error() + ")"
	}
	return e.ErrorResponse.Error()
}

// AmbiguousError means a non-idempotent request (a POST that creates) was
// sent but its outcome is unknown: the connection dropped, the request
// timed out or a gateway answered 502/503/504. The record may have been
// created, so the caller must look before it creates again; the client
// never retries such a request itself.
type AmbiguousError struct {
	Method string
	Path   string
	Err    error
}

// Unwrap exposes the cause (a net error, context error or *ErrorResponse).
func (e *AmbiguousError) Unwrap() error { return e.Err }

// Error says plainly that the write may have happened.
func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("superoffice: %s %s: outcome unknown, the request may have been committed: %v", e.Method, e.Path, e.Err)
}

// IsNotFound reports whether err is a 404 from the Web API.
func IsNotFound(err error) bool {
	var er *ErrorResponse
	return errors.As(err, &er) && er.StatusCode() == http.StatusNotFound
}

// CheckResponse returns nil for a 2xx response and a typed error otherwise:
// *AuthError (401/403), *RateLimitError (429, or 503 with Retry-After),
// *MisdirectedError (421) or *ErrorResponse. It reads at most 1 MiB of the
// body and does not close it. Retry-After dates are read against the
// response's own Date header or, failing that, the wall clock.
func CheckResponse(r *http.Response) error {
	return checkResponse(r, time.Now())
}

func checkResponse(r *http.Response, now time.Time) error {
	if r.StatusCode >= 200 && r.StatusCode <= 299 {
		return nil
	}
	er := &ErrorResponse{Response: r}
	if r.Request != nil {
		er.Method = r.Request.Method
		if r.Request.URL != nil {
			er.Path = r.Request.URL.Path
		}
	}
	if r.Body != nil {
		data, _ := io.ReadAll(io.LimitReader(r.Body, maxErrorBody))
		parseErrorBody(er, data)
	}
	switch r.StatusCode {
	case http.StatusUnauthorized, http.StatusForbidden:
		return &AuthError{ErrorResponse: er}
	case http.StatusMisdirectedRequest:
		return &MisdirectedError{ErrorResponse: er}
	case http.StatusTooManyRequests:
		d, _ := parseRetryAfter(r.Header.Get("Retry-After"), responseNow(r, now))
		return &RateLimitError{ErrorResponse: er, RetryAfter: d}
	case http.StatusServiceUnavailable:
		if d, ok := parseRetryAfter(r.Header.Get("Retry-After"), responseNow(r, now)); ok {
			return &RateLimitError{ErrorResponse: er, RetryAfter: d}
		}
	}
	return er
}

// parseErrorBody fills er from SuperOffice's JSON error, or keeps a short
// printable excerpt of anything else.
func parseErrorBody(er *ErrorResponse, data []byte) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return
	}
	if data[0] == '{' && json.Unmarshal(data, er) == nil && (er.ErrorType != "" || er.ErrorMessage != "") {
		er.ErrorType = clip(er.ErrorType, maxField)
		er.ErrorMessage = clip(er.ErrorMessage, maxField)
		er.ErrorSource = clip(er.ErrorSource, maxField)
		return
	}
	er.ErrorMessage = clip(strings.Join(strings.Fields(string(data[:min(len(data), maxField)])), " "), maxField)
}

// responseNow prefers the server's Date header for HTTP-date Retry-After
// values so that a skewed local clock does not stretch the wait.
func responseNow(r *http.Response, now time.Time) time.Time {
	if d := r.Header.Get("Date"); d != "" {
		if t, err := http.ParseTime(d); err == nil {
			return t
		}
	}
	return now
}

// RetryAfter reads an answer's Retry-After, delta-seconds or an HTTP date
// (against the answer's Date, else now): the one reading of the header
// for the REST client and the sign-in's token refresh. ok is false when
// the header is absent or unreadable.
func RetryAfter(r *http.Response, now time.Time) (time.Duration, bool) {
	return parseRetryAfter(r.Header.Get("Retry-After"), responseNow(r, now))
}

// parseRetryAfter reads delta-seconds or an HTTP date. ok is false when the
// header is absent or unreadable; past dates give 0 with ok true.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > int64(24*time.Hour/time.Second) {
			n = int64(24 * time.Hour / time.Second)
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// clip shortens s to at most n bytes on a rune boundary and drops control
// characters, which have no place in a one-line error.
func clip(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
