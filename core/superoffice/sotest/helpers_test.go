package sotest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// newSim starts a simulator on 127.0.0.1:0 for one test.
func newSim(t *testing.T, cfg Config) *Server {
	t.Helper()
	s, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// api is a minimal REST client for tests.
type api struct {
	t   *testing.T
	s   *Server
	tok string
	c   *http.Client
}

func newAPI(t *testing.T, s *Server) *api {
	return &api{t: t, s: s, tok: s.AccessToken(), c: &http.Client{Timeout: 10 * time.Second}}
}

// do sends a request to APIURL()+path. body is sent as-is when it is a
// string, else JSON-encoded.
func (a *api) do(method, path string, body any) (*http.Response, []byte) {
	a.t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			a.t.Fatal(err)
		}
		r = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, a.s.APIURL()+path, r)
	if err != nil {
		a.t.Fatal(err)
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if a.tok != "" {
		req.Header.Set("Authorization", "Bearer "+a.tok)
	}
	resp, err := a.c.Do(req)
	if err != nil {
		a.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp, out
}

// json sends a request, checks the status and decodes the JSON answer.
func (a *api) json(method, path string, body any, want int) any {
	a.t.Helper()
	resp, raw := a.do(method, path, body)
	if resp.StatusCode != want {
		a.t.Fatalf("%s %s: status %d, want %d: %s", method, path, resp.StatusCode, want, raw)
	}
	if len(raw) == 0 {
		return nil
	}
	v, err := decodeJSON(raw)
	if err != nil {
		a.t.Fatalf("%s %s: bad JSON: %v: %s", method, path, err, raw)
	}
	return v
}

func (a *api) obj(method, path string, body any, want int) map[string]any {
	a.t.Helper()
	m, _ := a.json(method, path, body, want).(map[string]any)
	return m
}

// rows returns the "value" rows of an OData answer.
func (a *api) rows(path string) []map[string]any {
	a.t.Helper()
	res := a.obj("GET", path, nil, 200)
	arr, _ := res["value"].([]any)
	out := make([]map[string]any, 0, len(arr))
	for _, r := range arr {
		out = append(out, r.(map[string]any))
	}
	return out
}

func noViolations(t *testing.T, s *Server) {
	t.Helper()
	for _, v := range s.Violations() {
		t.Errorf("unexpected violation: %s %s %s %s: %s", v.Method, v.Path, v.Kind, v.Pointer, v.Message)
	}
}

// wantViolation asserts a violation of kind whose pointer or message
// contains substr.
func wantViolation(t *testing.T, s *Server, kind, substr string) {
	t.Helper()
	for _, v := range s.Violations() {
		if v.Kind == kind && (strings.Contains(v.Pointer, substr) || strings.Contains(v.Message, substr)) {
			return
		}
	}
	t.Errorf("no %s violation mentioning %q; got %+v", kind, substr, s.Violations())
}

// get walks a decoded JSON value along keys.
func get(v any, keys ...string) any {
	for _, k := range keys {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

func mustNum(t *testing.T, v any) int {
	t.Helper()
	n, ok := v.(json.Number)
	if !ok {
		t.Fatalf("not a number: %#v", v)
	}
	i, err := n.Int64()
	if err != nil {
		t.Fatal(err)
	}
	return int(i)
}
