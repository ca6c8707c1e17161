package msg

import (
	"testing"
	"time"
)

func TestFollowUpWhenInBothLanguages(t *testing.T) {
	at := time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC)
	m := New(FollowUpBooked, "when", at)
	if got := m.Text(Danish); got != "Opfølgning oprettet: tir. 8. dec. kl. 09:00" {
		t.Errorf("Danish: %q", got)
	}
	if got := m.Text(English); got != "Follow-up booked: Tue 8 Dec at 09:00" {
		t.Errorf("English: %q", got)
	}
	if got := New(FollowUpBooked, "when", time.Date(2027, 5, 2, 9, 0, 0, 0, time.UTC)).Text(Danish); got != "Opfølgning oprettet: søn. 2. maj kl. 09:00" {
		t.Errorf("Danish May: %q", got)
	}
}
