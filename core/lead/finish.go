package lead

import (
	"github.com/rabitiq/superoffice-sync/core/msg"
)

// finish turns a read lead into an Item or a Rejection on res. idx is the
// 0-based position in the file, line the line the lead starts on, raw its
// bytes.
func (d *decoder) finish(st *leadState, res *Result, idx, line int, raw []byte) {
	for f := range fieldTable {
		if r := &fieldTable[f]; r.need != "" && st.slots[f].prio == 0 {
			st.reject(r.name, msg.New(r.need))
		}
	}
	if st.rejected {
		res.Rejected = append(res.Rejected, Rejection{
			File: d.file, Index: idx, Line: line, Path: st.rejPath, Msg: st.rejReason,
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
	warn := func(f field, code string, kv ...any) {
		p := sl[f].path()
		if p == "" {
			p = fieldTable[f].name
		}
		res.Warnings = append(res.Warnings, Warning{File: d.file, Index: idx, Line: line, Path: p, Msg: msg.New(code, kv...)})
	}
	for f := range sl {
		if sl[f].bad {
			warn(field(f), msg.LeadBadUTF8)
		}
		if fieldTable[f].Kind == KindNumber && sl[f].prio > 0 && !sl[f].num.Valid {
			warn(field(f), msg.LeadNumberUnreadable, "value", sl[f].num.Text)
		}
	}
	for f := range sl {
		if n := sl[f].num; n.Valid {
			if fieldTable[f].outside(n) {
				warn(field(f), msg.LeadOutside, "value", n.Value, "min", fieldTable[f].bounds[0], "max", fieldTable[f].bounds[1])
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
				warn(field(f), msg.LeadCVRInvalid, "value", t)
			}
		case r.Kind == KindDate:
			if day, ok := parseDate(t); ok {
				*r.str(l) = day
			} else {
				*r.kept(l) = t
				warn(field(f), msg.LeadDateUnreadable, "value", t)
			}
		default:
			*r.str(l) = t
		}
	}
	for _, w := range st.warns {
		w.File, w.Index, w.Line = d.file, idx, line
		res.Warnings = append(res.Warnings, w)
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
