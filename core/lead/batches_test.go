package lead

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestBatches: ranging over Batches gives what DecodeStream hands its
// callback, batch for batch, then a broken file's error; breaking out
// stops the reading without an error.
func TestBatches(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "l.ndjson")
	body := "{\"companyName\": \"A\"}\n{\"companyName\": \"B\"}\n{\"companyName\": \" \"}\n{\"companyName\": \"C\"}\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	var want []string
	err := DecodeStream(path, 1, func(res *Result, done, total int64) error {
		want = append(want, outline(res)...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var last Batch
	n := 0
	for b, err := range Batches(path, 1) {
		if err != nil {
			t.Fatal(err)
		}
		got, last, n = append(got, outline(b.Result)...), b, n+1
	}
	eqList(t, "batches", got, want)
	if n < 3 || last.Total != int64(len(body)) || last.Done != last.Total {
		t.Errorf("%d batches, last done %d of %d", n, last.Done, last.Total)
	}

	n = 0
	for range Batches(path, 1) {
		if n++; n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("break: %d batches seen", n)
	}

	broken := filepath.Join(dir, "b.json")
	if err := os.WriteFile(broken, []byte(`[{"companyName": "A"}, {"companyName": `), 0o600); err != nil {
		t.Fatal(err)
	}
	var fe *FileError
	var errs int
	for b, err := range Batches(broken, 1) {
		if err != nil {
			errs++
			if !errors.As(err, &fe) || !errors.Is(err, ErrSyntax) || b.Result != nil {
				t.Errorf("error pair = %+v, %v", b, err)
			}
		}
	}
	if errs != 1 {
		t.Errorf("%d errors, want the file's one", errs)
	}
}
