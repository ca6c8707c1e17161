package sotest

import (
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// contactPersons serves GET v1/Contact/{id}/Persons.
func (s *Server) contactPersons(rc *reqCtx, id int) {
	s.mu.Lock()
	exists := s.contacts[id] != nil
	s.mu.Unlock()
	if !exists {
		notFoundEntity(rc, contactKind, id)
		return
	}
	s.handleSearch(rc, personKind, id)
}

// handleSearch serves an OData archive search (Slim mode).
func (s *Server) handleSearch(rc *reqCtx, k *kindInfo, restrictContact int) {
	p := simpleContact
	if k == personKind {
		p = personArchive
	}
	q := rc.r.URL.Query()
	fail := func(param, msg string) {
		rc.violate(KindOData, param, msg)
		writeSOError(rc.w, http.StatusBadRequest, "ArchiveException", msg)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	lookup := func(param string) func(string) (*column, bool) {
		return func(name string) (*column, bool) {
			c, exact, ok := p.column(s, name)
			if ok && s.Strict() && undocumentedColumn(p, c.name) {
				return nil, false // the least forgiving reading: a tenant may not have it
			}
			if ok && !exact {
				rc.violate(KindOData, param, fmt.Sprintf("column %q should be spelled %q", name, c.name))
			}
			return c, ok
		}
	}
	selNames := p.defaults
	if sel, ok := queryParam(q, "$select"); ok && strings.TrimSpace(sel) != "" {
		selNames = strings.Split(sel, ",")
	}
	var cols []*column
	for _, n := range selNames {
		c, ok := lookup("$select")(strings.TrimSpace(n))
		if !ok {
			fail("$select", fmt.Sprintf("unknown column %q in $select (provider %s)", strings.TrimSpace(n), p.entityName))
			return
		}
		cols = append(cols, c)
	}
	var filter filterExpr
	if f, ok := queryParam(q, "$filter"); ok && strings.TrimSpace(f) != "" {
		var err error
		if filter, err = parseFilterMode(f, lookup("$filter"), s.Strict()); err != nil {
			fail("$filter", "invalid $filter: "+err.Error())
			return
		}
	}
	order, err := parseOrderBy(q, lookup("$orderby"))
	if err != nil {
		fail("$orderby", err.Error())
		return
	}
	top, skip := -1, 0
	for name, dst := range map[string]*int{"$top": &top, "$skip": &skip} {
		if v, ok := queryParam(q, name); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < 0 {
				fail(name, fmt.Sprintf("%s must be a non-negative integer, got %q", name, v))
				return
			}
			*dst = n
		}
	}
	store := s.store(k)
	var rows []*entity
	for _, id := range slices.Sorted(maps.Keys(store)) {
		e := store[id]
		if restrictContact != 0 && refID(e.props, "Contact", "ContactId") != restrictContact {
			continue
		}
		if filter != nil && !filter.eval(func(c *column) any { return c.get(s, e) }) {
			continue
		}
		rows = append(rows, e)
	}
	sortRows(s, rows, order)
	total := len(rows)
	rows = rows[min(skip, total):]
	if top >= 0 && top < len(rows) {
		rows = rows[:top]
	}
	values := make([]any, 0, len(rows))
	for _, e := range rows {
		values = append(values, s.slimRow(p, e, cols))
	}
	var next any
	if top >= 0 && skip+top < total {
		nq := url.Values{}
		for key, v := range q {
			nq[key] = v
		}
		for key := range nq {
			if strings.EqualFold(key, "$skip") {
				delete(nq, key)
			}
		}
		nq.Set("$skip", strconv.Itoa(skip+top))
		next = s.base(rc.r) + rc.r.URL.EscapedPath() + "?" + nq.Encode()
	}
	writeJSON(rc.w, http.StatusOK, map[string]any{
		"odata.metadata": s.base(rc.r) + "/" + s.cfg.Ctx + "/api/v1/archive/$metadata",
		"odata.nextLink": next,
		"value":          values,
	})
}

// slimRow renders one row in Slim mode.
func (s *Server) slimRow(p *provider, e *entity, cols []*column) map[string]any {
	row := map[string]any{"PrimaryKey": s.slimInt(e.id), "EntityName": p.entityName}
	for _, c := range cols {
		v := c.get(s, e)
		switch x := v.(type) {
		case []string:
			first := ""
			if len(x) > 0 {
				first = x[0]
			}
			row[c.name] = first
		case int:
			row[c.name] = s.slimInt(x)
		case time.Time:
			row[c.name] = x.UTC().Format("2006-01-02T15:04:05")
		default:
			row[c.name] = v
		}
	}
	return row
}

func (s *Server) slimInt(n int) any {
	if s.cfg.ODataStringValues {
		return strconv.Itoa(n)
	}
	return n
}

type orderKey struct {
	col  *column
	desc bool
}

func parseOrderBy(q url.Values, cols func(string) (*column, bool)) ([]orderKey, error) {
	raw, ok := queryParam(q, "$orderby")
	if !ok || strings.TrimSpace(raw) == "" {
		return nil, nil
	}
	var out []orderKey
	for _, part := range strings.Split(raw, ",") {
		f := strings.Fields(part)
		if len(f) == 0 || len(f) > 2 {
			return nil, fmt.Errorf("invalid $orderby term %q", part)
		}
		c, ok := cols(f[0])
		if !ok {
			return nil, fmt.Errorf("unknown column %q in $orderby", f[0])
		}
		k := orderKey{col: c}
		if len(f) == 2 {
			switch strings.ToLower(f[1]) {
			case "asc":
			case "desc":
				k.desc = true
			default:
				return nil, fmt.Errorf("invalid direction %q in $orderby", f[1])
			}
		}
		out = append(out, k)
	}
	return out, nil
}

func sortRows(s *Server, rows []*entity, order []orderKey) {
	if len(order) == 0 {
		return
	}
	sort.SliceStable(rows, func(i, j int) bool {
		for _, k := range order {
			c, _ := compareValue(k.col.typ, firstOf(k.col.get(s, rows[i])), literal{text: litOf(k.col.get(s, rows[j]))})
			if c == 0 {
				continue
			}
			return (c < 0) != k.desc
		}
		return false
	})
}

func firstOf(v any) any {
	if many, ok := v.([]string); ok {
		if len(many) == 0 {
			return ""
		}
		return many[0]
	}
	return v
}

// litOf renders a value as literal text for compareValue.
func litOf(v any) string {
	v = firstOf(v)
	switch x := v.(type) {
	case time.Time:
		return x.UTC().Format(time.RFC3339)
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}
