package sotest

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// findAppointment is the "FindAppointment" archive behind GET
// v1/Appointment. Its column names are UNCONFIRMED: the OpenAPI file names
// the archive but lists no columns, so these follow the other archives'
// spelling (contactId, personId, associateId). A strict tenant knows none
// of them and answers 400, the reading a client must survive.
var findAppointment = newProvider("appointment", nil, "", "", []string{"appointmentId"},
	&column{"appointmentId", colInt, func(_ *Server, e *entity) any { return e.id }},
	&column{"contactId", colInt, func(_ *Server, e *entity) any { return refID(e.props, "Contact", "ContactId") }},
	&column{"personId", colInt, func(_ *Server, e *entity) any { return refID(e.props, "Person", "PersonId") }},
	&column{"associateId", colInt, func(_ *Server, e *entity) any { return refID(e.props, "Associate", "AssociateId") }},
)

// searchAppointments serves GET v1/Appointment?$select&$filter&$orderby&$top
// (Slim mode).
func (s *Server) searchAppointments(rc *reqCtx) {
	q := rc.r.URL.Query()
	// A strict tenant's refusal of an undocumented column is the reading
	// the client is built to survive, not a rule it broke: no violation.
	strictUnknown := false
	fail := func(param, msg string) {
		if !strictUnknown {
			rc.violate(KindOData, param, msg)
		}
		writeSOError(rc.w, http.StatusBadRequest, "ArchiveException", msg)
	}
	lookup := func(name string) (*column, bool) {
		if s.cfg.Strict {
			strictUnknown = true
			return nil, false
		}
		c, ok := findAppointment.cols[strings.ToLower(strings.TrimSpace(name))]
		return c, ok
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.appts.init()
	selNames := findAppointment.defaults
	if sel, ok := queryParam(q, "$select"); ok && strings.TrimSpace(sel) != "" {
		selNames = strings.Split(sel, ",")
	}
	var cols []*column
	for _, n := range selNames {
		c, ok := lookup(n)
		if !ok {
			fail("$select", fmt.Sprintf("unknown column %q in $select (provider FindAppointment)", strings.TrimSpace(n)))
			return
		}
		cols = append(cols, c)
	}
	var filter filterExpr
	if f, ok := queryParam(q, "$filter"); ok && strings.TrimSpace(f) != "" {
		var err error
		if filter, err = parseFilterMode(f, lookup, s.Strict()); err != nil {
			fail("$filter", "invalid $filter: "+err.Error())
			return
		}
	}
	order, err := parseOrderBy(q, lookup)
	if err != nil {
		fail("$orderby", err.Error())
		return
	}
	top := -1
	if v, ok := queryParam(q, "$top"); ok {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 0 {
			fail("$top", fmt.Sprintf("$top must be a non-negative integer, got %q", v))
			return
		}
		top = n
	}
	var rows []*entity
	for _, id := range slices.Sorted(maps.Keys(s.appts.byID)) {
		e := s.appts.byID[id]
		if filter == nil || filter.eval(func(c *column) any { return c.get(s, e) }) {
			rows = append(rows, e)
		}
	}
	sortRows(s, rows, order)
	if top >= 0 && top < len(rows) {
		rows = rows[:top]
	}
	values := make([]any, 0, len(rows))
	for _, e := range rows {
		values = append(values, s.slimRow(findAppointment, e, cols))
	}
	writeJSON(rc.w, http.StatusOK, map[string]any{
		"odata.metadata": s.base(rc.r) + "/" + s.cfg.Ctx + "/api/v1/archive/$metadata",
		"odata.nextLink": nil,
		"value":          values,
	})
}
