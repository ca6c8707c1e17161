package lead

import (
	"bytes"
	"unicode/utf8"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// Text rendering: the contract lets every text field arrive as a string, a
// list of strings or a list of objects, and a SuperOffice field can only
// hold text, so lists become "• item" lines and objects read like prose.
// Raw JSON is never shown to a user.

// bullet starts each line of a rendered list.
const bullet = "• "

// renderText reads the value at the scanner position as text and appends
// it to the lead buffer d.lb: a string as is, a list as "• item" lines
// (long) or joined with ", " (short), an object as its fields. The text is
// trimmed; bad reports invalid UTF-8.
func (d *decoder) renderText(long bool) (bad bool, err error) {
	s := &d.s
	if s.pos < len(s.data) {
		switch s.data[s.pos] {
		case '"':
			t, bad, err := s.str(true)
			d.lb = append(d.lb, bytes.TrimSpace(t)...)
			return bad, err
		case '[':
			if long {
				return d.bullets()
			}
		}
	}
	d.arena = d.arena[:0]
	bad, err = d.inline()
	d.lb = append(d.lb, d.arena...)
	return bad, err
}

// bullets renders a list as one "• item" line per non-empty item.
func (d *decoder) bullets() (anyBad bool, err error) {
	s := &d.s
	if err := s.enter(); err != nil {
		return false, err
	}
	start := len(d.lb)
	for first := true; ; first = false {
		more, err := s.next(first, ']')
		if err != nil || !more {
			return anyBad, err
		}
		d.arena = d.arena[:0]
		bad, err := d.inline()
		if err != nil {
			return false, err
		}
		anyBad = anyBad || bad
		if len(d.arena) == 0 {
			continue
		}
		if len(d.lb) > start {
			d.lb = append(d.lb, '\n')
		}
		d.lb = append(d.lb, bullet...)
		d.lb = append(d.lb, d.arena...)
	}
}

// inline renders the value at the scanner position on one line (strings
// keep their own newlines) and appends it, trimmed, to d.arena.
func (d *decoder) inline() (bad bool, err error) {
	s := &d.s
	if s.pos >= len(s.data) {
		return false, s.unexpected(msg.LeadInValue)
	}
	switch s.data[s.pos] {
	case '[':
		return d.inlineList()
	case '{':
		return d.inlineObject()
	}
	text, kind, bad, err := s.scalar()
	if err != nil || kind == 'n' {
		return false, err
	}
	d.arena = append(d.arena, bytes.TrimSpace(text)...)
	return bad, nil
}

func (d *decoder) inlineList() (anyBad bool, err error) {
	s := &d.s
	if err := s.enter(); err != nil {
		return false, err
	}
	a := len(d.arena)
	for first := true; ; first = false {
		more, err := s.next(first, ']')
		if err != nil || !more {
			return anyBad, err
		}
		mark := len(d.arena)
		if mark > a {
			d.arena = append(d.arena, ", "...)
		}
		start := len(d.arena)
		bad, err := d.inline()
		if err != nil {
			return false, err
		}
		anyBad = anyBad || bad
		if len(d.arena) == start {
			d.arena = d.arena[:mark]
		}
	}
}

// part is one rendered field of an object: arena ranges of key and value.
type part struct {
	k0, k1, v0, v1 int
	role           uint8
}

// Roles of the object fields that the known shapes use: a competitor
// {name, website}, a job posting {title, url, postedAt} and a signal
// {signal, source, date}.
const (
	rOther uint8 = iota
	rName
	rWebsite
	rTitle
	rURL
	rPosted
	rSignal
	rSource
	rDate
	numRoles
)

func role(k []byte) uint8 {
	var nb [32]byte
	nk, ok := normKey(&nb, k)
	if !ok {
		return rOther
	}
	switch nk {
	case "name":
		return rName
	case "website":
		return rWebsite
	case "title":
		return rTitle
	case "url", "link":
		return rURL
	case "postedat", "posted":
		return rPosted
	case "signal":
		return rSignal
	case "source":
		return rSource
	case "date":
		return rDate
	}
	return rOther
}

// inlineObject renders an object readably: the known shapes as
// "Name (website)", "Title – postedAt – url" and "signal (source, date)";
// any other fields as "key: value, key: value" in file order (stable for a
// given file, and the order the writer thought readable).
func (d *decoder) inlineObject() (anyBad bool, err error) {
	s := &d.s
	if err := s.enter(); err != nil {
		return false, err
	}
	a := len(d.arena)
	base := len(d.pairs)
	defer func() { d.pairs = d.pairs[:base] }()
	for first := true; ; first = false {
		more, err := s.next(first, '}')
		if err != nil {
			return false, err
		}
		if !more {
			break
		}
		k, err := s.key()
		if err != nil {
			return false, err
		}
		k0 := len(d.arena)
		d.arena = appendClean(d.arena, k)
		k1 := len(d.arena)
		bad, err := d.inline()
		if err != nil {
			return false, err
		}
		anyBad = anyBad || bad
		if len(d.arena) == k1 {
			d.arena = d.arena[:k0]
			continue
		}
		d.pairs = append(d.pairs, part{k0, k1, k1, len(d.arena), role(k)})
	}
	start := len(d.arena)
	d.compose(d.pairs[base:])
	n := copy(d.arena[a:], d.arena[start:])
	d.arena = d.arena[:a+n]
	return anyBad, nil
}

// compose appends the readable form of an object's parts to d.arena.
func (d *decoder) compose(ps []part) {
	var at [numRoles]int // 1 + index of the first part with each role
	for i := range ps {
		if r := ps[i].role; r != rOther && at[r] == 0 {
			at[r] = i + 1
		}
	}
	used := make([]bool, len(ps))
	take := func(r uint8) []byte {
		if at[r] == 0 {
			return nil
		}
		i := at[r] - 1
		used[i] = true
		return d.arena[ps[i].v0:ps[i].v1]
	}
	// join appends the non-empty values with sep between them.
	join := func(sep string, vs ...[]byte) {
		n := 0
		for _, v := range vs {
			if len(v) == 0 {
				continue
			}
			if n > 0 {
				d.arena = append(d.arena, sep...)
			}
			d.arena = append(d.arena, v...)
			n++
		}
	}
	start := len(d.arena)
	switch {
	case at[rSignal] != 0:
		d.arena = append(d.arena, take(rSignal)...)
		if at[rSource] != 0 || at[rDate] != 0 {
			d.arena = append(d.arena, " ("...)
			join(", ", take(rSource), take(rDate))
			d.arena = append(d.arena, ')')
		}
	case at[rTitle] != 0:
		posted := take(rPosted)
		if posted == nil {
			posted = take(rDate)
		}
		join(" – ", take(rTitle), posted, take(rURL))
	case at[rName] != 0:
		d.arena = append(d.arena, take(rName)...)
		site := take(rWebsite)
		if site == nil {
			site = take(rURL)
		}
		if site != nil {
			d.arena = append(d.arena, " ("...)
			d.arena = append(d.arena, site...)
			d.arena = append(d.arena, ')')
		}
	}
	n := 0
	for i, p := range ps {
		if used[i] {
			continue
		}
		switch {
		case n > 0:
			d.arena = append(d.arena, ", "...)
		case len(d.arena) > start:
			d.arena = append(d.arena, "; "...)
		}
		d.arena = append(d.arena, d.arena[p.k0:p.k1]...)
		d.arena = append(d.arena, ": "...)
		d.arena = append(d.arena, d.arena[p.v0:p.v1]...)
		n++
	}
}

// appendClean appends text without the control characters that text
// never keeps (keys are read raw, so this cleans them for display).
func appendClean(dst, text []byte) []byte {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		if !isDropped(r) {
			dst = append(dst, text[i:i+n]...)
		}
		i += n
	}
	return dst
}
