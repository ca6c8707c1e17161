package superoffice

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

const notFoundBody = `{"Error":true,"ErrorType":"SoNotFoundException","ErrorMessage":"Contact id 99 not found","ErrorSource":"SuperOffice.Services.Implementation"}`

func TestNewClientBase(t *testing.T) {
	c, err := NewClient("https://sod2.superoffice.com/Cust12345/api")
	if err != nil {
		t.Fatal(err)
	}
	if got := c.BaseURL().String(); got != "https://sod2.superoffice.com/Cust12345/api/" {
		t.Errorf("base = %s", got)
	}
	for _, bad := range []string{"", "sod2.superoffice.com/Cust12345/api/", "ftp://x/api/", "https:///api/"} {
		if _, err := NewClient(bad); err == nil {
			t.Errorf("NewClient(%q): no error", bad)
		}
	}
}

func TestErrorBody(t *testing.T) {
	rec := newRecorder(t, jsonReply(http.StatusNotFound, notFoundBody))
	c := newTestClient(t, rec.base(), newFakeClock())
	_, resp, err := c.Contacts.Get(context.Background(), 99)
	var er *ErrorResponse
	if !errors.As(err, &er) {
		t.Fatalf("err = %T %v", err, err)
	}
	want := "superoffice: GET v1/Contact/99: 404 SoNotFoundException: Contact id 99 not found"
	if err.Error() != want {
		t.Errorf("Error() = %q\nwant      %q", err.Error(), want)
	}
	if !er.IsError || er.ErrorSource != "SuperOffice.Services.Implementation" || er.StatusCode() != 404 {
		t.Errorf("parsed = %+v", er)
	}
	if !IsNotFound(err) || resp == nil || resp.StatusCode != 404 {
		t.Errorf("IsNotFound=%v resp=%v", IsNotFound(err), resp)
	}
	if len(rec.requests()) != 1 {
		t.Errorf("404 was retried")
	}
}

func TestNonJSONErrorBody(t *testing.T) {
	rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		_, _ = io.WriteString(w, "<html>\n<body>Bad\tthing</body></html>")
	})
	c := newTestClient(t, rec.base(), newFakeClock())
	_, _, err := c.Persons.Get(context.Background(), 1)
	if got := err.Error(); got != "superoffice: GET v1/Person/1: 400 <html> <body>Bad thing</body></html>" {
		t.Errorf("Error() = %q", got)
	}
}

func TestUnauthorizedRefreshesOnceAndRetries(t *testing.T) {
	for _, method := range []string{"GET", "POST"} {
		t.Run(method, func(t *testing.T) {
			rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("Authorization") != "Bearer "+testToken {
					jsonReply(http.StatusUnauthorized, `{"Error":true,"ErrorType":"Unauthorized","ErrorMessage":"token expired"}`)(w, r)
					return
				}
				jsonReply(http.StatusOK, `{"ContactId":3}`)(w, r)
			})
			tokens := &rotatingTokens{tokens: []string{"EXPIRED-TOKEN", testToken}}
			c := newTestClient(t, rec.base(), newFakeClock(), WithTokenSource(tokens))
			var err error
			var resp *Response
			if method == "GET" {
				_, resp, err = c.Contacts.Get(context.Background(), 3)
			} else {
				_, resp, err = c.Contacts.Create(context.Background(), &ContactEntity{Name: "A"})
			}
			if err != nil {
				t.Fatal(err)
			}
			reqs := rec.requests()
			if len(reqs) != 2 || tokens.invalidated != 1 || resp.Attempts != 2 {
				t.Fatalf("requests=%d invalidated=%d attempts=%d", len(reqs), tokens.invalidated, resp.Attempts)
			}
			if reqs[0].Header.Get("Authorization") != "Bearer EXPIRED-TOKEN" {
				t.Errorf("first auth %q", reqs[0].Header.Get("Authorization"))
			}
			if method == "POST" && (len(reqs[1].Body) == 0 || string(reqs[1].Body) != string(reqs[0].Body)) {
				t.Errorf("body not re-sent: %q vs %q", reqs[1].Body, reqs[0].Body)
			}
		})
	}
}

func TestUnauthorizedTwiceIsAuthError(t *testing.T) {
	rec := newRecorder(t, jsonReply(http.StatusUnauthorized, `{"Error":true,"ErrorType":"Unauthorized","ErrorMessage":"nope"}`))
	refreshes := 0
	c := newTestClient(t, rec.base(), newFakeClock(), WithRefresher(func(context.Context) error { refreshes++; return nil }))
	_, _, err := c.Contacts.Get(context.Background(), 3)
	var ae *AuthError
	if !errors.As(err, &ae) || ae.StatusCode() != 401 {
		t.Fatalf("err = %T %v", err, err)
	}
	if n := len(rec.requests()); n != 2 || refreshes != 1 {
		t.Errorf("requests=%d refreshes=%d, want 2 and 1", n, refreshes)
	}
}

