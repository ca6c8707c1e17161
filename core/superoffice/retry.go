package superoffice

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

// The retry decisions of BareDo: after a request got no answer, and after
// it got an error answer.

// tries is what BareDo has spent on one request so far.
type tries struct {
	attempts, retries     int // sends; transient retries
	throttled             int // 429 answers waited out
	authRetried, resolved bool
}

// afterSendError decides what a request that got no answer does next: nil
// to send it again (after a backoff), or the error to return.
func (c *Client) afterSendError(ctx context.Context, req *Request, sendErr error, t *tries) error {
	path := req.errPath()
	var tErr *tokenError
	if errors.As(sendErr, &tErr) {
		return fmt.Errorf("superoffice: %s %s: %w", req.Method, path, tErr.err)
	}
	if ctx.Err() != nil {
		if !req.Idempotent && !notSent(sendErr) {
			return &AmbiguousError{Method: req.Method, Path: path, Err: ctx.Err()}
		}
		return fmt.Errorf("superoffice: %s %s: %w", req.Method, path, ctx.Err())
	}
	var perm *permanentError
	if !req.Idempotent || errors.As(sendErr, &perm) {
		if req.Idempotent || notSent(sendErr) {
			return fmt.Errorf("superoffice: %s %s: %w", req.Method, path, sendErr)
		}
		return &AmbiguousError{Method: req.Method, Path: path, Err: sendErr}
	}
	if t.retries+1 >= c.retry.MaxAttempts {
		return fmt.Errorf("superoffice: %s %s: gave up after %d attempts: %w", req.Method, path, t.attempts, sendErr)
	}
	t.retries++
	if err := c.sleep(ctx, c.backoff(t.retries)); err != nil {
		return fmt.Errorf("superoffice: %s %s: %w", req.Method, path, err)
	}
	return nil
}

// afterAPIError decides what a request that got an error answer does
// next: nil to send it again, or the error to return.
func (c *Client) afterAPIError(ctx context.Context, req *Request, resp *http.Response, apiErr error, t *tries) error {
	var (
		authErr *AuthError
		misErr  *MisdirectedError
	)
	switch {
	case errors.As(apiErr, &authErr) && resp.StatusCode == http.StatusUnauthorized && !t.authRetried && c.canRefresh():
		t.authRetried = true
		if err := c.refresh(ctx); err != nil {
			authErr.RefreshErr = err
			return authErr
		}
		return nil
	case errors.As(apiErr, &misErr) && !t.resolved && c.resolver != nil:
		t.resolved = true
		if err := c.reresolve(ctx); err != nil {
			misErr.ResolveErr = err
			return misErr
		}
		return nil
	case resp.StatusCode == http.StatusTooManyRequests:
		// SuperOffice refused the request before acting on it, so any
		// request, a create too, may wait and go again. Throttling is the
		// server pacing us, not a failure: it has its own budget and does
		// not use up the attempts kept for real failures.
		if t.throttled+1 >= c.retry.MaxThrottled {
			return apiErr
		}
		t.throttled++
		return c.pause(ctx, req.Method, req.errPath(), t.throttled, apiErr)
	case retryableStatus(resp.StatusCode):
		if !req.Idempotent {
			return &AmbiguousError{Method: req.Method, Path: req.errPath(), Err: apiErr}
		}
		if t.retries+1 >= c.retry.MaxAttempts {
			return apiErr
		}
		t.retries++
		return c.pause(ctx, req.Method, req.errPath(), t.retries, apiErr)
	}
	return apiErr
}

// pause waits before try n of a request again: as long as the answer's
// Retry-After says, else the backoff. It returns the error to give up
// with when Retry-After asks for longer than the policy allows or the
// context ends.
func (c *Client) pause(ctx context.Context, method, path string, n int, apiErr error) error {
	wait := c.backoff(n)
	var rateErr *RateLimitError
	if errors.As(apiErr, &rateErr) && rateErr.RetryAfter > 0 {
		if rateErr.RetryAfter > c.retry.MaxRetryAfter {
			return apiErr
		}
		wait = rateErr.RetryAfter
	}
	if err := c.sleep(ctx, wait); err != nil {
		return fmt.Errorf("superoffice: %s %s: %w", method, path, err)
	}
	return nil
}
