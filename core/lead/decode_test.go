package lead

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// decodeOK decodes src and fails the test on a whole-file error.
func decodeOK(t *testing.T, name, src string) *Result {
	t.Helper()
	res, err := Decode(name, []byte(src))
	if err != nil {
		t.Fatalf("Decode(%s): %v", name, err)
	}
	return res
}

// names lists the company names of the imported leads.
func names(res *Result) []string {
	var out []string
	for _, it := range res.Leads {
		out = append(out, it.Lead.CompanyName)
	}
	return out
}

func rejections(res *Result) []string {
	var out []string
	for _, r := range res.Rejected {
		out = append(out, r.Error())
	}
	return out
}

func eq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %#v, want %#v", what, got, want)
	}
}

func eqList(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got  %q\n want %q", what, got, want)
	}
}

func TestSamples(t *testing.T) {
	for _, tc := range []struct {
		file       string
		n          int
		firstLine  int
		firstID    string
		secondLine int
	}{
		{"leads-25.json", 25, 2, "lead_00000_07b37e14", 107},
		{"leads-5.ndjson", 5, 1, "lead_00000_07b37e14", 2},
		{"one-lead.json", 1, 1, "lead_00000_4ef8aa38", 0},
		{"wrapped-3.json", 3, 4, "lead_00005_df71b994", 0},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("..", "..", "testdata", "samples", tc.file)
			res, err := DecodeFile(path)
			if err != nil {
				t.Fatal(err)
			}
			eq(t, "File", res.File, tc.file)
			eq(t, "leads", len(res.Leads), tc.n)
			eqList(t, "rejections", rejections(res), nil)
			eqList(t, "warnings", warnTexts(res.Warnings), nil)
			eq(t, "first line", res.Leads[0].Line, tc.firstLine)
			eq(t, "first id", res.Leads[0].Lead.ID, tc.firstID)
			if tc.secondLine != 0 {
				eq(t, "second line", res.Leads[1].Line, tc.secondLine)
			}
			for i, it := range res.Leads {
				l := it.Lead
				if it.Index != i || l.CompanyName == "" || !l.CVRValid || !l.Score.Valid || !l.RevenueDKK.Valid ||
					len(l.CreatedAt) != 10 || l.Description == "" || !json.Valid(l.Raw) || l.Raw[0] != '{' {
					l.Raw = nil
					t.Errorf("lead %d not fully read: %+v", i, l)
				}
			}
		})
	}
}

// The first lead of leads-25.json is the first line of leads-5.ndjson:
// the same content in another layout must hash the same.
func TestSamplesSameLeadSameHash(t *testing.T) {
	a, err := DecodeFile("../../testdata/samples/leads-25.json")
	if err != nil {
		t.Fatal(err)
	}
	b, err := DecodeFile("../../testdata/samples/leads-5.ndjson")
	if err != nil {
		t.Fatal(err)
	}
	la, lb := a.Leads[0].Lead, b.Leads[0].Lead
	if bytes.Equal(la.Raw, lb.Raw) {
		t.Fatal("test needs differently formatted raw bytes")
	}
	eq(t, "hash", la.ContentHash(), lb.ContentHash())
	eq(t, "identity", la.IdentityKey(), lb.IdentityKey())
}

