package export

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// One 429 with Retry-After pauses every request of the client, not only
// the one that got it.
func TestSharedBackoffPausesEveryRequest(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()
	hc := &http.Client{Transport: SharedBackoff(nil)}
	resp, err := hc.Get(srv.URL)
	if err != nil || resp.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("first = %v %v", resp, err)
	}
	resp.Body.Close()
	start := time.Now()
	resp, err = hc.Get(srv.URL + "/other")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("second = %v %v", resp, err)
	}
	resp.Body.Close()
	if waited := time.Since(start); waited < 900*time.Millisecond {
		t.Errorf("another request went out after %s, during the Retry-After pause", waited)
	}
}