func TestUnauthorizedWithoutRefreshIsNotRetried(t *testing.T) {
	rec := newRecorder(t, jsonReply(http.StatusForbidden, `{"Error":true,"ErrorType":"SoSecurityException","ErrorMessage":"no right"}`))
	c := newTestClient(t, rec.base(), newFakeClock())
	_, _, err := c.Contacts.Get(context.Background(), 3)
	var ae *AuthError
	if !errors.As(err, &ae) || len(rec.requests()) != 1 {
		t.Fatalf("err=%v requests=%d", err, len(rec.requests()))
	}
}

func TestRefreshFailure(t *testing.T) {
	rec := newRecorder(t, jsonReply(http.StatusUnauthorized, `{}`))
	boom := errors.New("refresh token revoked")
	c := newTestClient(t, rec.base(), newFakeClock(), WithRefresher(func(context.Context) error { return boom }))
	_, _, err := c.Contacts.Get(context.Background(), 3)
	var ae *AuthError
	if !errors.As(err, &ae) || !errors.Is(err, boom) || len(rec.requests()) != 1 {
		t.Fatalf("err=%v requests=%d", err, len(rec.requests()))
	}
}

func TestMisdirectedResolvesAndRetries(t *testing.T) {
	newHost := newRecorder(t, jsonReply(http.StatusOK, `{"ContactId":8}`))
	oldHost := newRecorder(t, jsonReply(http.StatusMisdirectedRequest, `{"Error":true,"ErrorMessage":"Wrong subdomain used to access tenant"}`))
	resolves := 0
	c := newTestClient(t, oldHost.base(), newFakeClock(), WithResolver(func(context.Context) (string, error) {
		resolves++
		return strings.TrimSuffix(newHost.base(), "/"), nil
	}))
	for _, create := range []bool{false, true} {
		var err error
		if create {
			_, _, err = c.Contacts.Create(context.Background(), &ContactEntity{Name: "A"})
		} else {
			_, _, err = c.Contacts.Get(context.Background(), 8)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if resolves != 1 || len(oldHost.requests()) != 1 || len(newHost.requests()) != 2 {
		t.Fatalf("resolves=%d old=%d new=%d", resolves, len(oldHost.requests()), len(newHost.requests()))
	}
	if got := newHost.requests()[0].Path; got != "/Cust12345/api/v1/Contact/8" {
		t.Errorf("path on new host = %s", got)
	}
	if c.BaseURL().String() != newHost.base() {
		t.Errorf("base = %s", c.BaseURL())
	}
}

func TestMisdirectedWithoutOrFailingResolver(t *testing.T) {
	rec := newRecorder(t, jsonReply(http.StatusMisdirectedRequest, `{}`))
	c := newTestClient(t, rec.base(), newFakeClock())
	_, _, err := c.Contacts.Get(context.Background(), 1)
	var me *MisdirectedError
	if !errors.As(err, &me) {
		t.Fatalf("err = %T %v", err, err)
	}
	boom := errors.New("tenant suspended")
	c2 := newTestClient(t, rec.base(), newFakeClock(), WithResolver(func(context.Context) (string, error) { return "", boom }))
	_, _, err = c2.Contacts.Get(context.Background(), 1)
	if !errors.As(err, &me) || !errors.Is(err, boom) || !strings.Contains(err.Error(), "tenant suspended") {
		t.Fatalf("err = %v", err)
	}
}

func TestCancelledContext(t *testing.T) {
	rec := newRecorder(t, jsonReply(http.StatusOK, `{}`))
	c := newTestClient(t, rec.base(), newFakeClock())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := c.Contacts.Create(ctx, &ContactEntity{Name: "A"})
	var amb *AmbiguousError
	if !errors.Is(err, context.Canceled) || errors.As(err, &amb) || len(rec.requests()) != 0 {
		t.Fatalf("err=%v requests=%d", err, len(rec.requests()))
	}
}

func TestCancelDuringBackoff(t *testing.T) {
	rec := newRecorder(t, jsonReply(http.StatusServiceUnavailable, `{}`))
	clk := newFakeClock()
	ctx, cancel := context.WithCancel(context.Background())
	clk.onSleep = cancel
	c := newTestClient(t, rec.base(), clk)
	_, _, err := c.Contacts.Get(ctx, 1)
	if !errors.Is(err, context.Canceled) || len(rec.requests()) != 1 {
		t.Fatalf("err=%v requests=%d", err, len(rec.requests()))
	}
}

func TestCancelDuringPostIsAmbiguous(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		cancel()
		<-r.Context().Done()
	})
	c := newTestClient(t, rec.base(), newFakeClock())
	_, _, err := c.Contacts.Create(ctx, &ContactEntity{Name: "A"})
	var amb *AmbiguousError
	if !errors.As(err, &amb) || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %T %v", err, err)
	}
}

