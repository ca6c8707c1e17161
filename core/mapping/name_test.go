package mapping

import (
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// TestSplitNameIssueExamples are the issue's own rules.
func TestSplitNameIssueExamples(t *testing.T) {
	for in, want := range map[string][3]string{
		"Lars Løkke Rasmussen":  {"Lars", "Løkke", "Rasmussen"},
		"Lars":                  {"Lars", "", ""},
		"Rasmussen, Lars Løkke": {"Lars", "Løkke", "Rasmussen"},
		"Hansen, Lars":          {"Lars", "", "Hansen"},
	} {
		f, m, l := splitName(in)
		if [3]string{f, m, l} != want {
			t.Errorf("splitName(%q) = %q / %q / %q, want %q", in, f, m, l, want)
		}
	}
}

// TestSplitNames records the name forms in testdata/names.json.
func TestSplitNames(t *testing.T) {
	inputs := []string{
		"Lars Hansen", "Mette Marie Jensen", "Lars Løkke Rasmussen", "Anne Sofie Møller Hansen", "Søren",
		"Rasmussen, Lars Løkke", "Møller Hansen, Anne", "van der Berg, Jan", "Hansen ,Lars", "Hansen,",
		"Ludwig van Beethoven", "Ursula von der Leyen", "Anne-Marie de la Cour", "Vincent Van Gogh",
		"Dr. Hans Jensen", "Hr. Jens (Jensemand) Jensen", "Fru Mette Frederiksen", "Prof. Dr. Karl Müller",
		"John Smith Jr.", "Smith, John, Jr.", "John Smith, Jr.", "Lars Hansen, CEO", "Mary Ann O'Brien",
		"  lars   HANSEN  ", "Ævar Þór Ólafsson", "李 小龍", "Jean-Luc Picard", "Ole [ikke længere ansat] Olsen",
		"Jr.", "", ",", "(ingen)",
	}
	type result struct {
		Input      string `json:"input"`
		Firstname  string `json:"firstname"`
		MiddleName string `json:"middleName"`
		Lastname   string `json:"lastname"`
	}
	var out []result
	for _, in := range inputs {
		f, m, l := splitName(in)
		out = append(out, result{in, f, m, l})
	}
	goldenJSON(t, "names.json", out)
}

// TestPersonsWithoutName derive the name from the e-mail address, and a
// contact with neither is left out with a warning.
func TestPersonsWithoutName(t *testing.T) {
	p, ws := Map(&lead.Lead{CompanyName: "X", Location: "DK", Contacts: []lead.Contact{
		{Email: "lars.l.hansen@x.dk"}, {Title: "CEO"}, {Name: " ", Email: "info@x.dk"}, {Name: "(ingen)", Email: "1234@x.dk"},
	}}, TenantInfo{})
	if len(p.Persons) != 3 {
		t.Fatalf("persons = %+v", p.Persons)
	}
	if got := p.Persons[0]; got.FullName != "Lars L Hansen" || got.Index != 0 || got.Person.Lastname != "Hansen" {
		t.Errorf("person 0 = %+v", got)
	}
	if got := p.Persons[1]; got.FullName != "Info" || got.Index != 2 || got.Email != "info@x.dk" {
		t.Errorf("person 1 = %+v", got)
	}
	if got := p.Persons[2]; got.FullName != "1234" || got.Index != 3 {
		t.Errorf("person 2 = %+v", got)
	}
	if len(ws) != 4 {
		t.Errorf("warnings = %v", warningStrings(ws))
	}
}
