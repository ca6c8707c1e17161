package lead

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// codeSeen collects the codes the import says things with, nested
// arguments (a JSON type, a place in the JSON) included.
type codeSeen map[string]bool

var unfilled = regexp.MustCompile(`\{[A-Za-z]+\}`)

// add records m and everything nested in it, and fails the test when a
// code is not in the catalogue or a language leaves an argument unfilled.
func (s codeSeen) add(t *testing.T, where string, m msg.Message) {
	t.Helper()
	if !slices.Contains(msg.Codes(), m.Code) {
		t.Errorf("%s: code %q is not in the catalogue (%s)", where, m.Code, m.Text(msg.English))
	}
	for _, l := range []msg.Lang{msg.Danish, msg.English} {
		if txt := m.Text(l); unfilled.MatchString(txt) {
			t.Errorf("%s: %s leaves an argument unfilled: %q", where, l, txt)
		}
	}
	s[m.Code] = true
	for _, a := range m.Args {
		if n, ok := a.(msg.Message); ok {
			s.add(t, where, n)
		}
	}
}

// result records what a reading said: rejections, warnings and the file
// error, each as the frame the user reads and the reason inside it.
func (s codeSeen) result(t *testing.T, where string, res *Result, err error) {
	t.Helper()
	if res != nil {
		for _, r := range res.Rejected {
			s.add(t, where, r.Msg)
			s.add(t, where, at(r.File, r.Index, r.Line, r.Path, r.Msg))
		}
		for _, w := range res.Warnings {
			s.add(t, where, w.Msg)
			s.add(t, where, at(w.File, w.Index, w.Line, w.Path, w.Msg))
		}
	}
	var fe *FileError
	switch {
	case err == nil:
	case errors.As(err, &fe):
		s.add(t, where, fe.Msg)
		if fe.Line > 0 {
			s.add(t, where, msg.New(msg.LeadFileAt, "file", fe.File, "line", fe.Line, "column", fe.Column, "text", fe.Msg))
		}
	default:
		t.Errorf("%s: error without a code: %v", where, err)
	}
}

// read decodes data every way the import does, whole and streamed (top
// objects too, a byte at a time), and checks it with the checker that
// guards big leads.
func (s codeSeen) read(t *testing.T, name string, data []byte) {
	t.Helper()
	res, err := Decode(name, data)
	s.result(t, name+" Decode", res, err)
	for _, over := range []int64{MaxLeadSize, -1} {
		err := decodeStreamAt(name, iotest.OneByteReader(bytes.NewReader(data)), int64(len(data)), over, 2,
			func() (*Result, error) { return Decode(name, data) },
			func(res *Result, _, _ int64) error { s.result(t, name+" stream", res, nil); return nil })
		s.result(t, name+" stream", nil, err)
	}
	var c checker
	c.feed(data)
	if c.msg.Code != "" {
		s.add(t, name+" checker", c.msg)
	}
	var long longLine
	long.feed(data)
	if rej, err := long.outcome(name, 0, 1); err != nil {
		s.result(t, name+" long line", nil, err)
	} else {
		s.result(t, name+" long line", &Result{Rejected: []Rejection{rej}}, nil)
	}
}

// TestEveryProblemHasACode reads the conformance corpus, the samples and
// inputs made to hit each warning and rejection, and requires every
// rejection, warning and file error to be a catalogue code whose texts
// fill all their arguments in Danish and English; and every lead code of
// the catalogue to be said by some path, so no row is dead.
func TestEveryProblemHasACode(t *testing.T) {
	seen := codeSeen{}
	paths, _ := filepath.Glob(filepath.Join("testdata", "jsonconf", "*.json"))
	samples, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "samples", "*"))
	if len(paths) < 150 || len(samples) == 0 {
		t.Fatalf("corpus: %d conformance files, %d samples", len(paths), len(samples))
	}
	for _, p := range append(paths, samples...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		seen.read(t, filepath.Base(p), data)
		seen.read(t, strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))+".ndjson", data)
	}
	for name, src := range map[string]string{
		"warn.json": `[{"companyName": "A", "cvr": "12345678", "createdAt": "yesterday", "score": "lots", "intentScore": 500,` +
			` "industry": "Bj` + "\xf8" + `rn", "contacts": [1, {"title": "x"}, {"name": "B", "email": [1]}, {"name": "S` + "\xff" + `"}]}]`,
		"reject.json": `[{"companyName": ""}, {"companyName": "A", "contacts": "x"}, {"companyName": "A", "financials": 1},` +
			` {"companyName": "A", "score": {}}, {"companyName": [1]}, 7]`,
		"shape.json":   `{"leads": 5}`,
		"top.json":     `"x"`,
		"empty.json":   " ",
		"lines.ndjson": "{\"companyName\": \"A\"}\n{\"companyName\": \"B\"} x\n{\"companyName\": \n[1,,2]\n",
		"array.json":   `[{"companyName": "A"} {"companyName": "B"}]`,
		"tail.json":    `[{"companyName": "A"},]`,
		"more.json":    `[{"companyName": "A"}] x`,
		"cut.json":     `[{"companyName": "A"}, {"companyName": "B"`,
		"str.json":     "[{\"companyName\": \"A\x01\", \"x\": \"\\q\", \"y\": \"\\u12\"}]",
		"num.json":     `[{"score": 1.e5}, {"score": 1e}, {"score": -}]`,
		"lit.json":     `[tru]`,
		"key.json":     `[{"companyName" 1}, {1: 2}, {"a": 1 "b": 2}]`,
		"byte.json":    "[{\"companyName\": \"A\"}\x7f]",
		"deep.json":    strings.Repeat("[", MaxDepth+1),
		"deep.ndjson":  strings.Repeat("[", MaxDepth+1) + "\n",
	} {
		seen.read(t, name, []byte(src))
	}
	// The paths no document reaches: a lead or file too big to build here,
	// a file that is not there or not regular, one the system will not read.
	seen.add(t, "too big lead", tooBigLead("x.json", 0, 1, MaxLeadSize+1).Msg)
	seen.result(t, "too large file", nil, tooLarge("x.json", MaxFileSize+1))
	_, err := DecodeFile(filepath.Join(t.TempDir(), "missing.json"))
	seen.result(t, "missing file", nil, err)
	_, err = DecodeFile(t.TempDir())
	seen.result(t, "folder", nil, err)
	for _, m := range []fs.FileMode{fs.ModeNamedPipe, fs.ModeSocket, fs.ModeDevice, fs.ModeIrregular} {
		seen.result(t, "special file", nil, notRegular("x.json", m))
	}
	seen.result(t, "no access", nil, unreadable("x.json", fs.ErrPermission))
	seen.result(t, "read error", nil, unreadable("x.json", errors.New("input/output error")))

	for _, c := range msg.Codes() {
		if strings.HasPrefix(c, "lead.") && !seen[c] {
			t.Errorf("catalogue code %s is said by no path of the import", c)
		}
	}
}
