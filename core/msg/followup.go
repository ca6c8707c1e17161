package msg

import (
	"fmt"
	"time"
)

// Follow-up messages: the task an export books in the user's SuperOffice
// checklist (app/export/followup.go) and what it says about it. The title
// and description are written into the user's CRM in the app's language.
const (
	FollowUpTitle        = "followup.title"          // {name} {score}
	FollowUpTitleNoScore = "followup.title-no-score" // {name}
	FollowUpWhy          = "followup.why"            // heading of the fit reason in the description
	FollowUpStarters     = "followup.starters"       // heading of the conversation starters
	FollowUpBooked       = "followup.booked"         // {when}: the confirmation
	FollowUpExisting     = "followup.existing"       // {when}: booked by an earlier export
	FollowUpFailed       = "followup.failed"         // warning: the follow-up was not booked
	FollowUpUnsure       = "followup.unsure"         // warning: cannot tell whether it was booked
	FollowUpBook         = "followup.book"           // step: book it
	FollowUpLookUp       = "followup.look-up"        // step: look up an earlier booking
	FollowUpReadDefault  = "followup.read-default"   // step: read Appointment/default
	FollowUpNoTask       = "followup.no-task"        // no task type known
	FollowUpTaskGone     = "followup.task-gone"      // {id}: the chosen task type is deleted in the tenant
	FollowUpRecord       = "followup.record"         // step: remember it locally
	CLIFlagFollowUp      = "cli.flag-follow-up"      // sync --follow-up N
	CLIFollowUpBad       = "cli.follow-up-bad"       // {value}
)

func init() {
	register(map[string][2]string{
		FollowUpTitle:        {"Opfølgning: {name} (RabitIQ score {score})", "Follow-up: {name} (RabitIQ score {score})"},
		FollowUpTitleNoScore: {"Opfølgning: {name}", "Follow-up: {name}"},
		FollowUpWhy:          {"Hvorfor de passer", "Why they fit"},
		FollowUpStarters:     {"Samtalestartere", "Conversation starters"},
		FollowUpBooked:       {"Opfølgning oprettet: {when}", "Follow-up booked: {when}"},
		FollowUpExisting:     {"Opfølgning findes allerede: {when}", "Follow-up already booked: {when}"},
		FollowUpFailed: {"opfølgningen blev ikke oprettet; synkronisér igen for at prøve igen",
			"the follow-up was not booked; sync again to try again"},
		FollowUpUnsure: {"det kunne ikke afgøres, om opfølgningen blev oprettet; se efter i din opgaveliste i SuperOffice, den oprettes ikke igen",
			"it could not be told whether the follow-up was booked; look in your SuperOffice checklist, it is not booked again"},
		FollowUpBook:        {"opret opfølgningen i SuperOffice", "book the follow-up in SuperOffice"},
		FollowUpLookUp:      {"led efter en opfølgning oprettet tidligere", "look for a follow-up booked earlier"},
		FollowUpReadDefault: {"læs SuperOffices standardværdier for aktiviteter", "read the tenant's defaults for follow-ups"},
		FollowUpNoTask:      {"vælg en aktivitetstype til opfølgninger i Integrationer", "choose a task type for follow-ups in Integrations"},
		FollowUpTaskGone: {"opgavetypen for opfølgninger (id {id}) findes ikke længere i SuperOffice; standarden bruges – vælg en ny i Integrationer",
			"the task type for follow-ups (id {id}) no longer exists in SuperOffice; the default is used – choose another in Integrations"},
		FollowUpRecord: {"husk opfølgningen", "remember the follow-up"},
		CLIFlagFollowUp: {"opret en opfølgning i din opgaveliste i SuperOffice om N arbejdsdage (man.–fre.; helligdage kendes ikke), én pr. lead",
			"book a follow-up in your SuperOffice checklist in N working days (Mon–Fri; holidays are not known), one per lead"},
		CLIFollowUpBad: {"sync: --follow-up vil have et antal arbejdsdage fra 0 til 60, ikke {value}",
			"sync: --follow-up wants a number of working days from 0 to 60, not {value}"},
	})
}

// Short weekday and month names for a follow-up's time.
var (
	daWeekdays = [...]string{"søn.", "man.", "tir.", "ons.", "tor.", "fre.", "lør."}
	daMonths   = [...]string{"jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."}
)

// when renders a time argument the way a Danish or English salesperson
// reads an appointment: "tir. 8. dec. kl. 09:00", "Tue 8 Dec at 09:00".
func when(t time.Time, l Lang) string {
	if l == English {
		return t.Format("Mon 2 Jan at 15:04")
	}
	return fmt.Sprintf("%s %d. %s kl. %s", daWeekdays[t.Weekday()], t.Day(), daMonths[t.Month()-1], t.Format("15:04"))
}
