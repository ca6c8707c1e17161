package lead

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// scanner is a small single-pass JSON reader over the whole file. It exists
// instead of encoding/json because the importer needs, in one pass, what
// encoding/json would need three for: the byte range of every lead (Raw), the
// line it starts on, alias-aware field dispatch without an intermediate
// map, and a nesting limit enforced while reading (so a hostile file is
// refused before any deep recursion or allocation). It accepts exactly the
// grammar of RFC 8259; bytes that are not UTF-8 inside strings are accepted
// and replaced, as encoding/json does.
type scanner struct {
	data  []byte // the input; for an NDJSON line, cut at the line's end
	pos   int
	depth int

	// lnPos/lnLine cache the line of the last position asked for, so that
	// asking for the line of every lead in file order costs O(file) in total.
	lnPos, lnLine int

	buf []byte // scratch for strings that need unescaping or cleaning

	line bool // data is one NDJSON line: its end is the end of a line
}

// syntaxError is a well-formedness failure at a byte offset. The decoder
// turns it into a FileError (whole file) or a Rejection (one NDJSON line).
type syntaxError struct {
	off int
	msg msg.Message
	too bool // nesting limit, which refuses the file even in NDJSON
}

func (e *syntaxError) Error() string { return e.msg.String() }

func (s *scanner) errAt(off int, m msg.Message) error {
	return &syntaxError{off: off, msg: m}
}

// unexpected describes the byte at the current position for a syntax
// error; context is a place code (msg.LeadIn…).
func (s *scanner) unexpected(context string) error {
	if s.pos >= len(s.data) {
		return s.errAt(s.pos, s.endMsg(context))
	}
	return s.errAt(s.pos, unexpectedByte(s.data[s.pos], context))
}

// unexpectedByte says that byte c came where it may not, at context; the
// scanner and the checker say it alike.
func unexpectedByte(c byte, context string) msg.Message {
	switch {
	case c == '\n' || c == '\r':
		return msg.New(msg.LeadEndLine, "context", msg.New(context))
	case c < 0x20 || c >= 0x7f:
		return msg.New(msg.LeadByte, "byte", fmt.Sprintf("0x%02x", c), "context", msg.New(context))
	}
	return msg.New(msg.LeadChar, "char", char(c), "context", msg.New(context))
}

