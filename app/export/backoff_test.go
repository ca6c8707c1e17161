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

// A request waiting out one Retry-After also waits out a longer one that
// a request already in flight brings back meanwhile, instead of going out
// in the middle of the second pause.
func TestSharedBackoffWaitsForALaterRetryAfter(t *testing.T) {
	release := make(chan struct{})
	var cAt atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/a":
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
		case "/b":
			<-release
			w.Header().Set("Retry-After", "2")
			w.WriteHeader(http.StatusTooManyRequests)
		default:
			cAt.Store(time.Now().UnixNano())
			w.WriteHeader(http.StatusOK)
		}
	}))
	defer srv.Close()
	hc := &http.Client{Transport: SharedBackoff(nil)}
	get := func(path string) {
		resp, err := hc.Get(srv.URL + path)
		if err != nil {
			t.Error(err)
			return
		}
		resp.Body.Close()
	}
	bDone := make(chan struct{})
	go func() { defer close(bDone); get("/b") }() // in flight, answered later
	time.Sleep(50 * time.Millisecond)
	get("/a") // pause until +1 s
	cDone := make(chan struct{})
	go func() { defer close(cDone); get("/c") }() // waits for the pause
	time.Sleep(300 * time.Millisecond)
	bAnswered := time.Now()
	close(release) // b's Retry-After: 2 extends the pause to about +2.3 s
	<-bDone
	<-cDone
	if went := time.Unix(0, cAt.Load()); went.Before(bAnswered.Add(1900 * time.Millisecond)) {
		t.Errorf("c went out %s after b's Retry-After: 2, during that pause", went.Sub(bAnswered))
	}
}
