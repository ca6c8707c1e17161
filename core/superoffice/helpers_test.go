package superoffice

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

const testToken = "SECRET-TOKEN-123"

// fakeClock records waits instead of sleeping.
type fakeClock struct {
	mu      sync.Mutex
	now     time.Time
	slept   []time.Duration
	onSleep func() // runs before returning, e.g. to cancel a context
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
}

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	f.mu.Lock()
	f.slept = append(f.slept, d)
	f.now = f.now.Add(d)
	hook := f.onSleep
	f.mu.Unlock()
	if hook != nil {
		hook()
	}
	return ctx.Err()
}

func (f *fakeClock) Slept() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.slept...)
}

// rotatingTokens hands out tokens in order; Invalidate moves to the next.
type rotatingTokens struct {
	mu          sync.Mutex
	tokens      []string
	i           int
	invalidated int
}

func (r *rotatingTokens) Token() (*oauth2.Token, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return &oauth2.Token{AccessToken: r.tokens[r.i], TokenType: "Bearer"}, nil
}

func (r *rotatingTokens) Invalidate() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.invalidated++
	if r.i < len(r.tokens)-1 {
		r.i++
	}
}

// seen is one request as the test server received it.
type seen struct {
	Method, Path, RawPath, RawQuery string
	Query                           map[string][]string
	Header                          http.Header
	Body                            []byte
}

// recorder is a test server that records requests and answers with the
// handler for the current call number (the last handler repeats).
type recorder struct {
	mu       sync.Mutex
	reqs     []seen
	handlers []http.HandlerFunc
	srv      *httptest.Server
}

func newRecorder(t *testing.T, handlers ...http.HandlerFunc) *recorder {
	t.Helper()
	rec := &recorder{handlers: handlers}
	rec.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, seen{Method: r.Method, Path: r.URL.Path, RawPath: r.URL.EscapedPath(),
			RawQuery: r.URL.RawQuery, Query: r.URL.Query(), Header: r.Header.Clone(), Body: body})
		h := rec.handlers[min(len(rec.reqs), len(rec.handlers))-1]
		rec.mu.Unlock()
		h(w, r)
	}))
	t.Cleanup(rec.srv.Close)
	return rec
}

func (r *recorder) base() string { return r.srv.URL + "/Cust12345/api/" }

func (r *recorder) requests() []seen {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]seen(nil), r.reqs...)
}

// jsonReply answers status with a JSON body.
func jsonReply(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}
}

// dropConnection closes the TCP connection without answering.
func dropConnection(w http.ResponseWriter, _ *http.Request) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	conn, _, err := hj.Hijack()
	if err == nil {
		_ = conn.Close()
	}
}

// newTestClient builds a client on rec with a fake clock, no jitter and
// the test token; extra options override.
func newTestClient(t *testing.T, base string, clk *fakeClock, opts ...Option) *Client {
	t.Helper()
	all := append([]Option{
		WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: testToken, TokenType: "Bearer"})),
		WithClock(clk),
		WithJitter(func(d time.Duration) time.Duration { return d }),
	}, opts...)
	c, err := NewClient(base, all...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}
