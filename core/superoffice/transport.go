package superoffice

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// tokenError marks a failure to get an access token: nothing was sent, and
// retrying against the API would not help.
type tokenError struct{ err error }

func (e *tokenError) Error() string { return "access token: " + e.err.Error() }
func (e *tokenError) Unwrap() error { return e.err }

// permanentError marks a transport failure that a retry cannot fix, such
// as a certificate problem or an oversized answer. sent tells whether the
// request may have reached the server.
type permanentError struct {
	err  error
	sent bool
}

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// attempt is the outcome of one send.
type attempt struct {
	resp  *http.Response
	body  []byte
	token string // the access token sent, so error texts can be scrubbed of it
}

// send makes one attempt. On success it returns the response with its body
// already read (bounded) and the body bytes; the response Body is then a
// re-readable copy so CheckResponse can run on it.
func (c *Client) send(ctx context.Context, req *Request) (attempt, error) {
	var a attempt
	resp, body, err := c.sendOnce(ctx, req, &a.token)
	a.resp, a.body = resp, body
	return a, err
}

func (c *Client) sendOnce(ctx context.Context, req *Request, token *string) (*http.Response, []byte, error) {
	u, err := c.requestURL(req)
	if err != nil {
		return nil, nil, &permanentError{err: err}
	}
	actx, cancel := ctx, context.CancelFunc(func() {})
	if c.timeout > 0 {
		actx, cancel = context.WithTimeout(ctx, c.timeout)
	}
	defer cancel()

	var body io.Reader
	if req.Body != nil {
		body = bytes.NewReader(req.Body)
	}
	hr, err := http.NewRequestWithContext(actx, req.Method, u.String(), body)
	if err != nil {
		return nil, nil, &permanentError{err: err}
	}
	for k, vs := range req.Header {
		if !strings.EqualFold(k, "Authorization") {
			hr.Header[http.CanonicalHeaderKey(k)] = slices.Clone(vs)
		}
	}
	hr.Header.Set("Accept", "application/json")
	hr.Header.Set("User-Agent", c.userAgent)
	if req.Body != nil && req.ContentType != "" {
		hr.Header.Set("Content-Type", req.ContentType)
	}
	if c.tokens != nil {
		tok, err := c.tokens.Token()
		if err != nil {
			return nil, nil, &tokenError{err}
		}
		if tok == nil || tok.AccessToken == "" {
			return nil, nil, &tokenError{errors.New("token source returned no access token")}
		}
		hr.Header.Set("Authorization", tok.Type()+" "+tok.AccessToken)
		*token = tok.AccessToken
	}

	resp, err := c.http.Do(hr)
	if err != nil {
		return nil, nil, unwrapURLError(err)
	}
	defer resp.Body.Close()
	limit := int64(maxErrorBody)
	if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
		limit = maxBody + 1
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit))
	if err != nil {
		if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
			return nil, nil, fmt.Errorf("reading response: %w", err)
		}
		// An unreadable error body still leaves a usable status.
		data = nil
	}
	if int64(len(data)) > maxBody {
		return nil, nil, &permanentError{err: fmt.Errorf("response larger than %d MiB", maxBody>>20), sent: true}
	}
	resp.Body = io.NopCloser(bytes.NewReader(data))
	return resp, data, nil
}

// redactToken removes the access token from server-supplied error text:
// a proxy or a buggy endpoint may echo the request headers, and error
// strings end up in logs and dialogs.
func redactToken(err error, token string) {
	var er *ErrorResponse
	if token == "" || !errors.As(err, &er) {
		return
	}
	for _, f := range []*string{&er.ErrorType, &er.ErrorMessage, &er.ErrorSource} {
		*f = redact(*f, token)
	}
}

// redact replaces token in s, and also a cut-off start of it at the end
// of s (the server text may have been truncated mid-token).
func redact(s, token string) string {
	s = strings.ReplaceAll(s, token, "[redacted]")
	t := strings.TrimSuffix(s, "…")
	for n := min(len(token)-1, len(t)); n >= 6; n-- {
		if strings.HasSuffix(t, token[:n]) {
			return t[:len(t)-n] + "[redacted]"
		}
	}
	return s
}

// requestURL resolves the request path and query against the current base.
func (c *Client) requestURL(req *Request) (*url.URL, error) {
	rel, err := url.Parse(req.Path)
	if err != nil {
		return nil, fmt.Errorf("bad path: %w", err)
	}
	if rel.IsAbs() || rel.Host != "" || strings.HasPrefix(rel.Path, "/") {
		return nil, fmt.Errorf("path %q is not relative to the API base", req.Path)
	}
	u := c.BaseURL().ResolveReference(rel)
	if q := encodeQuery(req.Query); q != "" {
		if u.RawQuery != "" {
			u.RawQuery += "&" + q
		} else {
			u.RawQuery = q
		}
	}
	return u, nil
}

// encodeQuery is url.Values.Encode with two changes for the Web API: OData
// option names keep their literal $, and spaces become %20 rather than +,
// as the SuperOffice docs ask. Values are still fully escaped, so no user
// text can break out of its parameter.
func encodeQuery(v url.Values) string {
	if len(v) == 0 {
		return ""
	}
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		ek := strings.ReplaceAll(url.QueryEscape(k), "%24", "$")
		for _, val := range v[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(ek + "=" + strings.ReplaceAll(url.QueryEscape(val), "+", "%20"))
		}
	}
	return b.String()
}

// unwrapURLError drops *url.Error's "Get https://..." prefix (Do names the
// call itself) and marks failures that retrying cannot fix.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var certErr *tls.CertificateVerificationError
	var uaErr x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var redirErr *redirectError
	if errors.As(err, &redirErr) {
		return &permanentError{err: err, sent: true}
	}
	if errors.As(err, &certErr) || errors.As(err, &uaErr) || errors.As(err, &hostErr) {
		return &permanentError{err: err}
	}
	return err
}

// notSent reports whether a transport error happened before any byte of
// the request could reach the server (dialling, DNS, TLS verification, a
// token failure), so a POST that failed this way certainly did nothing.
func notSent(err error) bool {
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return true
	}
	var dnsErr *net.DNSError
	var tErr *tokenError
	var pErr *permanentError
	return errors.As(err, &dnsErr) || errors.As(err, &tErr) || (errors.As(err, &pErr) && !pErr.sent)
}

// redirectError is returned by CheckRedirect to stop a redirect loop.
type redirectError struct{ n int }

func (e *redirectError) Error() string { return fmt.Sprintf("stopped after %d redirects", e.n) }

// safeRedirect wraps a CheckRedirect so the bearer token never follows a
// redirect to another host or from https to http. Go already strips it
// for unrelated domains but keeps it for subdomains; a tenant API has no
// reason to send us to a different host with our token.
func safeRedirect(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return &redirectError{n: len(via)}
		}
		first := via[0].URL
		if !strings.EqualFold(req.URL.Host, first.Host) || (first.Scheme == "https" && req.URL.Scheme != "https") {
			req.Header.Del("Authorization")
		}
		if next != nil {
			return next(req, via)
		}
		return nil
	}
}
