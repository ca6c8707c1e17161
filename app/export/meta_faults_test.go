package export

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// A burst of 429s on every tenant metadata read at the start of a batch
// (custom fields, countries, default entity), and on the create itself,
// is waited out: no lead fails and each company is created once.
func TestBatchSurvivesThrottledMetadataAndCreate(t *testing.T) {
	e := newEnv(t, nil)
	ids := e.importLeads(t, `[`+leadJSON("a", "Throttle Alfa ApS", "29935181", "alfa.dk", "")+`,`+
		leadJSON("b", "Throttle Beta ApS", "38112759", "beta.dk", "")+`]`)
	f := e.sim.Faults()
	for _, p := range []string{"Contact/CustomField", "Person/UdefLayout", "Country/Items", "Contact/default"} {
		f.FailNextMatching("GET", p, 5, http.StatusTooManyRequests, 2*time.Second)
	}
	f.FailNextMatching("POST", "v1/Contact", 1, http.StatusTooManyRequests, time.Second)
	sum := e.eng.Batch(context.Background(), []int64{ids["a"], ids["b"]}, BatchOptions{CreateMissing: true, Concurrency: 1}, nil)
	if sum.Failed != 0 || sum.Created != 2 {
		t.Fatalf("summary = %+v, want 2 created, 0 failed", sum)
	}
	for _, name := range []string{"Throttle Alfa ApS", "Throttle Beta ApS"} {
		if n := len(e.companiesNamed(name)); n != 1 {
			t.Errorf("%s exists %d times", name, n)
		}
	}
	waits := 0
	for _, d := range e.clock.slept {
		if d == 2*time.Second {
			waits++
		}
	}
	if waits != 20 {
		t.Errorf("waited Retry-After 2 s %d times, want 20 (5 per metadata read): %v", waits, e.clock.slept)
	}
}
