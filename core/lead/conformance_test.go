package lead

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

// reading is what one reader made of a file.
type reading struct {
	leads, rejected int
	err             error
}

// readers are the ways a lead file is read: whole, and streamed in
// batches of one lead and of many.
var readers = []struct {
	name string
	read func(path string) (reading, error)
}{
	{"DecodeFile", func(path string) (reading, error) {
		res, err := DecodeFile(path)
		if err != nil {
			return reading{err: err}, nil
		}
		return reading{leads: len(res.Leads), rejected: len(res.Rejected)}, nil
	}},
	{"DecodeStream/1", func(path string) (reading, error) { return streamRead(path, 1) }},
	{"DecodeStream/1000", func(path string) (reading, error) { return streamRead(path, 1000) }},
	// A byte at a time: every buffer boundary falls everywhere once.
	{"decodeStream/one-byte", func(path string) (reading, error) {
		data, err := os.ReadFile(path)
		if err != nil {
			return reading{}, err
		}
		name := filepath.Base(path)
		var r reading
		r.err = decodeStream(name, iotest.OneByteReader(bytes.NewReader(data)), int64(len(data)), 3,
			func() (*Result, error) { return Decode(name, data) },
			func(res *Result, _, _ int64) error {
				r.leads += len(res.Leads)
				r.rejected += len(res.Rejected)
				return nil
			})
		return r, nil
	}},
	// A top-level object streamed as in a big file (a wrapper's leads
	// arrays split, its other keys checked), a byte at a time.
	{"decodeStream/objects", func(path string) (reading, error) {
		data, err := os.ReadFile(path)
		if err != nil {
			return reading{}, err
		}
		res, err := streamObjects(filepath.Base(path), data, 2, true)
		if err != nil {
			return reading{err: err}, nil
		}
		return reading{leads: len(res.Leads), rejected: len(res.Rejected)}, nil
	}},
}

func streamRead(path string, batch int) (reading, error) {
	var r reading
	r.err = DecodeStream(path, batch, func(res *Result, _, _ int64) error {
		r.leads += len(res.Leads)
		r.rejected += len(res.Rejected)
		return nil
	})
	return r, nil
}

// readSafely runs read, turning a panic into an error and giving up after
// a generous while: a hang is a failure, not a stuck test run.
func readSafely(t *testing.T, read func(string) (reading, error), path string) reading {
	t.Helper()
	done := make(chan reading, 1)
	fail := make(chan string, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				fail <- fmt.Sprint("panic: ", p)
			}
		}()
		r, _ := read(path)
		done <- r
	}()
	select {
	case r := <-done:
		return r
	case msg := <-fail:
		t.Fatal(msg)
	case <-time.After(20 * time.Second):
		t.Fatal("no answer after 20 s: the reader hangs")
	}
	return reading{}
}

// readsAsJSON is a reader's verdict: true when it read the file as JSON
// (leads, rejections, or valid JSON that holds no leads). A file that is
// not JSON must be a *FileError placing the fault at a line; only the
// empty file, which has no place, says so without one.
func readsAsJSON(t *testing.T, err error) bool {
	t.Helper()
	if err == nil {
		return true
	}
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("error %T %v is not a *FileError", err, err)
	}
	if errors.Is(err, ErrNoLeads) && fe.Line > 0 {
		return true
	}
	if fe.Line < 1 && !strings.Contains(fe.Error(), "file is empty") {
		t.Errorf("file error without a line: %v", err)
	}
	if !errors.Is(err, ErrSyntax) && !errors.Is(err, ErrTooDeep) && !errors.Is(err, ErrNoLeads) {
		t.Errorf("file error %v is neither ErrSyntax, ErrTooDeep nor ErrNoLeads", err)
	}
	return false
}

// TestJSONConformance reads every document of testdata/jsonconf (y_ valid
// JSON, n_ not, i_ where RFC 8259 leaves room or the reader deliberately
// differs) with every reader, and requires the verdict of encoding/json:
// valid JSON is read as JSON, anything else is a file error with its line,
// never a panic or a hang. The deliberate differences: a UTF-8 byte-order
// mark is skipped; one value per line is read as JSON Lines by DecodeFile
// (i_lines_); nesting deeper than MaxDepth is refused (i_deep_).
func TestJSONConformance(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "jsonconf", "*.json"))
	if err != nil || len(paths) < 150 {
		t.Fatalf("conformance corpus: %d files, %v", len(paths), err)
	}
	for _, p := range paths {
		name := filepath.Base(p)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			want := json.Valid(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
			switch {
			case strings.HasPrefix(name, "y_") && !json.Valid(data):
				t.Fatal("corpus: a y_ file that encoding/json refuses")
			case strings.HasPrefix(name, "n_") && json.Valid(data):
				t.Fatal("corpus: an n_ file that encoding/json accepts")
			}
			for _, rd := range readers {
				got := readSafely(t, rd.read, p)
				switch {
				case strings.HasPrefix(name, "i_deep_"):
					var fe *FileError
					if !errors.Is(got.err, ErrTooDeep) || !errors.As(got.err, &fe) || fe.Line < 1 {
						t.Errorf("%s: %v, want ErrTooDeep with a line", rd.name, got.err)
					}
				case strings.HasPrefix(name, "i_lines_"):
					ok := readsAsJSON(t, got.err)
					if rd.name == "DecodeFile" && (!ok || got.leads+got.rejected != 2) {
						t.Errorf("%s: %+v, want two lines read as JSON Lines", rd.name, got)
					}
				default:
					if ok := readsAsJSON(t, got.err); ok != want {
						t.Errorf("%s: read as JSON = %v (%v), encoding/json valid = %v", rd.name, ok, got.err, want)
					}
				}
			}
		})
	}
}

// TestConformanceLeadsNotObjects: in valid JSON, elements that are not
// objects are rejected as leads, each with its index, and the others
// import, by every reader.
func TestConformanceLeadsNotObjects(t *testing.T) {
	p := filepath.Join("testdata", "jsonconf", "y_leads_mixed_kinds.json")
	for _, rd := range readers {
		got := readSafely(t, rd.read, p)
		if got.err != nil || got.leads != 2 || got.rejected != 6 {
			t.Errorf("%s: %+v, want 2 leads and 6 rejected", rd.name, got)
		}
	}
}
