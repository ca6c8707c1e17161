// Package msg is the one catalogue of what core/ and app/ tell a user.
// Domain code returns a Message, a stable code with arguments, never a
// sentence; the window and the CLI render it in Danish (the guide's own
// words) or English, and JSON output carries the code beside the text so
// scripts need not parse words.
//
// Each domain registers its codes in a file of its own here (lead.go,
// match.go, …), so adding a message is one row with both languages; a
// test checks that every row has both and that they name the same
// arguments.
package msg

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Lang is a language the app speaks.
type Lang string

// The languages: Danish first, English second.
const (
	Danish  Lang = "da"
	English Lang = "en"
)

// Choose picks the language: RABITIQ_LANG ("da" or "en") wins, then the
// usual locale variables; anything that is not English (C and POSIX too)
// is Danish, because the product is for Nordic salespeople.
func Choose(getenv func(string) string) Lang {
	if v := Lang(strings.ToLower(getenv("RABITIQ_LANG"))); v == Danish || v == English {
		return v
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "en") {
				return English
			}
			return Danish
		}
	}
	return Danish
}

var current atomic.Value // Lang

// SetLanguage sets the language Message.String and Error.Error use: the
// CLI and the window call it once at start.
func SetLanguage(l Lang) { current.Store(l) }

// Language is the language set by SetLanguage, Danish before that.
func Language() Lang {
	if l, ok := current.Load().(Lang); ok {
		return l
	}
	return Danish
}

// Message is one thing to tell the user: a stable code ("lead.missing")
// and its arguments by name. Arguments are strings, ints or float64s;
// numbers are written the way the language writes them.
type Message struct {
	Code string         `json:"code"`
	Args map[string]any `json:"args,omitempty"`
}

// New makes a message from a code and name/value pairs.
func New(code string, kv ...any) Message {
	m := Message{Code: code}
	for i := 0; i+1 < len(kv); i += 2 {
		if m.Args == nil {
			m.Args = map[string]any{}
		}
		m.Args[fmt.Sprint(kv[i])] = kv[i+1]
	}
	return m
}

// Text renders the message in l. An unknown code renders as the code and
// its arguments rather than failing: a message is never lost.
func (m Message) Text(l Lang) string {
	e, ok := lookup(m.Code)
	if !ok {
		var b strings.Builder
		b.WriteString(m.Code)
		for _, k := range slices.Sorted(maps.Keys(m.Args)) {
			fmt.Fprintf(&b, " %s=%s", k, format(m.Args[k], l))
		}
		return b.String()
	}
	tmpl := e.da
	if l == English {
		tmpl = e.en
	}
	return fill(tmpl, m.Args, l)
}

// String renders the message in the language set by SetLanguage.
func (m Message) String() string { return m.Text(Language()) }

// fill replaces each {name} in tmpl by its argument.
func fill(tmpl string, args map[string]any, l Lang) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		name := tmpl[i+1 : i+j]
		if n, one, other, ok := plural(name); ok {
			// {n|lead|leads}: the word for the count n, without the count.
			if isOne(args[n]) {
				b.WriteString(one)
			} else {
				b.WriteString(other)
			}
		} else if v, ok := args[name]; ok {
			b.WriteString(format(v, l))
		} else {
			b.WriteString(tmpl[i : i+j+1])
		}
		tmpl = tmpl[i+j+1:]
	}
}

// plural splits a placeholder "{n|one|other}" (a word that follows a
// count: "1 lead", "3 leads") into the count's name and its two forms.
func plural(name string) (n, one, other string, ok bool) {
	parts := strings.Split(name, "|")
	if len(parts) != 3 {
		return "", "", "", false
	}
	return parts[0], parts[1], parts[2], true
}

// isOne reports whether a count argument is exactly 1 (Danish and English
// use the singular for 1 only).
func isOne(v any) bool {
	switch x := v.(type) {
	case int:
		return x == 1
	case int64:
		return x == 1
	case float64:
		return x == 1
	}
	return false
}

// format writes an argument: a decimal comma in Danish, a point in English.
func format(v any, l Lang) string {
	switch x := v.(type) {
	case float64:
		s := strconv.FormatFloat(x, 'f', -1, 64)
		if l == Danish {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	case []string:
		return strings.Join(x, ", ")
	case Message:
		return x.Text(l)
	case time.Time:
		return when(x, l)
	}
	return fmt.Sprint(v)
}

// Error is an error that carries a message for the user; Err, if set, is
// the technical cause (for logs and errors.Is), never shown as the text.
type Error struct {
	Message
	Err error
}

// Errorf returns an *Error with the message code and arguments, wrapping
// cause (which may be nil).
func Errorf(cause error, code string, kv ...any) *Error {
	return &Error{Message: New(code, kv...), Err: cause}
}

// Error renders the message in the current language, then the cause.
func (e *Error) Error() string {
	s := e.Message.String()
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Of returns the message an error carries, if any of its chain does.
func Of(err error) (Message, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e.Message, true
	}
	return Message{}, false
}
