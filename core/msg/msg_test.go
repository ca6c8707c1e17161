package msg

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var placeholder = regexp.MustCompile(`\{[A-Za-z]+(\|[^|{}]*\|[^|{}]*)?\}`)

// Every row has both languages, and both name the same arguments: a
// message never loses a value in one of them.
func TestCatalogueRows(t *testing.T) {
	if len(duplicates) > 0 {
		t.Errorf("codes registered twice: %v", duplicates)
	}
	codes := Codes()
	if len(codes) == 0 {
		t.Fatal("empty catalogue")
	}
	for _, c := range codes {
		e, _ := lookup(c)
		if strings.TrimSpace(e.da) == "" || strings.TrimSpace(e.en) == "" {
			t.Errorf("%s: a language is missing: %q / %q", c, e.da, e.en)
		}
		// An argument named …DA or …EN is a word in that language (a
		// Danish country name), which the other language says another way.
		da, en := shared(placeholder.FindAllString(e.da, -1)), shared(placeholder.FindAllString(e.en, -1))
		slices.Sort(da)
		slices.Sort(en)
		// The same arguments: a count may be named more often in one
		// language ("{n} fields … {n|is|are}").
		if da, en = slices.Compact(da), slices.Compact(en); !slices.Equal(da, en) {
			t.Errorf("%s: Danish names %v, English %v", c, da, en)
		}
		if !strings.Contains(c, ".") || strings.ToLower(c) != c || strings.ContainsAny(c, " _") {
			t.Errorf("%s: codes are lower-case domain.words-with-dashes", c)
		}
	}
}

// shared drops the placeholders that belong to one language only.
func shared(ps []string) []string {
	var out []string
	for _, p := range ps {
		if i := strings.IndexByte(p, '|'); i > 0 { // {n|lead|leads} names n
			p = p[:i] + "}"
		}
		if !strings.HasSuffix(p, "DA}") && !strings.HasSuffix(p, "EN}") {
			out = append(out, p)
		}
	}
	return out
}

// A count's word agrees with it: "1 lead", "0 leads", "3 leads".
func TestPluralWord(t *testing.T) {
	register(map[string][2]string{"test.plural": {"{n} {n|lead|leads} kontrolleret", "{n} {n|lead|leads} checked"}})
	for _, c := range []struct {
		n    any
		l    Lang
		want string
	}{{1, Danish, "1 lead kontrolleret"}, {0, Danish, "0 leads kontrolleret"}, {3, English, "3 leads checked"}, {int64(1), English, "1 lead checked"}} {
		if got := New("test.plural", "n", c.n).Text(c.l); got != c.want {
			t.Errorf("n=%v: %q, want %q", c.n, got, c.want)
		}
	}
}

func TestRender(t *testing.T) {
	register(map[string][2]string{"test.rounded": {"{field} afrundet fra {from} til {to}", "{field} rounded from {from} to {to}"}})
	m := New("test.rounded", "field", "RabitIQ:19", "from", 12.5, "to", 13)
	if got := m.Text(Danish); got != "RabitIQ:19 afrundet fra 12,5 til 13" {
		t.Errorf("Danish = %q", got)
	}
	if got := m.Text(English); got != "RabitIQ:19 rounded from 12.5 to 13" {
		t.Errorf("English = %q", got)
	}
	if got := New("test.unknown", "n", 2).Text(Danish); got != "test.unknown n=2" {
		t.Errorf("unknown code = %q", got)
	}
	cause := errors.New("503")
	err := Errorf(cause, "test.rounded", "field", "x", "from", 1.5, "to", 2)
	SetLanguage(English)
	defer SetLanguage(Danish)
	if err.Error() != "x rounded from 1.5 to 2: 503" || !errors.Is(err, cause) {
		t.Errorf("Error() = %q", err.Error())
	}
	if got, ok := Of(errors.Join(errors.New("wrapped"), err)); !ok || got.Code != "test.rounded" {
		t.Errorf("Of = %+v %v", got, ok)
	}
}

func TestChoose(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, tc := range []struct {
		env  func(string) string
		want Lang
	}{
		{env(), Danish},
		{env("LANG", "C"), Danish},
		{env("LANG", "en_GB.UTF-8"), English},
		{env("LANG", "en_GB.UTF-8", "RABITIQ_LANG", "da"), Danish},
		{env("LC_ALL", "da_DK.UTF-8", "LANG", "en_US"), Danish},
		{env("RABITIQ_LANG", "EN"), English},
	} {
		if got := Choose(tc.env); got != tc.want {
			t.Errorf("Choose = %s, want %s", got, tc.want)
		}
	}
}
