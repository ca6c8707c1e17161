package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"golang.org/x/oauth2"

	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// Refresh retries: SuperOffice's token endpoint answering 5xx or
// temporarily_unavailable is a blip, and one blip must not fail a whole
// batch. Four tries over about 7 s, or longer when Retry-After says so.
const (
	refreshAttempts      = 4
	refreshBaseDelay     = time.Second
	refreshMaxRetryAfter = 30 * time.Second
)

// retryableRefresh reports whether a failed refresh may succeed if tried
// again, and how long the endpoint asked us to wait (0: not said).
func retryableRefresh(err error) (bool, time.Duration) {
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		return false, 0
	}
	if re.ErrorCode == "temporarily_unavailable" {
		return true, retryAfter(re.Response)
	}
	if re.Response != nil && (re.Response.StatusCode >= 500 || re.Response.StatusCode == http.StatusTooManyRequests) {
		return true, retryAfter(re.Response)
	}
	return false, 0
}

// retryAfter is how long the token endpoint asked us to wait, capped:
// read as the REST client reads it.
func retryAfter(r *http.Response) time.Duration {
	if r == nil {
		return 0
	}
	d, ok := superoffice.RetryAfter(r, time.Now())
	if !ok || d <= 0 {
		return 0
	}
	return min(d, refreshMaxRetryAfter)
}

func (m *Manager) sleep(ctx context.Context, d time.Duration) error {
	if m.Sleep != nil {
		return m.Sleep(ctx, d)
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

// exchangeRefresh asks x/oauth2 for a new token with rt, retrying blips
// with backoff. x/oauth2 does the refresh itself; this only wraps it.
func (s *Session) exchangeRefresh(ctx context.Context, rt string) (*oauth2.Token, error) {
	hc := s.m.httpClient()
	var err error
	for attempt := 1; ; attempt++ {
		src := s.p.oauth.TokenSource(context.WithValue(ctx, oauth2.HTTPClient, hc), &oauth2.Token{RefreshToken: rt})
		var tok *oauth2.Token
		if tok, err = src.Token(); err == nil {
			return tok, nil
		}
		again, wait := retryableRefresh(err)
		if !again || attempt >= refreshAttempts {
			return nil, err
		}
		if wait == 0 {
			wait = refreshBaseDelay << (attempt - 1)
		}
		if serr := s.m.sleep(ctx, wait); serr != nil {
			return nil, fmt.Errorf("refresh the SuperOffice access token: %w", serr)
		}
	}
}

// sameSignIn reports whether two stored sign-ins are for the same tenant
// through the same app, so one may stand in for the other.
func sameSignIn(a, b Credentials) bool {
	return a.Tenant.Ctx == b.Tenant.Ctx && a.ClientID == b.ClientID && a.Authority == b.Authority
}

func (s *Session) refreshLocked(ctx context.Context) (*oauth2.Token, error) {
	tok, err := s.exchangeRefresh(ctx, s.creds.RefreshToken)
	if err != nil && isInvalidGrant(err) {
		// Another process may hold a newer refresh token for this tenant
		// (it rotated the token, or the user connected again): use it.
		if stored, lerr := s.m.Store.Load(); lerr == nil && stored.RefreshToken != s.creds.RefreshToken && sameSignIn(*stored, s.creds) {
			s.creds = *stored
			tok, err = s.exchangeRefresh(ctx, s.creds.RefreshToken)
		}
	}
	if err != nil {
		if isInvalidGrant(err) {
			s.closed = true
			s.m.dropSession(s, s.creds.RefreshToken)
			return nil, fmt.Errorf("SuperOffice no longer accepts the sign-in (revoked or expired); connect again: %w", ErrNotConnected)
		}
		return nil, fmt.Errorf("refresh the SuperOffice access token: %w", redactErr(err))
	}
	used := s.creds.RefreshToken
	changed := false
	if tok.RefreshToken != "" && tok.RefreshToken != s.creds.RefreshToken {
		s.creds.RefreshToken = tok.RefreshToken
		changed = true
	}
	if t, err := s.p.verifyTenant(ctx, s.m.httpClient(), tok, ""); err == nil && t.Ctx == s.creds.Tenant.Ctx && t.APIURL != s.creds.Tenant.APIURL {
		s.creds.Tenant.APIURL = t.APIURL
		changed = true
	}
	if changed && !s.runOnly {
		s.persistLocked(used)
	}
	s.tok = tok
	return tok, nil
}

// persistLocked saves the session's changed credentials, unless the
// keyring no longer holds the sign-in this session refreshed with (used):
// then the user disconnected or connected again elsewhere, and an older
// process must not bring its sign-in back.
func (s *Session) persistLocked(used string) {
	stored, err := s.m.Store.Load()
	if err != nil || stored.RefreshToken != used {
		return
	}
	c := s.creds
	if err := s.m.Store.Save(&c); err != nil {
		s.runOnly = true
	}
}
