package export

import (
	"net/http"
	"strconv"
	"sync"
	"time"
)

// maxPause caps how long one Retry-After pauses every request.
const maxPause = time.Minute

// sharedBackoff makes all requests of one client back off together: when
// SuperOffice answers 429 or 503 with Retry-After, every request waits
// until then instead of each worker of a batch hammering on alone.
type sharedBackoff struct {
	next http.RoundTripper

	mu    sync.Mutex
	until time.Time
}

// SharedBackoff wraps rt (nil: the default transport).
func SharedBackoff(rt http.RoundTripper) http.RoundTripper {
	if rt == nil {
		rt = http.DefaultTransport
	}
	return &sharedBackoff{next: rt}
}

func (b *sharedBackoff) RoundTrip(req *http.Request) (*http.Response, error) {
	// Look again after each wait: a request that was already in flight
	// may have brought a later Retry-After in the meantime.
	for {
		b.mu.Lock()
		wait := time.Until(b.until)
		b.mu.Unlock()
		if wait <= 0 {
			break
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-req.Context().Done():
			t.Stop()
			return nil, req.Context().Err()
		}
	}
	resp, err := b.next.RoundTrip(req)
	if err == nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		if secs, perr := strconv.Atoi(resp.Header.Get("Retry-After")); perr == nil && secs > 0 {
			d := min(time.Duration(secs)*time.Second, maxPause)
			b.mu.Lock()
			if u := time.Now().Add(d); u.After(b.until) {
				b.until = u
			}
			b.mu.Unlock()
		}
	}
	return resp, err
}
