package lead

import (
	"strings"
	"time"
)

// parseDate reads createdAt into YYYY-MM-DD. It accepts RFC 3339 and any
// text that starts with a YYYY-MM-DD date followed by a time ("T09:16:00",
// " 09:16"), and the Danish day-first forms DD-MM-YYYY, DD.MM.YYYY and
// DD/MM/YYYY (one-digit day or month too). The date is taken as written:
// a timestamp is not moved to another time zone, so the day the file
// states is the day stored.
func parseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	day := s
	if i := strings.IndexAny(s, "Tt "); i >= 0 {
		day = s[:i]
	}
	if len(day) == 10 && day[4] == '-' && day[7] == '-' {
		// Already YYYY-MM-DD, the common case: check it, keep the text.
		if _, err := time.Parse(time.DateOnly, day); err == nil {
			return day, true
		}
	}
	for _, layout := range [...]string{"2006-1-2", "2-1-2006", "2.1.2006", "2/1/2006"} {
		if t, err := time.Parse(layout, day); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}
