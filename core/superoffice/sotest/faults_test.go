package sotest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestFaultLatency(t *testing.T) {
	s := newSim(t, Config{})
	a := newAPI(t, s)
	s.Faults().Latency(150 * time.Millisecond)
	start := time.Now()
	a.obj("GET", "v1/User/currentPrincipal", nil, 200)
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Errorf("latency %v", d)
	}
	s.Faults().Latency(0)
	if r := s.Requests(); r[len(r)-1].Fault != "latency" {
		t.Errorf("fault not recorded: %+v", r[len(r)-1])
	}
}

func TestFaultFailNextWithRetryAfter(t *testing.T) {
	for _, status := range []int{503, 429} {
		s := newSim(t, Config{})
		a := newAPI(t, s)
		s.Faults().FailNext(2, status, 1500*time.Millisecond)
		for i := 0; i < 2; i++ {
			resp, body := a.do("POST", "v1/Contact", map[string]any{"Name": "Acme"})
			if resp.StatusCode != status || resp.Header.Get("Retry-After") != "2" || !bytes.Contains(body, []byte(`"Error":true`)) {
				t.Errorf("%d try %d: %d Retry-After=%q %s", status, i, resp.StatusCode, resp.Header.Get("Retry-After"), body)
			}
		}
		if len(s.Companies()) != 0 {
			t.Errorf("a failed request committed")
		}
		a.obj("POST", "v1/Contact", map[string]any{"Name": "Acme"}, 200)
		if len(s.Companies()) != 1 {
			t.Errorf("companies %d", len(s.Companies()))
		}
		noViolations(t, s)
	}
}

func TestFaultMisdirect(t *testing.T) {
	s := newSim(t, Config{})
	a := newAPI(t, s)
	s.Faults().Misdirect(1)
	if e := a.obj("GET", "v1/Contact/default", nil, http.StatusMisdirectedRequest); !strings.Contains(e["ErrorMessage"].(string), "Wrong subdomain") {
		t.Errorf("421 body %v", e)
	}
	// The State API still answers; the retry succeeds.
	if resp, err := http.Get(s.URL() + "/api/state/" + s.Ctx()); err != nil || resp.StatusCode != 200 {
		t.Fatalf("state %v %v", resp, err)
	}
	a.obj("GET", "v1/Contact/default", nil, 200)
}

func TestFaultExpiredTokenThenRefresh(t *testing.T) {
	s := newSim(t, Config{})
	tr, err := s.IssueTokens("")
	if err != nil {
		t.Fatal(err)
	}
	a := &api{t: t, s: s, tok: tr.AccessToken, c: http.DefaultClient}
	a.obj("GET", "v1/User/currentPrincipal", nil, 200)
	s.Faults().ExpireTokens()
	a.obj("GET", "v1/User/currentPrincipal", nil, 401)
	resp, err := http.PostForm(s.Authority()+"/common/oauth/tokens", url.Values{"grant_type": {"refresh_token"},
		"client_id": {s.ClientID()}, "refresh_token": {tr.RefreshToken}})
	if err != nil {
		t.Fatal(err)
	}
	var nt TokenResponse
	_ = json.NewDecoder(resp.Body).Decode(&nt)
	resp.Body.Close()
	a.tok = nt.AccessToken
	a.obj("GET", "v1/User/currentPrincipal", nil, 200)
	noViolations(t, s)
}

func TestFaultHangAfterCreate(t *testing.T) {
	s := newSim(t, Config{})
	s.Faults().HangAfterCreate(5 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "POST", s.APIURL()+"v1/Contact", strings.NewReader(`{"Name":"Timeout ApS"}`))
	req.Header.Set("Authorization", "Bearer "+s.AccessToken())
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	_, err := http.DefaultClient.Do(req)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 3*time.Second {
		t.Fatalf("want a client timeout, got %v after %v", err, time.Since(start))
	}
	// The create committed although the client gave up.
	cs := s.Companies()
	if len(cs) != 1 || cs[0].Name != "Timeout ApS" {
		t.Fatalf("companies %+v", cs)
	}
	// Only the next create hangs.
	newAPI(t, s).obj("POST", "v1/Contact", map[string]any{"Name": "Fast ApS"}, 200)
}

func TestFaultControlEndpoint(t *testing.T) {
	s := newSim(t, Config{AutoApprove: true})
	post := func(body string) FaultState {
		resp, err := http.Post(s.URL()+"/_sim/faults", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var st FaultState
		_ = json.NewDecoder(resp.Body).Decode(&st)
		return st
	}
	st := post(`{"latencyMs": 5, "failNext": {"n": 1, "status": 503, "retryAfterSeconds": 3},
		"misdirect": 1, "hangAfterCreateMs": 100, "denyAuthorize": true}`)
	if st.LatencyMs != 5 || len(st.Rules) != 2 || st.Rules[0].RetryAfterS != 3 || !st.DenyAuthorize || len(st.HangsMs) != 1 {
		t.Errorf("state %+v", st)
	}
	a := newAPI(t, s)
	a.obj("GET", "v1/Contact/default", nil, 503)
	a.obj("GET", "v1/Contact/default", nil, 421)
	a.obj("GET", "v1/Contact/default", nil, 200)
	if st := post(`{"reset": true}`); st.LatencyMs != 0 || len(st.Rules) != 0 || st.DenyAuthorize {
		t.Errorf("after reset %+v", st)
	}
	// A failure on the token endpoint, via FailNextMatching.
	post(`{"failNext": {"n": 1, "status": 503, "method": "POST", "pathContains": "/oauth/tokens"}}`)
	resp, _ := http.PostForm(s.Authority()+"/common/oauth/tokens", url.Values{})
	resp.Body.Close()
	if resp.StatusCode != 503 {
		t.Errorf("token endpoint: %d", resp.StatusCode)
	}
	// POST /_sim/token hands out a working token.
	resp, _ = http.Post(s.URL()+"/_sim/token", "", nil)
	var tr TokenResponse
	_ = json.NewDecoder(resp.Body).Decode(&tr)
	resp.Body.Close()
	(&api{t: t, s: s, tok: tr.AccessToken, c: http.DefaultClient}).obj("GET", "v1/Contact/default", nil, 200)
	// The revoke/expire switches.
	post(`{"expireTokens": true, "revokeRefreshTokens": true}`)
	(&api{t: t, s: s, tok: tr.AccessToken, c: http.DefaultClient}).obj("GET", "v1/Contact/default", nil, 401)
}
