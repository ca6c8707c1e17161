package lead

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

// addSeeds adds the sample files and a few hostile shapes.
func addSeeds(f *testing.F) {
	paths, _ := filepath.Glob("../../testdata/samples/*")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		// The fuzzer slows to a crawl on big inputs: of a big sample
		// keep the first two leads, still well-formed.
		if len(data) > 16<<10 {
			res, err := Decode(filepath.Base(p), data)
			if err != nil || len(res.Leads) < 2 {
				f.Fatalf("sample %s: %v", p, err)
			}
			data = append(append(append([]byte("[\n"), res.Leads[0].Lead.Raw...), ",\n"...), res.Leads[1].Lead.Raw...)
			data = append(data, "\n]\n"...)
		}
		f.Add(filepath.Base(p), data)
	}
	for _, s := range []string{
		`[{"name": "A", "contacts": "x"}, {"companyName": "B", "score": "12,5 mio."}]`,
		"\ufeff{\"leads\": [{\"company_name\": \"A\\u0000\\ud800\"}]}",
		"{\"name\": \"A\"}\n{\"name\": \"B\"",
		`{"name": "A", "competitors": [{"name": "X", "website": "y"}, [1, [2, {}]], {"signal": null}]}`,
		"[{\"name\": \"\xff\xc2\x85\"}]",
	} {
		f.Add("seed.json", []byte(s))
		f.Add("seed.ndjson", []byte(s))
	}
}

// FuzzDecodeLeads: Decode and the streamed reader never panic, agree with
// encoding/json (and each other) on what is well-formed JSON, and whatever
// they accept is clean.
func FuzzDecodeLeads(f *testing.F) {
	addSeeds(f)
	for _, s := range []string{`[1,,2]`, `[{"name":"A"},,{"name":"B"}]`, `[,]`, `01`, `{"leads": 5,`, "[\n{\"name\":\"A\"}\n]\n[1]", `[[[[[[`,
		`{"x": {"leads": 1}, "Le_ads": [{"name": "A"}, 2], "l\u0065ads": [], "n": -1.5e3}`, `{"leads": [{"name": "A"}], "leads": null, "x": [}`} {
		f.Add("seed.json", []byte(s))
	}
	for _, s := range []string{"{\"name\":\"A\"}\r\n\n {\"name\":1} x\n[1,,2]\n{", "{\n\"name\": \"A\"}\n", " \n"} {
		f.Add("seed.jsonl", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		res, err := Decode(name, data)
		checkStream(t, name, data, res, err)
		if err != nil {
			var fe *FileError
			if res != nil || !errors.As(err, &fe) {
				t.Fatalf("failed file: res %v, err %T %v", res, err, err)
			}
			// Agree with encoding/json on what is well-formed.
			if errors.Is(err, ErrSyntax) && json.Valid(bytes.TrimPrefix(data, []byte("\ufeff"))) {
				t.Fatalf("well-formed JSON refused: %v", err)
			}
			return
		}
		// What encoding/json calls broken is read only as JSON Lines.
		body := bytes.TrimPrefix(data, []byte("\ufeff"))
		if ext := strings.ToLower(filepath.Ext(name)); ext != ".ndjson" && ext != ".jsonl" && !json.Valid(body) && !jsonLines(body) {
			t.Fatalf("not JSON, yet read: %d leads, %d rejected", len(res.Leads), len(res.Rejected))
		}
		for _, it := range res.Leads {
			l := it.Lead
			if strings.TrimSpace(l.CompanyName) == "" {
				t.Fatalf("lead %d has a blank company name", it.Index)
			}
			if it.Line < 1 || !json.Valid(l.Raw) || !bytes.Contains(data, l.Raw) {
				t.Fatalf("lead %d: line %d, raw %q", it.Index, it.Line, l.Raw)
			}
			checkClean(t, l)
			_ = l.IdentityKey()
			_ = l.ContentHash()
		}
		for _, w := range res.Warnings {
			if !utf8.ValidString(w.String()) {
				t.Fatalf("warning not UTF-8: %q", w)
			}
		}
		for _, r := range res.Rejected {
			if !utf8.ValidString(r.Error()) {
				t.Fatalf("rejection not UTF-8: %q", r.Error())
			}
		}
	})
}

