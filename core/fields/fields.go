// Package fields is the table of the 37 RabitIQ custom fields that the
// setup guide asks a SuperOffice admin to create. The mapping, the
// field-setup check, the UI checklist and the docs all read it. It is
// built from core/lead's field table (the lead key, kind and Prog ID of
// each field) and the guide's words for each field number, so a field is
// described in exactly one place.
package fields

import (
	"sort"
	"strconv"
	"strings"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// Type is the SuperOffice user-defined field type a field wants.
type Type string

// The field types the guide uses. Decimal is not in the guide but a tenant
// admin may pick it for the percentages, and the mapping encodes it.
const (
	Number   Type = "Number"
	Decimal  Type = "Decimal"
	Text     Type = "Text"
	LongText Type = "LongText"
)

// GuideName is the type as the guide and SuperOffice's field editor name
// it ("Text (Long)", not the API's "LongText"), the words an admin looks
// for when choosing the type.
func (t Type) GuideName() string {
	if t == LongText {
		return "Text (Long)"
	}
	return string(t)
}

// Category is a group of fields as in the guide's chapter 3.
type Category struct {
	Key     string // stable identifier, used in translations and tests
	NameDA  string // the guide's heading
	NameEN  string
	Ranges  string // the guide's Prog ID ranges, e.g. "12-15, 36-37"
	Members []int  // field numbers in display order
}

// Field is one of the 37 RabitIQ custom fields: a lead field with a Prog
// ID (core/lead's field table says which) and the guide's words for it.
type Field struct {
	No            int    // 1..37
	ProgID        string // "RabitIQ:N", the key the guide tells admins to set
	LabelDA       string // the guide's field name
	LabelEN       string
	Type          Type
	DescriptionDA string // the guide's description column
	DescriptionEN string
	LeadKey       string // canonical key path in the lead file, e.g. "financials.revenueDkk"
	// ExtraName is the extra-field (x_) name an admin may have used instead
	// of a user-defined field, e.g. "x_rabitiq_score".
	ExtraName string

	lead lead.Field
}

// IsNumeric reports whether the field holds a number rather than text.
func (f Field) IsNumeric() bool { return f.Type == Number || f.Type == Decimal }

// Kind says what the lead value holds, e.g. lead.KindDate for the created
// date, which the mapping prepares itself.
func (f Field) Kind() lead.Kind { return f.lead.Kind }

// Text returns the lead's text value for a text field ("" for numeric ones).
func (f Field) Text(l *lead.Lead) string { return f.lead.Text(l) }

// Num returns the lead's numeric value for a numeric field (invalid for text ones).
func (f Field) Num(l *lead.Lead) lead.Number { return f.lead.Num(l) }

// Kept returns what the lead file said for a date that could not be read
// ("" for every other field), so the mapping can report it.
func (f Field) Kept(l *lead.Lead) string { return f.lead.Kept(l) }

// words is the guide's table row for a field: label and description.
type words struct{ labelDA, labelEN, descDA, descEN string }

// guide holds the guide's words by field number. Which lead value a
// number holds, and its type, come from core/lead's field table.
var guide = [...]words{
	1:  {"RabitIQ Score", "RabitIQ Score", "Lead score 0-100", "Lead score 0-100"},
	2:  {"Fit Begrundelse", "Fit Reasoning", "AI-begrundelse", "AI reasoning"},
	3:  {"Branche", "Industry", "Virksomhedens branche", "The company's industry"},
	4:  {"Størrelse", "Size", `Fx "51-200"`, `E.g. "51-200"`},
	5:  {"Lokation", "Location", "Geografisk placering", "Geographic location"},
	6:  {"RabitIQ Lead ID", "RabitIQ Lead ID", "Reference-ID", "Reference ID"},
	7:  {"Købssignaler", "Buying Signals", "Identificerede signaler", "Identified signals"},
	8:  {"Intent Score", "Intent Score", "Købsintent 0-100", "Purchase intent 0-100"},
	9:  {"Intent Signaler", "Intent Signals", "Detaljerede signaler", "Detailed signals"},
	10: {"Samtalestartere", "Conversation Starters", "Forslag til åbnere", "Suggested openers"},
	11: {"Red Flags", "Red Flags", "Advarsler/risici", "Warnings/risks"},
	12: {"Beskrivelse", "Description", "Virksomhedsbeskrivelse", "Company description"},
	13: {"Forretningsmodel", "Business Model", "Forretningsmodel", "Business model"},
	14: {"Målgruppe", "Target Audience", "Målgruppe", "Target audience"},
	15: {"Teknologier", "Technologies", "Teknologier virksomheden bruger", "Technologies the company uses"},
	16: {"Omsætning DKK", "Revenue DKK", "Seneste års omsætning", "Last year's revenue"},
	17: {"Resultat DKK", "Profit DKK", "Seneste års resultat", "Last year's profit"},
	18: {"Antal ansatte", "Employees", "Antal medarbejdere", "Number of employees"},
	19: {"Vækstrate %", "Growth Rate %", "Årlig vækstrate", "Annual growth rate"},
	20: {"Profitmargin %", "Profit Margin %", "Profitmargin", "Profit margin"},
	21: {"Konkurrenter", "Competitors", "Liste over konkurrenter", "List of competitors"},
	22: {"Konkurrenceanalyse", "Competitive Analysis", "AI-genereret konkurrenceanalyse", "AI-generated competitive analysis"},
	23: {"Markedsanalyse", "Market Analysis", "Markedsanalyse og trends", "Market analysis and trends"},
	24: {"Styrker", "Strengths", "SWOT: Styrker", "SWOT: Strengths"},
	25: {"Svagheder", "Weaknesses", "SWOT: Svagheder", "SWOT: Weaknesses"},
	26: {"Muligheder", "Opportunities", "SWOT: Muligheder", "SWOT: Opportunities"},
	27: {"Trusler", "Threats", "SWOT: Trusler", "SWOT: Threats"},
	28: {"Kundeanmeldelser", "Customer Reviews", "Sammenfatning af kundeanmeldelser", "Summary of customer reviews"},
	29: {"Medarbejderanmeldelser", "Employee Reviews", "Sammenfatning fra Glassdoor m.fl.", "Summary from Glassdoor and others"},
	30: {"Vækstsignaler", "Growth Signals", "Identificerede vækstsignaler", "Identified growth signals"},
	31: {"Branche-udfordringer", "Industry Pain Points", "Branche-udfordringer", "Industry pain points"},
	32: {"Åbne stillinger", "Open Positions", "Jobopslag og rekrutteringssignaler", "Job postings and hiring signals"},
	33: {"AI Salgsplaybook", "AI Sales Playbook", "AI-genereret salgsplaybook", "AI-generated sales playbook"},
	34: {"Brugernoter", "User Notes", "Dine noter fra RabitIQ", "Your notes from RabitIQ"},
	35: {"Oprettet dato", "Created Date", "Hvornår lead blev oprettet (YYYY-MM-DD)", "When the lead was created (YYYY-MM-DD)"},
	36: {"CVR-nummer", "CVR Number", "Dansk virksomhedsregistreringsnummer", "Danish company registration number"},
	37: {"Adresse", "Address", "Fuld virksomhedsadresse", "Full company address"},
}

var all = build()

// build joins core/lead's fields that have a Prog ID with the guide's
// words, in field-number order.
func build() []Field {
	var out []Field
	for _, lf := range lead.Fields() {
		if lf.ProgNo <= 0 {
			continue
		}
		var w words
		if lf.ProgNo < len(guide) {
			w = guide[lf.ProgNo]
		}
		last := lf.Key[strings.LastIndexByte(lf.Key, '.')+1:]
		out = append(out, Field{
			No: lf.ProgNo, ProgID: ProgID(lf.ProgNo), Type: typeOf(lf.Kind), LeadKey: lf.Key,
			LabelDA: w.labelDA, LabelEN: w.labelEN, DescriptionDA: w.descDA, DescriptionEN: w.descEN,
			ExtraName: "x_rabitiq_" + snake(last), lead: lf,
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].No < out[j].No })
	return out
}

// typeOf is the field type the guide asks for a kind of lead value.
func typeOf(k lead.Kind) Type {
	switch k {
	case lead.KindNumber:
		return Number
	case lead.KindLong:
		return LongText
	}
	return Text
}

var categories = []Category{
	{Key: "basic", NameDA: "Grundlæggende", NameEN: "Basics", Ranges: "1-6", Members: []int{1, 2, 3, 4, 5, 6}},
	{Key: "sales", NameDA: "Salgsintelligens", NameEN: "Sales intelligence", Ranges: "7-11", Members: []int{7, 8, 9, 10, 11}},
	{Key: "company", NameDA: "Virksomhedsinfo", NameEN: "Company info", Ranges: "12-15, 36-37", Members: []int{12, 13, 14, 15, 36, 37}},
	{Key: "financial", NameDA: "Finansiel data", NameEN: "Financial data", Ranges: "16-20", Members: []int{16, 17, 18, 19, 20}},
	{Key: "competition", NameDA: "Konkurrenter & marked", NameEN: "Competitors & market", Ranges: "21-23", Members: []int{21, 22, 23}},
	{Key: "swot", NameDA: "SWOT", NameEN: "SWOT", Ranges: "24-27", Members: []int{24, 25, 26, 27}},
	{Key: "reviews", NameDA: "Anmeldelser & signaler", NameEN: "Reviews & signals", Ranges: "28-31", Members: []int{28, 29, 30, 31}},
	{Key: "playbook", NameDA: "Jobopslag & playbook", NameEN: "Job postings & playbook", Ranges: "32-33", Members: []int{32, 33}},
	{Key: "notes", NameDA: "Noter & metadata", NameEN: "Notes & metadata", Ranges: "34-35", Members: []int{34, 35}},
}

// ProgID returns the guide's Prog ID for field number no.
func ProgID(no int) string {
	return "RabitIQ:" + strconv.Itoa(no)
}

func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// All returns the 37 fields in field-number order. The slice is a copy.
func All() []Field {
	return append([]Field(nil), all...)
}

// ByNo returns field number no (1..37).
func ByNo(no int) (Field, bool) {
	if no < 1 || no > len(all) {
		return Field{}, false
	}
	return all[no-1], true
}

// ByProgID returns the field with the given Prog ID ("RabitIQ:N").
func ByProgID(id string) (Field, bool) {
	for _, f := range all {
		if strings.EqualFold(f.ProgID, id) {
			return f, true
		}
	}
	return Field{}, false
}

// Categories returns the guide's field groups in the guide's order.
func Categories() []Category {
	out := make([]Category, len(categories))
	for i, c := range categories {
		c.Members = append([]int(nil), c.Members...)
		out[i] = c
	}
	return out
}