func TestOneLeadFields(t *testing.T) {
	res, err := DecodeFile("../../testdata/samples/one-lead.json")
	if err != nil {
		t.Fatal(err)
	}
	l := res.Leads[0].Lead
	for _, c := range []struct{ what, got, want string }{
		{"CompanyName", l.CompanyName, "Klitrose Byg P/S"},
		{"CVR", l.CVR, "29935181"},
		{"Location", l.Location, "København K, Danmark"},
		{"IntentSignals", l.IntentSignals, "• Besøgte prisside (web, 2024-11-09)"},
		{"Technologies", l.Technologies, "• AWS\n• Salesforce\n• Shopify"},
		{"Competitors", l.Competitors, "• Klitrose Foods (https://example.dk)\n• Granit Finans (https://example.dk)\n• Kystlinje Logistik (https://example.dk)"},
		{"JobPostings", l.JobPostings, "• Key Account Manager – 2024-11-20 – https://www.klitrose.dk/job/1"},
		{"Strengths", l.Strengths, "• Stærkt brand"},
		{"RedFlags", l.RedFlags, ""},
		{"Notes", l.Notes, ""},
		{"CreatedAt", l.CreatedAt, "2024-12-09"},
		{"Contact 2", l.Contacts[1].Name + "|" + l.Contacts[1].Title + "|" + l.Contacts[1].Email + "|" + l.Contacts[1].Phone,
			"Søren Pedersen|CEO|soeren.pedersen@klitrose.dk|+45 90 64 17 82"},
	} {
		eq(t, c.what, c.got, c.want)
	}
	eq(t, "Score", l.Score, Number{Value: 43, Valid: true})
	eq(t, "ProfitDKK", l.ProfitDKK, Number{Value: -2699700, Valid: true})
	eq(t, "GrowthRatePct", l.GrowthRatePct, Number{Value: 7.1, Valid: true})
	eq(t, "contacts", len(l.Contacts), 4)
	data, _ := os.ReadFile("../../testdata/samples/one-lead.json")
	eq(t, "Raw is the whole object", string(l.Raw), string(bytes.TrimSpace(data)))
}

func TestShapes(t *testing.T) {
	const a, b = `{"companyName":"A"}`, `{"companyName":"B"}`
	type want struct {
		names []string
		idx   []int
		lines []int
	}
	for _, tc := range []struct {
		name, file, src string
		want            want
	}{
		{"object", "x.json", a, want{[]string{"A"}, []int{0}, []int{1}}},
		{"object pretty", "x.json", "\n\n{\n  \"companyName\": \"A\"\n}\n", want{[]string{"A"}, []int{0}, []int{3}}},
		{"array", "x.json", "[\n " + a + ",\n " + b + "\n]", want{[]string{"A", "B"}, []int{0, 1}, []int{2, 3}}},
		{"array one line", "x.json", "[" + a + "," + b + "]\n", want{[]string{"A", "B"}, []int{0, 1}, []int{1, 1}}},
		{"empty array", "x.json", "[]", want{}},
		{"wrapper", "x.json", `{"exportedAt":"2024-12-05","count":2,"meta":{"leads":1},"leads":[` + "\n" + a + ",\n" + b + "]}",
			want{[]string{"A", "B"}, []int{0, 1}, []int{2, 3}}},
		{"wrapper leads first", "x.json", `{"leads":[` + a + `],"companyName":"ignored"}`, want{[]string{"A"}, []int{0}, []int{1}}},
		{"ndjson by extension", "x.ndjson", a + "\n" + b + "\n", want{[]string{"A", "B"}, []int{0, 1}, []int{1, 2}}},
		{"jsonl by extension", "X.JSONL", a + "\n" + b, want{[]string{"A", "B"}, []int{0, 1}, []int{1, 2}}},
		{"ndjson sniffed", "x.json", a + "\n" + b + "\n", want{[]string{"A", "B"}, []int{0, 1}, []int{1, 2}}},
		{"ndjson sniffed no extension", "export", a + "\n\n" + b, want{[]string{"A", "B"}, []int{0, 1}, []int{1, 3}}},
		{"ndjson blank lines and CRLF", "x.ndjson", "\r\n" + a + "\r\n  \r\n" + b + "\r\n", want{[]string{"A", "B"}, []int{0, 1}, []int{2, 4}}},
		{"ndjson one line", "x.ndjson", a, want{[]string{"A"}, []int{0}, []int{1}}},
		{"ndjson extension but pretty array", "x.ndjson", "[\n" + a + ",\n" + b + "\n]", want{[]string{"A", "B"}, []int{0, 1}, []int{2, 3}}},
		{"BOM object", "x.json", "\ufeff" + a, want{[]string{"A"}, []int{0}, []int{1}}},
		{"BOM array", "x.json", "\ufeff[\n" + a + "]", want{[]string{"A"}, []int{0}, []int{2}}},
		{"BOM wrapper", "x.json", "\ufeff{\"leads\":[" + a + "]}", want{[]string{"A"}, []int{0}, []int{1}}},
		{"BOM ndjson", "x.ndjson", "\ufeff" + a + "\n" + b, want{[]string{"A", "B"}, []int{0, 1}, []int{1, 2}}},
		{"BOM ndjson sniffed", "x.json", "\ufeff" + a + "\n" + b, want{[]string{"A", "B"}, []int{0, 1}, []int{1, 2}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := decodeOK(t, tc.file, tc.src)
			eqList(t, "names", names(res), tc.want.names)
			eqList(t, "rejections", rejections(res), nil)
			var idx, lines []int
			for _, it := range res.Leads {
				idx, lines = append(idx, it.Index), append(lines, it.Line)
			}
			eq(t, "indexes", sprint(idx), sprint(tc.want.idx))
			eq(t, "lines", sprint(lines), sprint(tc.want.lines))
			eq(t, "File", res.File, tc.file)
		})
	}
}

