package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

func TestCapSearch(t *testing.T) {
	words := func(n int, w string) string { return strings.TrimSpace(strings.Repeat(w+" ", n)) }
	for _, c := range []struct {
		name, q, want string
		capped        SearchCap
	}{
		{"empty", "", "", 0},
		{"short", "jensen aarhus", "jensen aarhus", 0},
		{"exactly the word limit", words(16, "ab"), words(16, "ab"), 0},
		{"one word too many", words(17, "ab"), words(16, "ab") + " ", SearchWordsCapped},
		{"5000 words", words(5000, "ab"), words(16, "ab") + " ", SearchWordsCapped | SearchLengthCapped},
		{"punctuation between words", strings.Repeat("a-", 20), strings.Repeat("a-", 16), SearchWordsCapped},
		{"one long word", strings.Repeat("ø", 300), strings.Repeat("ø", 200), SearchLengthCapped},
		{"long and many", words(100, "abcdef"), words(16, "abcdef") + " ", SearchWordsCapped | SearchLengthCapped},
		{"punctuation only", strings.Repeat("%", 250), strings.Repeat("%", 200), SearchLengthCapped},
	} {
		got, capped := CapSearch(c.q)
		if got != c.want || capped != c.capped {
			t.Errorf("%s: CapSearch = %q, %b; want %q, %b", c.name, got, capped, c.want, c.capped)
		}
		if n := len(searchTokens(got)); n > MaxSearchWords {
			t.Errorf("%s: %d words searched", c.name, n)
		}
	}
}

// A pasted text of 5,000 words searches its first 16: the lead they match
// is found, although word 17 onwards matches nothing.
func TestManyWordQueryIsCapped(t *testing.T) {
	d := openTest(t)
	importSearchLeads(t, d)
	ctx := context.Background()
	q := strings.Repeat("jens bøf ", 8) + strings.Repeat("xyzzy ", 4984)
	for range 2 { // the second time from the hit cache
		n, err := d.CountLeads(ctx, q)
		if err != nil || n != 1 {
			t.Fatalf("CountLeads(5000 words) = %d, %v; want 1 (the first 16 words)", n, err)
		}
		rows, err := d.ListLeads(ctx, ListOptions{Query: q, Limit: 10})
		if err != nil || len(rows) != 1 || rows[0].ID != "s1" {
			t.Fatalf("ListLeads(5000 words) = %+v, %v", rows, err)
		}
	}
	if _, capped := CapSearch(q); capped&SearchWordsCapped == 0 {
		t.Errorf("CapSearch does not report the ignored words")
	}
}

// A search cancelled midway (the next keystroke) returns context.Canceled,
// and its incomplete hits are not cached for the next call.
func TestCancelledSearchStopsAndCachesNothing(t *testing.T) {
	d := openTest(t)
	var items []lead.Item
	for i := range 300 {
		items = append(items, item(i, lead.Lead{ID: fmt.Sprint("c", i), CompanyName: fmt.Sprint("Firma ", i)}))
	}
	if _, err := d.ImportLeads(context.Background(), "c.json", items, t0); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	read := 0
	testHookHitRow = func() {
		if read++; read == 10 {
			cancel()
		}
	}
	t.Cleanup(func() { testHookHitRow = nil })
	n, err := d.CountLeads(ctx, "firma")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled CountLeads = %d, %v; want context.Canceled", n, err)
	}
	testHookHitRow = nil
	if n, err := d.CountLeads(context.Background(), "firma"); err != nil || n != 300 {
		t.Fatalf("CountLeads after a cancelled search = %d, %v; want 300", n, err)
	}
	if _, err := d.ListLeads(ctx, ListOptions{Query: "firma 1", Limit: 5}); !errors.Is(err, context.Canceled) {
		t.Errorf("ListLeads with a cancelled context = %v; want context.Canceled", err)
	}
}

// BenchmarkSearch5000Words is the pasted-text search at 10,000 leads: a
// count and the first page, as the window asks for them, with the hit
// cache cleared each time. Uncapped it grew with the words (5,000 words
// took 63 s of CPU at 100k leads).
func BenchmarkSearch5000Words(b *testing.B) {
	d := freshDB(b, 0)
	defer d.Close()
	ctx := context.Background()
	if _, err := importStream(ctx, d, benchFile(b, 10000)); err != nil {
		b.Fatal(err)
	}
	q := strings.Repeat("a b c d e f g h i j k l m n o p q r s t u v w x y ", 200)
	for b.Loop() {
		d.gen.Add(1) // a new generation: no cached hits
		if _, err := d.CountLeads(ctx, q); err != nil {
			b.Fatal(err)
		}
		if _, err := d.ListLeads(ctx, ListOptions{Query: q, Limit: 100}); err != nil {
			b.Fatal(err)
		}
	}
}
