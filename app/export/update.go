package export

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/rabitiq/superoffice-sync/core/mapping"
	"github.com/rabitiq/superoffice-sync/core/match"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// update writes the plan to an existing company with PATCH, so fields we
// do not own are never wiped. RabitIQ's custom fields are always
// refreshed; standard fields are filled when blank and otherwise kept
// (listed in res.Kept) — a salesperson's own edits in SuperOffice win.
func (e *Engine) update(ctx context.Context, id int, plan mapping.Plan, overwrite []string, res *Result) (*so.ContactEntity, error) {
	cur, _, err := e.client.Contacts.Get(ctx, id)
	if so.IsNotFound(err) {
		return nil, msg.Errorf(ErrCompanyGone, msg.ExportCompany, "id", id)
	}
	if err != nil {
		return nil, msg.Errorf(err, msg.ExportReadCompany, "id", id)
	}
	ops, kept, changed := updateOps(cur, plan, overwrite)
	res.Kept = append(res.Kept, kept...)
	res.onlyWritten(plan, changed)
	if len(ops) == 0 {
		return cur, nil
	}
	out, _, err := e.client.Contacts.Patch(ctx, id, ops)
	if so.IsNotFound(err) {
		return nil, msg.Errorf(ErrCompanyGone, msg.ExportCompany, "id", id)
	}
	if err != nil {
		return nil, msg.Errorf(err, msg.ExportUpdateCompany, "id", id)
	}
	return out, nil
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// updateOps compares the company, as just read in full, with the plan and
// returns the patch, the names of standard fields whose existing value was
// kept and the tenant keys of the custom fields that change. Fields named
// in overwrite take the incoming value even when the company has one.
//
// Every list and object is sent whole, built from what was read with only
// the lead's part changed: whether SuperOffice merges or replaces a list
// or the CustomFields dictionary on PATCH is UNCONFIRMED
// (docs/superoffice-api.md §3.1, §4.3), and a whole value is right under
// both readings, so no phone, URL, description or other custom field a
// user keeps in SuperOffice is ever lost.
func updateOps(cur *so.ContactEntity, plan mapping.Plan, overwrite []string) ([]so.PatchOp, []string, []string) {
	in := plan.Contact
	var ops []so.PatchOp
	var kept []string
	over := map[string]bool{}
	for _, f := range overwrite {
		over[f] = true
	}
	text := func(name, have, want string) {
		switch {
		case blank(want) || have == want:
		case blank(have) || over[name]:
			ops = append(ops, so.PatchReplace(name, want))
		default:
			kept = append(kept, name)
		}
	}
	text("Name", cur.Name, in.Name)
	text("Department", cur.Department, in.Department)
	if !sameOrgNr(cur.OrgNr, in.OrgNr) {
		text("OrgNr", cur.OrgNr, in.OrgNr)
	}
	text("Description", cur.Description, in.Description)
	if len(in.Urls) > 0 && !sameURL(cur.Urls, in.Urls[0].Value) {
		switch {
		case len(cur.Urls) == 0:
			ops = append(ops, so.PatchReplace("Urls", keepElements(in.Urls)))
		case over["Urls"]:
			// The lead's website goes first; the company's others stay.
			ops = append(ops, so.PatchReplace("Urls", append(keepElements(in.Urls[:1]), keepElements(cur.Urls)...)))
		default:
			kept = append(kept, "Urls")
		}
	}
	if in.Address != nil && !sameAddress(cur.Address, in.Address) {
		if addressBlank(cur.Address) || over["Address"] {
			ops = append(ops, addressOps(cur.Address, in.Address)...)
		} else {
			kept = append(kept, "Address")
		}
	}
	if in.Country != nil && in.Country.CountryId != 0 {
		switch {
		case cur.Country == nil || cur.Country.CountryId == 0 || (over["Country"] && cur.Country.CountryId != in.Country.CountryId):
			ops = append(ops, so.PatchReplace("Country", so.Country{CountryId: in.Country.CountryId}))
		case cur.Country.CountryId != in.Country.CountryId:
			kept = append(kept, "Country")
		}
	}
	changed := changedCustom(cur.CustomFields, plan.CustomFields)
	if len(changed) > 0 {
		ops = append(ops, so.PatchReplace("CustomFields", customWrite(cur.CustomFields, plan.CustomFields, changed)))
	}
	return ops, kept, changed
}

// keepElements copies list entries with the parts a user sees, value and
// description; StrippedValue is derived by SuperOffice from the value.
func keepElements(es []so.EntityElement) []so.EntityElement {
	out := make([]so.EntityElement, 0, len(es))
	for _, x := range es {
		out = append(out, so.EntityElement{Value: x.Value, Description: x.Description})
	}
	return out
}

// addressOps writes the lead's street and postal address over the
// company's: each structured address is sent whole (a DevNet sample shows
// a PATCH of one line of it failing), starting from what was read, so the
// lines the lead does not have (Address2, County, …) stay.
func addressOps(cur, in *so.Address) []so.PatchOp {
	if cur == nil {
		return []so.PatchOp{so.PatchReplace("Address", in)}
	}
	var ops []so.PatchOp
	one := func(name string, have, want *so.StructuredAddress) {
		if want == nil {
			return
		}
		merged := so.StructuredAddress{}
		if have != nil {
			merged = *have
			merged.Formatted = ""
		}
		for _, f := range []struct {
			dst *string
			v   string
		}{
			{&merged.Address1, want.Address1}, {&merged.Address2, want.Address2}, {&merged.Address3, want.Address3},
			{&merged.City, want.City}, {&merged.County, want.County}, {&merged.State, want.State}, {&merged.Zipcode, want.Zipcode},
		} {
			if !blank(f.v) {
				*f.dst = f.v
			}
		}
		op := so.PatchReplace("Address/"+name, merged)
		if have == nil {
			op = so.PatchAdd("Address/"+name, merged)
		}
		ops = append(ops, op)
	}
	one("Street", cur.Street, in.Street)
	one("Postal", cur.Postal, in.Postal)
	return ops
}

// changedCustom returns the tenant keys of want whose value differs from
// what the company has, in sorted order: only a change costs a write, and
// only a change counts as a field written.
func changedCustom(have, want map[string]string) []string {
	var out []string
	for k, v := range want {
		if !sameCustom(have[k], v) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// customWrite is the whole CustomFields dictionary to send: every field the
// company has, as read, with the changed keys set to the lead's values.
// Where the GET carried a "<key>:org" helper, that stored form is sent back
// instead of the display form; the helpers themselves are never sent.
func customWrite(have, want map[string]string, changed []string) map[string]string {
	out := make(map[string]string, len(have))
	for k, v := range have {
		if isCustomHelper(have, k) {
			continue
		}
		if org, ok := have[k+":org"]; ok {
			v = org
		}
		out[k] = v
	}
	for _, k := range changed {
		out[k] = want[k]
	}
	return out
}

// isCustomHelper reports a read-only helper key a GET adds beside a field:
// "<key>:org", "<key>:DisplayText", "<key>:DisplayTooltip".
func isCustomHelper(have map[string]string, k string) bool {
	for _, suf := range []string{":org", ":DisplayText", ":DisplayTooltip"} {
		if base, ok := strings.CutSuffix(k, suf); ok && base != "" {
			if _, has := have[base]; has {
				return true
			}
		}
	}
	return false
}

// sameCustom compares a stored custom-field value with the one the lead
// brings: equal text, or equal numbers however encoded ("[I:13]" and
// "[F:13]", "42" and "[I:42]"), so a tenant's own rendering of a value we
// wrote does not count as a change.
func sameCustom(have, want string) bool {
	have, want = strings.TrimSpace(have), strings.TrimSpace(want)
	if have == want {
		return true
	}
	a, okA := customNumber(have)
	b, okB := customNumber(want)
	return okA && okB && a == b
}

// customNumber reads an encoded or plain number.
func customNumber(s string) (float64, bool) {
	if len(s) > 4 && s[0] == '[' && s[len(s)-1] == ']' && (s[1] == 'I' || s[1] == 'F') && s[2] == ':' {
		s = s[3 : len(s)-1]
	}
	x, err := strconv.ParseFloat(s, 64)
	return x, err == nil
}

func sameURL(urls []so.EntityElement, want string) bool {
	for _, u := range urls {
		if strings.EqualFold(strings.TrimRight(u.Value, "/"), strings.TrimRight(want, "/")) {
			return true
		}
	}
	return false
}

func addressBlank(a *so.Address) bool {
	if a == nil {
		return true
	}
	for _, s := range []*so.StructuredAddress{a.Street, a.Postal} {
		if s != nil && !(blank(s.Address1) && blank(s.City) && blank(s.Zipcode)) {
			return false
		}
	}
	return true
}

func sameAddress(a, b *so.Address) bool {
	if a == nil || b == nil {
		return a == b
	}
	pick := func(x *so.Address) so.StructuredAddress {
		if x.Postal != nil {
			return *x.Postal
		}
		if x.Street != nil {
			return *x.Street
		}
		return so.StructuredAddress{}
	}
	pa, pb := pick(a), pick(b)
	return strings.EqualFold(pa.Address1, pb.Address1) && strings.EqualFold(pa.City, pb.City) && pa.Zipcode == pb.Zipcode
}

// sameOrgNr reports whether two org numbers are the same valid number
// however each is written ("DK15609516", "15 60 95 16", "CVR 15609516"):
// then the company already has the lead's number, so there is nothing to
// write and nothing to offer to overwrite.
func sameOrgNr(have, want string) bool {
	if have == want {
		return true
	}
	return match.SameOrgNumber(match.NormalizeOrgNumber(have, ""), match.NormalizeOrgNumber(want, ""))
}
