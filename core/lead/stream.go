package lead

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
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
// Other shapes (one lead, a {"leads": [...]} wrapper, NDJSON) are read
// whole by DecodeFile and handed over as one batch. When the file turns
// out not to be well-formed, DecodeStream returns the *FileError after fn
// may already have seen earlier batches: callers that must store all or
// nothing do so in one transaction. An error from fn stops the reading and
// is returned as is.
func DecodeStream(path string, batch int, fn func(res *Result, done, total int64) error) error {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open lead file: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("stat lead file %s: %w", name, err)
	}
	total := fi.Size()
	sp := &splitter{r: bufio.NewReaderSize(f, 1<<20), line: 1, col: 1, file: name}
	if bom, _ := sp.r.Peek(3); bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		_, _ = sp.r.Discard(3)
		sp.off = 3
	}
	ext := strings.ToLower(filepath.Ext(name))
	if c, err := sp.peekNonSpace(); err != nil || c != '[' || ext == ".ndjson" || ext == ".jsonl" {
		res, err := DecodeFile(path)
		if err != nil {
			return err
		}
		return fn(res, total, total)
	}
	if batch <= 0 {
		batch = StreamBatch
	}
	return sp.array(batch, func(res *Result) error { return fn(res, sp.off, total) })
}

// splitter cuts a top-level JSON array into its elements' bytes without
// decoding them, keeping count of the line and column each one starts at.
type splitter struct {
	r         *bufio.Reader
	file      string
	off       int64
	line, col int
}

// errTruncated: the file ended inside an element.
var errTruncated = errors.New("file ended inside a value")

// element is one array element's place in a batch's bytes and in the file.
type element struct {
	start, end int
	line, col  int
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

func (sp *splitter) syntax(msg string) error {
	return &FileError{File: sp.file, Line: sp.line, Column: sp.col, Err: ErrSyntax, Msg: "not well-formed JSON: " + msg}
}

func (sp *splitter) next() (byte, error) {
	c, err := sp.peekNonSpace()
	if errors.Is(err, io.EOF) {
		return 0, sp.syntax("unexpected end of input in array (file truncated?)")
	}
	return c, err
}

// array reads the top-level array, decoding and handing over a batch
// whenever batch elements are collected.
func (sp *splitter) array(batch int, emit func(*Result) error) error {
	if _, err := sp.readByte(); err != nil { // the '['
		return err
	}
	idx := 0
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
			return err
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
				return sp.syntax(fmt.Sprintf("unexpected %q after array element", rune(c)))
			}
			_, _ = sp.readByte()
			if c, err = sp.next(); err != nil {
				return err
			}
			if c == ']' {
				return sp.syntax("unexpected ']' where a value was expected")
			}
		}
		if chunk == nil {
			chunk = make([]byte, 0, batch*3500)
		}
		e := element{start: len(chunk), line: sp.line, col: sp.col}
		if chunk, err = sp.value(chunk); err != nil {
			if errors.Is(err, errTruncated) {
				// Let the decoder say what the cut-off lead lacks.
				e.end = len(chunk)
				if _, derr := sp.decode(chunk, []element{e}, idx); derr != nil {
					return derr
				}
				return sp.syntax("unexpected end of input (file truncated?)")
			}
			return err
		}
		e.end = len(chunk)
		elems = append(elems, e)
		if len(elems) >= batch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if _, err := sp.peekNonSpace(); !errors.Is(err, io.EOF) {
		if err != nil {
			return fmt.Errorf("read lead file %s: %w", sp.file, err)
		}
		return sp.syntax("unexpected data after the top-level value")
	}
	return nil
}

// value appends one JSON value's bytes to dst: an object or array up to
// its matching bracket (outside strings), a string, or a bare scalar.
// Whether the bytes are valid JSON is for the decoder to say.
func (sp *splitter) value(dst []byte) ([]byte, error) {
	depth, inStr, esc := 0, false, false
	for {
		b, err := sp.r.Peek(1)
		if errors.Is(err, io.EOF) {
			if depth == 0 && !inStr && len(dst) > 0 {
				return dst, nil
			}
			return dst, errTruncated
		}
		if err != nil {
			return dst, fmt.Errorf("read lead file %s: %w", sp.file, err)
		}
		c := b[0]
		if depth == 0 && !inStr && len(dst) > 0 && (c == ',' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			return dst, nil // the end of a bare scalar
		}
		_, _ = sp.readByte()
		dst = append(dst, c)
		switch {
		case inStr:
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
				if depth == 0 {
					return dst, nil
				}
			}
		case c == '"':
			inStr = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth <= 0 {
				return dst, nil
			}
		}
	}
}

// decode runs the ordinary lead decoder over each element of a batch,
// with the element's file line so messages read as DecodeFile's would.
func (sp *splitter) decode(chunk []byte, elems []element, idx int) (*Result, error) {
	d := &decoder{file: sp.file, full: chunk}
	res := &Result{File: sp.file}
	for i, e := range elems {
		d.s = scanner{data: chunk[:e.end], pos: e.start, depth: 1, lnPos: e.start, lnLine: e.line, buf: d.s.buf}
		err := d.lead(res, idx+i)
		if err == nil && !d.s.atEnd() {
			err = d.s.errAt(d.s.pos, "unexpected data after array element")
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
	fe := &FileError{File: sp.file, Err: ErrSyntax, Msg: "not well-formed JSON: " + se.msg}
	if se.too {
		fe.Err, fe.Msg = ErrTooDeep, fmt.Sprintf("JSON nested deeper than %d levels; file refused", MaxDepth)
	}
	before := chunk[e.start:min(max(se.off, e.start), len(chunk))]
	fe.Line, fe.Column = e.line, e.col+utf8.RuneCount(before)
	if nl := bytes.LastIndexByte(before, '\n'); nl >= 0 {
		fe.Line += bytes.Count(before, []byte{'\n'})
		fe.Column = 1 + utf8.RuneCount(before[nl+1:])
	}
	return fe
}
