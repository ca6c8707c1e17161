package export

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// metaPaths are the six reads of the tenant metadata.
var metaPaths = []string{"v1/Contact/CustomField", "v1/Contact/UdefLayout", "v1/Person/CustomField", "v1/Person/UdefLayout", "v1/List/Country", "v1/Contact/default"}

func isMetaRead(r sotest.RecordedRequest) bool {
	for _, p := range metaPaths {
		if strings.Contains(strings.ToLower(r.Path), strings.ToLower(p)) {
			return true
		}
	}
	return false
}

// The tenant metadata a batch reads first goes out in one round, not six
// requests one after the other (at 200 ms a request one after the other
// they would arrive 200 ms apart), and a 429 burst on them is waited out
// together: the real client with the shared backoff sends nothing during
// Retry-After, and each read is answered once it has passed.
func TestMetaReadsGoOutTogetherAndWaitOneRetryAfter(t *testing.T) {
	e := newEnv(t, nil)
	cl, err := NewClient(e.sim.APIURL(), oauth2.StaticTokenSource(&oauth2.Token{AccessToken: e.sim.AccessToken()}), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	eng := New(e.db, cl, Tenant{Ctx: e.sim.Ctx(), User: "test@rabitiq.dk"}, nil)
	e.sim.Faults().Latency(200 * time.Millisecond)
	e.sim.Faults().FailNext(len(metaPaths), http.StatusTooManyRequests, time.Second)
	if _, err := eng.Meta(context.Background()); err != nil {
		t.Fatal(err)
	}
	var throttled, answered []sotest.RecordedRequest
	for _, r := range e.sim.Requests() {
		if !isMetaRead(r) {
			t.Errorf("unexpected request %s %s", r.Method, r.Path)
			continue
		}
		if r.Status == http.StatusTooManyRequests {
			throttled = append(throttled, r)
		} else {
			answered = append(answered, r)
		}
	}
	if len(throttled) != len(metaPaths) || len(answered) != len(metaPaths) {
		t.Fatalf("%d throttled, %d answered, want %d each", len(throttled), len(answered), len(metaPaths))
	}
	first, last := throttled[0].Time, throttled[0].Time
	for _, r := range throttled {
		if r.Time.Before(first) {
			first = r.Time
		}
		if r.Time.After(last) {
			last = r.Time
		}
	}
	if spread := last.Sub(first); spread > 150*time.Millisecond {
		t.Errorf("the metadata reads went out over %s, one after the other; want them together", spread)
	}
	for _, r := range answered {
		if r.Time.Before(first.Add(time.Second)) {
			t.Errorf("%s went out again %s after the first 429, before its Retry-After: 1 had passed", r.Path, r.Time.Sub(first))
		}
	}
}
