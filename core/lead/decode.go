package lead

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// MaxFileSize is the largest lead file read whole (256 MiB). A bigger file
// is refused before it is read, so a wrong drop cannot exhaust memory.
// DecodeStream is not bound by it where it reads lead by lead (an array,
// a big {"leads": [...]} wrapper, JSON Lines in .ndjson or .jsonl); the
// shapes it reads whole are.
const MaxFileSize = 256 << 20

// MaxLeadSize is the largest single lead accepted (8 MiB of JSON; real
// leads are 2-5 KB). A bigger lead is rejected, with its index and line,
// and the file's other leads import: reading it would otherwise take
// memory in proportion to its size, which one hostile or broken lead
// could use to exhaust the machine. The streamed reader keeps at most
// this much of a lead while it checks the rest is well-formed.
const MaxLeadSize = 8 << 20

// MaxDepth is the deepest nesting of arrays and objects accepted. Real lead
// files nest 4 levels (array, lead, contacts, contact); the limit bounds
// the reader's recursion on hostile input.
const MaxDepth = 64

// Sentinel causes of a FileError, for errors.Is.
var (
	// ErrSyntax: the file is not well-formed JSON.
	ErrSyntax = errors.New("not well-formed JSON")
	// ErrNoLeads: the top level is not a lead, an array of leads or a
	// {"leads": [...]} wrapper.
	ErrNoLeads = errors.New("no lead, array of leads or {\"leads\": [...]} at top level")
	// ErrTooLarge: the file is larger than MaxFileSize.
	ErrTooLarge = errors.New("file too large")
	// ErrTooDeep: the JSON nests deeper than MaxDepth.
	ErrTooDeep = errors.New("nested too deeply")
)

// FileError is a failure of a whole file: nothing of it is imported. Line
// and Column (1-based, column in characters) say where it broke; they are
// 0 when the failure has no place, such as a file that is too large.
type FileError struct {
	File   string
	Line   int
	Column int
	Msg    msg.Message // what is wrong, as a code the catalogue renders
	Err    error       // one of the sentinels above, or the system's cause
}

// Error reads e.g. "leads.json: line 12, column 5: not well-formed JSON:
// unexpected end of input (file truncated?)", in msg.Language().
func (e *FileError) Error() string { return e.Text(msg.Language()) }

// Text renders the error in l.
func (e *FileError) Text(l msg.Lang) string {
	if e.Line == 0 {
		return shown(e.File) + ": " + e.Msg.Text(l)
	}
	return msg.New(msg.LeadFileAt, "file", shown(e.File), "line", e.Line, "column", e.Column, "text", e.Msg).Text(l)
}

// shown makes a file name fit for a message: names are bytes on some
// systems, messages are UTF-8 text.
func shown(name string) string { return strings.ToValidUTF8(name, "\ufffd") }

// Unwrap returns the sentinel cause.
func (e *FileError) Unwrap() error { return e.Err }

// Result is what one file yielded. A well-formed file always gives a
// Result, even when every lead in it was rejected.
type Result struct {
	File     string      // the name Decode was given
	Leads    []Item      // the good leads, in file order
	Rejected []Rejection // the bad leads, each with its reason, in file order
	Warnings []Warning   // things fixed or kept as text, each naming file, lead and field
}

// Item is one good lead and where it stood in the file.
type Item struct {
	Index int // 0-based position in the file (NDJSON: among non-blank lines)
	Line  int // 1-based line where the lead starts
	Lead  *Lead
}

// Rejection is one lead that was not imported, and why. Path is the JSON
// path inside the lead as the file spells it ("contacts",
// "financials.revenue"), empty when the lead as a whole is at fault.
type Rejection struct {
	File  string
	Index int // 0-based, as Item.Index
	Line  int
	Path  string
	Msg   msg.Message // why, as a code the catalogue renders
}

// Reason is why the lead was rejected, in msg.Language(), without the
// file, lead and path.
func (r Rejection) Reason() string { return r.Msg.String() }

