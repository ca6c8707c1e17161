package superoffice

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// maxBody bounds a successful response body. The largest answers we ask for
// (a page of search rows, the country list) are far below this; the bound
// protects the desktop app from a broken proxy streaming forever.
const maxBody = 64 << 20

// Client talks to one tenant's Web API. It is safe for concurrent use;
// the base URL may change underneath after a 421 re-resolve.
type Client struct {
	mu      sync.RWMutex
	baseURL *url.URL

	baseHTTP         *http.Client
	http             *http.Client
	userAgent        string
	timeout          time.Duration
	tokens           oauth2.TokenSource
	refresher        func(ctx context.Context) error
	resolver         func(ctx context.Context) (string, error)
	retry            RetryPolicy
	clock            Clock
	jitter           func(time.Duration) time.Duration
	patchContentType string

	// Contacts is the company ("Contact") API.
	Contacts *ContactsService
	// Persons is the contact-person API.
	Persons *PersonsService
	// Lists reads the tenant's lists, such as countries.
	Lists *ListsService
	// User reads who is signed in.
	User *UserService
}

// service is embedded by every service so they share one client.
type service struct{ client *Client }

// NewClient returns a client for the tenant API at apiBaseURL, the
// webapi_url claim such as https://sod2.superoffice.com/Cust12345/api/.
// Paths like v1/Contact are resolved against it, so a missing trailing
// slash is added.
func NewClient(apiBaseURL string, opts ...Option) (*Client, error) {
	base, err := parseBase(apiBaseURL)
	if err != nil {
		return nil, err
	}
	c := &Client{
		baseURL:          base,
		baseHTTP:         http.DefaultClient,
		userAgent:        DefaultUserAgent,
		timeout:          DefaultTimeout,
		retry:            DefaultRetryPolicy(),
		clock:            realClock{},
		jitter:           equalJitter,
		patchContentType: "application/json",
	}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	hc := *c.baseHTTP
	hc.CheckRedirect = safeRedirect(c.baseHTTP.CheckRedirect)
	c.http = &hc
	c.Contacts = &ContactsService{client: c}
	c.Persons = &PersonsService{client: c}
	c.Lists = &ListsService{client: c}
	c.User = &UserService{client: c}
	return c, nil
}

// parseBase validates an API base URL and gives it a trailing slash.
func parseBase(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("superoffice: bad API base URL: %w", err)
	}
	if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("superoffice: API base URL %q is not an absolute http(s) URL", u.Redacted())
	}
	u.RawQuery, u.Fragment, u.User = "", "", nil
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
		if u.RawPath != "" {
			u.RawPath += "/"
		}
	}
	return u, nil
}

// BaseURL returns the API base currently in use.
func (c *Client) BaseURL() *url.URL {
	c.mu.RLock()
	defer c.mu.RUnlock()
	u := *c.baseURL
	return &u
}

// SetBaseURL switches the client to another base, e.g. after the app read
// a new webapi_url from a refreshed id_token.
func (c *Client) SetBaseURL(apiBaseURL string) error {
	u, err := parseBase(apiBaseURL)
	if err != nil {
		return err
	}
	c.mu.Lock()
	c.baseURL = u
	c.mu.Unlock()
	return nil
}

// Request is one API call before it is sent. Its body is already encoded,
// so it can be re-sent on retry, after a refresh or to a new base.
type Request struct {
	Method      string
	Path        string     // relative to the API base, e.g. "v1/Contact/5"; may hold escaped segments
	Query       url.Values // encoded with %20 for spaces and literal $ in keys
	Body        []byte     // nil for no body
	ContentType string
	// Idempotent allows automatic retries on 429/502/503/504 and on
	// connection errors. NewRequest sets it for GET, HEAD, PUT and DELETE.
	Idempotent bool
	// Header holds extra headers; Authorization here is ignored.
	Header http.Header
}

// Response wraps the final HTTP response. The network body has been read
// and closed; Body holds an in-memory copy. Attempts tells how many sends
// the call took.
type Response struct {
	*http.Response
	Attempts int
}

// NewRequest encodes body as JSON and returns a request for path relative
// to the API base. It is exported so callers can reach endpoints that have
// no typed method yet, and still get retries and typed errors.
func (c *Client) NewRequest(method, path string, body any) (*Request, error) {
	if strings.HasPrefix(path, "/") || strings.Contains(path, "://") {
		return nil, fmt.Errorf("superoffice: path %q must be relative to the API base", path)
	}
	r := &Request{Method: method, Path: path}
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete:
		r.Idempotent = true
	}
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return nil, fmt.Errorf("superoffice: encode %s %s: %w", method, path, err)
		}
		r.Body = data
		r.ContentType = "application/json"
	}
	return r, nil
}

