package lead

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// StreamBatch is the default number of leads DecodeStream hands over at a
// time: about 3 MB of JSON, few enough to keep memory flat, many enough
// that the per-batch cost vanishes.
const StreamBatch = 1000

// DecodeStream reads the lead file at path like DecodeFile, but a file
// whose top level is an array of leads (what RabitIQ exports) is read
// element by element and handed to fn in batches of about batch leads, so
// a 100,000-lead file (330 MB) is decoded in a few MB of memory and is not
// bound by MaxFileSize. Each batch's Result holds that batch's leads,
// rejections and warnings with file-wide indexes and lines; done and total
// are bytes read and the file's size, for progress.
//
// A JSON Lines file (.ndjson, .jsonl) is streamed the same way, line by
// line. In a file over MaxLeadSize whose top level is an object, the
// leads arrays of a {"leads": [...]} wrapper are streamed like a top-level
// array (the wrapper's other keys are checked, not kept), and a file that
// is one lead object is checked without being kept (its lead is over
// MaxLeadSize). Other shapes (a small single lead or wrapper, JSON Lines
// sniffed in a .json file) are read whole by DecodeFile and handed over
// as one batch. No lead over MaxLeadSize is ever kept or decoded. A
// streamed array or wrapper must be the file's only value: more values
// after it are an error, where DecodeFile may read them as JSON Lines.
// When the file turns out not to be well-formed, DecodeStream returns the
// *FileError after fn may already have seen earlier batches: callers that
// must store all or nothing do so in one transaction. An error from fn stops the reading and
// is returned as is.
func DecodeStream(path string, batch int, fn func(res *Result, done, total int64) error) error {
	f, fi, err := openRegular(path)
	if err != nil {
		return err
	}
	defer f.Close()
	whole := func() (*Result, error) { return DecodeFile(path) }
	return decodeStream(filepath.Base(path), f, fi.Size(), batch, whole, fn)
}

// decodeStream is DecodeStream over r, a file of total bytes called name;
// whole reads the file in one piece when it is not streamed.
func decodeStream(name string, r io.Reader, total int64, batch int, whole func() (*Result, error), fn func(res *Result, done, total int64) error) error {
	return decodeStreamAt(name, r, total, MaxLeadSize, batch, whole, fn)
}

// decodeStreamAt is decodeStream streaming a top-level object only when
// total is over objectsOver: a smaller file costs little read whole, and
// so keeps DecodeFile's messages to the letter. Tests stream small
// objects too, with objectsOver -1.
func decodeStreamAt(name string, r io.Reader, total, objectsOver int64, batch int, whole func() (*Result, error), fn func(res *Result, done, total int64) error) error {
	size := 1 << 20
	if total >= 0 && total < int64(size) {
		size = int(total) + 16 // small files (and fuzzing) need no 1 MiB buffer
	}
	sp := &splitter{r: bufio.NewReaderSize(r, size), line: 1, col: 1, file: name}
	if bom, _ := sp.r.Peek(3); bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		_, _ = sp.r.Discard(3)
		sp.off = 3
	}
	if batch <= 0 {
		batch = StreamBatch
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".ndjson" || ext == ".jsonl" {
		return sp.lines(batch, whole, func(res *Result) error { return fn(res, sp.off, total) })
	}
	c, err := sp.peekNonSpace()
	if err == nil && c == '{' && total > objectsOver {
		return sp.object(batch, whole, func(res *Result) error { return fn(res, sp.off, total) })
	}
	if err != nil || c != '[' {
		res, err := whole()
		if err != nil {
			return err
		}
		return fn(res, total, total)
	}
	return sp.array(batch, func(res *Result) error { return fn(res, sp.off, total) })
}

// splitter cuts an array of leads (at top level or in a wrapper) into its
// elements' bytes without decoding them, keeping count of the line and
// column each one starts at.
type splitter struct {
	r         *bufio.Reader
	file      string
	off       int64
	line, col int
	depth     int // the nesting the array's elements sit in: 1 at top level, 2 in a wrapper
}

