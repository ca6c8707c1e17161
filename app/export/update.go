package export

import (
	"context"
	"fmt"
	"strings"

	"github.com/rabitiq/superoffice-sync/core/mapping"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// update writes the plan to an existing company with PATCH, so fields we
// do not own are never wiped. RabitIQ's custom fields are always
// refreshed; standard fields are filled when blank and otherwise kept
// (listed in res.Kept) — a salesperson's own edits in SuperOffice win.
func (e *Engine) update(ctx context.Context, id int, plan mapping.Plan, overwrite []string, res *Result) (*so.ContactEntity, error) {
	cur, _, err := e.client.Contacts.Get(ctx, id)
	if so.IsNotFound(err) {
		return nil, fmt.Errorf("firma %d: %w", id, ErrCompanyGone)
	}
	if err != nil {
		return nil, fmt.Errorf("read company %d from SuperOffice: %w", id, err)
	}
	ops, kept := updateOps(cur, plan, overwrite)
	res.Kept = append(res.Kept, kept...)
	if len(ops) == 0 {
		return cur, nil
	}
	out, _, err := e.client.Contacts.Patch(ctx, id, ops)
	if so.IsNotFound(err) {
		return nil, fmt.Errorf("firma %d: %w", id, ErrCompanyGone)
	}
	if err != nil {
		return nil, fmt.Errorf("update company %d in SuperOffice: %w", id, err)
	}
	return out, nil
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// updateOps compares the company with the plan and returns the patch and
// the names of standard fields whose existing value was kept. Fields named
// in overwrite take the incoming value even when the company has one.
func updateOps(cur *so.ContactEntity, plan mapping.Plan, overwrite []string) ([]so.PatchOp, []string) {
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
	text("OrgNr", cur.OrgNr, in.OrgNr)
	text("Description", cur.Description, in.Description)
	if len(in.Urls) > 0 {
		switch {
		case len(cur.Urls) == 0 || (over["Urls"] && !sameURL(cur.Urls, in.Urls[0].Value)):
			ops = append(ops, so.PatchReplace("Urls", in.Urls))
		case !sameURL(cur.Urls, in.Urls[0].Value):
			kept = append(kept, "Urls")
		}
	}
	if in.Address != nil {
		if addressBlank(cur.Address) || (over["Address"] && !sameAddress(cur.Address, in.Address)) {
			ops = append(ops, so.PatchReplace("Address", in.Address))
		} else if !sameAddress(cur.Address, in.Address) {
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
	if changed := changedCustom(cur.CustomFields, plan.CustomFields); len(changed) > 0 {
		ops = append(ops, so.PatchReplace("CustomFields", changed))
	}
	return ops, kept
}

// changedCustom is the subset of want whose value differs from have: only
// those are sent, so an unchanged lead costs no write.
func changedCustom(have, want map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range want {
		if have[k] != v {
			out[k] = v
		}
	}
	return out
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