func TestOversizedErrorBody(t *testing.T) {
	rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = io.WriteString(w, strings.Repeat("x", 5<<20))
	})
	c := newTestClient(t, rec.base(), newFakeClock())
	_, _, err := c.Contacts.Get(context.Background(), 1)
	if err == nil || len(err.Error()) > 400 {
		t.Fatalf("error text is %d bytes", len(err.Error()))
	}
	// CheckResponse itself reads at most 1 MiB.
	body := &countingReader{n: 5 << 20}
	resp := &http.Response{StatusCode: 500, Header: http.Header{}, Body: io.NopCloser(body)}
	if err := CheckResponse(resp); err == nil || body.read > maxErrorBody {
		t.Errorf("read %d bytes, err %v", body.read, err)
	}
}

type countingReader struct{ n, read int }

func (c *countingReader) Read(p []byte) (int, error) {
	if c.read >= c.n {
		return 0, io.EOF
	}
	k := min(len(p), c.n-c.read)
	for i := range k {
		p[i] = 'y'
	}
	c.read += k
	return k, nil
}

func TestTokenNeverInErrors(t *testing.T) {
	echo := func(status int) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			jsonReply(status, `{"Error":true,"ErrorType":"`+r.Header.Get("Authorization")+`","ErrorMessage":"got `+
				r.Header.Get("Authorization")+` from you`+strings.Repeat(".", maxField-53)+r.Header.Get("Authorization")+`"}`)(w, r)
		}
	}
	var errs []error
	for _, status := range []int{400, 401, 403, 404, 421, 429, 500, 503} {
		rec := newRecorder(t, echo(status))
		c := newTestClient(t, rec.base(), newFakeClock(), WithRetry(RetryPolicy{MaxAttempts: 1}))
		_, _, err := c.Contacts.Get(context.Background(), 1)
		errs = append(errs, err)
		_, _, err = c.Contacts.Create(context.Background(), &ContactEntity{Name: "A"})
		errs = append(errs, err)
	}
	rec := newRecorder(t, dropConnection)
	c := newTestClient(t, rec.base(), newFakeClock(), WithRetry(RetryPolicy{MaxAttempts: 1}))
	_, _, err := c.Contacts.Create(context.Background(), &ContactEntity{Name: "A"})
	errs = append(errs, err)
	for _, err := range errs {
		if err == nil {
			t.Fatal("expected an error")
		}
		var er *ErrorResponse
		if errors.As(err, &er) && (strings.Contains(er.ErrorMessage, "SECRET-T") || strings.Contains(er.ErrorType, testToken)) {
			t.Errorf("token in fields: %+v", er)
		}
		if strings.Contains(err.Error(), "SECRET-T") {
			t.Errorf("token in error: %s", err)
		}
	}
}

func TestRedirectToOtherHostDropsAuthorization(t *testing.T) {
	other := newRecorder(t, jsonReply(http.StatusOK, `{"ContactId":1}`))
	rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.srv.URL+"/elsewhere", http.StatusFound)
	})
	c := newTestClient(t, rec.base(), newFakeClock())
	if _, _, err := c.Contacts.Get(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	if got := other.requests()[0].Header.Get("Authorization"); got != "" {
		t.Errorf("Authorization sent to other host: %q", got)
	}
	// A redirect on the same host keeps it.
	same := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/Cust12345/api/v1/Contact/2", http.StatusFound)
	}, jsonReply(http.StatusOK, `{"ContactId":2}`))
	c2 := newTestClient(t, same.base(), newFakeClock())
	if _, _, err := c2.Contacts.Get(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	if got := same.requests()[1].Header.Get("Authorization"); got != "Bearer "+testToken {
		t.Errorf("same-host redirect lost Authorization: %q", got)
	}
}

func TestWithHTTPClientNotModified(t *testing.T) {
	hc := &http.Client{}
	if _, err := NewClient("https://x/api/", WithHTTPClient(hc)); err != nil {
		t.Fatal(err)
	}
	if hc.CheckRedirect != nil {
		t.Error("caller's http.Client was modified")
	}
}
