package msg

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

// forbidden maps a variant the glossary (glossary.go) rules out to the
// word to use instead.
var forbidden = []struct {
	re   *regexp.Regexp
	want string
}{
	{regexp.MustCompile(`(?i)virksomhed`), "firma"},
	{regexp.MustCompile(`(?i)\beksporter\b`), "eksportér"},
	{regexp.MustCompile(`(?i)\bsynkroniser\b`), "synkronisér"},
	{regexp.MustCompile(`(?i)afkryds|krydset af`), "markerede"},
	// "valgte" is the chosen company, as in the guide's "Sync til valgte".
	{regexp.MustCompile(`(?i)\bvalgte\b`), "markerede (ticked leads)"},
}

// allowed are the guide's own phrases that contain a forbidden variant.
var allowed = regexp.MustCompile(`Sync til valgte|Eksporter til SuperOffice`)

// The Danish texts of the catalogue and of the window use one word per
// thing, the glossary's.
func TestDanishGlossary(t *testing.T) {
	texts := map[string]string{}
	for _, c := range Codes() {
		e, _ := lookup(c)
		texts["core/msg "+c] = e.da
	}
	raw, err := os.ReadFile("../../ui/i18n/translations/da.json")
	if err != nil {
		t.Fatalf("read da.json: %v", err)
	}
	var da map[string]any
	if err := json.Unmarshal(raw, &da); err != nil {
		t.Fatalf("parse da.json: %v", err)
	}
	for k, v := range da {
		switch v := v.(type) {
		case string:
			texts["da.json "+k] = v
		case map[string]any: // plural forms
			for form, s := range v {
				if s, ok := s.(string); ok {
					texts["da.json "+k+" ("+form+")"] = s
				}
			}
		}
	}
	if len(texts) < 100 {
		t.Fatalf("only %d Danish texts found", len(texts))
	}
	for where, s := range texts {
		s = allowed.ReplaceAllString(s, "")
		for _, f := range forbidden {
			if m := f.re.FindString(s); m != "" {
				t.Errorf("%s: %q says %q, the glossary's word is %s", where, strings.TrimSpace(s), m, f.want)
			}
		}
	}
}

// guideButtons are the guide's buttons the window has, by their English
// key in the translations, with the guide's exact Danish words.
var guideButtons = map[string]string{
	"Export to SuperOffice": "Eksporter til SuperOffice",
	"Sync to selected":      "Sync til valgte",
	"Create & Sync":         "Opret & Sync",
	"Connect":               "Forbind",
	"Remove connection":     "Fjern forbindelse",
}

// The window's buttons that the guide tells the user to click say what
// the guide says, letter for letter ("Eksporter", not the glossary's
// "Eksportér"), so a salesperson following the guide finds them.
func TestGuideButtonsVerbatim(t *testing.T) {
	guide, err := os.ReadFile("../../docs/superoffice-setup-guide.da.txt")
	if err != nil {
		t.Fatalf("read the guide: %v", err)
	}
	raw, err := os.ReadFile("../../ui/i18n/translations/da.json")
	if err != nil {
		t.Fatalf("read da.json: %v", err)
	}
	var da map[string]any
	if err := json.Unmarshal(raw, &da); err != nil {
		t.Fatalf("parse da.json: %v", err)
	}
	for key, words := range guideButtons {
		if !strings.Contains(string(guide), `"`+words+`"`) {
			t.Errorf("the guide has no button %q", words)
		}
		if got, _ := da[key].(string); got != words {
			t.Errorf("da.json %q = %q, the guide's button says %q", key, got, words)
		}
	}
}
