package export

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/mapping"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// FollowUpResult is the follow-up an export booked, the `"followUp"` of
// `sync --json`.
type FollowUpResult struct {
	AppointmentID int `json:"appointmentId"`
	// StartDate is the task's start in the user's local time, as sent
	// (2006-01-02T15:04:05).
	StartDate string `json:"startDate"`
	// Existing says an earlier export of this lead to this company booked
	// it, so this one did not book another.
	Existing bool `json:"existing,omitempty"`
}

// Message says what was booked, for the confirmation and the CLI:
// "Opfølgning oprettet: tir. 8. dec. kl. 09:00".
func (f *FollowUpResult) Message() msg.Message {
	code := msg.FollowUpBooked
	if f.Existing {
		code = msg.FollowUpExisting
	}
	at, err := time.Parse(so.AppointmentTimeLayout, f.StartDate)
	if err != nil {
		return msg.New(code, "when", f.StartDate)
	}
	return msg.New(code, "when", at)
}

// Lengths used when the tenant's /Appointment/default announces none. The
// real limits are UNCONFIRMED (docs/superoffice-api.md): these are below
// any text column SuperOffice documents for a title or a note.
const (
	fallbackTitleLen       = 79
	fallbackDescriptionLen = 2000
	// lookBack is how many of a company's newest appointments are read
	// when looking for one whose answer was lost.
	lookBack = 20
)

// errFollowUpUnsure means a follow-up may exist in SuperOffice but could
// not be found or ruled out; it is never booked again on a guess.
var errFollowUpUnsure = msg.Errorf(nil, msg.FollowUpUnsure)

// followUp books the lead's follow-up after a successful sync, at most
// once per lead, tenant and company, and notes the outcome on res. A
// follow-up that fails does not fail the sync: it is a warning, and the
// next sync with a follow-up tries again (looking first).
func (e *Engine) followUp(ctx context.Context, localID int64, l *lead.Lead, plan mapping.Plan, res *Result, days int) {
	fu, err := e.bookFollowUp(ctx, localID, l, plan, res.ContactID, days, res.warn)
	switch {
	case err == nil:
		res.FollowUp = fu
	case errors.Is(err, errFollowUpUnsure):
		res.warn(mapping.Warning{Msg: msg.New(msg.FollowUpUnsure)})
	default:
		res.warn(mapping.Warning{Msg: msg.New(msg.FollowUpFailed)})
		res.Warnings[len(res.Warnings)-1] += ": " + reason(err)
	}
}

func (e *Engine) bookFollowUp(ctx context.Context, localID int64, l *lead.Lead, plan mapping.Plan, contactID, days int, warn func(mapping.Warning)) (*FollowUpResult, error) {
	tenant, cid := e.tenant.Ctx, int64(contactID)
	prev, ok, err := e.db.FollowUpFor(ctx, tenant, localID, cid)
	if err != nil {
		return nil, err
	}
	if ok && prev.AppointmentID > 0 {
		return &FollowUpResult{AppointmentID: int(prev.AppointmentID), StartDate: prev.StartDate, Existing: true}, nil
	}
	if ok { // an earlier attempt's answer was lost: look before booking again
		id, err := e.findFollowUp(ctx, prev)
		if err != nil {
			return nil, err
		}
		if id > 0 {
			return e.booked(ctx, prev, id)
		}
	}
	def, _, err := e.client.Appointments().Default(ctx)
	if err != nil {
		return nil, msg.Errorf(err, msg.FollowUpReadDefault)
	}
	body, err := e.followUpBody(ctx, l, plan, contactID, days, def, warn)
	if err != nil {
		return nil, err
	}
	f := store.FollowUp{LeadID: localID, Tenant: tenant, ContactID: cid, Title: body.Title, StartDate: body.StartDate, CreatedAt: e.now()}
	if err := e.db.AddFollowUpIntent(ctx, f); err != nil {
		return nil, msg.Errorf(err, msg.FollowUpRecord)
	}
	created, _, err := e.client.Appointments().Create(ctx, body)
	var amb *so.AmbiguousError
	switch {
	case errors.As(err, &amb):
		// The create may have happened: look now, and if that cannot
		// tell, the intent stays so the next attempt looks again.
		id, lerr := e.findFollowUp(context.WithoutCancel(ctx), f)
		if lerr != nil || id == 0 {
			return nil, errFollowUpUnsure
		}
		return e.booked(ctx, f, id)
	case err != nil:
		// SuperOffice refused it and saved nothing: a retry may book.
		_ = e.db.DropFollowUpIntent(context.WithoutCancel(ctx), tenant, localID, cid)
		return nil, msg.Errorf(err, msg.FollowUpBook)
	}
	return e.booked(ctx, f, created.AppointmentId)
}

// booked records the appointment id of a follow-up.
func (e *Engine) booked(ctx context.Context, f store.FollowUp, id int) (*FollowUpResult, error) {
	if err := e.db.FollowUpBooked(context.WithoutCancel(ctx), f.Tenant, f.LeadID, f.ContactID, int64(id)); err != nil {
		return nil, msg.Errorf(err, msg.FollowUpRecord)
	}
	return &FollowUpResult{AppointmentID: id, StartDate: f.StartDate}, nil
}