func sprint(v []int) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// Raw is the lead's bytes exactly as the file had them.
func TestRaw(t *testing.T) {
	src := "[\n  {\"companyName\": \"A\",\n   \"x\": [1, 2]} ,\n{\"name\":\"B\"}]"
	res := decodeOK(t, "x.json", src)
	eq(t, "raw 0", string(res.Leads[0].Lead.Raw), "{\"companyName\": \"A\",\n   \"x\": [1, 2]}")
	eq(t, "raw 1", string(res.Leads[1].Lead.Raw), `{"name":"B"}`)

	res = decodeOK(t, "x.ndjson", "  {\"name\":\"A\"}  \r\n{\"name\":\"B\"}")
	eq(t, "ndjson raw 0", string(res.Leads[0].Lead.Raw), `{"name":"A"}`)
	eq(t, "ndjson raw 1", string(res.Leads[1].Lead.Raw), `{"name":"B"}`)

	// Appending to one Raw must not overwrite the next lead's bytes.
	res = decodeOK(t, "x.json", `[{"name":"A"},{"name":"B"}]`)
	_ = append(res.Leads[0].Lead.Raw, 'X')
	eq(t, "raw after append", string(res.Leads[1].Lead.Raw), `{"name":"B"}`)
}

// One bad lead never blocks the good ones: each is rejected with its
// reason and JSON path.
func TestBadLeadsRejectedGoodKept(t *testing.T) {
	src := `[
{"companyName": "Good 1", "contacts": [{"name": "Lars"}]},
{"companyName": "Bad contacts", "contacts": "Lars Hansen, CEO"},
{"website": "https://nameless.dk"},
{"companyName": "   "},
{"companyName": null, "name": ""},
"just a string",
[{"companyName": "in an array"}],
{"companyName": "Bad financials", "financials": "58 mio."},
{"companyName": "Bad swot", "swot": ["strong"]},
{"companyName": "Bad score", "score": {"value": 4}},
{"companyName": "Bad nested number", "financials": {"revenue": [1, 2]}},
{"companyName": ["A", "B"]},
{"companyName": "Bad id", "id": {"x": 1}},
{"companyName": "Bad cvr", "cvr": [29935181]},
{"companyName": "Bad date", "createdAt": {"y": 2024}},
{"companyName": "First reason wins", "contacts": 5, "swot": 1},
{"companyName": "Good 2"}
]`
	res := decodeOK(t, "leads.json", src)
	eqList(t, "imported", names(res), []string{"Good 1", "Good 2"})
	eq(t, "Good 2 index", res.Leads[1].Index, 16)
	eq(t, "Good 2 line", res.Leads[1].Line, 18)
	eqList(t, "rejections", rejections(res), []string{
		"leads.json: lead 2 (line 3): contacts: want array, got string",
		"leads.json: lead 3 (line 4): companyName: missing or blank; a lead needs a company name",
		"leads.json: lead 4 (line 5): companyName: missing or blank; a lead needs a company name",
		"leads.json: lead 5 (line 6): companyName: missing or blank; a lead needs a company name",
		"leads.json: lead 6 (line 7): want a lead object, got string",
		"leads.json: lead 7 (line 8): want a lead object, got array",
		"leads.json: lead 8 (line 9): financials: want object, got string",
		"leads.json: lead 9 (line 10): swot: want object, got array",
		"leads.json: lead 10 (line 11): score: want number, got object",
		"leads.json: lead 11 (line 12): financials.revenue: want number, got array",
		"leads.json: lead 12 (line 13): companyName: want string, got array",
		"leads.json: lead 13 (line 14): id: want string, got object",
		"leads.json: lead 14 (line 15): cvr: want string, got array",
		"leads.json: lead 15 (line 16): createdAt: want string, got object",
		"leads.json: lead 16 (line 17): contacts: want array, got number",
	})
	r := res.Rejected[0]
	eq(t, "rejection fields", fmt.Sprint(r.File, r.Index, r.Line, r.Path, r.Reason()), fmt.Sprint("leads.json", 1, 3, "contacts", "want array, got string"))
}

