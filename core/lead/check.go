package lead

import (
	"github.com/rabitiq/superoffice-sync/core/msg"
)

// checker reads one JSON value a slice at a time and says whether it is
// well-formed, keeping none of it: its state is a few bytes and the open
// brackets. The streamed reader hands it a lead too big to keep
// (MaxLeadSize), so that such a lead is rejected on its own only when it
// is valid JSON, and a broken file is refused, whatever the lead's size.
// It accepts exactly the grammar the scanner does (RFC 8259, bytes that
// are not UTF-8 allowed inside strings).
type checker struct {
	open  [MaxDepth]byte // the open brackets, '{' or '['
	depth int            // how many of open are in use
	st    chkState
	key   bool        // the string being read is an object key
	lit   string      // the rest of the literal being read
	hex   int         // \u digits still to read
	done  bool        // the value is complete
	msg   msg.Message // why the value is not well-formed, when it is not
	too   bool        // msg is the nesting limit
	back  int         // the fault is this many bytes (ASCII, one line) before the byte that broke
	base  int         // the depth the value sits at (1 for an element of the top array)

	// With keys set, the checker notes whether the value is an object
	// with a "leads" key (any spelling normKey folds to it, escapes
	// decoded) at its top level: such a wrapper is not one lead, however
	// big. It stops right after that key, so that the streamed reader
	// can take the leads array over.
	keys    bool
	wrapper bool
	kbuf    [32]byte // the key so far, folded as normKey folds it
	kn      int      // bytes in kbuf
	kno     bool     // the key can be no known key (not ASCII, or too long)
	khex    rune     // the \u escape being read in a key
	kraw    []byte   // the key as written, its first maxKeyRaw bytes, for messages
}

// maxKeyRaw bounds the bytes of a key the checker keeps for a message.
const maxKeyRaw = 256

// chkState is where the checker stands in the grammar.
type chkState uint8

const (
	chValue      chkState = iota // a value must come
	chValueOrEnd                 // after '[': a value or ']'
	chKeyOrEnd                   // after '{': a key or '}'
	chKey                        // after ',' in an object: a key
	chColon                      // after a key
	chAfter                      // after a value: ',' or a closing bracket
	chStr                        // inside a string
	chEsc                        // after a backslash
	chHex                        // inside a \u escape
	chLit                        // inside true, false or null
	chMinus                      // after '-'
	chZero                       // after a leading 0
	chInt                        // in the integer digits
	chDot                        // after '.'
	chFrac                       // in the fraction digits
	chE                          // after 'e'
	chESign                      // after the exponent's sign
	chExp                        // in the exponent digits
)

// feed reads b and returns how many bytes it used. It stops early on
// seeing a wrapper's key (when keys are noted), at the end of the value (done; a number ends only at the byte after it, which
// is not used) or at the first byte that breaks the grammar (msg is set
// and b[n] is that byte).
func (c *checker) feed(b []byte) int {
	i := 0
	for i < len(b) && !c.done && !c.wrapper && c.msg.Code == "" {
		if c.st == chStr && !c.topKey() {
			// Most of a huge lead is string text: skip it in one loop.
			for i < len(b) && b[i] != '"' && b[i] != '\\' && b[i] >= 0x20 {
				i++
			}
			if i == len(b) {
				break
			}
		}
		if c.step(b[i]) {
			i++
		}
	}
	return i
}

func isWS(x byte) bool { return x == ' ' || x == '\t' || x == '\n' || x == '\r' }

func isDigit(x byte) bool { return x >= '0' && x <= '9' }

// fail records a grammar error at the current byte, which is not used.
func (c *checker) fail(x byte, context string) bool {
	c.msg = unexpectedByte(x, context)
	return false
}

// ended closes a value: the enclosing container decides what comes next.
func (c *checker) ended() {
	if c.depth == 0 {
		c.done = true
		return
	}
	c.st = chAfter
}

// step reads one byte and reports whether it used it; a number's end
// leaves its terminator for the state after it.
func (c *checker) step(x byte) bool {
	switch c.st {
	case chStr:
		if c.topKey() {
			c.keyByte(x)
		}
		switch {
		case x == '"':
			if c.key {
				c.key, c.st = false, chColon
			} else {
				c.ended()
			}
		case x == '\\':
			c.st = chEsc
		case x < 0x20:
			c.msg = controlChar(x)
			return false
		}
		return true
	case chEsc:
		switch x {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			c.st = chStr
			if c.topKey() {
				c.keyEscape(x)
			}
		case 'u':
			c.st, c.hex, c.khex = chHex, 4, 0
			c.keyRaw(x)
		default:
			// Placed at the backslash, as the scanner places it.
			c.msg, c.back = msg.New(msg.LeadEscape, "char", string(rune(x))), 1
			return false
		}
		return true
	case chHex:
		if !isDigit(x) && !(x >= 'a' && x <= 'f') && !(x >= 'A' && x <= 'F') {
			c.msg, c.back = msg.New(msg.LeadUEscape), 2+4-c.hex
			return false
		}
		if c.topKey() {
			c.keyHex(x)
		}
		if c.hex--; c.hex == 0 {
			c.st = chStr
			if c.topKey() {
				c.keyChar(c.khex)
			}
		}
		return true
	case chLit:
		if x != c.lit[0] {
			return c.fail(x, msg.LeadInLiteral)
		}
		if c.lit = c.lit[1:]; c.lit == "" {
			c.ended()
		}
		return true
	case chMinus, chZero, chInt, chDot, chFrac, chE, chESign, chExp:
		return c.number(x)
	}
	if isWS(x) {
		return true
	}
	switch c.st {
	case chValueOrEnd:
		if x == ']' {
			return c.close(x)
		}
		return c.value(x)
	case chValue:
		return c.value(x)
	case chKeyOrEnd, chKey:
		if x == '}' && c.st == chKeyOrEnd {
			return c.close(x)
		}
		if x != '"' {
			return c.fail(x, msg.LeadInKey)
		}
		c.st, c.key, c.kn, c.kno, c.kraw = chStr, true, 0, false, c.kraw[:0]
		return true
	case chColon:
		if x != ':' {
			return c.fail(x, msg.LeadInColon)
		}
		c.st = chValue
		return true
	default: // chAfter
		top := c.open[c.depth-1]
		switch {
		case x == ',' && top == '{':
			c.st = chKey
			return true
		case x == ',':
			c.st = chValue
			return true
		case (x == '}' && top == '{') || (x == ']' && top == '['):
			return c.close(x)
		case top == '{':
			return c.fail(x, msg.LeadAfterMember)
		}
		return c.fail(x, msg.LeadAfterElement)
	}
}

