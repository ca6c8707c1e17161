package export

import (
	"testing"
	"time"
)

func TestFollowUpStartSkipsWeekends(t *testing.T) {
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		cph = time.FixedZone("CET", 3600)
	}
	day := func(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 30, 0, 0, cph) }
	for _, c := range []struct {
		from time.Time
		n    int
		want time.Time
	}{
		{day(12, 4, 16), 1, day(12, 7, 9)},   // Friday + 1 → Monday
		{day(12, 4, 8), 3, day(12, 9, 9)},    // Friday + 3 → Wednesday
		{day(12, 5, 11), 1, day(12, 7, 9)},   // Saturday + 1 → Monday
		{day(12, 6, 11), 5, day(12, 11, 9)},  // Sunday + 5 → Friday
		{day(12, 7, 10), 5, day(12, 14, 9)},  // Monday + 5 → next Monday
		{day(12, 9, 10), 10, day(12, 23, 9)}, // two weeks
		{day(12, 3, 10), 0, day(12, 4, 9)},   // 0 counts as 1
		{day(3, 27, 10), 1, day(3, 30, 9)},   // across the switch to summer time: still 09:00 local
	} {
		got := FollowUpStart(c.from, c.n)
		want := time.Date(c.want.Year(), c.want.Month(), c.want.Day(), 9, 0, 0, 0, cph)
		if !got.Equal(want) || got.Hour() != 9 {
			t.Errorf("FollowUpStart(%s, %d) = %s, want %s", c.from.Format("Mon 2 Jan 15:04"), c.n, got.Format("Mon 2 Jan 15:04"), want.Format("Mon 2 Jan 15:04"))
		}
	}
}
