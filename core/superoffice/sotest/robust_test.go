package sotest

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// hostile is a set of odd requests; none may make the simulator fail
// with a 500 (a recovered panic) or hang.
var hostile = []struct{ method, path, body string }{
	{"POST", "v1/Contact", `{"Address":"str","Emails":"x","Country":{"CountryId":"abc"},"CustomFields":[1]}`},
	{"POST", "v1/Contact", `{"Emails":[1,null,{"Value":5}],"Address":{"LocalizedAddress":[[1],"x",[{"Name":5}]]}}`},
	{"POST", "v1/Contact", `{"ContactId":99999999999999999999999,"Name":{"a":1},"CustomFields":{"RabitIQ:1":{"x":1},"RabitIQ:2":null}}`},
	{"POST", "v1/Person", `{"Contact":{"ContactId":-5},"Country":null,"Address":{"Street":[1]}}`},
	{"POST", "v1/Contact", `null`},
	{"POST", "v1/Contact", `{"a":`},
	{"POST", "v1/Contact", strings.Repeat("[", 5000)},
	{"PUT", "v1/Contact/1", `[]`},
	{"PATCH", "v1/Contact/1", `[{"op":"replace","path":"/Emails/5/Value","value":"x"}]`},
	{"PATCH", "v1/Contact/1", `[{"op":"add","path":"/Emails/-","value":"x"},{"op":"remove","path":"/Emails/-"}]`},
	{"PATCH", "v1/Contact/1", `[{"op":"replace","path":"/Name/x","value":1},{"op":"add","path":"/Address/LocalizedAddress/0/0/Value","value":"x"}]`},
	{"PATCH", "v1/Contact/1", `[{"op":"replace","path":"","value":1},{"op":"remove","path":"/CustomFields"},{"op":"test","path":"/CustomFields","value":5}]`},
	{"PATCH", "v1/Contact/1", `[{"op":"remove","path":"/Address/Street/Address1"},{"op":"remove","path":"/Nope/x"},{"op":"remove","path":"/Emails/0"}]`},
	{"PATCH", "v1/Contact/1", `[{"op":"replace","path":"/CustomFields/RabitIQ:1/x","value":"1"},{"op":"test","path":"/CustomFields/RabitIQ:404","value":"1"}]`},
	{"PATCH", "v1/Contact/1", `[1,"x",null]`},
	{"PATCH", "v1/Contact/1", `{"Emails":{"Value":"append@x.dk"},"Address":null,"CustomFields":"x"}`},
	{"PATCH", "v1/Contact/1", `"x"`},
	{"GET", "v1/Contact?$filter=" + url.QueryEscape(strings.Repeat("(", 3000)+"name eq 'x'"), ""},
	{"GET", "v1/Contact?$filter=" + url.QueryEscape("name eq 'x' or or"), ""},
	{"GET", "v1/Contact?$filter=" + url.QueryEscape("startswith(") + "&$top=-1", ""},
	{"GET", "v1/Contact?$top=99999999999999999999&$skip=9223372036854775807", ""},
	{"GET", "v1/Contact?$orderby=" + url.QueryEscape("name sideways"), ""},
	{"GET", "v1/Contact?$select=" + url.QueryEscape(",,contactUdef/,contactExtra/x_nope"), ""},
	{"GET", "v1/Contact/12abc/Persons", ""},
	{"GET", "v1/Contact/Duplicates/%00", ""},
	{"GET", "v1/Contact/DuplicateDomains/" + url.PathEscape("http://[::1"), ""},
	{"GET", "v1/List/Country/Items/abc", ""},
	{"GET", "v1/Contact/1?$select=" + url.QueryEscape(",,"), ""},
	{"DELETE", "v1/Contact/default", ""},
}

func TestHostileRequestsNeverFail(t *testing.T) {
	s := newSim(t, Config{Seed: DemoSeed()})
	s.AddCompany(SeedCompany{ID: 1, Name: "Target", Emails: []string{"a@b.dk"}})
	a := newAPI(t, s)
	for _, h := range hostile {
		resp, body := a.do(h.method, h.path, nilIfEmpty(h.body))
		if resp.StatusCode >= 500 {
			t.Errorf("%s %s %s: %d %s", h.method, h.path, h.body, resp.StatusCode, body)
		}
	}
	// OIDC endpoints with junk.
	for _, u := range []string{"/login/common/oauth/authorize?%zz", "/login/x/oauth/authorize", "/login/common/oauth/tokens", "/login/.well-known/x", "/api/state/", "/_sim/nope"} {
		resp, err := http.Get(s.URL() + u)
		if err != nil || resp.StatusCode >= 500 {
			t.Errorf("GET %s: %v %v", u, resp, err)
		}
		resp.Body.Close()
	}
	for _, body := range []string{"%zz", "grant_type=authorization_code&client_id=" + s.ClientID(), "grant_type=refresh_token&client_id=" + s.ClientID() + "&refresh_token=x", "request=x&decision=allow"} {
		for _, u := range []string{"/login/common/oauth/tokens", "/login/common/oauth/authorize", "/login/common/oauth/revoke", "/_sim/faults"} {
			resp, err := http.Post(s.URL()+u, "application/x-www-form-urlencoded", strings.NewReader(body))
			if err != nil || resp.StatusCode >= 500 {
				t.Errorf("POST %s %s: %v %v", u, body, resp, err)
			}
			resp.Body.Close()
		}
	}
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// The Server also works mounted on httptest.
func TestHTTPTestMount(t *testing.T) {
	s, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	s.SetURL(ts.URL)
	if s.APIURL() != ts.URL+"/Cust12345/api/" {
		t.Fatalf("APIURL %s", s.APIURL())
	}
	newAPI(t, s).obj("GET", "v1/Contact/default", nil, 200)
}

func FuzzParseFilter(f *testing.F) {
	for _, seed := range []string{`name eq 'x'`, `a eq 1 and (b lt 2 or c in (1,2))`, `startswith(name,'J''s')`, `'`, `((`, `x between (1,`} {
		f.Add(seed)
	}
	cols := func(n string) (*column, bool) { return &column{name: n, typ: colString}, true }
	f.Fuzz(func(t *testing.T, src string) {
		if e, err := parseFilter(src, cols); err == nil {
			e.eval(func(*column) any { return "v" })
		}
	})
}

func FuzzEntityBody(f *testing.F) {
	for _, h := range hostile {
		if h.body != "" {
			f.Add(h.method, h.body)
		}
	}
	s, err := New(Config{Seed: &Seed{Companies: []SeedCompany{{ID: 1, Name: "T"}}}})
	if err != nil {
		f.Fatal(err)
	}
	tok := s.AccessToken()
	f.Fuzz(func(t *testing.T, method, body string) {
		path := "/Cust12345/api/v1/Contact/1"
		switch method {
		case "POST":
			path = "/Cust12345/api/v1/Contact"
		case "PUT", "PATCH":
		default:
			return
		}
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		s.ResetLogs()
		if rec.Code >= 500 {
			t.Fatalf("%s %q: %d %s", method, body, rec.Code, rec.Body)
		}
	})
}