// close ends the innermost container.
func (c *checker) close(byte) bool {
	c.depth--
	c.ended()
	return true
}

// value starts the value that begins with x.
func (c *checker) value(x byte) bool {
	switch {
	case x == '{' || x == '[':
		if c.base+c.depth >= MaxDepth {
			c.msg, c.too = msg.New(msg.LeadDeep, "max", MaxDepth), true
			return false
		}
		c.open[c.depth] = x
		c.depth++
		c.st = chKeyOrEnd
		if x == '[' {
			c.st = chValueOrEnd
		}
	case x == '"':
		c.st = chStr
	case x == 't':
		c.st, c.lit = chLit, "rue"
	case x == 'f':
		c.st, c.lit = chLit, "alse"
	case x == 'n':
		c.st, c.lit = chLit, "ull"
	case x == '-':
		c.st = chMinus
	case x == '0':
		c.st = chZero
	case isDigit(x):
		c.st = chInt
	default:
		return c.fail(x, msg.LeadInValue)
	}
	return true
}

// number reads one byte of a number; a byte that cannot continue it ends
// the number (when it may end there) and is left for what follows.
func (c *checker) number(x byte) bool {
	switch {
	case isDigit(x) && c.st != chZero:
		switch c.st {
		case chMinus:
			c.st = chInt
			if x == '0' {
				c.st = chZero
			}
		case chDot:
			c.st = chFrac
		case chE, chESign:
			c.st = chExp
		}
		return true
	case x == '.' && (c.st == chZero || c.st == chInt):
		c.st = chDot
		return true
	case (x == 'e' || x == 'E') && (c.st == chZero || c.st == chInt || c.st == chFrac):
		c.st = chE
		return true
	case (x == '+' || x == '-') && c.st == chE:
		c.st = chESign
		return true
	}
	switch c.st {
	case chMinus:
		return c.fail(x, msg.LeadInNumber)
	case chDot:
		return c.fail(x, msg.LeadInFraction)
	case chE, chESign:
		return c.fail(x, msg.LeadInExponent)
	}
	c.ended()
	return false
}

// topKey reports a key of the value's own object being read, when keys
// are noted.
func (c *checker) topKey() bool { return c.keys && c.key && c.depth == 1 }

// keyByte notes one byte of a top-level key as written; at its closing
// quote it decides whether the key is the wrapper's, as normKey and
// lookup would decide for the key the scanner reads.
func (c *checker) keyByte(x byte) {
	switch {
	case x == '"':
		if !c.kno {
			if f, _, ok := lookup(scLead, string(c.kbuf[:c.kn])); ok && f == fLeads {
				c.wrapper = true
			}
		}
		return
	case x == '\\':
	case x < 0x20:
		return // not well-formed: step fails on it
	default:
		c.keyChar(rune(x))
	}
	c.keyRaw(x)
}

// keyRaw keeps one byte of the key as written, for a message.
func (c *checker) keyRaw(x byte) {
	if c.topKey() && len(c.kraw) < maxKeyRaw {
		c.kraw = append(c.kraw, x)
	}
}

// keyEscape notes a one-letter escape in a top-level key (\n, \", ...).
func (c *checker) keyEscape(x byte) {
	c.keyRaw(x)
	switch x {
	case 'b':
		x = '\b'
	case 'f':
		x = '\f'
	case 'n':
		x = '\n'
	case 'r':
		x = '\r'
	case 't':
		x = '\t'
	}
	c.keyChar(rune(x))
}

// keyHex notes one hex digit of a \u escape in a top-level key.
func (c *checker) keyHex(x byte) {
	c.keyRaw(x)
	v := rune(x - '0')
	switch {
	case x >= 'a':
		v = rune(x-'a') + 10
	case x >= 'A':
		v = rune(x-'A') + 10
	}
	c.khex = c.khex<<4 | v
}

// keyChar folds one character of a top-level key as normKey does: '_',
// '-' and ' ' dropped, ASCII letters lowercased; anything not ASCII (a
// \u escape of a surrogate too) or a 33rd character makes it no known key.
func (c *checker) keyChar(r rune) {
	switch {
	case r == '_' || r == '-' || r == ' ':
		return
	case r >= 'A' && r <= 'Z':
		r += 'a' - 'A'
	case r >= 0x80:
		c.kno = true
		return
	}
	if c.kn == len(c.kbuf) {
		c.kno = true
		return
	}
	c.kbuf[c.kn] = byte(r)
	c.kn++
}

// complete reports a whole value read: done, or a number at the end of
// the input, which only the end closes.
func (c *checker) complete() bool {
	if c.done {
		return true
	}
	return c.msg.Code == "" && c.depth == 0 && (c.st == chZero || c.st == chInt || c.st == chFrac || c.st == chExp)
}
