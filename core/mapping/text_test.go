package mapping

import (
	"github.com/rabitiq/superoffice-sync/core/msg"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/lead"
)

func TestLength(t *testing.T) {
	for s, want := range map[string]int{
		"": 0, "abc": 3, "æøå": 3, "ÆØÅ": 3, "é": 1, "e\u0301": 2, "👍": 2, "👍🏽": 4, "🇩🇰": 4, "👨‍👩‍👧": 8, "…": 1,
	} {
		if got := Length(s); got != want {
			t.Errorf("Length(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		max  int
		want string
		cut  bool
	}{
		{"Rødkilde", 8, "Rødkilde", false},
		{"Rødkilde", 7, "Rødkil…", true},
		{"æøåæøå", 4, "æøå…", true},
		{"ab👍cd", 4, "ab…", true},                      // the emoji (2 units) does not fit beside the ellipsis
		{"ab👍cd", 5, "ab👍…", true},                     // it does here
		{"a👍🏽b", 5, "a…", true},                        // emoji with skin tone is one grapheme of 4 units
		{"a👨‍👩‍👧b", 9, "a…", true},                     // ZWJ family stays whole or goes
		{"Cafe\u0301 au lait", 6, "Cafe\u0301…", true}, // e + combining accent stays together
		{"to ord", 4, "to…", true},                     // white space before the ellipsis goes
		{"abc", 1, "…", true},
		{"abc", 0, "", true},
		{"abc", -5, "", true},
		{"", 0, "", false},
	} {
		got, cut := Truncate(tc.in, tc.max)
		if got != tc.want || cut != tc.cut {
			t.Errorf("Truncate(%q, %d) = %q, %v; want %q, %v", tc.in, tc.max, got, cut, tc.want, tc.cut)
		}
	}
}

// TestTruncateNeverSplitsGraphemes cuts mixed text at every length and
// checks that the kept part is a prefix of whole grapheme clusters.
func TestTruncateNeverSplitsGraphemes(t *testing.T) {
	s := "Æblegrød 👨‍👩‍👧 med fløde 🇩🇰🇳🇴 og e\u0301n 👍🏽 – Søren Ærø ÅÅ"
	var clusters []string
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		clusters = append(clusters, g.Str())
	}
	for max := 0; max <= Length(s)+1; max++ {
		got, cut := Truncate(s, max)
		if Length(got) > max || utf8.RuneCountInString(got) > max || !utf8.ValidString(got) {
			t.Fatalf("Truncate(_, %d) = %q (length %d)", max, got, Length(got))
		}
		if !cut {
			continue
		}
		kept := strings.TrimSuffix(got, Ellipsis)
		prefix := ""
		for _, c := range clusters {
			if len(prefix) >= len(kept) {
				break
			}
			prefix += c
		}
		if strings.TrimRight(prefix, " ") != kept && prefix != kept {
			t.Errorf("Truncate(_, %d) kept %q, which is not whole graphemes (%q)", max, kept, prefix)
		}
	}
}

// limitCase maps one lead value at or over one limit and reads the result.
type limitCase struct {
	field string // the Lengths name or Prog ID
	max   int
	set   func(l *lead.Lead, s string)
	get   func(p Plan) string
}

func limitCases() []limitCase {
	person := func(f func(p Plan) string) func(p Plan) string {
		return func(p Plan) string {
			if len(p.Persons) == 0 {
				return ""
			}
			return f(p)
		}
	}
	addr := func(p Plan) string {
		if p.Contact.Address == nil {
			return ""
		}
		return p.Contact.Address.Postal.Address1
	}
	cases := []limitCase{
		{"Name", 219, func(l *lead.Lead, s string) { l.CompanyName = s }, func(p Plan) string { return p.Contact.Name }},
		{"Department", 219, func(l *lead.Lead, s string) { l.Industry = s }, func(p Plan) string { return p.Contact.Department }},
		{"OrgNr", 49, func(l *lead.Lead, s string) { l.CVR = s }, func(p Plan) string { return p.Contact.OrgNr }},
		{"Address1", 79, func(l *lead.Lead, s string) { l.Address = s }, addr},
		{"City", 79, func(l *lead.Lead, s string) { l.Address = "Vestergade 1, 8000 " + s }, func(p Plan) string {
			if p.Contact.Address == nil {
				return ""
			}
			return p.Contact.Address.Postal.City
		}},
		{"Description", 2000, func(l *lead.Lead, s string) { l.Description = s }, func(p Plan) string { return p.Contact.Description }},
		{"Firstname", 99, func(l *lead.Lead, s string) { l.Contacts = []lead.Contact{{Name: s + " B C"}} }, person(func(p Plan) string { return p.Persons[0].Person.Firstname })},
		{"MiddleName", 99, func(l *lead.Lead, s string) { l.Contacts = []lead.Contact{{Name: "A " + s + " C"}} }, person(func(p Plan) string { return p.Persons[0].Person.MiddleName })},
		{"Lastname", 99, func(l *lead.Lead, s string) { l.Contacts = []lead.Contact{{Name: "A B " + s}} }, person(func(p Plan) string { return p.Persons[0].Person.Lastname })},
		{"Title", 239, func(l *lead.Lead, s string) { l.Contacts = []lead.Contact{{Name: "A", Title: s}} }, person(func(p Plan) string { return p.Persons[0].Person.Title })},
	}
	for _, no := range []int{4, 34} { // a Text and a Long text field
		f, _ := fields.ByNo(no)
		max := maxCustomText
		if f.Type == fields.LongText {
			max = maxCustomLongText
		}
		cases = append(cases, limitCase{f.ProgID, max,
			func(l *lead.Lead, s string) {
				if no == 4 {
					l.Size = s
				} else {
					l.Notes = s
				}
			},
			func(p Plan) string { return p.CustomFields[f.ProgID] }})
	}
	return cases
}

// TestTruncationAtEachLimit puts text of æøå, of emoji and of letters with
// combining accents at each documented limit, one over it and one emoji
// over it, and records the result in testdata/truncation.json: the length
// kept, the last characters and the warnings.
func TestTruncationAtEachLimit(t *testing.T) {
	type result struct {
		Input    string   `json:"input"`
		Length   int      `json:"length"`
		Kept     int      `json:"kept"`
		Tail     string   `json:"tail"`
		Warnings []string `json:"warnings"`
	}
	out := map[string][]result{}
	for _, lc := range limitCases() {
		inputs := map[string]string{
			"æøå at limit":     repeatTo("æøå", lc.max),
			"æøå limit+1":      repeatTo("æøå", lc.max+1),
			"emoji straddling": repeatTo("ø", lc.max-2) + "👍🏽" + "x",
			"emoji at limit":   repeatTo("ø", lc.max-2) + "👍",
			"accent straddle":  repeatTo("a", lc.max-2) + "e\u0301\u0301" + "z",
		}
		names := make([]string, 0, len(inputs))
		for k := range inputs {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, name := range names {
			in := inputs[name]
			l := &lead.Lead{CompanyName: "X", Location: "Danmark"}
			lc.set(l, in)
			p, ws := Map(l, TenantInfo{})
			got := lc.get(p)
			if Length(got) > lc.max {
				t.Errorf("%s %s: kept %d > %d", lc.field, name, Length(got), lc.max)
			}
			var mine []string
			for _, w := range ws {
				if strings.HasSuffix(w.Field, lc.field) && w.Msg.Code == msg.MapTruncated {
					mine = append(mine, w.String())
				}
			}
			cut := Length(in) > lc.max
			if cut != (len(mine) == 1) {
				t.Errorf("%s %s: input %d, limit %d, truncation warnings %q", lc.field, name, Length(in), lc.max, mine)
			}
			if !cut && got != in {
				t.Errorf("%s %s: fitting value changed to %q", lc.field, name, got)
			}
			r := []rune(got)
			out[lc.field] = append(out[lc.field], result{name, Length(in), Length(got), string(r[max(0, len(r)-4):]), mine})
		}
	}
	goldenJSON(t, "truncation.json", out)
}

// repeatTo repeats unit and cuts it to exactly n runes (all BMP here).
func repeatTo(unit string, n int) string {
	r := []rune(strings.Repeat(unit, n/utf8.RuneCountInString(unit)+1))
	return string(r[:max(0, n)])
}

func TestOneLineAndBlock(t *testing.T) {
	if got := oneLine(" a\tb\r\nc\u0007 d\xff "); got != "a b c d\uFFFD" {
		t.Errorf("oneLine = %q", got)
	}
	if got := block(" \r\nLinje 1  \r\nLinje\u2028 2\u0000\n\n"); got != "Linje 1\nLinje\n 2" {
		t.Errorf("block = %q", got)
	}
}
