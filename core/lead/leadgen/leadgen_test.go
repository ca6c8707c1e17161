package leadgen

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestWriteBigIsOneArrayOfDistinctLeads(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteBig(&buf, 2000); err != nil {
		t.Fatal(err)
	}
	var leads []struct{ ID string }
	if err := json.Unmarshal(buf.Bytes(), &leads); err != nil {
		t.Fatalf("not one JSON array: %v", err)
	}
	ids := map[string]bool{}
	for _, l := range leads {
		ids[l.ID] = true
	}
	if len(leads) != 2000 || len(ids) != 2000 {
		t.Errorf("%d leads, %d distinct ids; want 2000 of each", len(leads), len(ids))
	}
	for _, n := range []int{0, -1000, 1500} {
		if err := WriteBig(&bytes.Buffer{}, n); err == nil {
			t.Errorf("WriteBig(%d) gave no error", n)
		}
	}
}