// Do sends req (see BareDo) and decodes a 2xx JSON body into v, if v is
// not nil.
func (c *Client) Do(ctx context.Context, req *Request, v any) (*Response, error) {
	r, body, err := c.BareDo(ctx, req)
	if err != nil || v == nil || len(bytes.TrimSpace(body)) == 0 {
		return r, err
	}
	if err := json.Unmarshal(body, v); err != nil {
		return r, fmt.Errorf("superoffice: %s %s: decode response: %w", req.Method, req.errPath(), err)
	}
	return r, nil
}

// BareDo sends req and returns the body of its 2xx answer, undecoded.
// Idempotent requests are retried per the RetryPolicy, and any request
// refused with 429 is sent again after Retry-After; any request gets one
// retry after a 401 (with a token refresh) and one after a 421 (with a
// re-resolved base), because both mean the server did not act on it.
// Failures are typed: see CheckResponse and *AmbiguousError.
func (c *Client) BareDo(ctx context.Context, req *Request) (*Response, []byte, error) {
	if ctx == nil {
		return nil, nil, errors.New("superoffice: nil context")
	}
	var t tries
	for {
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("superoffice: %s %s: %w", req.Method, req.errPath(), err)
		}
		t.attempts++
		at, sendErr := c.send(ctx, req)
		if sendErr != nil {
			if err := c.afterSendError(ctx, req, sendErr, &t); err != nil {
				return nil, nil, err
			}
			continue
		}
		r := &Response{Response: at.resp, Attempts: t.attempts}
		apiErr := checkResponse(at.resp, c.clock.Now())
		if apiErr == nil {
			return r, at.body, nil
		}
		_ = at.resp.Body.Close()
		setRequestInfo(apiErr, req.Method, req.errPath(), t.attempts)
		redactToken(apiErr, at.token)
		if err := c.afterAPIError(ctx, req, at.resp, apiErr, &t); err != nil {
			return r, nil, err
		}
	}
}

// errPath is the request's path as error texts show it: no query, and
// "{api}" for the API root, as the docs write it.
func (req *Request) errPath() string {
	if p := pathOnly(req.Path); p != "" {
		return p
	}
	return "{api}"
}

// setRequestInfo replaces the absolute URL path with the request's
// relative path, the form the Error() text uses.
func setRequestInfo(err error, method, path string, attempts int) {
	var er *ErrorResponse
	if errors.As(err, &er) {
		er.Method, er.Path, er.Attempts = method, path, attempts
	}
}

// pathOnly drops any query part of a relative path for error texts.
func pathOnly(p string) string {
	if i := strings.IndexByte(p, '?'); i >= 0 {
		return p[:i]
	}
	return p
}

// retryableStatus lists the answers that mean "not now" rather than "no".
func retryableStatus(code int) bool {
	switch code {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// canRefresh reports whether a 401 retry could use a different token.
func (c *Client) canRefresh() bool {
	if c.refresher != nil {
		return true
	}
	_, ok := c.tokens.(Invalidator)
	return ok
}

// refresh runs the configured refresh hooks after a 401.
func (c *Client) refresh(ctx context.Context) error {
	if inv, ok := c.tokens.(Invalidator); ok {
		inv.Invalidate()
	}
	if c.refresher != nil {
		return c.refresher(ctx)
	}
	return nil
}

// reresolve asks the resolver for the tenant's current base after a 421.
func (c *Client) reresolve(ctx context.Context) error {
	raw, err := c.resolver(ctx)
	if err != nil {
		return err
	}
	return c.SetBaseURL(raw)
}

// backoff is the jittered exponential wait before retry number n (1-based).
func (c *Client) backoff(n int) time.Duration {
	d := c.retry.BaseDelay
	for i := 1; i < n && d < c.retry.MaxDelay; i++ {
		d *= 2
	}
	return c.jitter(min(d, c.retry.MaxDelay))
}

// equalJitter waits between d/2 and d, spreading retries from many
// clients while keeping a floor so retries are never immediate.
func equalJitter(d time.Duration) time.Duration {
	if d <= 1 {
		return d
	}
	half := d / 2
	return half + rand.N(d-half+1)
}

// sleep waits via the clock and always honours ctx.
func (c *Client) sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return c.clock.Sleep(ctx, d)
}