// Error reads e.g. `leads.json: lead 3 (line 41): contacts: want array, got
// string`, in msg.Language(). The lead number is 1-based (the third lead,
// Index 2), as users count and as lines are numbered.
func (r Rejection) Error() string { return r.Text(msg.Language()) }

// Text renders the rejection, file, lead and path included, in l.
func (r Rejection) Text(l msg.Lang) string { return at(r.File, r.Index, r.Line, r.Path, r.Msg).Text(l) }

// shapeError is a well-formed file whose top level holds no leads.
type shapeError struct {
	off int
	msg msg.Message
}

func (e *shapeError) Error() string { return e.msg.String() }

// decoder reads one file. It holds only per-call state.
type decoder struct {
	s     scanner
	file  string
	full  []byte // the whole file, for line and column numbers
	st    leadState
	lb    []byte // the text of the lead being read (see slot)
	arena []byte // text rendering scratch
	pairs []part
	slab  []Lead

	// prescan: check each lead's size before decoding it (bigLead), in
	// a wrapper read whole (by DecodeFile), where a lead may be huge. A streamed array's
	// leads are small already; JSON Lines check their lines' lengths.
	prescan bool

	line0 int // lines before full, when full is a streamed batch of lines
}

// DecodeFile reads the lead file at path. The size is checked before
// reading, so a file over MaxFileSize is refused without loading it, and
// only a regular file is opened (ErrNotRegular), so a pipe or device
// named *.json cannot hang it.
func DecodeFile(path string) (*Result, error) {
	name := filepath.Base(path)
	f, fi, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi.Size() > MaxFileSize {
		return nil, tooLarge(name, fi.Size())
	}
	// Read at most one byte past the limit: the file may grow after Stat,
	// or be a pipe whose size Stat does not know.
	// Room for the file and the MinRead that ReadFrom wants free before
	// it sees the end: with less, it doubles the buffer at the last read.
	data := make([]byte, 0, fi.Size()+bytes.MinRead)
	buf := bytes.NewBuffer(data)
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return nil, unreadable(name, err)
	}
	if buf.Len() > MaxFileSize {
		return nil, tooLarge(name, int64(buf.Len()))
	}
	return Decode(name, buf.Bytes())
}

func tooLarge(name string, size int64) error {
	return &FileError{File: name, Err: ErrTooLarge, Msg: msg.New(msg.LeadFileTooBig, "size", mib(size), "max", MaxFileSize>>20)}
}

// Decode reads one lead file's bytes; name (the file's base name) is used
// in messages and decides NDJSON by its extension (.ndjson, .jsonl).
//
// The error is non-nil only when the whole file failed: not well-formed
// JSON, no leads at top level, larger than MaxFileSize, or nested deeper
// than MaxDepth. It is then a *FileError naming line and column, and
// nothing is imported. Otherwise each bad lead is a Rejection and the good
// ones are in Leads.
//
// Each Lead.Raw aliases data: data must not be modified afterwards.
func Decode(name string, data []byte) (*Result, error) {
	if len(data) > MaxFileSize {
		return nil, tooLarge(name, int64(len(data)))
	}
	body := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		body = 3
	}
	d := &decoder{file: name, full: data}
	d.s = scanner{data: data, pos: body}
	ext := strings.ToLower(filepath.Ext(name))
	lines := ext == ".ndjson" || ext == ".jsonl"

	if d.s.atEnd() {
		return nil, &FileError{File: name, Msg: msg.New(msg.LeadFileEmpty), Err: ErrNoLeads}
	}
	start := d.s.pos
	res := &Result{File: name}
	err := d.top(res)
	if err == nil {
		end := d.s.pos
		if d.s.atEnd() {
			return res, nil
		}
		// More after the first value: JSON Lines, if the first value
		// sat on one line and the next starts on a later one.
		if lines || (d.s.lineAt(start) == d.s.lineAt(end-1) && d.s.lineAt(d.s.pos) > d.s.lineAt(end-1)) {
			return d.ndjson(body)
		}
		err = d.s.errAt(d.s.pos, msg.New(msg.LeadAfterValue))
	}
	var se *syntaxError
	if lines && !(errors.As(err, &se) && se.too) {
		return d.ndjson(body)
	}
	var sh *shapeError
	if errors.As(err, &sh) {
		// No leads, but only a well-formed file may say so: a broken
		// one (`{"leads": 5,`, `1 2`) is a syntax error.
		chk := scanner{data: data, pos: body}
		chk.ws()
		if serr := chk.skip(); serr != nil {
			err = serr
		} else if !chk.atEnd() {
			err = chk.errAt(chk.pos, msg.New(msg.LeadAfterValue))
		}
	}
	return nil, d.fileError(err)
}

