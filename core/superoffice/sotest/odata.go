package sotest

import (
	"fmt"
	"strings"
	"unicode"
)

// This file parses and evaluates the OData $filter dialect of SuperOffice
// archive searches (API.md §2.6): column op value, and/or/not,
// parentheses, between (a,b), in/oneOf (...), and the functions
// startswith, endswith and substringof. String literals use single quotes;
// the backslash \' escape is accepted, and so is the OData doubled quote ''
// except in strict mode (Config.Strict): SuperOffice documents only \',
// so a strict tenant answers '' inside a literal with a 400.

// tokKind is a lexical token kind.
type tokKind int

const (
	tokEOF tokKind = iota
	tokIdent
	tokString
	tokNumber
	tokLParen
	tokRParen
	tokComma
	tokOp // = < > <= >= <> !=
)

type token struct {
	kind tokKind
	text string
	pos  int
}

// lex splits a $filter into tokens; strict refuses the undocumented
// doubled quote inside a string literal.
func lex(src string, strict bool) ([]token, error) {
	var out []token
	r := []rune(src)
	for i := 0; i < len(r); {
		c := r[i]
		switch {
		case unicode.IsSpace(c):
			i++
		case c == '(':
			out = append(out, token{tokLParen, "(", i})
			i++
		case c == ')':
			out = append(out, token{tokRParen, ")", i})
			i++
		case c == ',':
			out = append(out, token{tokComma, ",", i})
			i++
		case c == '\'':
			start := i
			var b strings.Builder
			i++
			closed := false
			for i < len(r) {
				switch {
				case r[i] == '\\' && i+1 < len(r):
					b.WriteRune(r[i+1])
					i += 2
				case r[i] == '\'' && i+1 < len(r) && r[i+1] == '\'':
					if strict {
						return nil, fmt.Errorf("doubled quote '' at %d inside a string literal: SuperOffice documents only the backslash escape \\' (strict mode)", i)
					}
					b.WriteRune('\'')
					i += 2
				case r[i] == '\'':
					i++
					closed = true
				default:
					b.WriteRune(r[i])
					i++
				}
				if closed {
					break
				}
			}
			if !closed {
				return nil, fmt.Errorf("unterminated string starting at %d", start)
			}
			out = append(out, token{tokString, b.String(), start})
		case c == '=' || c == '<' || c == '>' || c == '!':
			start := i
			i++
			if i < len(r) && (r[i] == '=' || r[i] == '>') {
				i++
			}
			out = append(out, token{tokOp, string(r[start:i]), start})
		case c == '-' || c == '+' || unicode.IsDigit(c):
			start := i
			i++
			for i < len(r) && (unicode.IsDigit(r[i]) || r[i] == '.') {
				i++
			}
			out = append(out, token{tokNumber, string(r[start:i]), start})
		case unicode.IsLetter(c) || c == '_':
			start := i
			for i < len(r) && (unicode.IsLetter(r[i]) || unicode.IsDigit(r[i]) || strings.ContainsRune("_/:.$", r[i])) {
				i++
			}
			out = append(out, token{tokIdent, string(r[start:i]), start})
		default:
			return nil, fmt.Errorf("unexpected character %q at %d", c, i)
		}
	}
	return append(out, token{tokEOF, "", len(r)}), nil
}

// literal is a filter value.
type literal struct {
	text  string
	isNum bool
}

// filterExpr is a parsed $filter.
type filterExpr interface {
	eval(get func(col *column) any) bool
}

type andExpr struct{ l, r filterExpr }
type orExpr struct{ l, r filterExpr }
type notExpr struct{ e filterExpr }
type cmpExpr struct {
	col  *column
	op   string // canonical operator
	vals []literal
}

func (e andExpr) eval(g func(*column) any) bool { return e.l.eval(g) && e.r.eval(g) }
func (e orExpr) eval(g func(*column) any) bool  { return e.l.eval(g) || e.r.eval(g) }
func (e notExpr) eval(g func(*column) any) bool { return !e.e.eval(g) }

// opAliases maps every accepted operator spelling to a canonical one.
var opAliases = map[string]string{
	"eq": "eq", "=": "eq", "equals": "eq", "is": "eq", "set": "eq",
	"ne": "ne", "<>": "ne", "!=": "ne", "unequals": "ne", "isnot": "ne",
	"lt": "lt", "<": "lt", "less": "lt", "before": "lt",
	"gt": "gt", ">": "gt", "greater": "gt", "after": "gt",
	"le": "le", "<=": "le", "ge": "ge", ">=": "ge",
	"begins": "begins", "notbegins": "notbegins", "contains": "contains", "notcontains": "notcontains",
	"ends": "ends", "notends": "notends",
	"between": "between", "datebetween": "between", "in": "in", "oneof": "in", "notoneof": "notin",
}

type parser struct {
	toks []token
	pos  int
	cols func(name string) (*column, bool)
}

// parseFilter parses a $filter against the columns of a provider in the
// forgiving reading (both quote escapes).
func parseFilter(src string, cols func(string) (*column, bool)) (filterExpr, error) {
	return parseFilterMode(src, cols, false)
}

