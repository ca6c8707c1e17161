// Package fields is the one table of the 37 RabitIQ custom fields that the
// setup guide asks a SuperOffice admin to create. The import contract, the
// mapping, the field-setup check, the UI checklist and the docs all read
// this table, so a field is described in exactly one place.
package fields

import (
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

// Category is a group of fields as in the guide's chapter 3.
type Category struct {
	Key     string // stable identifier, used in translations and tests
	NameDA  string // the guide's heading
	NameEN  string
	Ranges  string // the guide's Prog ID ranges, e.g. "12-15, 36-37"
	Members []int  // field numbers in display order
}

// Field is one of the 37 RabitIQ custom fields.
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

	text func(*lead.Lead) string
	num  func(*lead.Lead) lead.Number
}

// IsNumeric reports whether the field holds a number rather than text.
func (f Field) IsNumeric() bool { return f.Type == Number || f.Type == Decimal }

// Text returns the lead's text value for a text field ("" for numeric ones).
func (f Field) Text(l *lead.Lead) string {
	if f.text == nil {
		return ""
	}
	return f.text(l)
}

// Num returns the lead's numeric value for a numeric field (invalid for text ones).
func (f Field) Num(l *lead.Lead) lead.Number {
	if f.num == nil {
		return lead.Number{}
	}
	return f.num(l)
}

func t(no int, da, en string, typ Type, dDA, dEN, key string, get func(*lead.Lead) string) Field {
	return Field{No: no, LabelDA: da, LabelEN: en, Type: typ, DescriptionDA: dDA, DescriptionEN: dEN, LeadKey: key, text: get}
}

func n(no int, da, en string, dDA, dEN, key string, get func(*lead.Lead) lead.Number) Field {
	return Field{No: no, LabelDA: da, LabelEN: en, Type: Number, DescriptionDA: dDA, DescriptionEN: dEN, LeadKey: key, num: get}
}

