package fieldsetup

import "strings"

// Confirmed maps a RabitIQ Prog ID ("RabitIQ:3") to the tenant's
// CustomFields key the admin confirmed for it in the field setup screen
// ("SuperOffice:5", "x_branche"). It is kept per tenant by the app.
type Confirmed map[string]string

// key returns the tenant key confirmed for progID, matching Prog IDs as
// SuperOffice does (case-insensitively, stray spaces ignored).
func (c Confirmed) key(progID string) string {
	if k, ok := c[progID]; ok {
		return strings.TrimSpace(k)
	}
	want := normKey(progID)
	for id, k := range c {
		if normKey(id) == want {
			return strings.TrimSpace(k)
		}
	}
	return ""
}

// suggest turns a usable company field found by extra name or label into
// a suggestion: it may be an unrelated field of the tenant's that happens
// to share a name with ours, and writing to it would overwrite someone
// else's data.
func suggest(st Status, note, by string) (Status, string) {
	if st != Present || (by != ByExtra && by != ByLabel) {
		return st, note
	}
	how := "label"
	if by == ByExtra {
		how = "extra-field name"
	}
	return Suggested, join("found by "+how+", not by Prog ID: not written until confirmed in Field setup", note)
}

// staleNote says why a confirmed tenant field is not in use, if it is not.
func staleNote(r Result) string {
	switch {
	case r.ConfirmedKey == "":
		return ""
	case r.MatchedBy == ByProgID:
		return "a field with the Prog ID is used instead of the confirmed " + r.ConfirmedKey
	case r.MatchedBy != ByConfirmed:
		return "the confirmed field " + r.ConfirmedKey + " no longer exists on Company"
	}
	return ""
}

// Result returns the check of the field with this Prog ID.
func (r Report) Result(progID string) (Result, bool) {
	want := normKey(progID)
	for _, x := range r.Results {
		if normKey(x.Field.ProgID) == want {
			return x, true
		}
	}
	return Result{}, false
}

// Suggestions is the number of fields waiting for the admin's
// confirmation.
func (r Report) Suggestions() int {
	n := 0
	for _, x := range r.Results {
		if x.Status == Suggested {
			n++
		}
	}
	return n
}
