package fields

import (
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

func TestTableIsComplete(t *testing.T) {
	all := All()
	if len(all) != 37 {
		t.Fatalf("len(All()) = %d, want 37", len(all))
	}
	seenKey := map[string]bool{}
	seenExtra := map[string]bool{}
	for i, f := range all {
		if f.No != i+1 {
			t.Errorf("field %d has No %d", i+1, f.No)
		}
		if f.ProgID != ProgID(i+1) {
			t.Errorf("field %d ProgID = %q", f.No, f.ProgID)
		}
		if f.LabelDA == "" || f.LabelEN == "" || f.DescriptionDA == "" || f.DescriptionEN == "" {
			t.Errorf("field %d lacks a label or description: %+v", f.No, f)
		}
		if seenKey[f.LeadKey] || seenExtra[f.ExtraName] {
			t.Errorf("field %d repeats key %q / %q", f.No, f.LeadKey, f.ExtraName)
		}
		seenKey[f.LeadKey], seenExtra[f.ExtraName] = true, true
	}
	// Every guide row belongs to a lead field with that Prog ID, so a
	// number cannot have words but no value, or a value but no words.
	if len(guide) != len(all)+1 || guide[0] != (words{}) {
		t.Errorf("the guide has %d rows for %d lead fields", len(guide)-1, len(all))
	}
	if got := all[15].ExtraName; got != "x_rabitiq_revenue_dkk" {
		t.Errorf("field 16 ExtraName = %q", got)
	}
}

// Every lead field with a Prog ID is the custom field of that number: a
// row added to core/lead's field table needs only its words in guide.
func TestEveryNumberedLeadFieldIsHere(t *testing.T) {
	n := 0
	for _, lf := range lead.Fields() {
		if lf.ProgNo == 0 {
			continue
		}
		n++
		f, ok := ByNo(lf.ProgNo)
		if !ok || f.LeadKey != lf.Key || f.Kind() != lf.Kind || f.IsNumeric() != (lf.Kind == lead.KindNumber) {
			t.Errorf("lead field %s (Prog ID %d) is field %+v", lf.Key, lf.ProgNo, f)
		}
	}
	if n != len(All()) {
		t.Errorf("%d lead fields have a Prog ID, %d custom fields", n, len(All()))
	}
}

func TestCategoriesCoverEveryFieldOnce(t *testing.T) {
	count := map[int]int{}
	for _, c := range Categories() {
		for _, no := range c.Members {
			count[no]++
		}
	}
	for no := 1; no <= 37; no++ {
		if count[no] != 1 {
			t.Errorf("field %d is in %d categories", no, count[no])
		}
	}
	if c := Categories()[2]; c.NameDA != "Virksomhedsinfo" || c.Members[4] != 36 {
		t.Errorf("Virksomhedsinfo = %+v", c)
	}
}

func TestAccessors(t *testing.T) {
	l := &lead.Lead{ID: "rq-1", CVR: "12345674", Score: lead.Number{Value: 87, Valid: true}, Threats: "• x"}
	if f, _ := ByNo(6); f.Text(l) != "rq-1" {
		t.Errorf("field 6 = %q", f.Text(l))
	}
	if f, _ := ByProgID("rabitiq:36"); f.Text(l) != "12345674" {
		t.Errorf("field 36 = %q", f.Text(l))
	}
	if f, _ := ByNo(1); !f.Num(l).Valid || f.Num(l).Value != 87 || f.Text(l) != "" {
		t.Errorf("field 1 = %+v", f.Num(l))
	}
	if f, _ := ByNo(27); f.Text(l) != "• x" {
		t.Errorf("field 27 = %q", f.Text(l))
	}
	if _, ok := ByNo(38); ok {
		t.Error("ByNo(38) found a field")
	}
}

// The Danish descriptions are the checklist's Danish text: no English
// words from the guide's English cells ("Business model", "SWOT:
// Strengths", "hiring signals") may stand in a Danish sentence.
func TestDanishDescriptionsAreDanish(t *testing.T) {
	english := []string{"business", "target", "audience", "strength", "weakness", "opportunit", "threat", "industry", "pain", "hiring", "signals"}
	for _, f := range All() {
		d := strings.ToLower(f.DescriptionDA)
		for _, w := range english {
			if strings.Contains(d, w) {
				t.Errorf("%s: Danish description %q has the English word %q", f.ProgID, f.DescriptionDA, w)
			}
		}
	}
}

// GuideName is the type as the guide names it, for advice and the CLI.
func TestGuideTypeNames(t *testing.T) {
	for typ, want := range map[Type]string{Number: "Number", Text: "Text", LongText: "Text (Long)", Decimal: "Decimal"} {
		if got := typ.GuideName(); got != want {
			t.Errorf("%s.GuideName() = %q, want %q", typ, got, want)
		}
	}
}
