// Package fieldsetup checks a SuperOffice tenant against the 37 RabitIQ
// custom fields the setup guide asks the admin to create, and tells the
// mapping which tenant key, type and length each field really has.
//
// A field is looked for on companies first, in three passes over all 37
// fields so that a stronger match always wins over a weaker one:
//
//  1. by Prog ID ("RabitIQ:N", case-insensitive), the key the guide asks for;
//  2. by extra-field name (fields.Field.ExtraName, e.g. x_rabitiq_score),
//     for admins who made database fields instead of user-defined ones;
//  3. by label, Danish or English, ignoring case, accents, spacing and
//     punctuation, in any language part of a multi-language label.
//
// Extra names are tried before labels (the brief listed them last): both
// are exact identifiers of ours, while a label such as "Branche" may well
// belong to an unrelated field the tenant already had. Each tenant field
// is used for at most one RabitIQ field. A field not found on companies is
// looked for on persons the same way and reported "on-person".
//
// Only a Prog ID match is written on its own. A company field found by
// extra name or label is "suggested": it may be someone else's field, so
// the exporter leaves it alone until the admin confirms it in the field
// setup screen (CheckConfirmed). A confirmed field is used only while the
// tenant still has it with a usable type.
package fieldsetup

import (
	"context"
	"fmt"
	"sync"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// Status is the outcome for one field.
type Status string

// The outcomes. Only Present fields are written by the exporter: a
// Suggested field is a company field of a usable type found by extra name
// or label, which the admin must confirm before anything is written to it.
const (
	Present   Status = "present"
	Missing   Status = "missing"
	WrongType Status = "wrong-type"
	OnPerson  Status = "on-person"
	Suggested Status = "suggested"
)

// How a field was found, in Result.MatchedBy.
const (
	ByProgID    = "progid"
	ByConfirmed = "confirmed" // the admin confirmed this tenant field
	ByExtra     = "extra"
	ByLabel     = "label"
)

// Result is the check of one RabitIQ field.
type Result struct {
	Field      fields.Field
	Status     Status
	TenantKey  string // CustomFields key on the tenant; empty when missing
	TenantType string // the tenant's type name, e.g. "ShortText" or "Integer"
	TextLength int    // characters, for user-defined text fields; 0 when unknown
	MatchedBy  string // ByProgID, ByConfirmed, ByExtra or ByLabel; empty when missing
	Note       string // English, for the log and the checklist's tooltip
	// ConfirmedKey is the tenant field the admin confirmed for this field,
	// even when it is no longer usable (deleted or retyped), so the screen
	// can offer to undo it; empty when nothing is confirmed.
	ConfirmedKey string
}

// Report holds one Result per field, in field-number order.
type Report struct {
	Results []Result
}

// Check classifies the 37 fields against the tenant's company and person
// custom-field metadata (GET v1/{Contact,Person}/CustomField and
// .../UdefLayout/Published; either list of a pair may be nil).
//
// Type rules, where "wrong-type" means a value cannot be stored as wanted:
//   - Number fields accept Number/Integer and also Decimal (every whole
//     number fits; Types reports Decimal so the mapping encodes [F:...]).
//     A text field is wrong-type: numbers stored as text cannot be sorted
//     or filtered as numbers, and the guide asks for Number.
//   - Text fields accept ShortText and LongText.
//   - LongText fields accept LongText, and ShortText as present with its
//     TextLength and a note, since the mapping cuts values to that length.
//   - Date, Checkbox, List and other types are wrong-type for every field.
//
// Check confirms nothing: extra-name and label matches are Suggested.
func Check(contact []superoffice.FieldInfo, contactUdef []superoffice.UserDefinedFieldInfo,
	person []superoffice.FieldInfo, personUdef []superoffice.UserDefinedFieldInfo) Report {
	return CheckConfirmed(nil, contact, contactUdef, person, personUdef)
}

// CheckConfirmed is Check with the admin's confirmed company fields: a
// field without a Prog ID match uses its confirmed tenant field if the
// tenant still has it (Present, or WrongType when it has been retyped).
func CheckConfirmed(conf Confirmed, contact []superoffice.FieldInfo, contactUdef []superoffice.UserDefinedFieldInfo,
	person []superoffice.FieldInfo, personUdef []superoffice.UserDefinedFieldInfo) Report {
	all := fields.All()
	onContact := find(all, candidates(contact, contactUdef), conf)
	onPerson := find(all, candidates(person, personUdef), nil)

	rep := Report{Results: make([]Result, len(all))}
	for i, f := range all {
		r := Result{Field: f, Status: Missing, ConfirmedKey: conf.key(f.ProgID)}
		switch m := onContact[i]; {
		case m.c != nil:
			r.TenantKey, r.TenantType, r.TextLength, r.MatchedBy = m.c.key, m.c.typ, m.c.textLength, m.by
			r.Status, r.Note = classify(f, m.c)
			r.Status, r.Note = suggest(r.Status, r.Note, m.by)
			if p := onPerson[i].c; r.Status == WrongType && p != nil {
				r.Note += fmt.Sprintf("; a field %s also exists on Person", p.key)
			}
		case onPerson[i].c != nil:
			p := onPerson[i]
			r.Status, r.MatchedBy = OnPerson, p.by
			r.TenantKey, r.TenantType, r.TextLength = p.c.key, p.c.typ, p.c.textLength
			r.Note = fmt.Sprintf("%s exists on Person, not on Company", p.c.key)
		default:
			r.Note = "not found by Prog ID " + f.ProgID + ", extra field " + f.ExtraName + " or label"
		}
		if (r.Status == Present || r.Status == Suggested) && onContact[i].c.readOnly {
			r.Note = join(r.Note, "marked read-only in SuperOffice")
		}
		r.Note = join(r.Note, staleNote(r))
		rep.Results[i] = r
	}
	return rep
}

// match is the tenant field found for one RabitIQ field, and how.
type match struct {
	c  *candidate
	by string
}

// find runs the passes over one entity's candidates: Prog ID, then the
// confirmed fields (conf may be nil), then extra name and label.
func find(all []fields.Field, cands []*candidate, conf Confirmed) []match {
	out := make([]match, len(all))
	pass := func(by string, ok func(f fields.Field, c *candidate) bool) {
		for i, f := range all {
			if out[i].c != nil {
				continue
			}
			var pick *candidate
			for _, c := range cands {
				if c.claimed || !ok(f, c) {
					continue
				}
				if st, _ := classify(f, c); st == Present {
					pick = c
					break
				}
				if pick == nil {
					pick = c
				}
			}
			if pick != nil {
				pick.claimed = true
				out[i] = match{c: pick, by: by}
			}
		}
	}
	pass(ByProgID, func(f fields.Field, c *candidate) bool { return normKey(c.key) == normKey(f.ProgID) })
	pass(ByConfirmed, func(f fields.Field, c *candidate) bool {
		k := conf.key(f.ProgID)
		return k != "" && normKey(c.key) == normKey(k)
	})
	pass(ByExtra, func(f fields.Field, c *candidate) bool { return normKey(c.key) == normKey(f.ExtraName) })
	pass(ByLabel, func(f fields.Field, c *candidate) bool {
		return labelMatches(c, []string{foldLabel(f.LabelDA), foldLabel(f.LabelEN)})
	})
	return out
}

// classify applies the type rules of Check to one found field.
func classify(f fields.Field, c *candidate) (Status, string) {
	wrong := func(want string) (Status, string) {
		return WrongType, fmt.Sprintf("%s is %s; the guide asks for %s", c.key, typeName(c), want)
	}
	switch f.Type {
	case fields.Number:
		switch c.kind {
		case kindNumber, kindDecimal:
			return Present, ""
		}
		return wrong("Number")
	case fields.Decimal:
		switch c.kind {
		case kindDecimal:
			return Present, ""
		case kindNumber:
			return Present, "whole-number field: decimals are rounded"
		}
		return wrong("Decimal")
	case fields.Text:
		switch c.kind {
		case kindShortText, kindLongText:
			return Present, ""
		}
		return wrong("Text")
	case fields.LongText:
		switch c.kind {
		case kindLongText:
			return Present, ""
		case kindShortText:
			if c.textLength > 0 {
				return Present, fmt.Sprintf("short text field (%d characters): longer values are cut", c.textLength)
			}
			return Present, "short text field: longer values are cut"
		}
		return wrong("LongText")
	}
	return wrong(string(f.Type))
}

func typeName(c *candidate) string {
	if c.typ == "" {
		return "of unknown type"
	}
	return c.typ
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// KeyMap maps field number to tenant key for present fields only: the
// keys the exporter may write.
func (r Report) KeyMap() map[int]string {
	m := map[int]string{}
	for _, x := range r.Results {
		if x.Status == Present {
			m[x.Field.No] = x.TenantKey
		}
	}
	return m
}

// Lengths maps field number to TextLength for present fields whose length
// is known (user-defined text fields), so the mapping can cut values.
func (r Report) Lengths() map[int]int {
	m := map[int]int{}
	for _, x := range r.Results {
		if x.Status == Present && x.TextLength > 0 {
			m[x.Field.No] = x.TextLength
		}
	}
	return m
}

// Types maps field number to the tenant's actual type, as a fields.Type,
// for present fields: Number/Integer → Number, Decimal → Decimal,
// ShortText → Text, LongText → LongText.
func (r Report) Types() map[int]fields.Type {
	m := map[int]fields.Type{}
	for _, x := range r.Results {
		if x.Status != Present {
			continue
		}
		switch kindOf(x.TenantType) {
		case kindNumber:
			m[x.Field.No] = fields.Number
		case kindDecimal:
			m[x.Field.No] = fields.Decimal
		case kindShortText:
			m[x.Field.No] = fields.Text
		case kindLongText:
			m[x.Field.No] = fields.LongText
		}
	}
	return m
}

// Ready is the number of present fields, the checklist's "N of 37".
func (r Report) Ready() int {
	n := 0
	for _, x := range r.Results {
		if x.Status == Present {
			n++
		}
	}
	return n
}

// Fetch reads the tenant's company and person custom-field metadata with
// c and checks it. Any failed call fails the check: a partial answer
// would report fields as missing that are not.
func Fetch(ctx context.Context, c *superoffice.Client) (Report, error) {
	return FetchConfirmed(ctx, c, nil)
}

// FetchConfirmed is Fetch with the admin's confirmed fields (CheckConfirmed).
// The four reads go out together: one round trip instead of four, which at
// 100 ms a request is most of a batch's start, and under a 429 burst one
// Retry-After wait instead of one per read.
func FetchConfirmed(ctx context.Context, c *superoffice.Client, conf Confirmed) (Report, error) {
	var (
		contact, person         []superoffice.FieldInfo
		contactUdef, personUdef []superoffice.UserDefinedFieldInfo
		errs                    [4]error
		wg                      sync.WaitGroup
	)
	wg.Add(4)
	go func() { defer wg.Done(); contact, _, errs[0] = c.Contacts.CustomFields(ctx) }()
	go func() { defer wg.Done(); contactUdef, _, errs[1] = c.Contacts.UdefLayoutPublished(ctx) }()
	go func() { defer wg.Done(); person, _, errs[2] = c.Persons.CustomFields(ctx) }()
	go func() { defer wg.Done(); personUdef, _, errs[3] = c.Persons.UdefLayoutPublished(ctx) }()
	wg.Wait()
	for i, what := range []string{"company custom fields", "company field layout", "person custom fields", "person field layout"} {
		if errs[i] != nil {
			return Report{}, fmt.Errorf("fieldsetup: %s: %w", what, errs[i])
		}
	}
	return CheckConfirmed(conf, contact, contactUdef, person, personUdef), nil
}
