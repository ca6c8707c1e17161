package lead

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// JSON Lines. Each line is one lead and stands alone; a line longer than
// MaxLeadSize is checked (for the nesting limit, which still refuses the
// file, and to say why it is bad) but never kept or decoded, whether the
// file is read whole or streamed.

// ndjson reads the file as JSON Lines: every non-blank line is one lead
// and stands alone, so a broken line is a Rejection and the rest import.
// Only nesting beyond MaxDepth still refuses the whole file.
func (d *decoder) ndjson(body int) (*Result, error) {
	res := &Result{File: d.file}
	if _, err := d.jsonLines(res, body, 1, 0); err != nil {
		return nil, err
	}
	return res, nil
}

// jsonLines reads d.full from pos as JSON Lines into res, the first line
// being line ln and its lead number idx; it returns the next lead number.
// A line over MaxLeadSize is checked, not decoded (longLine).
func (d *decoder) jsonLines(res *Result, pos, ln, idx int) (int, error) {
	data := d.full
	for ; pos < len(data); ln++ {
		end := bytes.IndexByte(data[pos:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += pos
		}
		lineStart := pos
		pos = end + 1
		if end-lineStart > MaxLeadSize {
			var long longLine
			long.feed(data[lineStart:end])
			if long.blank() {
				continue
			}
			rej, err := long.outcome(d.file, idx, ln)
			if err != nil {
				return idx, err
			}
			res.Rejected = append(res.Rejected, rej)
			idx++
			continue
		}
		d.s = scanner{data: data[:end], pos: lineStart, lnPos: lineStart, lnLine: ln, buf: d.s.buf, line: true}
		if d.s.atEnd() {
			continue
		}
		nLeads, nRej, nWarn := len(res.Leads), len(res.Rejected), len(res.Warnings)
		err := d.lead(res, idx)
		if err == nil && !d.s.atEnd() {
			err = d.s.errAt(d.s.pos, msg.New(msg.LeadAfterLead))
		}
		if err != nil {
			var se *syntaxError
			if !errors.As(err, &se) || se.too {
				return idx, d.fileError(err)
			}
			// Drop whatever the broken line had produced.
			res.Leads, res.Rejected, res.Warnings = res.Leads[:nLeads], res.Rejected[:nRej], res.Warnings[:nWarn]
			col := 1 + utf8.RuneCount(data[lineStart:min(se.off, end)])
			res.Rejected = append(res.Rejected, Rejection{
				File: d.file, Index: idx, Line: ln,
				Msg: lineBroken(col, se.msg),
			})
		}
		idx++
	}
	return idx, nil
}

// longLine is what the checker makes of a line too long to keep, fed a
// piece at a time. Columns count characters from the line's start.
type longLine struct {
	c          checker
	size       int64 // bytes in the line, without its newline
	chars      int   // characters read so far
	faultCol   int   // where the checker stopped, when it found a fault
	garbageCol int   // the first non-space after a complete value, if any
}

// feed reads the next piece of the line.
func (l *longLine) feed(b []byte) {
	l.size += int64(len(b))
	c := &l.c
	if c.msg.Code == "" && !c.done {
		n := c.feed(b)
		if c.msg.Code != "" {
			l.faultCol = l.chars + chars(b[:n]) + 1 - c.back
		}
		l.chars += chars(b[:n])
		b = b[n:]
	}
	if c.done && l.garbageCol == 0 {
		if k := len(b) - len(bytes.TrimLeft(b, " \t\r")); k < len(b) {
			l.garbageCol = l.chars + chars(b[:k]) + 1
		}
	}
	l.chars += chars(b)
}

// blank reports a line of nothing but spaces.
func (l *longLine) blank() bool {
	return l.c.msg.Code == "" && !l.c.done && l.c.depth == 0 && l.c.st == chValue
}

// outcome is the line's rejection, or the file's error when it nests too
// deeply; the line is line ln and would have been lead idx.
func (l *longLine) outcome(file string, idx, ln int) (Rejection, error) {
	c := &l.c
	rej := Rejection{File: file, Index: idx, Line: ln}
	broken := func(col int, detail msg.Message) (Rejection, error) {
		rej.Msg = lineBroken(col, detail)
		return rej, nil
	}
	switch {
	case c.too:
		fe := syntaxFileError(file, c.msg, true)
		fe.Line, fe.Column = ln, l.faultCol
		return rej, fe
	case c.msg.Code != "":
		return broken(l.faultCol, c.msg)
	case !c.complete():
		return broken(l.chars+1, msg.New(msg.LeadEndLine, "context", msg.New(msg.LeadInLead)))
	case l.garbageCol > 0:
		return broken(l.garbageCol, msg.New(msg.LeadAfterLead))
	}
	return tooBigLead(file, idx, ln, l.size), nil
}

// lines streams a JSON Lines file: lines are gathered into batches of
// about batch leads and decoded as Decode reads them, and a line over
// MaxLeadSize is checked without being kept, so memory stays flat
// whatever the file's size. Decode reads a file that is one value (even
// on one line, or spread over several) as that value, a lead, array or
// wrapper: such a file is read whole, like one whose first line is not a
// value by itself.
func (sp *splitter) lines(batch int, whole func() (*Result, error), emit func(*Result) error) error {
	idx, ln, nonBlank := 0, 1, 0
	var chunk []byte
	var firstLong *longLine // a long first line, handed over once a second follows
	firstLongLine := 0
	chunkLine, inChunk := 1, 0
	flush := func() error {
		if inChunk == 0 {
			chunk = chunk[:0]
			return nil
		}
		d := &decoder{file: sp.file, full: chunk, line0: chunkLine - 1}
		res := &Result{File: sp.file}
		next, err := d.jsonLines(res, 0, chunkLine, idx)
		if err != nil {
			return err
		}
		idx, chunk, inChunk = next, nil, 0
		return emit(res)
	}
	rejectLong := func(long *longLine, line int) error {
		rej, err := long.outcome(sp.file, idx, line)
		if err != nil {
			return err
		}
		idx++
		return emit(&Result{File: sp.file, Rejected: []Rejection{rej}})
	}
	for eof := false; !eof; ln++ {
		if inChunk == 0 {
			chunk, chunkLine = chunk[:0], ln
		}
		start := len(chunk)
		var long *longLine
		for {
			frag, err := sp.r.ReadSlice('\n')
			if err != nil && !errors.Is(err, bufio.ErrBufferFull) && !errors.Is(err, io.EOF) {
				return unreadable(sp.file, err)
			}
			sp.off += int64(len(frag))
			eol := len(frag) > 0 && frag[len(frag)-1] == '\n'
			body := frag
			if eol {
				body = frag[:len(frag)-1]
			}
			switch {
			case long != nil:
				long.feed(body)
			case len(chunk)-start+len(body) > MaxLeadSize:
				long = &longLine{}
				long.feed(chunk[start:])
				long.feed(body)
				chunk = chunk[:start]
			default:
				chunk = append(chunk, frag...)
			}
			eof = errors.Is(err, io.EOF)
			if eol || eof {
				break
			}
		}
		if long != nil && long.blank() {
			chunk = append(chunk, '\n') // keep the batch's line count
			continue
		}
		if long == nil && len(bytes.TrimLeft(chunk[start:], " \t\r\n")) == 0 {
			continue
		}
		if nonBlank++; nonBlank == 1 {
			// Stream only when the first line is a value by itself.
			complete := long != nil && long.c.complete() && long.garbageCol == 0
			if long == nil {
				var c checker
				n := c.feed(chunk[start:])
				complete = c.complete() && len(bytes.TrimLeft(chunk[start:][n:], " \t\r\n")) == 0
			}
			if !complete {
				return sp.readWhole(whole, emit)
			}
			if long != nil {
				firstLong, firstLongLine = long, ln
				continue
			}
		}
		if nonBlank == 2 && firstLong != nil {
			if err := rejectLong(firstLong, firstLongLine); err != nil {
				return err
			}
		}
		if long != nil {
			if err := flush(); err != nil {
				return err
			}
			if err := rejectLong(long, ln); err != nil {
				return err
			}
			continue
		}
		if inChunk++; inChunk >= batch && nonBlank >= 2 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	switch nonBlank {
	case 0:
		return &FileError{File: sp.file, Msg: msg.New(msg.LeadFileEmpty), Err: ErrNoLeads}
	case 1:
		return sp.readWhole(whole, emit) // one value: Decode's top level
	}
	return flush()
}

// readWhole hands over the file as Decode reads it.
func (sp *splitter) readWhole(whole func() (*Result, error), emit func(*Result) error) error {
	res, err := whole()
	if err != nil {
		return err
	}
	return emit(res)
}

// lineBroken is the rejection of a JSON Lines line that is not
// well-formed: what is wrong (detail) at character column col.
func lineBroken(col int, detail msg.Message) msg.Message {
	return msg.New(msg.LeadLineBroken, "column", col, "detail", detail)
}
