package export

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// friday is 4 December 2026, 15:30 in the user's time zone.
var friday = time.Date(2026, 12, 4, 15, 30, 0, 0, time.FixedZone("CET", 3600))

const followUpLead = `{"id":"f1","companyName":"Fjord Finans ApS","cvr":"29403473","score":87,
	"reasonForFit":"They are hiring three sellers and run an old CRM that no longer fits the way they work with leads.",
	"conversationStarters":"Ask how they qualify inbound leads today.",
	"contacts":[{"name":"Jane Fjord","email":"jane@fjord.dk"},{"name":"Bo Fjord","email":"bo@fjord.dk"}]}`

// followUpEnv is a tenant with a short Description limit, a task type
// chosen for the tenant, the lead imported and the clock on a Friday.
func followUpEnv(t *testing.T, opts ...so.Option) (*env, int64) {
	t.Helper()
	old := msg.Language()
	msg.SetLanguage(msg.Danish)
	t.Cleanup(func() { msg.SetLanguage(old) })
	e := newEnv(t, nil, opts...)
	e.sim.SetAppointmentLimits(254, 60)
	e.eng.now = func() time.Time { return friday }
	if err := e.db.SetTenantSetting(context.Background(), e.sim.Ctx(), store.SettingFollowUpTask, "4", friday); err != nil {
		t.Fatal(err)
	}
	return e, e.importLeads(t, followUpLead)["f1"]
}