// fileError turns a scanner or shape error into a FileError with place.
func (d *decoder) fileError(err error) error {
	var se *syntaxError
	var sh *shapeError
	switch {
	case errors.As(err, &se):
		fe := syntaxFileError(d.file, se.msg, se.too)
		fe.Line, fe.Column = lineCol(d.full, se.off)
		fe.Line += d.line0
		return fe
	case errors.As(err, &sh):
		fe := &FileError{File: d.file, Err: ErrNoLeads, Msg: sh.msg}
		fe.Line, fe.Column = lineCol(d.full, sh.off)
		return fe
	}
	return fmt.Errorf("%s: %w", shown(d.file), err)
}

// top reads the top-level value: a lead, an array of leads or a wrapper.
func (d *decoder) top(res *Result) error {
	s := &d.s
	switch c := s.data[s.pos]; c {
	case '[':
		return d.leadArray(res)
	case '{':
		start, line := s.pos, s.lineAt(s.pos)
		if big, err := d.bigLead(res, 0, line, true); big || err != nil {
			return err
		}
		st := &leadState{}
		d.lb = d.lb[:0]
		wrapper, err := d.leadObject(st, true, res)
		if err != nil || wrapper {
			return err
		}
		if n := s.pos - start; n > MaxLeadSize {
			res.Rejected = append(res.Rejected, tooBigLead(d.file, 0, line, int64(n)))
			return nil
		}
		d.finish(st, res, 0, line, d.full[start:s.pos:s.pos])
		return nil
	default:
		if err := s.skip(); err != nil {
			return err
		}
		return &shapeError{off: s.pos, msg: msg.New(msg.LeadTopLevel, "got", kindName(c))}
	}
}

// leadArray reads an array whose elements are leads; indexes continue
// from what res already holds (a wrapper may have two "leads" arrays).
func (d *decoder) leadArray(res *Result) error {
	s := &d.s
	if err := s.enter(); err != nil {
		return err
	}
	idx := len(res.Leads) + len(res.Rejected)
	for first := true; ; first = false {
		more, err := s.next(first, ']')
		if err != nil || !more {
			return err
		}
		if err := d.lead(res, idx); err != nil {
			return err
		}
		idx++
	}
}

// lead reads one lead value at the scanner (an array element or an NDJSON
// line) and records it on res.
func (d *decoder) lead(res *Result, idx int) error {
	s := &d.s
	start := s.pos
	line := s.lineAt(start)
	if d.prescan {
		if big, err := d.bigLead(res, idx, line, false); big || err != nil {
			return err
		}
	}
	if c := s.data[start]; c != '{' {
		if err := s.skip(); err != nil {
			return err
		}
		if n := s.pos - start; n > MaxLeadSize {
			res.Rejected = append(res.Rejected, tooBigLead(d.file, idx, line, int64(n)))
			return nil
		}
		res.Rejected = append(res.Rejected, Rejection{
			File: d.file, Index: idx, Line: line, Msg: msg.New(msg.LeadNotObject, "got", kindName(c)),
		})
		return nil
	}
	d.st = leadState{contacts: d.st.contacts[:0]}
	d.lb = d.lb[:0]
	if _, err := d.leadObject(&d.st, false, res); err != nil {
		return err
	}
	if n := s.pos - start; n > MaxLeadSize {
		res.Rejected = append(res.Rejected, tooBigLead(d.file, idx, line, int64(n)))
		return nil
	}
	d.finish(&d.st, res, idx, line, d.full[start:s.pos:s.pos])
	return nil
}