// readsAsLeads is a file verdict: read as JSON, with or without leads.
func readsAsLeads(err error) bool {
	var fe *FileError
	return err == nil || (errors.Is(err, ErrNoLeads) && errors.As(err, &fe) && fe.Line > 0)
}

// checkStream reads data as DecodeStream would and compares with Decode's
// result (res, err) and with encoding/json: a top-level array is streamed
// and must be read exactly when it is valid JSON (within MaxDepth), with
// the same leads and rejections as Decode; other shapes are read whole.
func checkStream(t *testing.T, name string, data []byte, res *Result, err error) {
	t.Helper()
	var leads, rejected int
	serr := decodeStream(name, bytes.NewReader(data), int64(len(data)), 2,
		func() (*Result, error) { return Decode(name, data) },
		func(r *Result, _, _ int64) error {
			leads, rejected = leads+len(r.Leads), rejected+len(r.Rejected)
			return nil
		})
	var fe *FileError
	if serr != nil && !errors.As(serr, &fe) {
		t.Fatalf("stream: error %T %v", serr, serr)
	}
	// The same a byte at a time: buffer boundaries change nothing.
	var leads1, rejected1 int
	serr1 := decodeStream(name, iotest.OneByteReader(bytes.NewReader(data)), int64(len(data)), 2,
		func() (*Result, error) { return Decode(name, data) },
		func(r *Result, _, _ int64) error {
			leads1, rejected1 = leads1+len(r.Leads), rejected1+len(r.Rejected)
			return nil
		})
	if fmt.Sprint(serr1) != fmt.Sprint(serr) || leads1 != leads || rejected1 != rejected {
		t.Fatalf("a byte at a time: %d leads, %d rejected, %v; at once: %d, %d, %v", leads1, rejected1, serr1, leads, rejected, serr)
	}
	if errors.Is(serr, ErrTooDeep) || errors.Is(err, ErrTooDeep) {
		return
	}
	body := bytes.TrimPrefix(data, []byte("\ufeff"))
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".ndjson" || ext == ".jsonl" {
		// Streamed line by line: exactly what Decode reads.
		if (serr == nil) != (err == nil) || (err != nil && serr.Error() != err.Error()) ||
			(err == nil && (leads != len(res.Leads) || rejected != len(res.Rejected))) {
			t.Fatalf("stream: %d leads, %d rejected, %v; Decode: %v", leads, rejected, serr, err)
		}
		return
	}
	if bytes.HasPrefix(bytes.TrimLeft(body, " \t\r\n"), []byte("{")) {
		checkObjectStream(t, name, data, res, err)
		return
	}
	streamed := bytes.HasPrefix(bytes.TrimLeft(body, " \t\r\n"), []byte("["))
	if !streamed {
		return // read whole, by Decode
	}
	if got, want := readsAsLeads(serr), json.Valid(body); got != want {
		t.Fatalf("stream read as JSON = %v (%v), encoding/json valid = %v", got, serr, want)
	}
	if serr == nil && (err != nil || leads != len(res.Leads) || rejected != len(res.Rejected)) {
		t.Fatalf("stream: %d leads, %d rejected; Decode: %v", leads, rejected, err)
	}
}

// checkObjectStream streams a top-level object as a big file's is
// streamed (a wrapper's leads arrays split, other keys checked) and
// compares with Decode's result (res, err) and encoding/json: valid JSON
// gets Decode's verdict, and leads and rejections when read; what the
// stream reads is what Decode reads; a fault is a syntax error only in
// what encoding/json refuses; buffer boundaries change nothing.
func checkObjectStream(t *testing.T, name string, data []byte, res *Result, err error) {
	t.Helper()
	got, serr := streamObjects(name, data, 2, false)
	slow, serr1 := streamObjects(name, data, 3, true)
	if fmt.Sprint(serr1) != fmt.Sprint(serr) || !reflect.DeepEqual(outline(slow), outline(got)) {
		t.Fatalf("objects a byte at a time: %q, %v; at once: %q, %v", outline(slow), serr1, outline(got), serr)
	}
	var fe, dfe *FileError
	if serr != nil && !errors.As(serr, &fe) {
		t.Fatalf("objects streamed: error %T %v", serr, serr)
	}
	if err != nil {
		errors.As(err, &dfe)
	}
	sentinel := func(fe *FileError) error {
		if fe == nil {
			return nil
		}
		return fe.Err
	}
	valid := json.Valid(bytes.TrimPrefix(data, []byte("\ufeff")))
	switch {
	case serr == nil:
		if err != nil || !reflect.DeepEqual(outline(got), outline(res)) {
			t.Fatalf("objects streamed: %q; Decode: %q, %v", outline(got), outline(res), err)
		}
	case valid:
		if sentinel(fe) != sentinel(dfe) || (fe.Err == ErrNoLeads && (fe.Line != dfe.Line || fe.Column != dfe.Column)) {
			t.Fatalf("objects streamed: %v; Decode: %v", serr, err)
		}
	case fe.Err == ErrNoLeads:
		t.Fatalf("objects streamed: %v for what encoding/json refuses", serr)
	case fe.Err == ErrTooDeep && !errors.Is(err, ErrTooDeep):
		t.Fatalf("objects streamed: %v; Decode: %v", serr, err)
	}
}

