package cli

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// importDoc is what the language test reads of `import --json`.
type importDoc struct {
	Files []struct {
		Rejected []struct {
			Reason string         `json:"reason"`
			Path   string         `json:"path"`
			Code   string         `json:"code"`
			Args   map[string]any `json:"args"`
		} `json:"rejected"`
		Warnings     []string `json:"warnings"`
		WarningCodes []struct {
			Index int    `json:"index"`
			Path  string `json:"path"`
			Code  string `json:"code"`
		} `json:"warningCodes"`
		Error     string `json:"error"`
		ErrorCode *struct {
			Line int    `json:"line"`
			Code string `json:"code"`
		} `json:"errorCode"`
	} `json:"files"`
}

// texts is every human text of the document, and codes every code.
func (d importDoc) texts() (texts, codes []string) {
	for _, f := range d.Files {
		texts = append(texts, f.Warnings...)
		if f.Error != "" {
			texts, codes = append(texts, f.Error), append(codes, f.ErrorCode.Code)
		}
		for _, r := range f.Rejected {
			texts, codes = append(texts, r.Reason), append(codes, r.Path+" "+r.Code)
		}
		for _, w := range f.WarningCodes {
			codes = append(codes, w.Path+" "+w.Code)
		}
	}
	return texts, codes
}

// TestImportJSONSpeaksTheLanguage: `import --json` gives its reasons,
// warnings and file errors in Danish with RABITIQ_LANG=da and in English
// with RABITIQ_LANG=en, with the same codes beside them either way.
func TestImportJSONSpeaksTheLanguage(t *testing.T) {
	mixed := writeFile(t, "a.json", `[{"companyName": "God ApS", "cvr": "12345678", "score": "mange"},`+
		`{"companyName": "  "}, {"companyName": "Også God", "contacts": "nope"}]`)
	broken := writeFile(t, "b.json", `[{"companyName": "Halv A/S", `)
	english := []string{"missing", "blank", "needs", "line", "column", "want", "got", "valid", "kept", "well-formed", "number", "truncated"}
	danish := []string{"mangler", "tom", "linje", "kolonne", "forventede", "fik", "gyldig", "beholdt", "tal", "afkortet"}
	docs := map[string]importDoc{}
	for _, l := range []string{"da", "en"} {
		db := filepath.Join(t.TempDir(), "leads.db")
		r := run(t, map[string]string{"RABITIQ_DB": db, "RABITIQ_LANG": l}, "import", "--json", mixed, broken)
		var doc importDoc
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Files) != 2 {
			t.Fatalf("%s: %v\n%s", l, err, r.stdout)
		}
		docs[l] = doc
		texts, _ := doc.texts()
		foreign, own := english, danish
		if l == "en" {
			foreign, own = danish, english
		}
		all := strings.ToLower(strings.Join(texts, "\n"))
		for _, w := range foreign {
			if strings.Contains(all, w) {
				t.Errorf("RABITIQ_LANG=%s: the word %q of the other language in:\n%s", l, w, all)
			}
		}
		if !strings.Contains(all, own[0]) || !strings.Contains(all, own[4]) {
			t.Errorf("RABITIQ_LANG=%s: not in its own words:\n%s", l, all)
		}
	}
	_, da := docs["da"].texts()
	_, en := docs["en"].texts()
	want := []string{"companyName lead.missing", "contacts lead.want-kind", "lead.not-json", "cvr lead.cvr-invalid", "score lead.number-unreadable"}
	for _, c := range want {
		if !slices.Contains(da, c) {
			t.Errorf("code %q missing: %v", c, da)
		}
	}
	if !slices.Equal(da, en) {
		t.Errorf("codes differ by language:\n da %v\n en %v", da, en)
	}
	if ec := docs["en"].Files[1].ErrorCode; ec == nil || ec.Line != 1 {
		t.Errorf("file error code = %+v, want its line", ec)
	}
}
