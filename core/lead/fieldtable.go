package lead

//go:generate go test -run ^TestLookupGenerated$ . -generate

import (
	"strings"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// Kind says how a field's value is read from the file and what it holds.
type Kind uint8

// The kinds of lead field.
const (
	KindIdent  Kind = iota // identifying text, a scalar only: identifiers must not be guessed from lists
	KindShort              // one-line text: lists are joined with ", "
	KindLong               // long text: lists become "• item" lines
	KindNumber             // a number or number-like text ("12,5 mio.")
	KindDate               // a date, kept as YYYY-MM-DD or, unreadable, as text
	KindCVR                // a Danish CVR number, normalised and checked
)

// Field describes one value of a Lead: the key that feeds it, how it is
// read, where it goes in SuperOffice and how to reach it in the struct.
// The table of them (fieldTable) is the single place a lead field is
// named; the decoder's key lookup, the lead it builds, the content hash,
// core/fields (the guide's 37 custom fields) and the mapping all walk it.
//
// Adding a field is one Lead struct member, one row at the END of
// fieldTable, `go generate ./core/lead/` (the key switch), the guide's
// words in core/fields if it has a Prog ID, and a test of its reading.
// The rest is checked for every row: TestEveryFieldReachable (the decoder
// reads each spelling, the content hash sees it), core/fields'
// TestEveryNumberedLeadFieldIsHere and core/mapping's
// TestEveryFieldAloneReachesItsCustomField (it is written to SuperOffice).
type Field struct {
	// Key is the canonical key path as the contract spells it: "score",
	// or "financials.revenueDkk" for a key that belongs in the
	// "financials" (or "swot") object. Such nested keys are also read
	// flat beside the lead's other keys, ranked below the nested one.
	Key string
	// Aliases are other names the contract accepts for the key, in its
	// spelling ("userNotes"); they lose to the key when both are present.
	// snake_case and other case or '-' spellings need no alias.
	Aliases []string
	Kind    Kind
	// ProgNo is N of the custom field's Prog ID "RabitIQ:N" in the setup
	// guide, or 0 for a value that goes to a standard SuperOffice field.
	ProgNo int

	need   string     // a lead without this value is rejected with this code
	bounds [2]float64 // a number outside [lo, hi] is kept with a warning (lo < hi)

	str   func(*Lead) *string // the text, for every kind but KindNumber
	num   func(*Lead) *Number // the number, for KindNumber
	valid func(*Lead) *bool   // KindCVR: true when the number passes the check
	kept  func(*Lead) *string // KindDate: the text when it could not be read

	name  string // the last segment of Key, e.g. "revenueDkk"
	scope scope  // where Key belongs
}

// fieldTable holds the rows, in the order warnings are reported and the
// content hash is written. The first hashedV1 rows are hashed in exactly
// this order, so stored hashes stay valid: never reorder or remove them,
// and append new fields at the end (see ContentHash). The decoder finds a
// row by its key through the switch that go generate writes from this
// table into keys_gen.go.
var fieldTable = [...]Field{
	text(KindIdent, "id", 6, func(l *Lead) *string { return &l.ID }),
	text(KindIdent, "companyName", 0, func(l *Lead) *string { return &l.CompanyName }, "name").required(msg.LeadMissing),
	text(KindIdent, "website", 0, func(l *Lead) *string { return &l.Website }),
	text(KindShort, "industry", 3, func(l *Lead) *string { return &l.Industry }),
	text(KindShort, "size", 4, func(l *Lead) *string { return &l.Size }),
	text(KindShort, "location", 5, func(l *Lead) *string { return &l.Location }),
	text(KindLong, "address", 37, func(l *Lead) *string { return &l.Address }),
	{Key: "cvr", Kind: KindCVR, ProgNo: 36, str: func(l *Lead) *string { return &l.CVR }, valid: func(l *Lead) *bool { return &l.CVRValid }},
	number("score", 1, func(l *Lead) *Number { return &l.Score }).within(0, 100),
	number("intentScore", 8, func(l *Lead) *Number { return &l.IntentScore }).within(0, 100),
	text(KindLong, "reasonForFit", 2, func(l *Lead) *string { return &l.ReasonForFit }),
	text(KindLong, "description", 12, func(l *Lead) *string { return &l.Description }),
	text(KindShort, "businessModel", 13, func(l *Lead) *string { return &l.BusinessModel }),
	text(KindShort, "targetAudience", 14, func(l *Lead) *string { return &l.TargetAudience }),
	text(KindLong, "technologies", 15, func(l *Lead) *string { return &l.Technologies }),
	text(KindLong, "buyingSignals", 7, func(l *Lead) *string { return &l.BuyingSignals }),
	text(KindLong, "intentSignals", 9, func(l *Lead) *string { return &l.IntentSignals }),
	text(KindLong, "conversationStarters", 10, func(l *Lead) *string { return &l.ConversationStarters }),
	text(KindLong, "redFlags", 11, func(l *Lead) *string { return &l.RedFlags }),
	number("financials.revenueDkk", 16, func(l *Lead) *Number { return &l.RevenueDKK }, "revenue"),
	number("financials.profitDkk", 17, func(l *Lead) *Number { return &l.ProfitDKK }, "profit"),
	number("financials.employees", 18, func(l *Lead) *Number { return &l.Employees }, "employeeCount"),
	number("financials.growthRatePct", 19, func(l *Lead) *Number { return &l.GrowthRatePct }, "growthRate"),
	number("financials.profitMarginPct", 20, func(l *Lead) *Number { return &l.ProfitMarginPct }, "profitMargin"),
	text(KindLong, "competitors", 21, func(l *Lead) *string { return &l.Competitors }),
	text(KindLong, "competitiveAnalysis", 22, func(l *Lead) *string { return &l.CompetitiveAnalysis }),
	text(KindLong, "marketAnalysis", 23, func(l *Lead) *string { return &l.MarketAnalysis }),
	text(KindLong, "swot.strengths", 24, func(l *Lead) *string { return &l.Strengths }),
	text(KindLong, "swot.weaknesses", 25, func(l *Lead) *string { return &l.Weaknesses }),
	text(KindLong, "swot.opportunities", 26, func(l *Lead) *string { return &l.Opportunities }),
	text(KindLong, "swot.threats", 27, func(l *Lead) *string { return &l.Threats }),
	text(KindLong, "customerReviews", 28, func(l *Lead) *string { return &l.CustomerReviews }),
	text(KindLong, "employeeReviews", 29, func(l *Lead) *string { return &l.EmployeeReviews }),
	text(KindLong, "growthSignals", 30, func(l *Lead) *string { return &l.GrowthSignals }),
	text(KindLong, "industryPainPoints", 31, func(l *Lead) *string { return &l.IndustryPainPoints }),
	text(KindLong, "jobPostings", 32, func(l *Lead) *string { return &l.JobPostings }),
	text(KindLong, "salesPlaybook", 33, func(l *Lead) *string { return &l.SalesPlaybook }),
	text(KindLong, "notes", 34, func(l *Lead) *string { return &l.Notes }, "userNotes"),
	{Key: "createdAt", Kind: KindDate, ProgNo: 35, str: func(l *Lead) *string { return &l.CreatedAt }, kept: func(l *Lead) *string { return &l.CreatedAtText }},
}

// numFields is the number of value slots a lead has, one per row.
const numFields = len(fieldTable)

// field is the index of a row of fieldTable.
type field uint8

func text(k Kind, key string, no int, get func(*Lead) *string, aliases ...string) Field {
	return Field{Key: key, Aliases: aliases, Kind: k, ProgNo: no, str: get}
}

func number(key string, no int, get func(*Lead) *Number, aliases ...string) Field {
	return Field{Key: key, Aliases: aliases, Kind: KindNumber, ProgNo: no, num: get}
}

func (f Field) required(code string) Field { f.need = code; return f }

func (f Field) within(lo, hi float64) Field { f.bounds = [2]float64{lo, hi}; return f }

func init() {
	for i := range fieldTable {
		f := &fieldTable[i]
		parent, name, nested := strings.Cut(f.Key, ".")
		f.name = parent
		if nested {
			f.name, f.scope = name, scopeOf(parent)
		}
	}
}

// Fields returns the lead's fields in table order. The slice is a copy.
func Fields() []Field {
	return append([]Field(nil), fieldTable[:]...)
}

// Text returns the field's text in l: "" for a number, and for a date
// that could not be read (see Kept).
func (f Field) Text(l *Lead) string {
	if f.str == nil {
		return ""
	}
	return *f.str(l)
}

// Num returns the field's number in l; it is invalid for a field that is
// not a number.
func (f Field) Num(l *Lead) Number {
	if f.num == nil {
		return Number{}
	}
	return *f.num(l)
}

// Kept returns what the file said for a date that could not be read, so
// it can be reported rather than lost; "" for every other field.
func (f Field) Kept(l *Lead) string {
	if f.kept == nil {
		return ""
	}
	return *f.kept(l)
}

// outside reports whether a number is outside the field's bounds.
func (f *Field) outside(n Number) bool {
	lo, hi := f.bounds[0], f.bounds[1]
	// Written as "not below and not above" so NaN, never outside, passes.
	return lo < hi && n.Valid && (n.Value < lo || n.Value > hi)
}
