package lead

import (
	"fmt"
	"strconv"
)

// finish turns a read lead into an Item or a Rejection on res. idx is the
// 0-based position in the file, line the line the lead starts on, raw its
// bytes.
func (d *decoder) finish(st *leadState, res *Result, idx, line int, raw []byte) {
	for f := range fieldTable {
		if r := &fieldTable[f]; r.need != "" && st.slots[f].prio == 0 {
			st.reject(r.name, "missing or blank; "+r.need)
		}
	}
	if st.rejected {
		res.Rejected = append(res.Rejected, Rejection{
			File: d.file, Index: idx, Line: line, Path: st.rejPath, Reason: st.rejReason,
		})
		return
	}
	if len(d.slab) == 0 {
		// Leads are allocated in blocks: one allocation per 64 leads
		// instead of one per lead.
		d.slab = make([]Lead, 64)
	}
	l := &d.slab[0]
	d.slab = d.slab[1:]

	// One string for all the lead's text; fields are substrings of it.
	str := string(d.lb)
	sl := &st.slots
	text := func(f field) string { return str[sl[f].a:sl[f].b] }
	for f := range sl {
		if fieldTable[f].Kind == KindNumber && sl[f].prio > 0 && !sl[f].num.Valid {
			sl[f].num.Text = text(field(f))
		}
	}
	var warns []string
	warn := func(f field, format string, args ...any) {
		p := sl[f].path()
		if p == "" {
			p = fieldTable[f].name
		}
		warns = append(warns, p+": "+fmt.Sprintf(format, args...))
	}
	for f := range sl {
		if sl[f].bad {
			warn(field(f), "invalid UTF-8 replaced by U+FFFD")
		}
		if fieldTable[f].Kind == KindNumber && sl[f].prio > 0 && !sl[f].num.Valid {
			warn(field(f), "cannot read %q as a number; kept as text, field left empty", sl[f].num.Text)
		}
	}
	for f := range sl {
		if n := sl[f].num; n.Valid {
			if bounds, out := fieldTable[f].outside(n); out {
				warn(field(f), "%s is outside %s; kept as is", strconv.FormatFloat(n.Value, 'f', -1, 64), bounds)
			}
		}
	}

	*l = Lead{Contacts: buildContacts(st, str), Raw: raw}
	for f := range fieldTable {
		r, t := &fieldTable[f], text(field(f))
		switch {
		case r.Kind == KindNumber:
			*r.num(l) = sl[f].num
		case t == "":
		case r.Kind == KindCVR:
			cvr, ok := NormalizeCVR(t)
			*r.str(l), *r.valid(l) = cvr, ok
			if !ok {
				warn(field(f), "%q is not a valid CVR number (8 digits, modulus 11); kept but not used for matching", t)
			}
		case r.Kind == KindDate:
			if day, ok := parseDate(t); ok {
				*r.str(l) = day
			} else {
				*r.kept(l) = t
				warn(field(f), "cannot read %q as a date (want YYYY-MM-DD, DD-MM-YYYY or RFC 3339); kept as text", t)
			}
		default:
			*r.str(l) = t
		}
	}
	warns = append(warns, st.warns...)
	if len(warns) > 0 {
		prefix := fmt.Sprintf("%s: lead %d (line %d): ", shown(d.file), idx+1, line)
		for _, w := range warns {
			res.Warnings = append(res.Warnings, prefix+w)
		}
	}
	res.Leads = append(res.Leads, Item{Index: idx, Line: line, Lead: l})
}

// buildContacts builds the lead's contacts from their text ranges in str.
func buildContacts(st *leadState, str string) []Contact {
	if len(st.contacts) == 0 {
		return nil
	}
	out := make([]Contact, len(st.contacts))
	for i, c := range st.contacts {
		out[i] = Contact{
			Name: str[c[cName][0]:c[cName][1]], Title: str[c[cTitle][0]:c[cTitle][1]],
			Email: str[c[cEmail][0]:c[cEmail][1]], Phone: str[c[cPhone][0]:c[cPhone][1]],
			LinkedIn: str[c[cLinkedIn][0]:c[cLinkedIn][1]],
		}
	}
	return out
}
