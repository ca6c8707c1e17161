package sotest

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// tokenPost posts a token request and decodes the JSON answer.
func tokenPost(t *testing.T, u string, form url.Values) (int, map[string]any) {
	t.Helper()
	resp, err := http.PostForm(u, form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	return resp.StatusCode, m
}

// The token-endpoint faults and rotation, armed over /_sim/faults as
// another process would.
func TestFaultTokenEndpointAndRotation(t *testing.T) {
	s := newSim(t, Config{RotateRefreshTokens: true})
	tr, err := s.IssueTokens("")
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(s.URL()+"/_sim/faults", "application/json",
		strings.NewReader(`{"failNext":{"n":1,"status":400,"oauthError":"temporarily_unavailable","retryAfterSeconds":2}}`))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("arm: %v", err)
	}
	resp.Body.Close()
	tokenURL := s.Authority() + "/common/oauth/tokens"
	refresh := url.Values{"grant_type": {"refresh_token"}, "client_id": {s.ClientID()}, "refresh_token": {tr.RefreshToken}}
	if code, m := tokenPost(t, tokenURL, refresh); code != 400 || m["error"] != "temporarily_unavailable" {
		t.Fatalf("armed fault: %d %v", code, m)
	}
	code, m := tokenPost(t, tokenURL, refresh)
	rotated, _ := m["refresh_token"].(string)
	if code != 200 || rotated == "" || rotated == tr.RefreshToken {
		t.Fatalf("rotating refresh: %d, new refresh token %q", code, rotated)
	}
	if code, m := tokenPost(t, tokenURL, refresh); code != 400 || m["error"] != "invalid_grant" {
		t.Errorf("the rotated-away token still works: %d %v", code, m)
	}
	refresh.Set("refresh_token", rotated)
	if code, _ := tokenPost(t, tokenURL, refresh); code != 200 {
		t.Errorf("the new refresh token is refused: %d", code)
	}
}

// After a move the old host answers 421, the new one serves the tenant,
// and the State API and new id_tokens name the new host.
func TestFaultMoveTenant(t *testing.T) {
	s := newSim(t, Config{})
	moved := httptest.NewServer(s)
	defer moved.Close()
	tok := s.AccessToken()
	get := func(base string) int {
		req, _ := http.NewRequest("GET", base+"/"+s.Ctx()+"/api/v1/User/currentPrincipal", nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Accept", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	old := s.URL()
	resp, err := http.Post(old+"/_sim/faults", "application/json", strings.NewReader(`{"moveTenantTo":"`+moved.URL+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if c := get(old); c != http.StatusMisdirectedRequest {
		t.Errorf("old host after the move: %d, want 421", c)
	}
	if c := get(moved.URL); c != 200 {
		t.Errorf("new host: %d", c)
	}
	if s.APIURL() != moved.URL+"/"+s.Ctx()+"/api/" {
		t.Errorf("APIURL = %s", s.APIURL())
	}
	tr, _ := s.IssueTokens("")
	parts := strings.Split(tr.IDToken, ".")
	if len(parts) != 3 {
		t.Fatal("id_token")
	}
	if !strings.Contains(decodeSeg(t, parts[1]), `"`+moved.URL+"/"+s.Ctx()+`/api/"`) {
		t.Errorf("id_token webapi_url does not name the new host")
	}
	s.Faults().Reset()
	if c := get(old); c != 200 {
		t.Errorf("after Reset the old host answers %d", c)
	}
	noViolations(t, s)
}

func decodeSeg(t *testing.T, seg string) string {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(seg)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
