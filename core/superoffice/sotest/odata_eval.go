package sotest

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// eval compares a row's column value (one value or several, e.g. all
// e-mail addresses) with the literals. Strings compare case-insensitively,
// as in the service's database collation.
func (e cmpExpr) eval(get func(*column) any) bool {
	v := get(e.col)
	if many, ok := v.([]string); ok {
		if e.op == "ne" || e.op == "notbegins" || e.op == "notcontains" || e.op == "notends" || e.op == "notin" {
			for _, one := range many {
				if !e.match(one) {
					return false
				}
			}
			return true
		}
		for _, one := range many {
			if e.match(one) {
				return true
			}
		}
		return len(many) == 0 && e.match("")
	}
	return e.match(v)
}

func (e cmpExpr) match(v any) bool {
	cmp := func(lit literal) (int, bool) { return compareValue(e.col.typ, v, lit) }
	switch e.op {
	case "in", "notin":
		hit := false
		for _, l := range e.vals {
			if c, ok := cmp(l); ok && c == 0 {
				hit = true
			}
		}
		return hit == (e.op == "in")
	case "between":
		lo, ok1 := cmp(e.vals[0])
		hi, ok2 := cmp(e.vals[1])
		return ok1 && ok2 && lo >= 0 && hi <= 0
	case "begins", "notbegins", "contains", "notcontains", "ends", "notends":
		s, l := strings.ToLower(fmt.Sprint(v)), strings.ToLower(e.vals[0].text)
		var hit bool
		switch strings.TrimPrefix(e.op, "not") {
		case "begins":
			hit = strings.HasPrefix(s, l)
		case "contains":
			hit = strings.Contains(s, l)
		default:
			hit = strings.HasSuffix(s, l)
		}
		return hit != strings.HasPrefix(e.op, "not")
	}
	c, ok := cmp(e.vals[0])
	if !ok {
		return e.op == "ne"
	}
	switch e.op {
	case "eq":
		return c == 0
	case "ne":
		return c != 0
	case "lt":
		return c < 0
	case "gt":
		return c > 0
	case "le":
		return c <= 0
	case "ge":
		return c >= 0
	}
	return false
}

// compareValue compares a column value with a literal: -1, 0, 1.
func compareValue(typ colType, v any, lit literal) (int, bool) {
	switch typ {
	case colInt:
		a, _ := v.(int)
		b, err := strconv.ParseFloat(lit.text, 64)
		if err != nil {
			return 0, false
		}
		return cmpOrdered(float64(a), b), true
	case colBool:
		a, _ := v.(bool)
		b := lit.text == "true" || lit.text == "1"
		if a == b {
			return 0, true
		}
		return 1, true
	case colDate:
		a, _ := v.(time.Time)
		b, err := parseDateLit(lit.text)
		if err != nil {
			return 0, false
		}
		return cmpOrdered(a.Unix(), b.Unix()), true
	}
	a, b := strings.ToLower(fmt.Sprint(v)), strings.ToLower(lit.text)
	return strings.Compare(a, b), true
}

func cmpOrdered[T int64 | float64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func parseDateLit(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02", "2006.01.02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q", s)
}
