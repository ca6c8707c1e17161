package mapping

import (
	"bytes"
	"encoding/json"
	"github.com/rabitiq/superoffice-sync/core/msg"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// TestPreviewJSONShape pins the document the preview command prints: four
// keys in the order, customFields in field order, persons without
// Contact, warnings as Danish lines.
func TestPreviewJSONShape(t *testing.T) {
	p, _ := Map(&lead.Lead{
		CompanyName: "R&D <Test> ApS", Location: "Mars", Score: num(87), Industry: "IT", ID: "rq-1",
		Contacts: []lead.Contact{{Name: "Lars Hansen", Email: "lars@x.dk"}},
	}, TenantInfo{})
	js, err := p.PreviewJSON()
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(js))
	var keys []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				depth++
			} else {
				depth--
			}
		case string:
			if depth == 1 && dec.More() {
				keys = append(keys, v)
				var skip json.RawMessage
				if err := dec.Decode(&skip); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	// Made offline, the preview says its lengths are the documented ones.
	if strings.Join(keys, ",") != "contact,customFields,persons,warnings,warningCodes,note" {
		t.Errorf("top-level keys = %v", keys)
	}
	if !strings.Contains(string(js), `"note": "Længderne er SuperOffices dokumenterede standard`) {
		t.Errorf("offline preview without its note:\n%s", js)
	}
	if !strings.Contains(string(js), `"RabitIQ:1": "[I:87]",
    "RabitIQ:3": "IT"`) {
		t.Errorf("customFields not in field order:\n%s", js)
	}
	if !strings.Contains(string(js), `"R&D <Test> ApS"`) {
		t.Errorf("HTML-escaped output:\n%s", js)
	}
	if strings.Contains(string(js), `"Contact"`) {
		t.Errorf("persons carry Contact:\n%s", js)
	}
	var doc struct {
		Warnings []string `json:"warnings"`
	}
	if err := json.Unmarshal(js, &doc); err != nil || len(doc.Warnings) != 1 || !strings.HasPrefix(doc.Warnings[0], "Country sat til Danmark") {
		t.Errorf("warnings = %v (%v)", doc.Warnings, err)
	}
}

// TestPreviewEmptyPlan prints empty arrays, not null, for a plan with
// nothing in it.
func TestPreviewEmptyPlan(t *testing.T) {
	js, err := Plan{}.PreviewJSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"customFields": {}`, `"persons": []`, `"warnings": []`} {
		if !strings.Contains(string(js), want) {
			t.Errorf("missing %s in\n%s", want, js)
		}
	}
}

// A warning names its field (a custom field by its label too) and reads
// in the language asked for.
func TestWarningText(t *testing.T) {
	for _, c := range []struct {
		w      Warning
		da, en string
	}{
		{Warning{"Name", msg.New(msg.MapTruncated, "from", 250, "to", 219)}, "Name afkortet fra 250 til 219 tegn", "Name cut from 250 to 219 characters"},
		{Warning{"RabitIQ:19", msg.New(msg.MapRounded, "from", 12.5, "to", 13.0)},
			"RabitIQ:19 (Vækstrate %) afrundet fra 12,5 til 13 (feltet er et heltalsfelt; gør det til Decimal for at beholde decimalerne)",
			"RabitIQ:19 (Growth Rate %) rounded from 12.5 to 13 (the field holds whole numbers; make it a Decimal to keep the decimals)"},
		{Warning{"", msg.New(msg.MapNoLead)}, "Intet lead at overføre", "No lead to send"},
		{Warning{"Persons[1].Emails", msg.New(msg.MapEmailInvalid, "value", `"x"`)}, `Persons[1].Emails sendes ikke: "x" er ikke en gyldig e-mailadresse`, `Persons[1].Emails not sent: "x" is not a valid e-mail address`},
	} {
		if got := c.w.Text(msg.Danish); got != c.da {
			t.Errorf("Danish %q, want %q", got, c.da)
		}
		if got := c.w.Text(msg.English); got != c.en {
			t.Errorf("English %q, want %q", got, c.en)
		}
	}
}

func TestNilLead(t *testing.T) {
	p, ws := Map(nil, TenantInfo{})
	if len(ws) != 1 || p.CustomFields == nil {
		t.Errorf("nil lead: %+v %v", p, ws)
	}
}

// TestContactBodyCopies keeps the plan's CustomFields apart from the body.
func TestContactBodyCopies(t *testing.T) {
	p, _ := Map(fullDanishLead(), TenantInfo{})
	body := p.ContactBody()
	body.CustomFields["RabitIQ:1"] = "changed"
	if p.CustomFields["RabitIQ:1"] != "[I:43]" || p.Contact.CustomFields != nil {
		t.Error("ContactBody shares its map with the plan")
	}
}
