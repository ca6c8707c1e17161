package export

import (
	"context"
	"errors"
	"maps"
	"net/http"
	"slices"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/fieldsetup"
	"github.com/rabitiq/superoffice-sync/core/mapping"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// Choice is what the user picked in the match dialog: an existing company
// ("Sync til valgte") or a new one ("Opret & Sync").
type Choice struct {
	ContactID int  // the chosen company; 0 with Create
	Create    bool // create a new company
	// Overwrite names standard fields ("Department", "Address", …) whose
	// existing value in SuperOffice the user chose to overwrite ("overskriv");
	// by default an existing value is kept.
	Overwrite []string
	// FreshSearch says the caller searched the tenant by the lead's org
	// number a moment ago (a batch does), so a create need not search again.
	FreshSearch bool
	// FollowUpDays > 0 books a follow-up that many working days ahead
	// (followup.go), once per lead and company.
	FollowUpDays int
}

// PersonCounts counts the persons a sync wrote.
type PersonCounts struct {
	Created int `json:"created"`
	Updated int `json:"updated"`
}

// CustomFieldResult lists the custom fields by Prog ID: written (sent
// with a new value), unchanged (the company already had the lead's value,
// so nothing was sent) and skipped (the tenant has no usable field).
type CustomFieldResult struct {
	Written   []string `json:"written"`
	Unchanged []string `json:"unchanged"`
	Skipped   []string `json:"skipped"`
}

// Result is what one sync did. Its JSON form is the `sync --json` contract.
type Result struct {
	ContactID    int               `json:"contactId"`
	Created      bool              `json:"created"`
	Persons      PersonCounts      `json:"persons"`
	CustomFields CustomFieldResult `json:"customFields"`
	// SkipReasons says why each of CustomFields.Skipped was skipped.
	SkipReasons []SkipReason `json:"skipReasons"`
	Kept        []string     `json:"kept"`
	// Warnings are the warnings in the language msg.SetLanguage chose (the
	// CLI's), WarningCodes the same warnings as codes, index for index, so
	// the window can say them in its own language and scripts need not
	// parse words.
	Warnings     []string      `json:"warnings"`
	WarningCodes []WarningCode `json:"warningCodes"`
	// CompanyName is the company's name in SuperOffice, for the confirmation.
	CompanyName string `json:"-"`
	// FollowUp is the follow-up booked for this export, nil when none.
	FollowUp *FollowUpResult `json:"followUp,omitempty"`
	// after is the company as SuperOffice answered our last write (or
	// the read before it when nothing was sent): the sync's snapshot.
	after *so.ContactEntity
}

// Sync writes the lead to the chosen or a new company and records the
// outcome on the lead and in the history, success or failure.
func (e *Engine) Sync(ctx context.Context, localID int64, ch Choice) (*Result, error) {
	if !ch.Create && ch.ContactID <= 0 {
		return nil, msg.Errorf(nil, msg.ExportChoose)
	}
	det, plan, err := e.Plan(ctx, localID)
	if err != nil {
		return nil, err
	}
	res, err := e.write(ctx, localID, plan, ch)
	if err != nil && refused(err) {
		// A tenant may refuse a key the admin deleted after the metadata
		// was read (how it answers is UNCONFIRMED: skip or 400). A 400 was
		// not processed, so when the fields did change, map the lead
		// again and write it once more.
		if replan, ok := e.replanIfFieldsChanged(ctx, localID); ok {
			if res, err = e.write(ctx, localID, replan, ch); err == nil {
				if gone := without(plan.Written, replan.Written); len(gone) > 0 {
					res.warn(goneWarning(gone))
				}
			}
		}
	}
	if err != nil {
		e.recordFailure(ctx, localID, err)
		return nil, msg.Errorf(err, msg.ExportSyncFailed, "name", det.Lead.CompanyName)
	}
	at := e.now()
	if err := e.db.MarkSyncedWith(ctx, localID, int64(res.ContactID), e.tenant.Ctx, at, e.snapshot(localID, res, at)); err != nil {
		return nil, err
	}
	_ = e.db.DeleteIntent(ctx, localID)
	if ch.FollowUpDays > 0 {
		e.followUp(ctx, localID, &det.Lead, plan, res, ch.FollowUpDays)
	}
	action := "updated"
	if res.Created {
		action = "created"
	}
	id := int64(res.ContactID)
	_, err = e.db.AddHistory(ctx, store.HistoryEntry{LeadID: localID, At: at, Tenant: e.tenant.Ctx, User: e.tenant.User, Action: action, SOContactID: &id,
		Details: store.HistoryDetails{Created: res.Created, FieldsWritten: res.CustomFields.Written, FieldsSkipped: res.CustomFields.Skipped,
			FieldsKept: res.Kept, PersonsCreated: res.Persons.Created, PersonsUpdated: res.Persons.Updated, Warnings: res.Warnings}})
	return res, err
}

// onlyWritten narrows Written to the fields whose tenant keys changed,
// listing the rest as unchanged, so a count says what was sent.
func (r *Result) onlyWritten(plan mapping.Plan, changedKeys []string) {
	written, unchanged := []string{}, []string{}
	for i, id := range plan.Written {
		if slices.Contains(changedKeys, plan.WrittenKeys[i]) {
			written = append(written, id)
		} else {
			unchanged = append(unchanged, id)
		}
	}
	r.CustomFields.Written, r.CustomFields.Unchanged = written, unchanged
}

// refused reports a write SuperOffice answered with 400 Bad Request.
func refused(err error) bool {
	var er *so.ErrorResponse
	return errors.As(err, &er) && er.StatusCode() == http.StatusBadRequest
}

// replanIfFieldsChanged reads the tenant's custom fields again and, when
// they differ from the ones the last plan used, returns the lead mapped
// with the new ones.
func (e *Engine) replanIfFieldsChanged(ctx context.Context, localID int64) (mapping.Plan, bool) {
	old, err := e.Meta(ctx) // the cached metadata the failed write used
	if err != nil {
		return mapping.Plan{}, false
	}
	e.ForgetMeta()
	_, plan, err := e.Plan(ctx, localID) // reads the fields again
	if err != nil {
		return mapping.Plan{}, false
	}
	cur, err := e.Meta(ctx)
	if err != nil || (maps.Equal(old.Info.FieldKeys, cur.Info.FieldKeys) && maps.Equal(old.Info.FieldTypes, cur.Info.FieldTypes)) {
		return mapping.Plan{}, false
	}
	return plan, true
}

func newResult(plan mapping.Plan, rep fieldsetup.Report) *Result {
	r := &Result{Kept: []string{}, Warnings: []string{}, WarningCodes: []WarningCode{}, SkipReasons: []SkipReason{}}
	r.CustomFields.Unchanged = []string{}
	r.CustomFields.Written = append([]string{}, plan.Written...)
	r.CustomFields.Skipped = append([]string{}, plan.Skipped...)
	for _, w := range plan.Warnings {
		r.warn(w)
	}
	r.SkipReasons = skipReasons(plan.Skipped, rep)
	for _, w := range skipWarnings(r.SkipReasons) {
		r.warn(w)
	}
	return r
}

// Why a custom field was skipped (SkipReason.Code).
const (
	SkipMissing     = "missing"     // the tenant has no such field
	SkipWrongType   = "wrong-type"  // it exists with a type that cannot hold the value
	SkipOnPerson    = "on-person"   // it was created on Person instead of Company
	SkipUnconfirmed = "unconfirmed" // found by label or x_ name, not confirmed in Feltopsætning
)

// SkipReason groups the skipped custom fields (Prog IDs) by why.
type SkipReason struct {
	Code   string   `json:"code"`
	Fields []string `json:"fields"`
}

// skipReasons groups skipped fields by the field check's verdict, so a
// field that exists with the wrong type is not called missing.
func skipReasons(skipped []string, rep fieldsetup.Report) []SkipReason {
	status := map[string]fieldsetup.Status{}
	for _, x := range rep.Results {
		status[x.Field.ProgID] = x.Status
	}
	by := map[string][]string{}
	for _, id := range skipped {
		code := SkipUnconfirmed
		switch status[id] {
		case fieldsetup.Missing, "":
			code = SkipMissing
		case fieldsetup.WrongType:
			code = SkipWrongType
		case fieldsetup.OnPerson:
			code = SkipOnPerson
		}
		by[code] = append(by[code], id)
	}
	var out []SkipReason
	for _, code := range []string{SkipMissing, SkipWrongType, SkipOnPerson, SkipUnconfirmed} {
		if len(by[code]) > 0 {
			out = append(out, SkipReason{Code: code, Fields: by[code]})
		}
	}
	return out
}

func (e *Engine) write(ctx context.Context, localID int64, plan mapping.Plan, ch Choice) (*Result, error) {
	meta, err := e.Meta(ctx)
	if err != nil {
		return nil, err
	}
	res := newResult(plan, meta.Fields)
	target := ch.ContactID
	if ch.Create {
		// A lead already linked on this tenant (an earlier sync, or a create
		// whose later steps failed) updates that company: a retry must never
		// create a second one.
		id, ok, err := e.db.SyncTarget(ctx, localID, e.tenant.Ctx)
		if err != nil {
			return nil, err
		}
		if ok {
			if _, _, err := e.client.Contacts.Get(ctx, int(id)); err == nil {
				target = int(id)
				res.warn(mapping.Warning{Msg: msg.New(msg.ExportAlreadyLinked, "id", id)})
			} else if !so.IsNotFound(err) {
				return nil, err
			}
		}
		if target == 0 {
			if target, err = e.reconcileOne(ctx, localID); err != nil {
				return nil, err
			}
			if target != 0 {
				res.warn(mapping.Warning{Msg: msg.New(msg.ExportReusedCreate, "id", target)})
			}
		}
	}
	var current *so.ContactEntity
	if target == 0 {
		current, err = e.create(ctx, localID, plan, ch.FreshSearch, res)
		if err != nil {
			return nil, err
		}
		res.Created = true
	} else {
		current, err = e.update(ctx, target, plan, ch.Overwrite, res)
		if err != nil {
			return nil, err
		}
	}
	res.ContactID, res.CompanyName, res.after = current.ContactId, current.Name, current
	if gone := vanished(plan, current); len(gone) > 0 {
		// The admin deleted fields since the metadata was read: report
		// them as skipped and read the tenant's fields again next time.
		e.ForgetMeta()
		res.CustomFields.Written, res.CustomFields.Skipped = without(res.CustomFields.Written, gone), append(res.CustomFields.Skipped, gone...)
		res.warn(goneWarning(gone))
	}
	if err := e.syncPersons(ctx, current, plan.Persons, res.Created, res); err != nil {
		return nil, err
	}
	return res, nil
}

// create POSTs a new company, guarded by an intent row.
func (e *Engine) create(ctx context.Context, localID int64, plan mapping.Plan, fresh bool, res *Result) (*so.ContactEntity, error) {
	if org := plan.Contact.OrgNr; org != "" && !fresh {
		if c, err := e.existingByOrgNr(ctx, org); err != nil {
			return nil, err
		} else if c != nil {
			return nil, &ExistsError{ContactID: c.ContactID, Name: c.Name}
		}
	}
	body := plan.ContactBody()
	if err := e.newCompanyBody(ctx, localID, &body, res); err != nil {
		return nil, err
	}
	mk := markerFor(plan)
	if err := e.db.AddIntent(ctx, store.Intent{LeadID: localID, Tenant: e.tenant.Ctx, Marker: mk.encode(), CreatedAt: e.now()}); err != nil {
		return nil, err
	}
	created, _, err := e.client.Contacts.Create(ctx, &body)
	var amb *so.AmbiguousError
	if errors.As(err, &amb) {
		// The create may have committed: look before anything else.
		id, ferr := e.findCreated(context.WithoutCancel(ctx), mk)
		if ferr != nil || id == 0 {
			return nil, msg.Errorf(err, msg.ExportTooLate)
		}
		if err := e.db.CreatedFor(ctx, localID, int64(id), e.tenant.Ctx); err != nil {
			return nil, err
		}
		got, _, gerr := e.client.Contacts.Get(ctx, id)
		if gerr != nil {
			return nil, gerr
		}
		return got, nil
	}
	if err != nil {
		_ = e.db.DeleteIntent(ctx, localID)
		return nil, msg.Errorf(err, msg.ExportCreateCompany)
	}
	if err := e.db.CreatedFor(ctx, localID, int64(created.ContactId), e.tenant.Ctx); err != nil {
		return nil, err
	}
	return created, nil
}

func (e *Engine) existingByOrgNr(ctx context.Context, orgnr string) (*so.ContactRow, error) {
	o := orgNumber(orgnr)
	if !o.Valid {
		return nil, nil
	}
	rows, err := e.byOrgNr(ctx, o)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if orgNumber(r.OrgNr).Digits == o.Digits {
			return &r, nil
		}
	}
	return nil, nil
}

// vanished returns the Prog IDs of custom fields the plan wrote that the
// saved company no longer carries: fields the admin deleted after the
// tenant's metadata was read. An answer without CustomFields tells nothing.
func vanished(plan mapping.Plan, got *so.ContactEntity) []string {
	if got == nil || got.CustomFields == nil {
		return nil
	}
	var out []string
	for i, id := range plan.Written {
		if _, ok := got.CustomFields[plan.WrittenKeys[i]]; !ok {
			out = append(out, id)
		}
	}
	return out
}

func without(xs, drop []string) []string {
	out := []string{}
	for _, x := range xs {
		if indexOf(drop, x) < 0 {
			out = append(out, x)
		}
	}
	return out
}
