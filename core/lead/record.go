package lead

import (
	"bytes"
	"fmt"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// slot holds the winning value for one field while a lead is read. Keys
// compete by rank, so a canonical key wins over its aliases whatever their
// order in the file; a null or blank value never takes a slot, so an alias
// still fills a field whose canonical key is empty.
//
// The text itself lives in the decoder's per-lead buffer (a, b is its
// range): finish turns the whole buffer into one string and every field is
// a substring of it, one allocation per lead instead of one per field.
type slot struct {
	a, b   int    // the text (for numbers, dates and CVRs as written) in decoder.lb
	num    Number // Valid and Value; Text is filled in by finish
	prio   int8   // 0 while unset
	bad    bool   // invalid UTF-8 was replaced
	parent []byte
	key    []byte // the key as written, for messages
}

// path is the slot's JSON path as the file spells it, e.g. "financials.revenue".
func (sl *slot) path() string { return pathOf(sl.parent, sl.key) }

func pathOf(parent, key []byte) string {
	if len(parent) == 0 {
		return string(key)
	}
	return string(parent) + "." + string(key)
}

// leadState is one lead being read.
type leadState struct {
	slots     [numFields]slot
	contacts  [][numContactFields][2]int // text ranges in decoder.lb
	warns     []Warning                  // found while reading (contacts): Path and Msg set
	rejected  bool
	rejPath   string
	rejReason msg.Message
}

// reject records why the lead cannot be imported. The first reason wins:
// it is the one nearest the top of the lead.
func (st *leadState) reject(path string, reason msg.Message) {
	if !st.rejected {
		st.rejected, st.rejPath, st.rejReason = true, path, reason
	}
}

func (st *leadState) warn(path, code string, kv ...any) {
	st.warns = append(st.warns, Warning{Path: path, Msg: msg.New(code, kv...)})
}

// object iterates an object's members, calling fn with the scanner at
// each value; fn must consume the value.
func (d *decoder) object(fn func(k []byte) error) error {
	s := &d.s
	if err := s.enter(); err != nil {
		return err
	}
	for first := true; ; first = false {
		more, err := s.next(first, '}')
		if err != nil || !more {
			return err
		}
		k, err := s.key()
		if err != nil {
			return err
		}
		if err := fn(k); err != nil {
			return err
		}
	}
}

// leadObject reads the lead object at the scanner into st. At top level a
// "leads" array makes the object a wrapper: its leads go straight to res
// and wrapper is true (st is then meaningless).
func (d *decoder) leadObject(st *leadState, top bool, res *Result) (wrapper bool, err error) {
	err = d.object(func(k []byte) error {
		return d.member(st, scLead, nil, k, top, res, &wrapper)
	})
	return wrapper, err
}

// member reads the value of key k in scope sc (parent is the enclosing
// key inside financials/swot).
func (d *decoder) member(st *leadState, sc scope, parent, k []byte, top bool, res *Result, wrapper *bool) error {
	s := &d.s
	var nb [32]byte
	nk, ok := normKey(&nb, k)
	var f field
	var alias bool
	if ok {
		f, alias, ok = lookup(sc, nk)
	}
	if !ok || s.pos >= len(s.data) {
		return s.skip()
	}
	c := s.data[s.pos]
	switch f {
	case fLeads:
		if !top {
			return s.skip()
		}
		if c != '[' {
			return &shapeError{off: s.pos, msg: msg.New(msg.LeadNotArray, "key", string(k), "got", kindName(c))}
		}
		*wrapper = true
		d.prescan = true
		return d.leadArray(res)
	case fContacts:
		return d.contacts(st, pathOf(parent, k))
	case fFinancials, fSwot:
		if c == 'n' {
			return s.skip()
		}
		if c != '{' {
			st.reject(string(k), msg.New(msg.LeadWantKind, "want", msg.New(msg.LeadKindObject), "got", kindName(c)))
			return s.skip()
		}
		sub := scFinancials
		if f == fSwot {
			sub = scSwot
		}
		return d.object(func(k2 []byte) error {
			return d.member(st, sub, k, k2, false, res, nil)
		})
	}
	return d.slotValue(st, f, rank(f, k, alias, sc != scLead), parent, k)
}

// slotValue reads the value for slot f and keeps it if it outranks what
// the slot holds.
func (d *decoder) slotValue(st *leadState, f field, r int8, parent, k []byte) error {
	s := &d.s
	sl := &st.slots[f]
	c := s.data[s.pos]
	kd := fieldTable[f].Kind
	if (c == '{' || c == '[') && kd != KindShort && kd != KindLong {
		want := msg.LeadKindString
		if kd == KindNumber {
			want = msg.LeadKindNumber
		}
		st.reject(pathOf(parent, k), msg.New(msg.LeadWantKind, "want", msg.New(want), "got", kindName(c)))
		return s.skip()
	}
	if r < sl.prio {
		return s.skip()
	}
	a := len(d.lb)
	var bad bool
	var num Number
	switch kd {
	case KindShort, KindLong:
		b, err := d.renderText(kd == KindLong)
		if err != nil {
			return err
		}
		bad = b
	default:
		t, kc, b, err := s.scalar()
		if err != nil {
			return err
		}
		if t = bytes.TrimSpace(t); kc == 'n' {
			t = nil
		}
		d.lb = append(d.lb, t...)
		bad = b
		if kd == KindNumber && len(t) > 0 {
			num = readNumber(t, kc)
		}
	}
	if len(d.lb) == a {
		return nil
	}
	*sl = slot{a: a, b: len(d.lb), num: num, prio: r, bad: bad, parent: parent, key: k}
	return nil
}

// readNumber reads a number slot: a JSON number exactly, text in Danish or
// English notation. Anything else is invalid; finish keeps it as text.
func readNumber(text []byte, kind byte) Number {
	var v float64
	var ok bool
	switch kind {
	case '0':
		v, ok = parseFloat(text)
	case '"':
		v, ok = ParseNumber(string(text))
	}
	if !ok {
		return Number{}
	}
	return Number{Value: v, Valid: true}
}

// contacts reads the contacts array. A contact that is not an object, or
// has neither name nor e-mail, is dropped with a warning; the lead stays.
func (d *decoder) contacts(st *leadState, path string) error {
	s := &d.s
	c := s.data[s.pos]
	if c == 'n' {
		return s.skip()
	}
	if c != '[' {
		st.reject(path, msg.New(msg.LeadWantKind, "want", msg.New(msg.LeadKindArray), "got", kindName(c)))
		return s.skip()
	}
	if err := s.enter(); err != nil {
		return err
	}
	for i := 0; ; i++ {
		more, err := s.next(i == 0, ']')
		if err != nil || !more {
			return err
		}
		switch c := s.data[s.pos]; c {
		case '{':
			err = d.contact(st, path, i)
		case 'n':
			err = s.skip()
		default:
			st.warn(fmt.Sprintf("%s[%d]", path, i), msg.LeadContactNotObject, "got", kindName(c))
			err = s.skip()
		}
		if err != nil {
			return err
		}
	}
}

// contact reads contact i of the array at parent ("contacts").
func (d *decoder) contact(st *leadState, parent string, i int) error {
	s := &d.s
	path := func() string { return fmt.Sprintf("%s[%d]", parent, i) }
	var ct [numContactFields][2]int
	var keys [numContactFields][]byte
	var prio [numContactFields]int8
	var bad [numContactFields]bool
	err := d.object(func(k []byte) error {
		var nb [32]byte
		nk, ok := normKey(&nb, k)
		var f int
		var alias bool
		if ok {
			f, alias, ok = lookupContact(nk)
		}
		if !ok {
			return s.skip()
		}
		if c := s.data[s.pos]; c == '{' || c == '[' {
			st.warn(path()+"."+string(k), msg.LeadContactNotString, "got", kindName(c))
			return s.skip()
		}
		r := int8(2)
		switch {
		case alias:
			r = 1
		case string(k) == contactCanon[f]:
			r = 3
		}
		if r < prio[f] {
			return s.skip()
		}
		t, kc, b, err := s.scalar()
		if err != nil {
			return err
		}
		if t = bytes.TrimSpace(t); kc != 'n' && len(t) > 0 {
			a := len(d.lb)
			d.lb = append(d.lb, t...)
			ct[f], prio[f], bad[f], keys[f] = [2]int{a, len(d.lb)}, r, b, k
		}
		return nil
	})
	if err != nil {
		return err
	}
	if prio[cName] == 0 && prio[cEmail] == 0 {
		st.warn(path(), msg.LeadContactNameless)
		return nil
	}
	for f := range bad {
		if bad[f] {
			st.warn(path()+"."+string(keys[f]), msg.LeadBadUTF8)
		}
	}
	st.contacts = append(st.contacts, ct)
	return nil
}
