package lead

import (
	"errors"
	"io"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// A big file whose top level is an object, streamed: one lead, or a
// {"leads": [...]} wrapper. The checker reads the object without keeping
// it until a top-level "leads" key; each such key's array is then split
// and decoded like a top-level array, its elements one level deeper, so
// a wrapper costs no more memory than an array, whatever its size, and a
// huge lead in it is rejected on its own. The wrapper's other keys mean
// nothing to the import (as in Decode): they are only checked.

// object reads a top-level object. A wrapper's leads are streamed to
// emit; an object without a "leads" key is one lead: one over
// MaxLeadSize is rejected without being kept, a smaller one (which in a
// big file has more after it, as in JSON Lines) is read whole.
func (sp *splitter) object(batch int, whole func() (*Result, error), emit func(*Result) error) error {
	e := element{line: sp.line, col: sp.col}
	c := &checker{keys: true}
	size, err := sp.check(c, nil, e)
	switch {
	case err != nil:
		return err
	case c.wrapper:
		return sp.wrapper(c, batch, emit)
	case size <= MaxLeadSize:
		return sp.readWhole(whole, emit)
	}
	if _, err := sp.peekNonSpace(); !errors.Is(err, io.EOF) {
		return sp.readWhole(whole, emit)
	}
	return emit(&Result{File: sp.file, Rejected: []Rejection{tooBigLead(sp.file, 0, e.line, size)}})
}

// wrapper reads the rest of a wrapper whose first "leads" key c has just
// read. Every "leads" array is streamed, lead numbers running on from one
// to the next. A "leads" value that is not an array refuses the file
// (ErrNoLeads, as Decode says), once the rest of it is found well-formed;
// nothing after it is handed over.
func (sp *splitter) wrapper(c *checker, batch int, emit func(*Result) error) error {
	sp.depth = 2
	idx := 0
	var shape error
	for c.wrapper {
		c.wrapper = false
		key := c.kraw
		v, err := sp.toValue(c)
		if err != nil {
			return err
		}
		switch {
		case shape != nil: // the file is refused: the rest is only checked
		case v == '[':
			_, _ = sp.readByte()
			if idx, err = sp.elements(batch, idx, emit); err != nil {
				return err
			}
			c.st = chAfter // the array, which the checker never saw, is one value of the object
		default:
			shape = &FileError{File: sp.file, Line: sp.line, Column: sp.col, Err: ErrNoLeads,
				Msg: msg.New(msg.LeadNotArray, "key", keyText(key), "got", kindName(v))}
		}
		if _, err := sp.check(c, nil, element{}); err != nil {
			return err
		}
	}
	if err := sp.end(); err != nil {
		return err
	}
	return shape
}

// toValue reads, through the checker, what lies between an object key and
// its value (spaces and the colon), and returns the value's first byte,
// not read.
func (sp *splitter) toValue(c *checker) (byte, error) {
	for {
		b, err := sp.r.Peek(1)
		if errors.Is(err, io.EOF) {
			return 0, sp.syntax(msg.New(msg.LeadEndFile))
		} else if err != nil {
			return 0, unreadable(sp.file, err)
		}
		if c.st == chValue && !isWS(b[0]) {
			return b[0], nil
		}
		if c.feed(b[:1]); c.msg.Code != "" {
			return 0, sp.checkError(c, sp.line, sp.col)
		}
		_, _ = sp.readByte()
	}
}

// keyText is a key as written (raw, escapes and all) as the scanner
// reads it, for a message.
func keyText(raw []byte) string {
	s := scanner{data: append(append([]byte{'"'}, raw...), '"')}
	if k, _, err := s.rawStr(); err == nil {
		return string(k)
	}
	return shown(string(raw)) // cut inside an escape (a key over maxKeyRaw)
}