func TestNDJSONBrokenLines(t *testing.T) {
	src := strings.Join([]string{
		`{"companyName": "Good 1"}`,
		`{"companyName": "Broken", "score": }`,
		``,
		`{"companyName": "Good 2"}`,
		`["not", "a", "lead"]`,
		`{"companyName": "Trailing"} {"companyName": "junk"}`,
		`{"companyName": "No name", "contacts": "x"}`,
		`{"companyName": "Good 3"}`,
		"\x00",
		`{"companyName": "Truncated", "desc`,
	}, "\n")
	for _, file := range []string{"leads.ndjson", "leads.json"} {
		t.Run(file, func(t *testing.T) {
			res := decodeOK(t, file, src)
			eqList(t, "imported", names(res), []string{"Good 1", "Good 2", "Good 3"})
			var idx, lines []int
			for _, it := range res.Leads {
				idx, lines = append(idx, it.Index), append(lines, it.Line)
			}
			eq(t, "indexes", sprint(idx), "[0,2,6]")
			eq(t, "lines", sprint(lines), "[1,4,8]")
			eqList(t, "rejections", rejections(res), []string{
				file + ": lead 2 (line 2): line is not well-formed JSON: column 36: unexpected '}' where a value was expected",
				file + ": lead 4 (line 5): want a lead object, got array",
				file + ": lead 5 (line 6): line is not well-formed JSON: column 29: unexpected data after the lead",
				file + ": lead 6 (line 7): contacts: want array, got string",
				file + ": lead 8 (line 9): line is not well-formed JSON: column 1: unexpected byte 0x00 where a value was expected",
				file + ": lead 9 (line 10): line is not well-formed JSON: column 35: unexpected end of line in string",
			})
		})
	}
}

// A .json file whose first line is broken cannot be recognised as JSON
// Lines: it is refused as a whole, saying where.
func TestSniffNeedsAGoodFirstLine(t *testing.T) {
	_, err := Decode("leads.json", []byte("{\"companyName\": \n{\"companyName\": \"B\"}\n"))
	eq(t, "error", errString(err), "leads.json: line 3, column 1: not well-formed JSON: unexpected end of input after object member (want ',' or '}') (file truncated?)")
	res := decodeOK(t, "leads.jsonl", "{\"companyName\": \n{\"companyName\": \"B\"}\n")
	eqList(t, "names", names(res), []string{"B"})
	eqList(t, "rejections", rejections(res), []string{
		"leads.jsonl: lead 1 (line 1): line is not well-formed JSON: column 17: unexpected end of line where a value was expected",
	})
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}