// char is an ASCII character as a message shows it between single quotes.
func char(c byte) string {
	if c == '\'' || c == '\\' {
		return `\` + string(rune(c))
	}
	return string(rune(c))
}

// endMsg describes running out of input: in a file that means it was
// truncated; in an NDJSON line, that the line ended.
func (s *scanner) endMsg(context string) msg.Message {
	if s.line {
		return msg.New(msg.LeadEndLine, "context", msg.New(context))
	}
	return msg.New(msg.LeadEndInput, "context", msg.New(context))
}

// lineAt returns the 1-based line of byte offset off.
func (s *scanner) lineAt(off int) int {
	if off < s.lnPos {
		s.lnPos, s.lnLine = 0, 1
	}
	if s.lnLine == 0 {
		s.lnLine = 1
	}
	if off > len(s.data) {
		off = len(s.data)
	}
	s.lnLine += bytes.Count(s.data[s.lnPos:off], []byte{'\n'})
	s.lnPos = off
	return s.lnLine
}

// lineCol returns the 1-based line and column (in characters, not counting
// a byte-order mark, which editors do not show) of off in full.
func lineCol(full []byte, off int) (line, col int) {
	if off > len(full) {
		off = len(full)
	}
	line = 1 + bytes.Count(full[:off], []byte{'\n'})
	start := bytes.LastIndexByte(full[:off], '\n') + 1
	if start == 0 && off >= 3 && bytes.HasPrefix(full, []byte("\xef\xbb\xbf")) {
		start = 3
	}
	return line, 1 + utf8.RuneCount(full[start:off])
}

func (s *scanner) ws() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// atEnd skips whitespace and reports whether the input is used up. (A NUL
// byte is data, not the end: peek alone cannot tell them apart.)
func (s *scanner) atEnd() bool {
	s.ws()
	return s.pos >= len(s.data)
}

// peek returns the next byte after whitespace, or 0 at the end.
func (s *scanner) peek() byte {
	s.ws()
	if s.pos >= len(s.data) {
		return 0
	}
	return s.data[s.pos]
}

// kindName names the JSON type that starts with byte c, for messages.
func kindName(c byte) msg.Message {
	switch c {
	case '{':
		return msg.New(msg.LeadKindObject)
	case '[':
		return msg.New(msg.LeadKindArray)
	case '"':
		return msg.New(msg.LeadKindString)
	case 't', 'f':
		return msg.New(msg.LeadKindBoolean)
	case 'n':
		return msg.New(msg.LeadKindNull)
	default:
		return msg.New(msg.LeadKindNumber)
	}
}

// enter consumes an opening bracket and enforces MaxDepth.
func (s *scanner) enter() error {
	if s.depth >= MaxDepth {
		return &syntaxError{off: s.pos, msg: msg.New(msg.LeadDeep, "max", MaxDepth), too: true}
	}
	s.depth++
	s.pos++
	return nil
}

// next advances inside an object or array: it consumes the ',' or the
// closing bracket and reports whether another member follows. first is
// true right after the opening bracket.
func (s *scanner) next(first bool, closer byte) (bool, error) {
	c := s.peek()
	if c == closer {
		s.pos++
		s.depth--
		return false, nil
	}
	if !first {
		if c != ',' {
			what := msg.LeadAfterMember
			if closer == ']' {
				what = msg.LeadAfterElement
			}
			return false, s.unexpected(what)
		}
		s.pos++
		s.ws()
	}
	if s.pos >= len(s.data) {
		if closer == '}' {
			return false, s.unexpected(msg.LeadInKey)
		}
		return false, s.unexpected(msg.LeadInValue)
	}
	return true, nil
}

// key reads an object key and the ':' after it. Control characters are
// kept (a key is matched, not shown). The returned bytes alias the input,
// or are a copy when the key had escapes, so they stay valid.
func (s *scanner) key() ([]byte, error) {
	if s.pos >= len(s.data) || s.data[s.pos] != '"' {
		return nil, s.unexpected(msg.LeadInKey)
	}
	k, alias, err := s.rawStr()
	if err != nil {
		return nil, err
	}
	if !alias {
		k = bytes.Clone(k)
	}
	if s.peek() != ':' {
		return nil, s.unexpected(msg.LeadInColon)
	}
	s.pos++
	s.ws()
	if s.pos >= len(s.data) {
		return nil, s.unexpected(msg.LeadInValue)
	}
	return k, nil
}

// num reads a JSON number and returns its literal text.
func (s *scanner) num() ([]byte, error) {
	data, i := s.data, s.pos
	digits := func() int {
		j := i
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
		return i - j
	}
	if i < len(data) && data[i] == '-' {
		i++
	}
	if i < len(data) && data[i] == '0' {
		i++
	} else if digits() == 0 {
		s.pos = i
		return nil, s.unexpected(msg.LeadInNumber)
	}
	if i < len(data) && data[i] == '.' {
		i++
		if digits() == 0 {
			s.pos = i
			return nil, s.unexpected(msg.LeadInFraction)
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if digits() == 0 {
			s.pos = i
			return nil, s.unexpected(msg.LeadInExponent)
		}
	}
	lit := data[s.pos:i]
	s.pos = i
	return lit, nil
}

// literal consumes true, false or null.
func (s *scanner) literal() ([]byte, error) {
	var w string
	switch s.data[s.pos] {
	case 't':
		w = "true"
	case 'f':
		w = "false"
	case 'n':
		w = "null"
	}
	if w != "" && len(s.data)-s.pos >= len(w) && string(s.data[s.pos:s.pos+len(w)]) == w {
		lit := s.data[s.pos : s.pos+len(w)]
		s.pos += len(w)
		return lit, nil
	}
	if w != "" {
		// Point at the end of a truncated literal rather than its start.
		j := s.pos
		for j < len(s.data) && s.data[j] >= 'a' && s.data[j] <= 'z' {
			j++
		}
		if j == len(s.data) {
			return nil, s.errAt(j, s.endMsg(msg.LeadInLiteral))
		}
	}
	return nil, s.unexpected(msg.LeadInValue)
}

// scalar reads a string, number, true, false or null at s.pos. For strings
// the text is cleaned; for the others it is the literal.
func (s *scanner) scalar() (text []byte, kind byte, bad bool, err error) {
	if s.pos >= len(s.data) {
		return nil, 0, false, s.unexpected(msg.LeadInValue)
	}
	switch c := s.data[s.pos]; {
	case c == '"':
		text, bad, err = s.str(true)
		return text, '"', bad, err
	case c == '-' || (c >= '0' && c <= '9'):
		text, err = s.num()
		return text, '0', false, err
	default:
		text, err = s.literal()
		if err != nil {
			return nil, 0, false, err
		}
		return text, text[0], false, nil
	}
}

// skip reads and discards one value, checking that it is well-formed.
func (s *scanner) skip() error {
	if s.pos >= len(s.data) {
		return s.unexpected(msg.LeadInValue)
	}
	switch c := s.data[s.pos]; c {
	case '{', '[':
		closer := byte('}')
		if c == '[' {
			closer = ']'
		}
		if err := s.enter(); err != nil {
			return err
		}
		for first := true; ; first = false {
			more, err := s.next(first, closer)
			if err != nil || !more {
				return err
			}
			if c == '{' {
				if _, err := s.key(); err != nil {
					return err
				}
			}
			if err := s.skip(); err != nil {
				return err
			}
		}
	case '"':
		_, _, err := s.rawStr()
		return err
	default:
		_, _, _, err := s.scalar()
		return err
	}
}

// parseFloat converts a JSON number literal; it cannot fail on the
// grammar num accepts except by overflow.
func parseFloat(lit []byte) (float64, bool) {
	f, err := strconv.ParseFloat(string(lit), 64)
	return f, err == nil
}