func TestFollowUpIsBookedOnceWithDatePersonTaskTitleAndCutDescription(t *testing.T) {
	e, id := followUpEnv(t)
	ctx := context.Background()
	res, err := e.eng.Sync(ctx, id, Choice{Create: true, FollowUpDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.FollowUp == nil || res.FollowUp.StartDate != "2026-12-07T09:00:00" || res.FollowUp.Existing {
		t.Fatalf("follow-up = %+v, want Monday 09:00 (Friday + 1 working day); warnings %v", res.FollowUp, res.Warnings)
	}
	appts := e.sim.Appointments()
	if len(appts) != 1 {
		t.Fatalf("%d appointments, want 1", len(appts))
	}
	a := appts[0]
	var jane int
	for _, p := range e.sim.Persons() {
		if p.Firstname == "Jane" && p.ContactId == res.ContactID {
			jane = p.PersonId
		}
	}
	if a["AppointmentId"] != res.FollowUp.AppointmentID || a["Type"] != "inChecklist" || a["StartDate"] != "2026-12-07T09:00:00" ||
		a["EndDate"] != "2026-12-07T09:00:00" || a["Title"] != "Opfølgning: Fjord Finans ApS (RabitIQ score 87)" {
		t.Errorf("appointment = %v", a)
	}
	if get(a, "Contact", "ContactId") != res.ContactID || get(a, "Person", "PersonId") != jane || jane == 0 ||
		get(a, "Task", "TaskListItemId") != 4 || get(a, "Associate", "AssociateId") != 5 {
		t.Errorf("references = contact %v person %v (Jane %d) task %v associate %v", get(a, "Contact"), get(a, "Person"), jane, get(a, "Task"), get(a, "Associate"))
	}
	desc, _ := a["Description"].(string)
	if n := len([]rune(desc)); n != 60 || !strings.HasPrefix(desc, "Hvorfor de passer:\nThey are hiring") || !strings.HasSuffix(desc, "…") {
		t.Errorf("description (%d runes) = %q, want the fit reason cut to the tenant's 60", n, desc)
	}

	// A re-sync with the follow-up asked for again books nothing new.
	again, err := e.eng.Sync(ctx, id, Choice{ContactID: res.ContactID, FollowUpDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	if again.FollowUp == nil || !again.FollowUp.Existing || again.FollowUp.AppointmentID != res.FollowUp.AppointmentID {
		t.Errorf("re-sync follow-up = %+v, want the existing one", again.FollowUp)
	}
	// Nor does a batch re-run, days later.
	e.eng.now = func() time.Time { return friday.AddDate(0, 0, 3) }
	sum := e.eng.Batch(ctx, []int64{id}, BatchOptions{FollowUpDays: 2, Concurrency: 1}, nil)
	if sum.Updated != 1 {
		t.Fatalf("batch = %+v", sum)
	}
	if n := len(e.sim.Appointments()); n != 1 || e.requests("POST", "v1/Appointment") != 1 {
		t.Fatalf("%d appointments after a re-sync and a batch re-run (%d POSTs), want 1", n, e.requests("POST", "v1/Appointment"))
	}
}

// Without a chosen task type the tenant's default task is used, and
// without a follow-up asked for none is booked.
func TestFollowUpDefaultTaskAndOptIn(t *testing.T) {
	e, id := followUpEnv(t)
	ctx := context.Background()
	if err := e.db.SetTenantSetting(ctx, e.sim.Ctx(), store.SettingFollowUpTask, "", friday); err != nil {
		t.Fatal(err)
	}
	res, err := e.eng.Sync(ctx, id, Choice{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.FollowUp != nil || len(e.sim.Appointments()) != 0 {
		t.Fatalf("a follow-up was booked without being asked for: %+v", res.FollowUp)
	}
	if res, err = e.eng.Sync(ctx, id, Choice{ContactID: res.ContactID, FollowUpDays: 3}); err != nil {
		t.Fatal(err)
	}
	a := e.sim.Appointments()
	if len(a) != 1 || get(a[0], "Task", "TaskListItemId") != 1 || res.FollowUp.StartDate != "2026-12-09T09:00:00" {
		t.Fatalf("appointments = %v, result %+v; want the default task 1 on Wednesday", a, res.FollowUp)
	}
}

// The answer to POST Appointment is lost after the appointment was saved:
// the sync still succeeds, and neither the look-up nor a retry books a
// second one. A tenant that refuses the look-up's (undocumented) column
// leaves the follow-up "unsure": never booked again on a guess.
func TestFollowUpLostAnswerIsNotBookedTwice(t *testing.T) {
	e, id := followUpEnv(t, so.WithTimeout(300*time.Millisecond))
	ctx := context.Background()
	res, err := e.eng.Sync(ctx, id, Choice{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	e.sim.Faults().HangAfterCreate(2 * time.Second)
	first, err := e.eng.Sync(ctx, id, Choice{ContactID: res.ContactID, FollowUpDays: 1})
	if err != nil {
		t.Fatalf("a lost follow-up answer failed the sync: %v", err)
	}
	for i := 0; i < 2; i++ { // a retry, then a batch re-run
		if i == 0 {
			_, err = e.eng.Sync(ctx, id, Choice{ContactID: res.ContactID, FollowUpDays: 1})
		} else if sum := e.eng.Batch(ctx, []int64{id}, BatchOptions{FollowUpDays: 1, Concurrency: 1}, nil); sum.Updated != 1 {
			t.Fatalf("batch = %+v", sum)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	appts := e.sim.Appointments()
	if len(appts) != 1 || e.requests("POST", "v1/Appointment") != 1 {
		t.Fatalf("%d appointments, %d POSTs after a lost answer and two retries, want 1", len(appts), e.requests("POST", "v1/Appointment"))
	}
	f, ok, err := e.db.FollowUpFor(ctx, e.sim.Ctx(), id, int64(res.ContactID))
	if err != nil || !ok {
		t.Fatalf("no follow-up recorded: %v", err)
	}
	if e.sim.Strict() {
		if first.FollowUp != nil || f.AppointmentID != 0 || !hasWarning(first, msg.FollowUpUnsure) {
			t.Errorf("strict: follow-up %+v, stored %+v, warnings %v; want unsure and not booked again", first.FollowUp, f, first.Warnings)
		}
		return
	}
	if first.FollowUp == nil || first.FollowUp.AppointmentID != appts[0]["AppointmentId"] || f.AppointmentID != int64(first.FollowUp.AppointmentID) {
		t.Errorf("the lost appointment was not found: result %+v, stored %+v, warnings %v", first.FollowUp, f, first.Warnings)
	}
}

// A follow-up SuperOffice refuses is not booked, the sync still succeeds
// with a warning, and the next sync may book it.
func TestFollowUpRefusedIsAWarningAndRetried(t *testing.T) {
	e, id := followUpEnv(t)
	ctx := context.Background()
	e.sim.Faults().FailNextMatching("POST", "v1/Appointment", 1, 400, 0)
	res, err := e.eng.Sync(ctx, id, Choice{Create: true, FollowUpDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.FollowUp != nil || !hasWarning(res, msg.FollowUpFailed) {
		t.Fatalf("follow-up %+v, warnings %v", res.FollowUp, res.Warnings)
	}
	if res, err = e.eng.Sync(ctx, id, Choice{ContactID: res.ContactID, FollowUpDays: 1}); err != nil || res.FollowUp == nil {
		t.Fatalf("retry: %+v %v", res, err)
	}
	if n := len(e.sim.Appointments()); n != 1 {
		t.Fatalf("%d appointments, want 1", n)
	}
}

func hasWarning(r *Result, code string) bool {
	for _, w := range r.WarningCodes {
		if w.Code == code {
			return true
		}
	}
	return false
}

// get walks a rendered appointment along keys.
func get(v any, keys ...string) any {
	for _, k := range keys {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

// The task type chosen in Integrationer (4) was deleted in the tenant
// since: the follow-up is booked with the Task list's default (what
// Integrationer shows as "standard"), the user is told, and the deleted
// id is never sent (a strict tenant would refuse the whole task).
func TestFollowUpDeletedTaskTypeFallsBackToTheListDefault(t *testing.T) {
	e, id := followUpEnv(t)
	ctx := context.Background()
	if err := e.sim.DeleteListItem(sotest.ListTask, 4); err != nil {
		t.Fatal(err)
	}
	var listDefault int
	for _, it := range e.sim.ListItems(sotest.ListTask) {
		if it.Default && !it.Deleted {
			listDefault = it.ID
		}
	}
	if listDefault == 0 || listDefault == 4 {
		t.Fatalf("the simulator's Task list has default %d", listDefault)
	}
	res, err := e.eng.Sync(ctx, id, Choice{Create: true, FollowUpDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	a := e.sim.Appointments()
	if len(a) != 1 || get(a[0], "Task", "TaskListItemId") != listDefault || res.FollowUp == nil {
		t.Fatalf("appointments = %v, follow-up %+v; want one with the list's default task %d", a, res.FollowUp, listDefault)
	}
	if !hasWarning(res, msg.FollowUpTaskGone) {
		t.Errorf("no warning that the chosen task type is gone: %v", res.Warnings)
	}
}