// findFollowUp looks for the appointment an earlier create of f may have
// made: the company's newest appointments with f's title and start. The
// search column is UNCONFIRMED; when the tenant refuses it the answer is
// errFollowUpUnsure, never "not there".
func (e *Engine) findFollowUp(ctx context.Context, f store.FollowUp) (int, error) {
	ids, err := e.client.Appointments().IDsOfContact(ctx, int(f.ContactID), lookBack)
	if err != nil {
		return 0, fmt.Errorf("%w: %w", errFollowUpUnsure, msg.Errorf(err, msg.FollowUpLookUp))
	}
	for _, id := range ids {
		a, _, err := e.client.Appointments().Get(ctx, id)
		if so.IsNotFound(err) {
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("%w: %w", errFollowUpUnsure, msg.Errorf(err, msg.FollowUpLookUp))
		}
		if a.Title == f.Title && sameMinute(a.StartDate, f.StartDate) {
			return a.AppointmentId, nil
		}
	}
	return 0, nil
}

// sameMinute compares two appointment times to the minute, whatever
// seconds or offset the service renders.
func sameMinute(a, b string) bool {
	const n = len("2006-01-02T15:04")
	return len(a) >= n && len(b) >= n && a[:n] == b[:n]
}

// followUpBody builds the checklist task from the tenant's default.
func (e *Engine) followUpBody(ctx context.Context, l *lead.Lead, plan mapping.Plan, contactID, days int, def *so.AppointmentEntity, warn func(mapping.Warning)) (*so.AppointmentEntity, error) {
	task, err := e.followUpTask(ctx, def, warn)
	if err != nil {
		return nil, err
	}
	start := FollowUpStart(e.now(), days).Format(so.AppointmentTimeLayout)
	body := &so.AppointmentEntity{
		Contact: &so.ContactRef{ContactId: contactID}, Task: &so.TaskListItem{TaskListItemId: task},
		Type: so.AppointmentInChecklist, Completed: "NotStarted",
		// Whether a checklist task needs an EndDate is UNCONFIRMED: send it.
		StartDate: start, EndDate: start,
		Title:       cut(followUpTitle(l), fieldLength(def, "Title", fallbackTitleLen)),
		Description: cut(followUpDescription(l), fieldLength(def, "Description", fallbackDescriptionLen)),
	}
	if def.Associate != nil {
		body.Associate = &so.Associate{AssociateId: def.Associate.AssociateId}
	}
	if len(plan.Persons) > 0 {
		x, err := e.loadPersons(ctx, contactID)
		if err != nil {
			return nil, err
		}
		if id, ok := x.find(plan.Persons[0]); ok {
			body.Person = &so.PersonRef{PersonId: id}
		}
	}
	return body, nil
}

// followUpTask is the task type, always an item the tenant's Task list
// has now: the one chosen for the tenant in Integrationer, else the
// list's default (what Integrationer shows as "standard"), else the
// /default appointment's. A chosen item the tenant has since deleted is
// reported with warn and not sent (a strict tenant refuses it).
func (e *Engine) followUpTask(ctx context.Context, def *so.AppointmentEntity, warn func(mapping.Warning)) (int, error) {
	tasks, err := e.taskList(ctx)
	if err != nil {
		return 0, err
	}
	task, err := e.chosenItem(ctx, store.SettingFollowUpTask, tasks.items, tasks.def, msg.FollowUpTaskGone, warn)
	if err != nil {
		return 0, err
	}
	if task.ID != 0 {
		return task.ID, nil
	}
	if def.Task != nil && def.Task.TaskListItemId > 0 {
		return def.Task.TaskListItemId, nil
	}
	return 0, msg.Errorf(nil, msg.FollowUpNoTask)
}

func followUpTitle(l *lead.Lead) string {
	name := strings.TrimSpace(l.CompanyName)
	if !l.Score.Valid {
		return msg.New(msg.FollowUpTitleNoScore, "name", name).String()
	}
	return msg.New(msg.FollowUpTitle, "name", name, "score", strconv.FormatFloat(l.Score.Value, 'f', 0, 64)).String()
}

func followUpDescription(l *lead.Lead) string {
	var parts []string
	if s := strings.TrimSpace(l.ReasonForFit); s != "" {
		parts = append(parts, msg.New(msg.FollowUpWhy).String()+":\n"+s)
	}
	if s := strings.TrimSpace(l.ConversationStarters); s != "" {
		parts = append(parts, msg.New(msg.FollowUpStarters).String()+":\n"+s)
	}
	return strings.Join(parts, "\n\n")
}

// fieldLength is the tenant's length of an appointment field, or fallback.
func fieldLength(def *so.AppointmentEntity, name string, fallback int) int {
	if fp, ok := def.FieldProperties[name]; ok && fp.FieldLength > 0 {
		return fp.FieldLength
	}
	return fallback
}

// cut shortens s to n characters, ending in "…" when it was cut.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n <= 1 {
		return string([]rune(s)[:max(n, 0)])
	}
	return strings.TrimRight(string([]rune(s)[:n-1]), " \n") + "…"
}