// jsonLines reports what Decode reads as JSON Lines in a .json file: a
// first value on one line, and more after it on a later line.
func jsonLines(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	var v json.RawMessage
	if dec.Decode(&v) != nil {
		return false
	}
	end := int(dec.InputOffset())
	start := len(data) - len(bytes.TrimLeft(data, " \t\r\n"))
	rest := data[end:]
	gap := rest[:len(rest)-len(bytes.TrimLeft(rest, " \t\r\n"))]
	return bytes.IndexByte(data[start:end], '\n') < 0 && bytes.IndexByte(gap, '\n') >= 0
}

// checkClean fails on text that is not UTF-8 or holds control characters
// other than newline and tab.
func checkClean(t *testing.T, l *Lead) {
	t.Helper()
	texts := []string{l.ID, l.CompanyName, l.Website, l.Industry, l.Size, l.Location, l.Address, l.CVR,
		l.ReasonForFit, l.Description, l.BusinessModel, l.TargetAudience, l.Technologies, l.BuyingSignals,
		l.IntentSignals, l.ConversationStarters, l.RedFlags, l.Competitors, l.CompetitiveAnalysis,
		l.MarketAnalysis, l.Strengths, l.Weaknesses, l.Opportunities, l.Threats, l.CustomerReviews,
		l.EmployeeReviews, l.GrowthSignals, l.IndustryPainPoints, l.JobPostings, l.SalesPlaybook, l.Notes,
		l.CreatedAt, l.CreatedAtText}
	for _, n := range []Number{l.Score, l.IntentScore, l.RevenueDKK, l.ProfitDKK, l.Employees, l.GrowthRatePct, l.ProfitMarginPct} {
		texts = append(texts, n.Text)
		if n.Valid && (math.IsNaN(n.Value) || math.IsInf(n.Value, 0)) {
			t.Fatalf("number %v", n)
		}
	}
	for _, c := range l.Contacts {
		if c.Name == "" && c.Email == "" {
			t.Fatalf("contact without name and e-mail: %+v", c)
		}
		texts = append(texts, c.Name, c.Title, c.Email, c.Phone, c.LinkedIn)
	}
	for _, s := range texts {
		if !utf8.ValidString(s) {
			t.Fatalf("not UTF-8: %q", s)
		}
		for _, r := range s {
			if isDropped(r) {
				t.Fatalf("control character %U in %q", r, s)
			}
		}
		if s != strings.TrimSpace(s) {
			t.Fatalf("not trimmed: %q", s)
		}
	}
}

// FuzzScanValid: the scanner accepts exactly what encoding/json accepts
// (within MaxDepth).
func FuzzScanValid(f *testing.F) {
	for _, s := range []string{`{"a":[1,-0.5e+3,true,null,"\u00e6"]}`, `[1,]`, `"\ud800"`, `01`, `{"a" 1}`, "\"\x7f\xff\"", `[-]`, `1.e5`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s := scanner{data: data}
		s.ws()
		err := s.skip()
		if err == nil {
			s.ws()
			if s.pos < len(data) {
				err = errors.New("trailing data")
			}
		}
		var se *syntaxError
		if errors.As(err, &se) && se.too {
			return
		}
		if got, want := err == nil, json.Valid(data); got != want {
			t.Fatalf("scanner valid = %v (%v), encoding/json valid = %v", got, err, want)
		}
	})
}