var all = []Field{
	n(1, "RabitIQ Score", "RabitIQ Score", "Lead score 0-100", "Lead score 0-100", "score", func(l *lead.Lead) lead.Number { return l.Score }),
	t(2, "Fit Begrundelse", "Fit Reasoning", LongText, "AI-begrundelse", "AI reasoning", "reasonForFit", func(l *lead.Lead) string { return l.ReasonForFit }),
	t(3, "Branche", "Industry", Text, "Virksomhedens branche", "The company's industry", "industry", func(l *lead.Lead) string { return l.Industry }),
	t(4, "Størrelse", "Size", Text, `Fx "51-200"`, `E.g. "51-200"`, "size", func(l *lead.Lead) string { return l.Size }),
	t(5, "Lokation", "Location", Text, "Geografisk placering", "Geographic location", "location", func(l *lead.Lead) string { return l.Location }),
	t(6, "RabitIQ Lead ID", "RabitIQ Lead ID", Text, "Reference-ID", "Reference ID", "id", func(l *lead.Lead) string { return l.ID }),
	t(7, "Købssignaler", "Buying Signals", LongText, "Identificerede signaler", "Identified signals", "buyingSignals", func(l *lead.Lead) string { return l.BuyingSignals }),
	n(8, "Intent Score", "Intent Score", "Købsintent 0-100", "Purchase intent 0-100", "intentScore", func(l *lead.Lead) lead.Number { return l.IntentScore }),
	t(9, "Intent Signaler", "Intent Signals", LongText, "Detaljerede signaler", "Detailed signals", "intentSignals", func(l *lead.Lead) string { return l.IntentSignals }),
	t(10, "Samtalestartere", "Conversation Starters", LongText, "Forslag til åbnere", "Suggested openers", "conversationStarters", func(l *lead.Lead) string { return l.ConversationStarters }),
	t(11, "Red Flags", "Red Flags", LongText, "Advarsler/risici", "Warnings/risks", "redFlags", func(l *lead.Lead) string { return l.RedFlags }),
	t(12, "Beskrivelse", "Description", LongText, "Virksomhedsbeskrivelse", "Company description", "description", func(l *lead.Lead) string { return l.Description }),
	t(13, "Forretningsmodel", "Business Model", Text, "Business model", "Business model", "businessModel", func(l *lead.Lead) string { return l.BusinessModel }),
	t(14, "Målgruppe", "Target Audience", Text, "Target audience", "Target audience", "targetAudience", func(l *lead.Lead) string { return l.TargetAudience }),
	t(15, "Teknologier", "Technologies", LongText, "Teknologier virksomheden bruger", "Technologies the company uses", "technologies", func(l *lead.Lead) string { return l.Technologies }),
	n(16, "Omsætning DKK", "Revenue DKK", "Seneste års omsætning", "Last year's revenue", "financials.revenueDkk", func(l *lead.Lead) lead.Number { return l.RevenueDKK }),
	n(17, "Resultat DKK", "Profit DKK", "Seneste års resultat", "Last year's profit", "financials.profitDkk", func(l *lead.Lead) lead.Number { return l.ProfitDKK }),
	n(18, "Antal ansatte", "Employees", "Antal medarbejdere", "Number of employees", "financials.employees", func(l *lead.Lead) lead.Number { return l.Employees }),
	n(19, "Vækstrate %", "Growth Rate %", "Årlig vækstrate", "Annual growth rate", "financials.growthRatePct", func(l *lead.Lead) lead.Number { return l.GrowthRatePct }),
	n(20, "Profitmargin %", "Profit Margin %", "Profitmargin", "Profit margin", "financials.profitMarginPct", func(l *lead.Lead) lead.Number { return l.ProfitMarginPct }),
	t(21, "Konkurrenter", "Competitors", LongText, "Liste over konkurrenter", "List of competitors", "competitors", func(l *lead.Lead) string { return l.Competitors }),
	t(22, "Konkurrenceanalyse", "Competitive Analysis", LongText, "AI-genereret konkurrenceanalyse", "AI-generated competitive analysis", "competitiveAnalysis", func(l *lead.Lead) string { return l.CompetitiveAnalysis }),
	t(23, "Markedsanalyse", "Market Analysis", LongText, "Markedsanalyse og trends", "Market analysis and trends", "marketAnalysis", func(l *lead.Lead) string { return l.MarketAnalysis }),
	t(24, "Styrker", "Strengths", LongText, "SWOT: Strengths", "SWOT: Strengths", "swot.strengths", func(l *lead.Lead) string { return l.Strengths }),
	t(25, "Svagheder", "Weaknesses", LongText, "SWOT: Weaknesses", "SWOT: Weaknesses", "swot.weaknesses", func(l *lead.Lead) string { return l.Weaknesses }),
	t(26, "Muligheder", "Opportunities", LongText, "SWOT: Opportunities", "SWOT: Opportunities", "swot.opportunities", func(l *lead.Lead) string { return l.Opportunities }),
	t(27, "Trusler", "Threats", LongText, "SWOT: Threats", "SWOT: Threats", "swot.threats", func(l *lead.Lead) string { return l.Threats }),
	t(28, "Kundeanmeldelser", "Customer Reviews", LongText, "Sammenfatning af kundeanmeldelser", "Summary of customer reviews", "customerReviews", func(l *lead.Lead) string { return l.CustomerReviews }),
	t(29, "Medarbejderanmeldelser", "Employee Reviews", LongText, "Sammenfatning fra Glassdoor m.fl.", "Summary from Glassdoor and others", "employeeReviews", func(l *lead.Lead) string { return l.EmployeeReviews }),
	t(30, "Vækstsignaler", "Growth Signals", LongText, "Identificerede vækstsignaler", "Identified growth signals", "growthSignals", func(l *lead.Lead) string { return l.GrowthSignals }),
	t(31, "Branche-udfordringer", "Industry Pain Points", LongText, "Industry pain points", "Industry pain points", "industryPainPoints", func(l *lead.Lead) string { return l.IndustryPainPoints }),
	t(32, "Åbne stillinger", "Open Positions", LongText, "Jobopslag og hiring signals", "Job postings and hiring signals", "jobPostings", func(l *lead.Lead) string { return l.JobPostings }),
	t(33, "AI Salgsplaybook", "AI Sales Playbook", LongText, "AI-genereret salgsplaybook", "AI-generated sales playbook", "salesPlaybook", func(l *lead.Lead) string { return l.SalesPlaybook }),
	t(34, "Brugernoter", "User Notes", LongText, "Dine noter fra RabitIQ", "Your notes from RabitIQ", "notes", func(l *lead.Lead) string { return l.Notes }),
	t(35, "Oprettet dato", "Created Date", Text, "Hvornår lead blev oprettet (YYYY-MM-DD)", "When the lead was created (YYYY-MM-DD)", "createdAt", func(l *lead.Lead) string { return l.CreatedAt }),
	t(36, "CVR-nummer", "CVR Number", Text, "Dansk virksomhedsregistreringsnummer", "Danish company registration number", "cvr", func(l *lead.Lead) string { return l.CVR }),
	t(37, "Adresse", "Address", LongText, "Fuld virksomhedsadresse", "Full company address", "address", func(l *lead.Lead) string { return l.Address }),
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

func init() {
	for i := range all {
		f := &all[i]
		f.ProgID = ProgID(f.No)
		last := f.LeadKey[strings.LastIndexByte(f.LeadKey, '.')+1:]
		f.ExtraName = "x_rabitiq_" + snake(last)
	}
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
