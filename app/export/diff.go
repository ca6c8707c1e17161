package export

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// The actions a preview shows per field.
const (
	ActionWrite    = "write"    // the incoming value is written
	ActionKeep     = "keep"     // the current value stays (blank incoming, same value, or the user's own value)
	ActionSkip     = "skip"     // the tenant has no such field
	ActionTruncate = "truncate" // written, but cut to the field's length
)

// The actions a preview shows per person.
const (
	PersonCreate    = "create"
	PersonUpdate    = "update"
	PersonUnchanged = "unchanged"
)

// FieldDiff is one field of a preview: what SuperOffice has, what the
// lead brings, and what a sync would do.
type FieldDiff struct {
	Field    string `json:"field"`
	Label    string `json:"label,omitempty"`
	Current  string `json:"current"`
	Incoming string `json:"incoming"`
	Action   string `json:"action"`
	// FullLength and KeptLength, for a value the mapping cut: the lead's
	// length and what SuperOffice stores (HumanChanges shows both).
	FullLength int `json:"-"`
	KeptLength int `json:"-"`
}

// PersonDiff is one contact person of a preview.
type PersonDiff struct {
	Email  string `json:"email"`
	Name   string `json:"name"`
	Action string `json:"action"`
}

// Diff is the preview of a sync: the `sync --dry-run --json` contract.
type Diff struct {
	Fields  []FieldDiff  `json:"fields"`
	Persons []PersonDiff `json:"persons"`
	// Countries is the tenant's country list, so HumanChanges can name a
	// CountryId ("578" → "Norge").
	Countries []so.Country `json:"-"`
}

// Diff previews a sync of the lead to company contactID (0: a new company)
// with the overwrite choices of ch, reading but never writing SuperOffice.
func (e *Engine) Diff(ctx context.Context, localID int64, ch Choice) (*Diff, error) {
	det, plan, err := e.Plan(ctx, localID)
	if err != nil {
		return nil, err
	}
	cur := &so.ContactEntity{}
	if !ch.Create {
		if cur, _, err = e.client.Contacts.Get(ctx, ch.ContactID); so.IsNotFound(err) {
			return nil, msg.Errorf(ErrCompanyGone, msg.ExportCompany, "id", ch.ContactID)
		} else if err != nil {
			return nil, msg.Errorf(err, msg.ExportReadCompany, "id", ch.ContactID)
		}
	}
	d := &Diff{Fields: []FieldDiff{}, Persons: []PersonDiff{}}
	if m, err := e.Meta(ctx); err == nil { // Plan has just read it; this is the cached copy
		d.Countries = m.Info.Countries
	}
	truncated := map[string]bool{}
	cut := map[string][2]int{}
	for _, w := range plan.Warnings {
		if w.Msg.Code == msg.MapTruncated || w.Msg.Code == msg.MapURLShortened {
			truncated[w.Field] = true
			cut[w.Field] = [2]int{argInt(w.Msg.Args["from"]), argInt(w.Msg.Args["to"])}
		}
	}
	setCut := func(fd *FieldDiff, keys ...string) {
		for _, k := range keys {
			if c, ok := cut[k]; ok {
				fd.FullLength, fd.KeptLength = c[0], c[1]
				return
			}
		}
	}
	ops, _, _ := updateOps(cur, plan, ch.Overwrite)
	written := map[string]bool{}
	for _, op := range ops {
		top, _, _ := strings.Cut(op.Path, "/") // Address/Street counts as Address
		written[top] = true
	}
	std := func(name, have, want string) {
		fd := FieldDiff{Field: name, Current: have, Incoming: want, Action: ActionKeep}
		if written[name] {
			fd.Action = ActionWrite
			if truncated[name] || truncated[name+".Address1"] || truncated[name+"[0].Value"] {
				fd.Action = ActionTruncate
				setCut(&fd, name, name+".Address1", name+"[0].Value")
			}
		}
		d.Fields = append(d.Fields, fd)
	}
	in := plan.Contact
	std("Name", cur.Name, in.Name)
	std("Department", cur.Department, in.Department)
	if sameOrgNr(cur.OrgNr, in.OrgNr) {
		std("OrgNr", cur.OrgNr, cur.OrgNr) // the same number, written otherwise
	} else {
		std("OrgNr", cur.OrgNr, in.OrgNr)
	}
	std("Description", cur.Description, in.Description)
	std("Urls", urlText(cur.Urls), urlText(in.Urls))
	std("Address", addressText(cur.Address), addressText(in.Address))
	std("Country", countryText(cur.Country), countryText(in.Country))
	if err := e.listDiff(ctx, det.Lead.Industry, cur, ch.Create, d); err != nil {
		return nil, err
	}
	for _, f := range fields.All() {
		fd := FieldDiff{Field: f.ProgID, Label: f.LabelDA, Action: ActionKeep}
		idx := indexOf(plan.Written, f.ProgID)
		switch {
		case idx >= 0:
			key := plan.WrittenKeys[idx]
			fd.Current, fd.Incoming = cur.CustomFields[key], plan.CustomFields[key]
			if !sameCustom(fd.Current, fd.Incoming) {
				fd.Action = ActionWrite
				if truncated[f.ProgID] {
					fd.Action = ActionTruncate
					setCut(&fd, f.ProgID)
				}
			}
		case indexOf(plan.Skipped, f.ProgID) >= 0:
			fd.Action = ActionSkip
			fd.Incoming = f.Text(&det.Lead)
			if n := f.Num(&det.Lead); f.IsNumeric() && n.Valid {
				fd.Incoming = strconv.FormatFloat(n.Value, 'f', -1, 64)
			}
		default:
			continue // no value in the lead: nothing happens
		}
		d.Fields = append(d.Fields, fd)
	}
	// The same person look-up as the sync, so the preview predicts it.
	x, known, err := e.personsOf(ctx, cur, ch.Create)
	if err != nil {
		return nil, err
	}
	for _, p := range plan.Persons {
		pd := PersonDiff{Email: p.Email, Name: p.FullName, Action: PersonCreate}
		if id, ok := x.find(p); ok {
			pd.Action = PersonUnchanged
			ops, err := e.personChange(ctx, id, p, known[id])
			if err != nil {
				return nil, err
			}
			if len(ops) > 0 {
				pd.Action = PersonUpdate
			}
		} else {
			x.add(-1, p.Email, p.FullName) // the same person twice in one lead is created once
		}
		d.Persons = append(d.Persons, pd)
	}
	return d, nil
}

// argInt reads a warning's length argument, which msg.New keeps as the
// int it was given (or a float64 after a JSON round trip).
func argInt(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case float64:
		return int(n)
	}
	return 0
}

func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

func urlText(us []so.EntityElement) string {
	var out []string
	for _, u := range us {
		out = append(out, u.Value)
	}
	return strings.Join(out, ", ")
}

func addressText(a *so.Address) string {
	if a == nil {
		return ""
	}
	s := a.Postal
	if s == nil {
		s = a.Street
	}
	if s == nil {
		return ""
	}
	return strings.TrimSpace(strings.Join(strings.Fields(s.Address1+", "+s.Zipcode+" "+s.City), " "))
}

func countryText(c *so.Country) string {
	if c == nil || c.CountryId == 0 {
		return ""
	}
	if c.Name != "" {
		return c.Name
	}
	return fmt.Sprint(c.CountryId)
}
