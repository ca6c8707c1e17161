// Package lead holds the RabitIQ lead model and the importer for the lead
// file contract (docs/lead-format.md): the four file shapes, the aliases and
// the tolerant number, date, list and CVR readings that AI-written exports
// need.
package lead

import "encoding/json"

// Number is a numeric lead value that may have arrived as a JSON number or as
// text in Danish or English notation ("12,5 mio.", "DKK 3.4M").
//
// Valid reports whether Value holds a number. When the text could not be
// read as a number, Valid is false and Text keeps what the file said, so the
// lead loses nothing and the Number custom field is simply left unset.
type Number struct {
	Value float64 `json:"value"`
	Valid bool    `json:"valid"`
	Text  string  `json:"text,omitempty"`
}

// Contact is one person to contact at the lead's company.
type Contact struct {
	Name     string `json:"name"`
	Title    string `json:"title,omitempty"`
	Email    string `json:"email,omitempty"`
	Phone    string `json:"phone,omitempty"`
	LinkedIn string `json:"linkedin,omitempty"`
}

// Lead is one company qualified by RabitIQ, normalised from any of the
// accepted file shapes. Long text fields that arrived as arrays are already
// rendered as "• item" lines. Raw keeps the lead's JSON exactly as the file
// had it, so nothing the file said is ever lost.
type Lead struct {
	ID          string `json:"id,omitempty"`
	CompanyName string `json:"companyName"`
	Website     string `json:"website,omitempty"`
	Industry    string `json:"industry,omitempty"`
	Size        string `json:"size,omitempty"`
	Location    string `json:"location,omitempty"`
	Address     string `json:"address,omitempty"`

	// CVR is the normalised Danish company number: digits only when the
	// input could be normalised, otherwise the trimmed input. CVRValid is
	// true only for 8 digits that pass the modulus-11 check; an invalid CVR
	// is kept but never used for matching.
	CVR      string `json:"cvr,omitempty"`
	CVRValid bool   `json:"cvrValid"`

	Score       Number `json:"score"`
	IntentScore Number `json:"intentScore"`

	ReasonForFit         string `json:"reasonForFit,omitempty"`
	Description          string `json:"description,omitempty"`
	BusinessModel        string `json:"businessModel,omitempty"`
	TargetAudience       string `json:"targetAudience,omitempty"`
	Technologies         string `json:"technologies,omitempty"`
	BuyingSignals        string `json:"buyingSignals,omitempty"`
	IntentSignals        string `json:"intentSignals,omitempty"`
	ConversationStarters string `json:"conversationStarters,omitempty"`
	RedFlags             string `json:"redFlags,omitempty"`

	RevenueDKK      Number `json:"revenueDkk"`
	ProfitDKK       Number `json:"profitDkk"`
	Employees       Number `json:"employees"`
	GrowthRatePct   Number `json:"growthRatePct"`
	ProfitMarginPct Number `json:"profitMarginPct"`

	Competitors         string `json:"competitors,omitempty"`
	CompetitiveAnalysis string `json:"competitiveAnalysis,omitempty"`
	MarketAnalysis      string `json:"marketAnalysis,omitempty"`

	Strengths     string `json:"strengths,omitempty"`
	Weaknesses    string `json:"weaknesses,omitempty"`
	Opportunities string `json:"opportunities,omitempty"`
	Threats       string `json:"threats,omitempty"`

	CustomerReviews    string `json:"customerReviews,omitempty"`
	EmployeeReviews    string `json:"employeeReviews,omitempty"`
	GrowthSignals      string `json:"growthSignals,omitempty"`
	IndustryPainPoints string `json:"industryPainPoints,omitempty"`
	JobPostings        string `json:"jobPostings,omitempty"`
	SalesPlaybook      string `json:"salesPlaybook,omitempty"`
	Notes              string `json:"notes,omitempty"`

	// CreatedAt is the lead's creation date as YYYY-MM-DD, or empty. A
	// date that could not be read is kept in CreatedAtText instead.
	CreatedAt     string `json:"createdAt,omitempty"`
	CreatedAtText string `json:"createdAtText,omitempty"`

	Contacts []Contact `json:"contacts,omitempty"`

	// Raw is the lead's JSON exactly as it stood in the file.
	Raw json.RawMessage `json:"-"`
}
