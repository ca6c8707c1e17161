package superoffice

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Filter is an OData $filter expression built only from these
// constructors, so user text always ends up inside a quoted literal (one
// that needs no escape, see Literal) and never in the expression's
// structure. The zero Filter means
// "no filter". A Filter built from a bad column name or an unsupported
// value type carries the error and makes the search fail before sending.
type Filter struct {
	expr      string
	err       error
	composite bool // joined with and/or: needs parentheses inside another join
}

// String returns the expression as sent in $filter.
func (f Filter) String() string { return f.expr }

// Err reports why the filter cannot be used, if it cannot.
func (f Filter) Err() error { return f.err }

// IsZero reports whether f is the empty filter.
func (f Filter) IsZero() bool { return f.expr == "" && f.err == nil }

// Eq is "column eq value"; official samples use it for strings and ints.
func Eq(column string, value any) Filter { return compare(column, "eq", value) }

// Ne is "column ne value" (ints).
func Ne(column string, value any) Filter { return compare(column, "ne", value) }

// Gt is "column gt value" (ints).
func Gt(column string, value any) Filter { return compare(column, "gt", value) }

// Lt is "column lt value" (ints).
func Lt(column string, value any) Filter { return compare(column, "lt", value) }

// Is is the string-equality operator "column is 'value'".
func Is(column, value string) Filter { return compare(column, "is", value) }

// IsNot is "column isNot 'value'".
func IsNot(column, value string) Filter { return compare(column, "isNot", value) }

// Begins is "column begins 'value'" (prefix match).
func Begins(column, value string) Filter { return compare(column, "begins", value) }

// Contains is "column contains 'value'" (substring match).
func Contains(column, value string) Filter { return compare(column, "contains", value) }

// In is "column in (v1, v2, ...)"; with no values it is an error rather
// than a filter that silently matches nothing or everything.
func In(column string, values ...any) Filter {
	if err := checkColumn(column); err != nil {
		return Filter{err: err}
	}
	if len(values) == 0 {
		return Filter{err: fmt.Errorf("superoffice: In(%s) needs at least one value", column)}
	}
	lits := make([]string, len(values))
	for i, v := range values {
		lit, err := Literal(v)
		if err != nil {
			return Filter{err: err}
		}
		lits[i] = lit
	}
	return Filter{expr: column + " in (" + strings.Join(lits, ", ") + ")"}
}

// And joins filters with "and"; zero filters are skipped and composite
// operands are parenthesised so precedence never depends on the server.
func And(fs ...Filter) Filter { return join("and", fs) }

// Or joins filters with "or", like And.
func Or(fs ...Filter) Filter { return join("or", fs) }

func join(op string, fs []Filter) Filter {
	var kept []Filter
	for _, f := range fs {
		if f.err != nil {
			return f
		}
		if f.expr != "" {
			kept = append(kept, f)
		}
	}
	switch len(kept) {
	case 0:
		return Filter{}
	case 1:
		return kept[0]
	}
	parts := make([]string, len(kept))
	for i, f := range kept {
		parts[i] = f.expr
		if f.composite {
			parts[i] = "(" + f.expr + ")"
		}
	}
	return Filter{expr: strings.Join(parts, " "+op+" "), composite: true}
}

func compare(column, op string, value any) Filter {
	if err := checkColumn(column); err != nil {
		return Filter{err: err}
	}
	lit, err := Literal(value)
	if err != nil {
		return Filter{err: err}
	}
	return Filter{expr: column + " " + op + " " + lit}
}

// Literal renders v as an OData literal: strings in single quotes,
// integers in decimal, booleans as true/false. Other types are refused
// rather than guessed.
//
// A string holding an apostrophe or a backslash is refused too (see
// Quotable): SuperOffice documents only the backslash escape ('L\'Oréal')
// and leaves the OData doubled quote unconfirmed, so any escape we chose
// could be a 400 or, worse, a different filter on a real tenant. Callers
// search a part of the text without the character (e.g. the name up to its
// apostrophe) and compare the full text themselves.
func Literal(v any) (string, error) {
	switch x := v.(type) {
	case string:
		if !Quotable(x) {
			return "", fmt.Errorf("superoffice: OData string %q holds an apostrophe or backslash, which no documented quoting carries safely; search a part without it", x)
		}
		return "'" + x + "'", nil
	case int:
		return strconv.Itoa(x), nil
	case int32:
		return strconv.FormatInt(int64(x), 10), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case bool:
		return strconv.FormatBool(x), nil
	}
	return "", fmt.Errorf("superoffice: unsupported OData value type %T", v)
}

// Quotable reports whether s can go into an OData string literal as is:
// it holds no apostrophe (') and no backslash, the characters whose
// escaping SuperOffice leaves unconfirmed.
func Quotable(s string) bool { return !strings.ContainsAny(s, `'\`) }

// checkColumn accepts archive column names such as contactId,
// email/emailAddress or contactUdef/SuperOffice:1, and nothing that could
// change the expression's structure.
func checkColumn(c string) error {
	if c == "" {
		return errors.New("superoffice: empty OData column name")
	}
	for i, r := range c {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_' ||
			i > 0 && (r >= '0' && r <= '9' || r == '/' || r == ':' || r == '.')
		if !ok {
			return fmt.Errorf("superoffice: bad OData column name %q", c)
		}
	}
	return nil
}

// SearchOptions are the OData query options of a search endpoint.
type SearchOptions struct {
	Select  []string // column names; empty means the provider's default columns
	Filter  Filter
	OrderBy []string // column names, each optionally followed by " asc" or " desc"
	Top     int      // 0 means the server's default
	Skip    int
}

// values validates the options and returns them as query parameters.
// Names follow the OpenAPI spelling ($orderBy).
func (o *SearchOptions) values() (url.Values, error) {
	q := url.Values{}
	if o == nil {
		return q, nil
	}
	if len(o.Select) > 0 {
		for _, c := range o.Select {
			if err := checkColumn(c); err != nil {
				return nil, err
			}
		}
		q.Set("$select", strings.Join(o.Select, ","))
	}
	if err := o.Filter.Err(); err != nil {
		return nil, err
	}
	if o.Filter.expr != "" {
		q.Set("$filter", o.Filter.expr)
	}
	if len(o.OrderBy) > 0 {
		for _, c := range o.OrderBy {
			col, dir, _ := strings.Cut(c, " ")
			if err := checkColumn(col); err != nil {
				return nil, err
			}
			if dir != "" && dir != "asc" && dir != "desc" {
				return nil, fmt.Errorf("superoffice: bad OData sort direction %q", dir)
			}
		}
		q.Set("$orderBy", strings.Join(o.OrderBy, ","))
	}
	if o.Top < 0 || o.Skip < 0 {
		return nil, errors.New("superoffice: negative $top or $skip")
	}
	if o.Top > 0 {
		q.Set("$top", strconv.Itoa(o.Top))
	}
	if o.Skip > 0 {
		q.Set("$skip", strconv.Itoa(o.Skip))
	}
	return q, nil
}