// FuzzChecker: the checker for leads too big to keep accepts exactly
// what encoding/json accepts (within MaxDepth), however the bytes are cut
// into slices.
func FuzzChecker(f *testing.F) {
	for _, s := range []string{`{"a":[1,-0.5e+3,true,null,"\u00e6"]}`, `[1,,2]`, `"\ud800"`, `01`, `{"a" 1}`, "\"\x7f\xff\"", `[-]`, `1.e5`, ` 12 `, `[1]x`} {
		f.Add([]byte(s), uint8(1))
	}
	f.Fuzz(func(t *testing.T, data []byte, cut uint8) {
		var c checker
		n := 0
		for _, part := range [][]byte{data[:min(int(cut), len(data))], data[min(int(cut), len(data)):]} {
			if c.done || c.msg.Code != "" {
				break
			}
			n += c.feed(part)
		}
		if c.too {
			return
		}
		ok := c.msg.Code == "" && (c.done || (c.depth == 0 && c.st >= chZero && c.st != chDot && c.st != chE && c.st != chESign))
		if ok && len(bytes.TrimLeft(data[n:], " \t\r\n")) > 0 {
			ok = false // more after the value
		}
		if want := json.Valid(data); ok != want {
			t.Fatalf("checker valid = %v (state %d, %q at %d), encoding/json valid = %v", ok, c.st, c.msg, n, want)
		}
	})
}

// FuzzScanString: strings decode as encoding/json decodes them, less the
// dropped control characters.
func FuzzScanString(f *testing.F) {
	for _, s := range []string{`a\"b`, `\ud83d\ude00`, `\ud800\u0041`, "\xff\xfe", `\u0000x\n\t`, "æøå\u0085"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		data := append(append([]byte{'"'}, body...), '"')
		var want string
		jerr := json.Unmarshal(data, &want)
		s := scanner{data: data}
		got, _, err := s.str(true)
		whole := err == nil && s.pos == len(data)
		if whole != (jerr == nil) {
			t.Fatalf("scanner read whole string %v (err %v), encoding/json err %v", whole, err, jerr)
		}
		if !whole {
			return
		}
		var b strings.Builder
		for _, r := range want {
			if !isDropped(r) {
				b.WriteRune(r)
			}
		}
		if string(got) != b.String() {
			t.Fatalf("scanner %q, encoding/json (cleaned) %q", got, b.String())
		}
	})
}

// FuzzParseNumber: never panics, never yields NaN or infinity.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"12.500.000", "12,5 mio.", "1,2 mia. kr.", "DKK 3.4M", "-3,1%", "ca. 250", "1e308 mia"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ParseNumber(s)
		if ok && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Fatalf("ParseNumber(%q) = %v", s, v)
		}
		if !ok && v != 0 {
			t.Fatalf("ParseNumber(%q) = %v, false", s, v)
		}
		_, _ = NormalizeCVR(s)
		_, _ = parseDate(s)
	})
}

// FuzzWrapperKey: the checker takes a top-level key for the wrapper's
// exactly when the decoder does (the key as the scanner reads it, folded
// by normKey), whatever its escapes and length.
func FuzzWrapperKey(f *testing.F) {
	for _, s := range []string{`leads`, `LEADS`, `le_a-d s`, `le\u0061ds`, `\u004cEADS`, `lead\u00e6`, `le\nads`, `leads\ud800`, strings.Repeat("_", 40) + "leads", `leads\`, `lea"ds`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, key []byte) {
		data := append(append([]byte(`{"`), key...), `": 1}`...)
		s := scanner{data: data, pos: 1}
		k, err := s.key()
		if err != nil {
			return // not a well-formed key: no verdict to compare
		}
		var nb [32]byte
		nk, ok := normKey(&nb, k)
		want := false
		if ok {
			f, _, ok := lookup(scLead, nk)
			want = ok && f == fLeads
		}
		c := checker{keys: true}
		c.feed(data)
		if c.wrapper != want {
			t.Fatalf("key %q: checker wrapper = %v, decoder %v", key, c.wrapper, want)
		}
	})
}
