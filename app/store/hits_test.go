package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// A search with more hits than manyHitsThreshold pages by walking the
// order's index; its pages must be exactly the list's pages filtered.
func TestManyHitsPagesLikeTheList(t *testing.T) {
	d := openTest(t)
	ctx := context.Background()
	n := manyHitsThreshold + 300
	var js []string
	for i := 0; i < n; i++ {
		industry := "Energi"
		if i%10 == 0 {
			industry = "Fiskeri" // not a hit
		}
		js = append(js, fmt.Sprintf(`{"id":"h%d","companyName":"Firma %d","industry":%q,"score":%d}`, i, i, industry, i%97))
	}
	res, err := lead.Decode("many.json", []byte("["+strings.Join(js, ",")+"]"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.ImportLeads(ctx, "many.json", res.Leads, time.Now()); err != nil {
		t.Fatal(err)
	}
	hits := n - n/10
	if c, err := d.CountLeads(ctx, "energi"); err != nil || c != hits {
		t.Fatalf("CountLeads = %d, %v; want %d", c, err, hits)
	}
	all, err := d.ListLeads(ctx, ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var want []int64
	for _, r := range all {
		if r.Industry == "Energi" {
			want = append(want, r.LocalID)
		}
	}
	for _, s := range []Sort{SortScore, SortName} {
		if s == SortName {
			rows, _ := d.ListLeads(ctx, ListOptions{Sort: SortName})
			want = want[:0]
			for _, r := range rows {
				if r.Industry == "Energi" {
					want = append(want, r.LocalID)
				}
			}
		}
		for _, off := range []int{0, 100, hits - 50} {
			page, err := d.ListLeads(ctx, ListOptions{Query: "energi", Sort: s, Offset: off, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			wantPage := want[off:min(off+100, len(want))]
			if len(page) != len(wantPage) {
				t.Fatalf("sort %d offset %d: %d rows, want %d", s, off, len(page), len(wantPage))
			}
			for i := range page {
				if page[i].LocalID != wantPage[i] {
					t.Fatalf("sort %d offset %d row %d: lead %d, want %d", s, off, i, page[i].LocalID, wantPage[i])
				}
			}
		}
	}
	// A cached search sees a new import.
	if c, _ := d.CountLeads(ctx, "zebrakvant"); c != 0 {
		t.Fatalf("count before import = %d", c)
	}
	if _, err := d.ImportLeads(ctx, "z.json", []lead.Item{item(0, lead.Lead{ID: "z", CompanyName: "Zebrakvant ApS"})}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if c, _ := d.CountLeads(ctx, "zebrakvant"); c != 1 {
		t.Errorf("count after import = %d, want 1 (stale cache)", c)
	}
}

func TestIDSet(t *testing.T) {
	var s idSet
	for _, id := range []int64{0, 63, 64, 5000, 63} {
		s.add(id)
	}
	s.add(-1)
	if s.Len() != 4 || !s.has(0) || !s.has(63) || !s.has(64) || !s.has(5000) || s.has(65) || s.has(-1) || s.has(1<<40) {
		t.Errorf("idSet = %d, %v", s.Len(), s.bits[:2])
	}
}

// Each committed batch of an import invalidates cached search hits, so a
// search during a long import shows what is committed so far, not what
// was there when it was first typed.
func TestCachedHitsFollowEachCommittedBatch(t *testing.T) {
	d := openTest(t)
	ctx := context.Background()
	old := importBatch
	t.Cleanup(func() { importBatch = old })
	importBatch.leads = 2
	var items []lead.Item
	for i := range 6 {
		items = append(items, item(i, lead.Lead{ID: fmt.Sprint("e", i), CompanyName: fmt.Sprint("Energi ", i)}))
	}
	var seen []int
	_, err := d.ImportBatches(ctx, "e.json", t0, func(add func([]lead.Item) error) error {
		for i := 0; i < len(items); i += 2 {
			if err := add(items[i : i+2]); err != nil {
				return err
			}
			n, err := d.CountLeads(ctx, "energi")
			if err != nil {
				return err
			}
			seen = append(seen, n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(seen) != "[2 4 6]" {
		t.Errorf("hits during the import = %v, want [2 4 6]", seen)
	}
}
