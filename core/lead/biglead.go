package lead

import (
	"bytes"
	"errors"
	"io"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// Leads over MaxLeadSize: found and rejected without keeping them, by the
// streamed reader (splitter) and the whole-file one (decoder) alike.

// tooBigLead is the rejection of a lead over MaxLeadSize; size is the
// length of its JSON text.
func tooBigLead(file string, idx, line int, size int64) Rejection {
	return Rejection{File: file, Index: idx, Line: line, Msg: msg.New(msg.LeadTooBig, "size", mib(size), "max", MaxLeadSize>>20)}
}

// skipBig reads the rest of an element too big to keep, whose first
// bytes (prefix) are already read, checking that it is well-formed and
// keeping nothing. It returns the element's length in bytes.
func (sp *splitter) skipBig(prefix []byte, e element) (int64, error) {
	return sp.check(&checker{base: sp.depth}, prefix, e)
}

// check runs c over prefix (the value's bytes read so far, from e) and
// the rest of the value in the reader, keeping none of it.
func (sp *splitter) check(c *checker, prefix []byte, e element) (int64, error) {
	if n := c.feed(prefix); c.msg.Code != "" {
		line, col := placeIn(prefix[:n], e.line, e.col)
		return 0, sp.checkError(c, line, col)
	}
	size := int64(len(prefix))
	for !c.done && !c.wrapper {
		if _, err := sp.r.Peek(1); errors.Is(err, io.EOF) {
			return 0, sp.syntax(msg.New(msg.LeadEndFile))
		} else if err != nil {
			return 0, unreadable(sp.file, err)
		}
		buf, _ := sp.r.Peek(sp.r.Buffered())
		n := c.feed(buf)
		sp.advance(buf[:n])
		_, _ = sp.r.Discard(n)
		size += int64(n)
		if c.msg.Code != "" {
			return 0, sp.checkError(c, sp.line, sp.col)
		}
	}
	return size, nil
}

// advance counts bytes already consumed from the reader's buffer into the
// offset, line and column.
func (sp *splitter) advance(b []byte) {
	sp.off += int64(len(b))
	sp.line, sp.col = placeIn(b, sp.line, sp.col)
}

// placeIn returns the line and column after b, which starts at line, col.
func placeIn(b []byte, line, col int) (int, int) {
	if nl := bytes.LastIndexByte(b, '\n'); nl >= 0 {
		return line + bytes.Count(b, []byte{'\n'}), 1 + chars(b[nl+1:])
	}
	return line, col + chars(b)
}

// chars counts characters as readByte does: bytes that do not continue a
// UTF-8 sequence.
func chars(b []byte) int {
	n := 0
	for _, c := range b {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// checkError is the FileError for a fault the checker found at line, col.
func (sp *splitter) checkError(c *checker, line, col int) error {
	fe := syntaxFileError(sp.file, c.msg, c.too)
	fe.Line, fe.Column = line, col-c.back
	return fe
}

// bigLead checks, before decoding, whether the value at the scanner may
// be a lead over MaxLeadSize: decoding one would render all its text
// (memory in proportion to it) only to reject it. If it is, bigLead
// rejects it, moves past it and reports true; a fault past MaxLeadSize is
// returned as the scanner would place it. Nearer faults, and values too
// small or (at top level) a {"leads": [...]} wrapper, are left to the
// decoder. Only input with room for a big lead is checked, so ordinary
// batches pay nothing.
func (d *decoder) bigLead(res *Result, idx, line int, top bool) (bool, error) {
	s := &d.s
	start := s.pos
	if len(s.data)-start <= MaxLeadSize {
		return false, nil
	}
	c := checker{base: s.depth, keys: top}
	n := c.feed(s.data[start:])
	switch {
	case c.wrapper || n <= MaxLeadSize:
		return false, nil
	case c.complete():
		s.pos = start + n
		res.Rejected = append(res.Rejected, tooBigLead(d.file, idx, line, int64(n)))
		return true, nil
	case c.msg.Code == "":
		return false, s.errAt(len(s.data), s.endMsg(msg.LeadInLead))
	}
	return false, &syntaxError{off: start + n - c.back, msg: c.msg, too: c.too}
}
