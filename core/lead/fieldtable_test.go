package lead

import (
	"encoding/json"
	"testing"
)

// v1Keys are the fields the content hash was first stored with, in its
// order. They never change; new fields go after them (see ContentHash).
var v1Keys = []string{"id", "companyName", "website", "industry", "size", "location", "address", "cvr",
	"score", "intentScore", "reasonForFit", "description", "businessModel", "targetAudience", "technologies",
	"buyingSignals", "intentSignals", "conversationStarters", "redFlags",
	"financials.revenueDkk", "financials.profitDkk", "financials.employees", "financials.growthRatePct",
	"financials.profitMarginPct", "competitors", "competitiveAnalysis", "marketAnalysis",
	"swot.strengths", "swot.weaknesses", "swot.opportunities", "swot.threats",
	"customerReviews", "employeeReviews", "growthSignals", "industryPainPoints", "jobPostings",
	"salesPlaybook", "notes", "createdAt"}

// TestFieldTable checks each row is complete: a known object for its
// key, the accessors its kind needs, a Prog ID of its own, and the v1
// rows first and in order.
func TestFieldTable(t *testing.T) {
	if numFields+4 > 255 {
		t.Fatalf("%d fields do not fit the field type", numFields)
	}
	progNo := map[int]string{}
	for i, f := range Fields() {
		if f.Key == "" || f.name == "" || f.scope >= numScopes {
			t.Errorf("row %d: key %q has no known object", i, f.Key)
		}
		if (f.num != nil) != (f.Kind == KindNumber) || (f.str != nil) == (f.Kind == KindNumber) ||
			(f.valid != nil) != (f.Kind == KindCVR) || (f.kept != nil) != (f.Kind == KindDate) {
			t.Errorf("%s: the accessors do not fit kind %d", f.Key, f.Kind)
		}
		if other, dup := progNo[f.ProgNo]; dup && f.ProgNo != 0 {
			t.Errorf("%s and %s share Prog ID number %d", f.Key, other, f.ProgNo)
		}
		progNo[f.ProgNo] = f.Key
		if i < len(v1Keys) && f.Key != v1Keys[i] {
			t.Errorf("row %d is %s, the content hash wants %s there: append new fields at the end", i, f.Key, v1Keys[i])
		}
	}
	if hashedV1 != len(v1Keys) || numFields < hashedV1 {
		t.Errorf("hashedV1 = %d for %d v1 keys and %d rows", hashedV1, len(v1Keys), numFields)
	}
}

// sample is a file value for a field of kind k and what the lead holds
// after reading it.
func sample(k Kind) (file any, text string, num Number) {
	switch k {
	case KindNumber:
		return 7, "", Number{Value: 7, Valid: true}
	case KindLong:
		return []string{"x"}, "• x", Number{}
	case KindDate:
		return "2024-12-09", "2024-12-09", Number{}
	case KindCVR:
		return "29935181", "29935181", Number{}
	}
	return "v1", "v1", Number{}
}

// spellings are the ways a file may name field f: its key nested in its
// object and flat, and each alias.
func spellings(f Field) []map[string]any {
	var out []map[string]any
	for _, k := range append([]string{f.name}, f.Aliases...) {
		out = append(out, map[string]any{k: nil})
		if f.scope != scLead {
			parent := f.Key[:len(f.Key)-len(f.name)-1]
			out = append(out, map[string]any{parent: map[string]any{k: nil}})
		}
	}
	return out
}

// TestEveryFieldReachable is what makes a new row enough: every field of
// the table, under each of its spellings, is read by the decoder into the
// lead, and changes the content hash. (core/fields and core/mapping test
// that each field with a Prog ID reaches its custom field.)
func TestEveryFieldReachable(t *testing.T) {
	for _, f := range Fields() {
		val, wantText, wantNum := sample(f.Kind)
		for _, obj := range spellings(f) {
			for k, v := range obj {
				if m, ok := v.(map[string]any); ok {
					for k2 := range m {
						m[k2] = val
					}
				} else {
					obj[k] = val
				}
			}
			if f.Key != "companyName" && obj["name"] == nil {
				obj["companyName"] = "A"
			}
			data, _ := json.Marshal(obj)
			res, err := Decode("f.json", data)
			if err != nil || len(res.Leads) != 1 || len(res.Warnings) != 0 {
				t.Errorf("%s: %s: %v %+v", f.Key, data, err, res)
				continue
			}
			l := res.Leads[0].Lead
			if got, gotNum := f.Text(l), f.Num(l); got != wantText || gotNum != wantNum {
				t.Errorf("%s: %s read as %q / %+v, want %q / %+v", f.Key, data, got, gotNum, wantText, wantNum)
			}
			cleared := *l
			f.clear(&cleared)
			if l.ContentHash() == cleared.ContentHash() {
				t.Errorf("%s: the content hash does not see the field", f.Key)
			}
		}
	}
}

// clear empties field f in l.
func (f Field) clear(l *Lead) {
	for _, p := range []func(*Lead) *string{f.str, f.kept} {
		if p != nil {
			*p(l) = ""
		}
	}
	if f.num != nil {
		*f.num(l) = Number{}
	}
	if f.valid != nil {
		*f.valid(l) = false
	}
}

// A field appended to the table later is hashed only when set, so the
// stored hash of every lead without it stays as it was.
func TestLaterFieldLeavesOldHashes(t *testing.T) {
	var extra string
	rows := append(Fields(), Field{Key: "later", Kind: KindShort, str: func(*Lead) *string { return &extra }})
	l := &Lead{CompanyName: "A", Notes: "n", Contacts: []Contact{{Name: "B"}}}
	if contentHash(l, rows) != l.ContentHash() {
		t.Error("an empty later field changed the hash")
	}
	extra = "x"
	if contentHash(l, rows) == l.ContentHash() {
		t.Error("a later field that is set is not hashed")
	}
}
