package lead

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// JSON strings. Nearly every byte of a lead file is inside a string, so the
// common case (no escapes, plain UTF-8) is found with vectorised searches
// and a word-at-a-time check, and returned as a slice of the input.

// rawStr reads a string without dropping control characters. alias
// reports that the text is the input itself (no escapes, valid UTF-8);
// otherwise it lives in the scratch buffer until the next string.
func (s *scanner) rawStr() (text []byte, alias bool, err error) {
	start := s.pos + 1
	q := bytes.IndexByte(s.data[start:], '"')
	if q >= 0 {
		seg := s.data[start : start+q]
		if bytes.IndexByte(seg, '\\') < 0 {
			lo, hi := scanSeg(seg)
			if lo >= 0 {
				return nil, false, s.errAt(start+lo, controlChar(seg[lo]))
			}
			if !hi || utf8.Valid(seg) {
				s.pos = start + q + 1
				return seg, true, nil
			}
		}
	}
	text, _, err = s.strSlow(start, false)
	return text, false, err
}

// str reads the string at s.pos (which must be '"'). It returns the text
// with escapes decoded, control characters other than newline and tab
// dropped, and invalid UTF-8 (or lone surrogates) replaced by U+FFFD; bad
// reports such a replacement. When clean is false the control characters
// are kept (keys). The result aliases the input or the scratch buffer.
func (s *scanner) str(clean bool) (out []byte, bad bool, err error) {
	start := s.pos + 1
	data := s.data
	q := bytes.IndexByte(data[start:], '"')
	if q < 0 {
		return nil, false, s.errAt(len(data), s.endMsg(msg.LeadInString))
	}
	seg := data[start : start+q]
	if bytes.IndexByte(seg, '\\') < 0 {
		lo, hi := scanSeg(seg)
		if lo >= 0 {
			return nil, false, s.errAt(start+lo, controlChar(seg[lo]))
		}
		if !hi || (utf8.Valid(seg) && !(clean && hasControl(seg))) {
			s.pos = start + q + 1
			return seg, false, nil
		}
	}
	return s.strSlow(start, clean)
}

// scanSeg reports the offset of the first byte < 0x20 (or -1), and whether
// any byte is >= 0x7f, eight bytes at a time.
func scanSeg(seg []byte) (lo int, hi bool) {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	var acc uint64
	for ; i+8 <= len(seg); i += 8 {
		x := binary.LittleEndian.Uint64(seg[i:])
		if (x-0x20*ones)&^x&highs != 0 {
			break
		}
		acc |= x | (x + ones)
	}
	hi = acc&highs != 0
	for ; i < len(seg); i++ {
		c := seg[i]
		if c < 0x20 {
			return i, hi
		}
		if c >= 0x7f {
			hi = true
		}
	}
	return -1, hi
}

// hasControl reports a DEL or C1 control character in valid UTF-8.
func hasControl(seg []byte) bool {
	if bytes.IndexByte(seg, 0x7f) >= 0 {
		return true
	}
	for i := 0; ; {
		j := bytes.IndexByte(seg[i:], 0xc2)
		if j < 0 || i+j+1 >= len(seg) {
			return false
		}
		i += j + 1
		if c := seg[i]; c >= 0x80 && c <= 0x9f {
			return true
		}
	}
}

// isDropped reports the control characters that text never keeps.
func isDropped(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f)
}

func (s *scanner) strSlow(start int, clean bool) (out []byte, bad bool, err error) {
	data := s.data
	b := s.buf[:0]
	add := func(r rune) {
		if clean && isDropped(r) {
			return
		}
		b = utf8.AppendRune(b, r)
	}
	i := start
	for {
		if i >= len(data) {
			s.buf = b
			return nil, false, s.errAt(len(data), s.endMsg(msg.LeadInString))
		}
		c := data[i]
		switch {
		case c == '"':
			s.pos = i + 1
			s.buf = b
			return b, bad, nil
		case c < 0x20:
			s.buf = b
			return nil, false, s.errAt(i, controlChar(c))
		case c == '\\':
			if i+1 >= len(data) {
				s.buf = b
				return nil, false, s.errAt(len(data), s.endMsg(msg.LeadInString))
			}
			e := data[i+1]
			i += 2
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'n':
				b = append(b, '\n')
			case 't':
				b = append(b, '\t')
			case 'b':
				add('\b')
			case 'f':
				add('\f')
			case 'r':
				add('\r')
			case 'u':
				r, ok := hex4(data, i)
				if !ok {
					s.buf = b
					return nil, false, s.errAt(i-2, msg.New(msg.LeadUEscape))
				}
				i += 4
				if utf16.IsSurrogate(r) {
					r2, ok2 := rune(-1), false
					if i+6 <= len(data) && data[i] == '\\' && data[i+1] == 'u' {
						r2, ok2 = hex4(data, i+2)
					}
					if dec := utf16.DecodeRune(r, r2); ok2 && dec != utf8.RuneError {
						r = dec
						i += 6
					} else {
						r, bad = utf8.RuneError, true
					}
				}
				add(r)
			default:
				s.buf = b
				return nil, false, s.errAt(i-2, msg.New(msg.LeadEscape, "char", string(rune(e))))
			}
		case c < utf8.RuneSelf:
			if !(clean && c == 0x7f) {
				b = append(b, c)
			}
			i++
		default:
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				bad = true
			}
			add(r)
			i += n
		}
	}
}

func hex4(data []byte, i int) (rune, bool) {
	if i+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// controlChar says that a string holds control character c, which JSON
// allows only escaped.
func controlChar(c byte) msg.Message {
	return msg.New(msg.LeadControl, "byte", fmt.Sprintf("0x%02x", c))
}
