package export

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/rabitiq/superoffice-sync/core/mapping"
	"github.com/rabitiq/superoffice-sync/core/match"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// marker is how a company we may have created is recognised again: the
// RabitIQ Lead ID custom field when the tenant has it, else the org
// number, else the exact name and website.
type marker struct {
	Name    string `json:"name"`
	LeadKey string `json:"leadKey,omitempty"` // tenant key of field 6 (RabitIQ Lead ID)
	LeadID  string `json:"leadId,omitempty"`
	OrgNr   string `json:"orgNr,omitempty"`
	Website string `json:"website,omitempty"`
}

func markerFor(plan mapping.Plan) marker {
	m := marker{Name: plan.Contact.Name, OrgNr: plan.Contact.OrgNr}
	for i, id := range plan.Written {
		if id == "RabitIQ:6" {
			m.LeadKey = plan.WrittenKeys[i]
			m.LeadID = plan.CustomFields[m.LeadKey]
		}
	}
	if len(plan.Contact.Urls) > 0 {
		m.Website = plan.Contact.Urls[0].Value
	}
	return m
}

func (m marker) encode() string {
	b, _ := json.Marshal(m)
	return string(b)
}

func decodeMarker(s string) (marker, error) {
	var m marker
	err := json.Unmarshal([]byte(s), &m)
	return m, err
}

func orgNumber(s string) match.OrgNumber { return match.NormalizeOrgNumber(s, "") }

// matches reports whether company c is the one marker m describes.
func (m marker) matches(c *so.ContactEntity) bool {
	if m.LeadKey != "" && m.LeadID != "" {
		return c.CustomFields[m.LeadKey] == m.LeadID
	}
	if o := orgNumber(m.OrgNr); o.Valid {
		return orgNumber(c.OrgNr).Digits == o.Digits
	}
	if !strings.EqualFold(strings.TrimSpace(c.Name), strings.TrimSpace(m.Name)) {
		return false
	}
	if m.Website == "" {
		return true
	}
	for _, u := range c.Urls {
		if match.Domain(u.Value) == match.Domain(m.Website) {
			return true
		}
	}
	return false
}

// findCreated looks for the company a create with marker m may have made.
// It searches by name (what we sent) and reads each hit with exactly that
// name, because custom fields are not searchable through the simple
// company search. A name with an apostrophe is searched by its part
// without one (quoteFreePart) and compared in full here, newest first.
func (e *Engine) findCreated(ctx context.Context, m marker) (int, error) {
	name := strings.TrimSpace(m.Name)
	if name == "" {
		return 0, nil
	}
	var filter so.Filter // none: the newest companies, when no part of the name can be searched
	if part, begins := quoteFreePart(name, 1); part == name {
		filter = so.Is(so.ColName, name)
	} else if begins {
		filter = so.Begins(so.ColName, part)
	} else if part != "" {
		filter = so.Contains(so.ColName, part)
	}
	res, _, err := e.client.Contacts.Search(ctx, &so.SearchOptions{Select: []string{so.ColContactID, so.ColName, so.ColOrgNr},
		Filter: filter, OrderBy: []string{so.ColContactID + " desc"}, Top: 50})
	if err != nil {
		return 0, msg.Errorf(err, msg.ExportLookForCreated)
	}
	for _, r := range res.Contacts() {
		if !strings.EqualFold(strings.TrimSpace(r.Name), name) {
			continue
		}
		c, _, err := e.client.Contacts.Get(ctx, r.ContactID)
		if so.IsNotFound(err) {
			continue
		}
		if err != nil {
			return 0, msg.Errorf(err, msg.ExportLookForCreated)
		}
		if m.matches(c) {
			return c.ContactId, nil
		}
	}
	return 0, nil
}

// reconcileOne settles the lead's unfinished create, if any: the company it
// made (found by marker) is adopted; if none was made the intent is kept,
// so a create that commits late is still found next time. It returns the
// adopted company's id, or 0.
func (e *Engine) reconcileOne(ctx context.Context, localID int64) (int, error) {
	ins, err := e.db.Intents(ctx, e.tenant.Ctx)
	if err != nil {
		return 0, err
	}
	for _, in := range ins {
		if in.LeadID != localID {
			continue
		}
		if in.SOContactID != nil {
			return int(*in.SOContactID), nil
		}
		m, err := decodeMarker(in.Marker)
		if err != nil {
			return 0, msg.Errorf(err, msg.ExportReadIntent, "id", localID)
		}
		id, err := e.findCreated(ctx, m)
		if err != nil || id == 0 {
			return 0, err
		}
		return id, e.db.CreatedFor(ctx, localID, int64(id), e.tenant.Ctx)
	}
	return 0, nil
}

// Reconciled is what start-up reconciliation did for one lead.
type Reconciled struct {
	LeadID    int64
	ContactID int // 0: no company was created; the intent was dropped
}

// Reconcile settles every unfinished create of this tenant, as the app does
// at start-up after a crash: a company that was created is linked to its
// lead (which stays "failed" until synced again, and a retry updates that
// company); an intent whose company does not exist is dropped.
func (e *Engine) Reconcile(ctx context.Context) ([]Reconciled, error) {
	ins, err := e.db.Intents(ctx, e.tenant.Ctx)
	if err != nil {
		return nil, err
	}
	var out []Reconciled
	for _, in := range ins {
		id, err := e.reconcileOne(ctx, in.LeadID)
		if err != nil {
			return out, err
		}
		if id == 0 {
			if err := e.db.DeleteIntent(ctx, in.LeadID); err != nil {
				return out, err
			}
		} else {
			_ = e.db.MarkFailed(ctx, in.LeadID, msg.New(msg.ExportInterrupted, "id", id).String(), e.now())
			if err := e.db.DeleteIntent(ctx, in.LeadID); err != nil {
				return out, err
			}
		}
		out = append(out, Reconciled{LeadID: in.LeadID, ContactID: id})
	}
	return out, nil
}
