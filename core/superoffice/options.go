package superoffice

import (
	"context"
	"errors"
	"net/http"
	"time"

	"golang.org/x/oauth2"
)

// ClientVersion goes into the default User-Agent so SuperOffice's API
// metrics can tell our releases apart.
const ClientVersion = "0.1.0"

// DefaultUserAgent is sent unless WithUserAgent says otherwise.
const DefaultUserAgent = "RabitIQ-SuperOffice/" + ClientVersion

// DefaultTimeout bounds one attempt (request plus reading the answer).
// SuperOffice marks slow calls at 2 s, so 30 s means something is wrong.
const DefaultTimeout = 30 * time.Second

// Option configures a Client in NewClient.
type Option func(*Client) error

// Clock is the client's view of time. Tests pass a fake so that backoff
// and Retry-After waits are asserted without really sleeping.
type Clock interface {
	Now() time.Time
	// Sleep waits for d or until ctx is done, returning ctx.Err() then.
	Sleep(ctx context.Context, d time.Duration) error
}

// Invalidator is implemented by token sources that can drop a cached
// access token. After a 401 the client calls Invalidate and asks the
// source for a token again, which makes it refresh.
type Invalidator interface {
	Invalidate()
}

// RetryPolicy bounds automatic retries of idempotent requests.
type RetryPolicy struct {
	// MaxAttempts is the total number of sends, first one included (default 4).
	MaxAttempts int
	// BaseDelay is the first backoff step, doubled per retry (default 500 ms).
	BaseDelay time.Duration
	// MaxDelay caps one backoff step (default 20 s).
	MaxDelay time.Duration
	// MaxRetryAfter is the longest Retry-After the client waits out by
	// itself (default 60 s); a longer one is returned as *RateLimitError so
	// the user sees it instead of a frozen export.
	MaxRetryAfter time.Duration
	// MaxThrottled is the total number of sends when SuperOffice keeps
	// answering 429 (default 8). A 429 means the request was not acted
	// on, so it applies to creates too; the waits follow Retry-After.
	MaxThrottled int
}

// DefaultRetryPolicy is used unless WithRetry says otherwise.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxAttempts: 4, BaseDelay: 500 * time.Millisecond, MaxDelay: 20 * time.Second, MaxRetryAfter: 60 * time.Second, MaxThrottled: 8}
}

// withDefaults fills zero fields so a partly-set policy still behaves.
func (p RetryPolicy) withDefaults() RetryPolicy {
	d := DefaultRetryPolicy()
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = d.MaxAttempts
	}
	if p.BaseDelay <= 0 {
		p.BaseDelay = d.BaseDelay
	}
	if p.MaxDelay <= 0 {
		p.MaxDelay = d.MaxDelay
	}
	if p.MaxRetryAfter <= 0 {
		p.MaxRetryAfter = d.MaxRetryAfter
	}
	if p.MaxThrottled <= 0 {
		p.MaxThrottled = d.MaxThrottled
	}
	return p
}

// WithTokenSource supplies the OAuth access tokens. The client sets the
// Authorization header itself (rather than using an oauth2.Transport) so
// that it can re-ask for a token after a 401. If the source implements
// Invalidator, a 401 invalidates it and the request is retried once.
func WithTokenSource(ts oauth2.TokenSource) Option {
	return func(c *Client) error {
		c.tokens = ts
		return nil
	}
}

// WithRefresher sets a hook called after a 401 before the single retry,
// for token sources that cannot implement Invalidator.
func WithRefresher(refresh func(ctx context.Context) error) Option {
	return func(c *Client) error {
		c.refresher = refresh
		return nil
	}
}

// WithHTTPClient uses hc for transport. The client works on a copy whose
// CheckRedirect also drops the Authorization header on any change of host
// or downgrade to http, so hc itself is never modified.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) error {
		if hc == nil {
			return errors.New("superoffice: nil http.Client")
		}
		c.baseHTTP = hc
		return nil
	}
}

// WithUserAgent replaces the User-Agent header, e.g. with the app version.
func WithUserAgent(ua string) Option {
	return func(c *Client) error {
		c.userAgent = ua
		return nil
	}
}

// WithTimeout bounds each attempt; d <= 0 disables the per-attempt bound
// and leaves only the caller's context.
func WithTimeout(d time.Duration) Option {
	return func(c *Client) error {
		c.timeout = d
		return nil
	}
}

// WithRetry replaces the retry policy; zero fields take their defaults.
// MaxAttempts 1 turns automatic retries off (MaxThrottled 1 does the same
// for 429 answers).
func WithRetry(p RetryPolicy) Option {
	return func(c *Client) error {
		c.retry = p.withDefaults()
		return nil
	}
}

// WithClock replaces the wall clock, for tests.
func WithClock(clk Clock) Option {
	return func(c *Client) error {
		if clk == nil {
			return errors.New("superoffice: nil Clock")
		}
		c.clock = clk
		return nil
	}
}

// WithJitter replaces the random jitter applied to backoff steps. It gets
// the step d and returns the wait to use; tests pass an identity function.
func WithJitter(j func(d time.Duration) time.Duration) Option {
	return func(c *Client) error {
		if j == nil {
			return errors.New("superoffice: nil jitter")
		}
		c.jitter = j
		return nil
	}
}

// WithResolver sets how to find the tenant's API base again after a 421
// Misdirected Request (the tenant moved hosts): typically a Tenant State
// lookup (see StateResolver) or re-reading webapi_url after a refresh. The
// request is then retried once on the new base.
func WithResolver(resolve func(ctx context.Context) (newBaseURL string, err error)) Option {
	return func(c *Client) error {
		c.resolver = resolve
		return nil
	}
}

// WithPatchContentType sets the Content-Type for PATCH bodies. The default
// is application/json, as in the official samples; the API also accepts
// application/json-patch+json.
func WithPatchContentType(ct string) Option {
	return func(c *Client) error {
		if ct == "" {
			return errors.New("superoffice: empty patch content type")
		}
		c.patchContentType = ct
		return nil
	}
}

// realClock is the wall clock.
type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
