package lead

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// A batch of array elements, split by the splitter, decoded by the
// ordinary lead decoder.

// firstError returns the first fault in file order among the batch's
// pending elements, or err (found after them) when they are all
// well-formed: which fault is reported must not depend on the batch size.
func (sp *splitter) firstError(chunk []byte, elems []element, idx int, err error) error {
	if _, derr := sp.decode(chunk, elems, idx); derr != nil {
		return derr
	}
	return err
}

// decode runs the ordinary lead decoder over each element of a batch,
// with the element's file line so messages read as DecodeFile's would.
func (sp *splitter) decode(chunk []byte, elems []element, idx int) (*Result, error) {
	d := &decoder{file: sp.file, full: chunk}
	res := &Result{File: sp.file}
	for i, e := range elems {
		if e.big {
			res.Rejected = append(res.Rejected, tooBigLead(sp.file, idx+i, e.line, e.size))
			continue
		}
		d.s = scanner{data: chunk[:e.end], pos: e.start, depth: sp.depth, lnPos: e.start, lnLine: e.line, buf: d.s.buf}
		err := d.lead(res, idx+i)
		if err == nil && !d.s.atEnd() {
			err = d.s.unexpected(msg.LeadAfterElement) // as Decode says it
		}
		if err != nil {
			return nil, sp.elementError(err, chunk, e)
		}
	}
	return res, nil
}

// elementError places a decoder error inside an element in the file.
func (sp *splitter) elementError(err error, chunk []byte, e element) error {
	var se *syntaxError
	if !errors.As(err, &se) {
		return fmt.Errorf("%s: %w", shown(sp.file), err)
	}
	fe := syntaxFileError(sp.file, se.msg, se.too)
	before := chunk[e.start:min(max(se.off, e.start), len(chunk))]
	fe.Line, fe.Column = e.line, e.col+utf8.RuneCount(before)
	if nl := bytes.LastIndexByte(before, '\n'); nl >= 0 {
		fe.Line += bytes.Count(before, []byte{'\n'})
		fe.Column = 1 + utf8.RuneCount(before[nl+1:])
	}
	return fe
}
