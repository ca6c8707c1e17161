package export

import "time"

// FollowUpHour is the local hour a follow-up is booked at.
const FollowUpHour = 9

// FollowUpStart is n working days after from's date, at 09:00 in from's
// location (the user's local time). Working days are Monday to Friday:
// holidays are not known to the app, so a follow-up can land on one (the
// user moves it in SuperOffice). n below 1 counts as 1.
func FollowUpStart(from time.Time, n int) time.Time {
	n = max(n, 1)
	d := time.Date(from.Year(), from.Month(), from.Day(), FollowUpHour, 0, 0, 0, from.Location())
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return d
}
