package superoffice

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestRetryAfterSeconds(t *testing.T) {
	rec := newRecorder(t,
		func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "7")
			jsonReply(http.StatusTooManyRequests, `{"Error":true,"ErrorType":"Throttled","ErrorMessage":"slow down"}`)(w, r)
		},
		jsonReply(http.StatusOK, `{"ContactId":1}`))
	clk := newFakeClock()
	c := newTestClient(t, rec.base(), clk)
	_, resp, err := c.Contacts.Get(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := clk.Slept(); !reflect.DeepEqual(got, []time.Duration{7 * time.Second}) || resp.Attempts != 2 {
		t.Errorf("slept %v attempts %d", got, resp.Attempts)
	}
}

func TestRetryAfterHTTPDate(t *testing.T) {
	date := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	rec := newRecorder(t,
		func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Date", date.Format(http.TimeFormat))
			w.Header().Set("Retry-After", date.Add(12*time.Second).Format(http.TimeFormat))
			w.WriteHeader(http.StatusServiceUnavailable)
		},
		jsonReply(http.StatusOK, `[]`))
	clk := newFakeClock()
	c := newTestClient(t, rec.base(), clk)
	if _, _, err := c.Lists.Countries(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := clk.Slept(); !reflect.DeepEqual(got, []time.Duration{12 * time.Second}) {
		t.Errorf("slept %v, want [12s]", got)
	}
}

func TestRetryAfterOverCapIsReturned(t *testing.T) {
	rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	clk := newFakeClock()
	c := newTestClient(t, rec.base(), clk)
	_, _, err := c.Contacts.Get(context.Background(), 1)
	var rl *RateLimitError
	if !errors.As(err, &rl) || rl.RetryAfter != time.Hour {
		t.Fatalf("err = %T %v", err, err)
	}
	if len(rec.requests()) != 1 || len(clk.Slept()) != 0 {
		t.Errorf("requests=%d slept=%v", len(rec.requests()), clk.Slept())
	}
	if !strings.Contains(err.Error(), "429") || !strings.Contains(err.Error(), "retry after 1h0m0s") {
		t.Errorf("Error() = %q", err)
	}
}

func TestServiceUnavailableRetriedThenSuccess(t *testing.T) {
	rec := newRecorder(t, jsonReply(503, `{}`), jsonReply(503, `{}`), jsonReply(http.StatusOK, `{"ContactId":1}`))
	clk := newFakeClock()
	c := newTestClient(t, rec.base(), clk)
	_, resp, err := c.Contacts.Get(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if want := []time.Duration{500 * time.Millisecond, time.Second}; !reflect.DeepEqual(clk.Slept(), want) || resp.Attempts != 3 {
		t.Errorf("slept %v attempts %d, want %v and 3", clk.Slept(), resp.Attempts, want)
	}
}

func TestRetriesExhausted(t *testing.T) {
	rec := newRecorder(t, jsonReply(http.StatusBadGateway, `{"Error":true,"ErrorType":"Gateway","ErrorMessage":"upstream"}`))
	clk := newFakeClock()
	c := newTestClient(t, rec.base(), clk)
	_, _, err := c.Contacts.Get(context.Background(), 1)
	var er *ErrorResponse
	if !errors.As(err, &er) || er.Attempts != 4 || er.StatusCode() != 502 {
		t.Fatalf("err = %v", err)
	}
	if want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second}; !reflect.DeepEqual(clk.Slept(), want) {
		t.Errorf("slept %v, want %v", clk.Slept(), want)
	}
	if len(rec.requests()) != 4 || !strings.HasSuffix(err.Error(), "(after 4 attempts)") {
		t.Errorf("requests=%d err=%q", len(rec.requests()), err)
	}
}

func TestBackoffJitterAndCap(t *testing.T) {
	c, err := NewClient("https://x/api/", WithRetry(RetryPolicy{MaxAttempts: 10, BaseDelay: time.Second, MaxDelay: 5 * time.Second}))
	if err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= 8; n++ {
		step := min(time.Second<<(n-1), 5*time.Second)
		for range 50 {
			if d := c.backoff(n); d < step/2 || d > step {
				t.Fatalf("backoff(%d) = %v, want within [%v, %v]", n, d, step/2, step)
			}
		}
	}
}