// Why value stopped before an element's end.
var (
	errTruncated = errors.New("file ended inside a value")
	errTooDeep   = errors.New("value nested too deeply")
	errTooBig    = errors.New("value larger than MaxLeadSize")
)

// element is one array element's place in a batch's bytes and in the file.
// A big element (over MaxLeadSize) has no bytes: size is its length.
type element struct {
	start, end int
	line, col  int
	big        bool
	size       int64
}

func (sp *splitter) readByte() (byte, error) {
	c, err := sp.r.ReadByte()
	if err != nil {
		return 0, err
	}
	sp.off++
	switch {
	case c == '\n':
		sp.line, sp.col = sp.line+1, 1
	case c&0xC0 != 0x80: // not a UTF-8 continuation byte: a new character
		sp.col++
	}
	return c, nil
}

// peekNonSpace skips JSON whitespace and returns the next byte unread.
func (sp *splitter) peekNonSpace() (byte, error) {
	for {
		b, err := sp.r.Peek(1)
		if err != nil {
			return 0, err
		}
		switch b[0] {
		case ' ', '\t', '\n', '\r':
			if _, err := sp.readByte(); err != nil {
				return 0, err
			}
		default:
			return b[0], nil
		}
	}
}

func (sp *splitter) syntax(detail msg.Message) error {
	fe := syntaxFileError(sp.file, detail, false)
	fe.Line, fe.Column = sp.line, sp.col
	return fe
}

func (sp *splitter) next() (byte, error) {
	c, err := sp.peekNonSpace()
	if errors.Is(err, io.EOF) {
		return 0, sp.syntax(msg.New(msg.LeadEndInput, "context", msg.New(msg.LeadInArray)))
	}
	return c, err
}

// array reads the top-level array, decoding and handing over a batch
// whenever batch elements are collected.
func (sp *splitter) array(batch int, emit func(*Result) error) error {
	if _, err := sp.readByte(); err != nil { // the '['
		return err
	}
	sp.depth = 1
	if _, err := sp.elements(batch, 0, emit); err != nil {
		return err
	}
	return sp.end()
}

// elements reads an array of leads from after its '[' through its ']',
// decoding and handing over a batch whenever batch elements are
// collected. idx is the number of its first lead; it returns the next.
func (sp *splitter) elements(batch, idx int, emit func(*Result) error) (int, error) {
	var chunk []byte
	var elems []element
	flush := func() error {
		if len(elems) == 0 {
			return nil
		}
		res, err := sp.decode(chunk, elems, idx)
		if err != nil {
			return err
		}
		idx += len(elems)
		chunk, elems = nil, elems[:0]
		return emit(res)
	}
	for first := true; ; first = false {
		c, err := sp.next()
		if err != nil {
			return idx, sp.firstError(chunk, elems, idx, err)
		}
		if c == ']' && first {
			_, _ = sp.readByte()
			break
		}
		if !first {
			if c == ']' {
				_, _ = sp.readByte()
				break
			}
			if c != ',' {
				return idx, sp.firstError(chunk, elems, idx, sp.syntax(msg.New(msg.LeadChar, "char", char(c), "context", msg.New(msg.LeadAfterItem))))
			}
			_, _ = sp.readByte()
			if c, err = sp.next(); err != nil {
				return idx, sp.firstError(chunk, elems, idx, err)
			}
			if c == ']' {
				return idx, sp.firstError(chunk, elems, idx, sp.syntax(unexpectedByte(']', msg.LeadInValue)))
			}
		}
		if chunk == nil {
			chunk = make([]byte, 0, batch*3500)
		}
		e := element{start: len(chunk), line: sp.line, col: sp.col}
		chunk, err = sp.value(chunk)
		switch {
		case errors.Is(err, errTooBig):
			// Check the rest without keeping it; the lead is then
			// rejected in its place among the others.
			size, berr := sp.skipBig(chunk[e.start:], e)
			if berr != nil {
				return idx, sp.firstError(chunk, elems, idx, berr)
			}
			chunk, e.big, e.size = chunk[:e.start], true, size
		case errors.Is(err, errTruncated), errors.Is(err, errTooDeep):
			// Let the decoder say what the cut-off lead lacks, or
			// find an earlier fault: its message places it exactly.
			e.end = len(chunk)
			fallback := sp.syntax(msg.New(msg.LeadEndFile))
			if errors.Is(err, errTooDeep) {
				fe := syntaxFileError(sp.file, msg.Message{}, true)
				fe.Line, fe.Column = sp.line, sp.col
				fallback = fe
			}
			return idx, sp.firstError(chunk, append(elems, e), idx, fallback)
		case err != nil:
			return idx, err
		}
		e.end = len(chunk)
		elems = append(elems, e)
		if len(elems) >= batch {
			if err := flush(); err != nil {
				return idx, err
			}
		}
	}
	err := flush() // before idx is read: flush advances it
	return idx, err
}