// parseFilterMode is parseFilter; strict refuses a doubled quote (two
// apostrophes) inside a string literal, as a tenant may that knows only
// the backslash escape.
func parseFilterMode(src string, cols func(string) (*column, bool), strict bool) (filterExpr, error) {
	toks, err := lex(src, strict)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, cols: cols}
	e, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		return nil, fmt.Errorf("unexpected %q at %d", t.text, t.pos)
	}
	return e, nil
}

func (p *parser) peek() token { return p.toks[p.pos] }
func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tokEOF {
		p.pos++
	}
	return t
}
func (p *parser) isWord(w string) bool {
	t := p.peek()
	return t.kind == tokIdent && strings.EqualFold(t.text, w)
}

func (p *parser) parseOr() (filterExpr, error) {
	l, err := p.parseAnd()
	for err == nil && p.isWord("or") {
		p.next()
		var r filterExpr
		if r, err = p.parseAnd(); err == nil {
			l = orExpr{l, r}
		}
	}
	return l, err
}

func (p *parser) parseAnd() (filterExpr, error) {
	l, err := p.parseUnary()
	for err == nil && p.isWord("and") {
		p.next()
		var r filterExpr
		if r, err = p.parseUnary(); err == nil {
			l = andExpr{l, r}
		}
	}
	return l, err
}

func (p *parser) parseUnary() (filterExpr, error) {
	if p.isWord("not") {
		p.next()
		e, err := p.parseUnary()
		return notExpr{e}, err
	}
	return p.parsePrimary()
}

func (p *parser) parsePrimary() (filterExpr, error) {
	t := p.next()
	switch t.kind {
	case tokLParen:
		e, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		if p.next().kind != tokRParen {
			return nil, fmt.Errorf("missing ) for ( at %d", t.pos)
		}
		return e, nil
	case tokIdent:
	default:
		return nil, fmt.Errorf("expected a column at %d, got %q", t.pos, t.text)
	}
	if p.peek().kind == tokLParen {
		return p.parseFunc(t)
	}
	col, ok := p.cols(t.text)
	if !ok {
		return nil, fmt.Errorf("unknown column %q", t.text)
	}
	opTok := p.next()
	op, ok := opAliases[strings.ToLower(opTok.text)]
	if !ok || (opTok.kind != tokIdent && opTok.kind != tokOp) {
		return nil, fmt.Errorf("unknown operator %q after %s at %d", opTok.text, t.text, opTok.pos)
	}
	if op == "between" || op == "in" || op == "notin" {
		vals, err := p.parseList()
		if err != nil {
			return nil, err
		}
		if op == "between" && len(vals) != 2 {
			return nil, fmt.Errorf("between needs two values")
		}
		return cmpExpr{col: col, op: op, vals: vals}, nil
	}
	v, err := p.parseValue()
	if err != nil {
		return nil, err
	}
	return cmpExpr{col: col, op: op, vals: []literal{v}}, nil
}

func (p *parser) parseValue() (literal, error) {
	t := p.next()
	switch {
	case t.kind == tokString:
		return literal{text: t.text}, nil
	case t.kind == tokNumber:
		return literal{text: t.text, isNum: true}, nil
	case t.kind == tokIdent && (strings.EqualFold(t.text, "true") || strings.EqualFold(t.text, "false")):
		return literal{text: strings.ToLower(t.text)}, nil
	}
	return literal{}, fmt.Errorf("expected a value at %d, got %q", t.pos, t.text)
}

func (p *parser) parseList() ([]literal, error) {
	if p.next().kind != tokLParen {
		return nil, fmt.Errorf("expected ( before a value list")
	}
	var vals []literal
	for {
		v, err := p.parseValue()
		if err != nil {
			return nil, err
		}
		vals = append(vals, v)
		switch p.next().kind {
		case tokComma:
			continue
		case tokRParen:
			return vals, nil
		default:
			return nil, fmt.Errorf("expected , or ) in a value list")
		}
	}
}

// parseFunc parses startswith(col,'x'), endswith(col,'x'), substringof('x',col).
func (p *parser) parseFunc(name token) (filterExpr, error) {
	fn := strings.ToLower(name.text)
	if fn != "startswith" && fn != "endswith" && fn != "substringof" {
		return nil, fmt.Errorf("unknown function %q", name.text)
	}
	p.next() // (
	var colName string
	var val literal
	var err error
	if fn == "substringof" {
		if val, err = p.parseValue(); err != nil {
			return nil, err
		}
		if p.next().kind != tokComma {
			return nil, fmt.Errorf("substringof needs two arguments")
		}
		colName = p.next().text
	} else {
		colName = p.next().text
		if p.next().kind != tokComma {
			return nil, fmt.Errorf("%s needs two arguments", fn)
		}
		if val, err = p.parseValue(); err != nil {
			return nil, err
		}
	}
	if p.next().kind != tokRParen {
		return nil, fmt.Errorf("missing ) after %s", fn)
	}
	col, ok := p.cols(colName)
	if !ok {
		return nil, fmt.Errorf("unknown column %q", colName)
	}
	op := map[string]string{"startswith": "begins", "endswith": "ends", "substringof": "contains"}[fn]
	return cmpExpr{col: col, op: op, vals: []literal{val}}, nil
}