func TestPostNotRetried(t *testing.T) {
	t.Run("503", func(t *testing.T) {
		rec := newRecorder(t, jsonReply(http.StatusServiceUnavailable, `{}`))
		c := newTestClient(t, rec.base(), newFakeClock())
		_, _, err := c.Contacts.Create(context.Background(), &ContactEntity{Name: "A"})
		var amb *AmbiguousError
		var er *ErrorResponse
		if !errors.As(err, &amb) || !errors.As(err, &er) || er.StatusCode() != 503 {
			t.Fatalf("err = %T %v", err, err)
		}
		if len(rec.requests()) != 1 {
			t.Errorf("POST sent %d times", len(rec.requests()))
		}
	})
	t.Run("connection drop", func(t *testing.T) {
		rec := newRecorder(t, dropConnection)
		c := newTestClient(t, rec.base(), newFakeClock())
		_, _, err := c.Persons.Create(context.Background(), &PersonEntity{Firstname: "A"})
		var amb *AmbiguousError
		if !errors.As(err, &amb) || amb.Method != "POST" || amb.Path != "v1/Person" {
			t.Fatalf("err = %T %v", err, err)
		}
		if len(rec.requests()) != 1 {
			t.Errorf("POST sent %d times", len(rec.requests()))
		}
	})
	t.Run("429 is a plain rate limit", func(t *testing.T) {
		rec := newRecorder(t, jsonReply(http.StatusTooManyRequests, `{}`))
		c := newTestClient(t, rec.base(), newFakeClock(), WithRetry(RetryPolicy{MaxThrottled: 3}))
		_, _, err := c.Contacts.Create(context.Background(), &ContactEntity{Name: "A"})
		var amb *AmbiguousError
		var rl *RateLimitError
		if errors.As(err, &amb) || !errors.As(err, &rl) || len(rec.requests()) != 3 {
			t.Fatalf("err = %T %v, requests %d (want a rate limit after 3 sends)", err, err, len(rec.requests()))
		}
	})
	t.Run("connection refused is not ambiguous", func(t *testing.T) {
		srv := httptest.NewServer(http.NotFoundHandler())
		base := srv.URL + "/api/"
		srv.Close()
		c := newTestClient(t, base, newFakeClock())
		_, _, err := c.Contacts.Create(context.Background(), &ContactEntity{Name: "A"})
		var amb *AmbiguousError
		if err == nil || errors.As(err, &amb) {
			t.Fatalf("err = %T %v", err, err)
		}
	})
	t.Run("timeout", func(t *testing.T) {
		rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()
		})
		c := newTestClient(t, rec.base(), newFakeClock(), WithTimeout(50*time.Millisecond))
		_, _, err := c.Contacts.Create(context.Background(), &ContactEntity{Name: "A"})
		var amb *AmbiguousError
		if !errors.As(err, &amb) || !errors.Is(err, context.DeadlineExceeded) || len(rec.requests()) != 1 {
			t.Fatalf("err = %T %v requests %d", err, err, len(rec.requests()))
		}
	})
}

func TestGetRetriedAfterConnectionDrop(t *testing.T) {
	rec := newRecorder(t, dropConnection, jsonReply(http.StatusOK, `{"ContactId":1}`))
	c := newTestClient(t, rec.base(), newFakeClock())
	_, resp, err := c.Contacts.Get(context.Background(), 1)
	if err != nil || resp.Attempts != 2 {
		t.Fatalf("err=%v resp=%v", err, resp)
	}
}

func TestPatchRetryDependsOnOps(t *testing.T) {
	rec := newRecorder(t, jsonReply(503, `{}`), jsonReply(http.StatusOK, `{"ContactId":1}`))
	c := newTestClient(t, rec.base(), newFakeClock())
	if _, _, err := c.Contacts.Patch(context.Background(), 1, []PatchOp{PatchReplace("Name", "A")}); err != nil {
		t.Fatalf("replace patch: %v", err)
	}
	rec2 := newRecorder(t, jsonReply(503, `{}`), jsonReply(http.StatusOK, `{"ContactId":1}`))
	c2 := newTestClient(t, rec2.base(), newFakeClock())
	_, _, err := c2.Contacts.Patch(context.Background(), 1, []PatchOp{PatchAdd("Phones/-", EntityElement{Value: "1"})})
	var amb *AmbiguousError
	if !errors.As(err, &amb) || len(rec2.requests()) != 1 {
		t.Fatalf("append patch: err=%v requests=%d", err, len(rec2.requests()))
	}
}

func TestPatchIdempotent(t *testing.T) {
	cases := map[bool][][]PatchOp{
		true: {{PatchReplace("Name", "A")}, {PatchTest("Name", "A"), PatchReplace("Name", "B")}, {PatchAdd("CustomFields/x_a", "1")}},
		false: {{PatchAdd("Phones/-", 1)}, {PatchAdd("Phones/0", 1)}, {PatchRemove("Phones/0")},
			{PatchReplace("Name", "A"), PatchRemove("Department")}, {{Op: "move", Path: "a"}}},
	}
	for want, list := range cases {
		for _, ops := range list {
			if got := patchIdempotent(ops); got != want {
				t.Errorf("patchIdempotent(%+v) = %v", ops, got)
			}
		}
	}
}

// A 429 means SuperOffice did not act on the request, so even a create is
// sent again once Retry-After has passed, and exactly once more.
func TestCreateRetriedAfter429(t *testing.T) {
	rec := newRecorder(t,
		func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "3")
			jsonReply(http.StatusTooManyRequests, `{"Error":true,"ErrorMessage":"Too many requests"}`)(w, r)
		},
		jsonReply(http.StatusOK, `{"ContactId":9,"Name":"A"}`))
	clk := newFakeClock()
	c := newTestClient(t, rec.base(), clk)
	got, resp, err := c.Contacts.Create(context.Background(), &ContactEntity{Name: "A"})
	if err != nil || got.ContactId != 9 || resp.Attempts != 2 {
		t.Fatalf("Create = %+v, %v (attempts %v)", got, err, resp)
	}
	if want := []time.Duration{3 * time.Second}; !reflect.DeepEqual(clk.Slept(), want) || len(rec.requests()) != 2 {
		t.Errorf("slept %v with %d requests, want %v and 2", clk.Slept(), len(rec.requests()), want)
	}
}

// A burst of 429s longer than the attempts kept for failures (4) is
// waited out: throttling has its own budget, so the metadata reads at the
// start of a batch survive it.
func TestThrottleBurstLongerThanMaxAttempts(t *testing.T) {
	var replies []http.HandlerFunc
	for range 5 {
		replies = append(replies, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "1")
			jsonReply(http.StatusTooManyRequests, `{}`)(w, r)
		})
	}
	rec := newRecorder(t, append(replies, jsonReply(http.StatusOK, `[]`))...)
	clk := newFakeClock()
	c := newTestClient(t, rec.base(), clk)
	if _, resp, err := c.Lists.Countries(context.Background()); err != nil || resp.Attempts != 6 {
		t.Fatalf("Countries after 5 x 429: %v (%v)", err, resp)
	}
	if len(clk.Slept()) != 5 {
		t.Errorf("slept %v, want five 1 s waits", clk.Slept())
	}
}