// end checks that nothing but whitespace follows the top-level value.
func (sp *splitter) end() error {
	if _, err := sp.peekNonSpace(); !errors.Is(err, io.EOF) {
		if err != nil {
			return unreadable(sp.file, err)
		}
		return sp.syntax(msg.New(msg.LeadAfterValue))
	}
	return nil
}

// value appends one JSON value's bytes to dst: an object or array up to
// its matching bracket (outside strings), a string, or a bare scalar.
// Whether the bytes are valid JSON is for the decoder to say. It stops
// early with errTooDeep at a bracket past MaxDepth (the bracket kept) and
// with errTooBig once the value has more than MaxLeadSize bytes, so one
// element never takes much more memory than that (at most one read
// buffer more). It works on the reader's buffered bytes a slice at a
// time: string text, most of a lead, is skipped with vectorised searches.
func (sp *splitter) value(dst []byte) ([]byte, error) {
	start := len(dst)
	depth, inStr, esc := 0, false, false
	for {
		if _, err := sp.r.Peek(1); errors.Is(err, io.EOF) {
			if depth == 0 && !inStr && len(dst) > start {
				return dst, nil
			}
			return dst, errTruncated
		} else if err != nil {
			return dst, unreadable(sp.file, err)
		}
		buf, _ := sp.r.Peek(sp.r.Buffered())
		i, done := 0, false
		var stop error
	scan:
		for i < len(buf) {
			if inStr {
				if esc {
					esc = false
					i++
					continue
				}
				seg := buf[i:]
				q := bytes.IndexByte(seg, '"')
				if q < 0 {
					q = len(seg)
				}
				if b := bytes.IndexByte(seg[:q], '\\'); b >= 0 {
					i += b + 1
					esc = true
					continue
				}
				i += q
				if i == len(buf) {
					break
				}
				i++ // the closing quote
				inStr = false
				if depth == 0 {
					done = true
					break
				}
				continue
			}
			c := buf[i]
			if depth == 0 && (len(dst) > start || i > 0) && (c == ',' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
				done = true // the end of a bare scalar, not consumed
				break
			}
			i++
			switch {
			case c == '"':
				inStr = true
			case c == '{' || c == '[':
				// The element sits inside sp.depth levels.
				if sp.depth+depth >= MaxDepth {
					stop = errTooDeep
					break scan
				}
				depth++
			case c == '}' || c == ']':
				depth--
				if depth <= 0 {
					done = true
					break scan
				}
			case depth == 0 && len(dst) == start && i == 1 && c == ',':
				done = true // a missing element ("[1,,2]"): the decoder says so
				break scan
			}
		}
		if need := len(dst) - start + i; need > 1<<20 && cap(dst)-len(dst) < i {
			// A big element: grow once to what it may use, not by
			// steps that together allocate several times that.
			dst = slices.Grow(dst, max(i, start+MaxLeadSize+1<<20-len(dst)))
		}
		dst = append(dst, buf[:i]...)
		sp.advance(buf[:i])
		_, _ = sp.r.Discard(i)
		switch {
		case stop != nil:
			return dst, stop
		case done:
			return dst, nil
		case len(dst)-start > MaxLeadSize:
			return dst, errTooBig
		}
	}
}
