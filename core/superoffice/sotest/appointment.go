package sotest

import (
	"embed"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// The official Appointment OpenAPI file, copied unchanged from
// testdata/openapi. It has its own schema set, so the Contact and Person
// definitions the rest of the simulator checks stay exactly as they were.
//
//go:embed openapi/Swagger-v1-Appointment.json
var appointmentFS embed.FS

const (
	defAppointmentEntity    = "SuperOffice.CRM.Services.AppointmentEntity"
	defAppointmentWithLinks = "SuperOffice.WebApi.v1.Carriers.AppointmentCarriers.AppointmentEntityWithLinks"
)

var (
	apptSchemasOnce sync.Once
	apptSchemas     *schemaSet
	apptSchemasErr  error
)

// appointmentSchemas parses the embedded Appointment file once per process.
func appointmentSchemas() (*schemaSet, error) {
	apptSchemasOnce.Do(func() {
		raw, err := appointmentFS.ReadFile("openapi/Swagger-v1-Appointment.json")
		if err != nil {
			apptSchemasErr = err
			return
		}
		set := &schemaSet{defs: map[string]*schemaDef{}}
		if err := set.addDefinitions(raw); err != nil {
			apptSchemasErr = fmt.Errorf("simulator: parse Swagger-v1-Appointment.json: %w", err)
			return
		}
		for _, need := range []string{defAppointmentEntity, defAppointmentWithLinks} {
			if set.defs[need] == nil {
				apptSchemasErr = fmt.Errorf("simulator: OpenAPI definition %s missing", need)
				return
			}
		}
		apptSchemas = set
	})
	return apptSchemas, apptSchemasErr
}

// The simulator's lengths of an appointment's Title and Description, as
// its /Appointment/default FieldProperties say. The real limits are
// UNCONFIRMED (API.md §9); a client reads them at run time, and tests can
// lower them with SetAppointmentLimits.
const (
	defaultApptTitleLen = 254
	defaultApptDescLen  = 2047
)

// apptState is the tenant's appointments; it lives under Server.mu. The
// zero value is an empty diary.
type apptState struct {
	byID      map[int]*entity
	next      int
	titleLen  int
	descLen   int
	taskCheck func(id int) bool
}

func (a *apptState) init() {
	if a.byID == nil {
		a.byID, a.next = map[int]*entity{}, 1
	}
	if a.titleLen == 0 {
		a.titleLen, a.descLen = defaultApptTitleLen, defaultApptDescLen
	}
}

// SetAppointmentLimits sets the Title and Description lengths the tenant
// announces in FieldProperties and enforces, so a test can prove the
// client cuts to what the tenant says rather than to a constant.
func (s *Server) SetAppointmentLimits(title, description int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.appts.init()
	s.appts.titleLen, s.appts.descLen = title, description
}

// SetTaskCheck replaces the test of whether a Task list item id exists,
// which by default is the tenant's Task list (List/Task/Items): an item
// that exists and is not deleted.
func (s *Server) SetTaskCheck(known func(id int) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.appts.taskCheck = known
}

// knownTask reports whether id names a Task list item. Runs under s.mu.
func (s *Server) knownTask(id int) bool {
	if s.appts.taskCheck != nil {
		return s.appts.taskCheck(id)
	}
	_, ok := s.activeItem(ListTask, id)
	return ok
}

// Appointments returns a copy of every stored appointment as the API
// renders it, for tests that count what a client booked.
func (s *Server) Appointments() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.appts.init()
	out := []map[string]any{}
	for id := 1; id < s.appts.next; id++ {
		if e := s.appts.byID[id]; e != nil {
			out = append(out, s.appointmentJSON(e, s.URL()))
		}
	}
	return out
}

// routeAppointment serves v1/Appointment[/...].
func (s *Server) routeAppointment(rc *reqCtx, segs []string) {
	switch {
	case len(segs) == 0 && rc.r.Method == http.MethodGet:
		s.searchAppointments(rc)
	case len(segs) == 0 && rc.r.Method == http.MethodPost:
		s.createAppointment(rc)
	case len(segs) == 0:
		s.methodNotAllowed(rc)
	case len(segs) == 1 && lowerAt(segs, 0) == "default":
		if s.onlyGet(rc) {
			s.defaultAppointment(rc)
		}
	case len(segs) == 1:
		id, err := strconv.Atoi(segs[0])
		if err != nil {
			s.notFoundRoute(rc)
			return
		}
		if s.onlyGet(rc) {
			s.getAppointment(rc, id)
		}
	default:
		s.notFoundRoute(rc)
	}
}

// apptFieldProperties is the FieldProperties of an appointment carrier.
func (s *Server) apptFieldProperties() map[string]any {
	return map[string]any{
		"AppointmentId": fieldProp("Update", "System.Int32", 4),
		"Title":         fieldProp("Update", "System.String", s.appts.titleLen),
		"Description":   fieldProp("Update", "System.String", s.appts.descLen),
		"Location":      fieldProp("Update", "System.String", 254),
		"StartDate":     fieldProp("Update", "System.DateTime", 8),
		"EndDate":       fieldProp("Update", "System.DateTime", 8),
	}
}

// defaultAppointment serves GET v1/Appointment/default: a new diary entry
// of the signed-in user, starting now, with the tenant's default task.
func (s *Server) defaultAppointment(rc *reqCtx) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.appts.init()
	now := time.Now().Truncate(time.Minute)
	task := 0 // a tenant whose Task list has no default leaves it unset
	if it, ok := s.defaultItem(ListTask); ok {
		task = it.ID
	}
	e := &entity{props: map[string]any{
		"Associate": map[string]any{"AssociateId": jnum(principalAssociateID)},
		"Task":      map[string]any{"TaskListItemId": jnum(task)},
		"Type":      "inDiary", "Completed": "NotStarted", "Private": "Public",
		"StartDate": now.Format(apptTimeLayout), "EndDate": now.Add(time.Hour).Format(apptTimeLayout),
	}, custom: map[string]string{}}
	out := s.appointmentJSON(e, s.base(rc.r))
	out["CreatedDate"], out["UpdatedDate"] = emptyDate, emptyDate
	delete(out, "_Links")
	writeJSON(rc.w, http.StatusOK, out)
}

// apptTimeLayout is how appointment times are rendered: the user's wall
// clock, without an offset.
const apptTimeLayout = "2006-01-02T15:04:05"

// parseApptTime reads a date-time as a client may send it.
func parseApptTime(v string) (time.Time, bool) {
	for _, l := range []string{apptTimeLayout, time.RFC3339, "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(l, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// apptReadOnly are echoed properties the service ignores on POST.
var apptReadOnly = setOf("AppointmentId", "CreatedDate", "UpdatedDate", "CreatedBy", "UpdatedBy", "TableRight",
	"FieldProperties", "ActiveLinks", "HasConflict", "PreferredTZLocationData", "RejectCounter")

// createAppointment serves POST v1/Appointment: 200 with the saved entity.
// Strict mode refuses what a forgiving tenant repairs: a person of another
// company, a Title or Description over the announced length, an unknown
// property or Task, and a checklist task without an EndDate (whether the
// service fills it is UNCONFIRMED, API.md §9).
func (s *Server) createAppointment(rc *reqCtx) {
	sch, err := appointmentSchemas()
	if err != nil {
		writeSOError(rc.w, http.StatusInternalServerError, "SoException", err.Error())
		return
	}
	body, ok := s.readEntityBody(rc)
	if !ok {
		return
	}
	g := s.gate(rc)
	refuse := ""
	report := func(kind, pointer, msg string) {
		g.report(kind, pointer, msg)
		if s.cfg.Strict && refuse == "" && (kind == KindTooLong || kind == KindReference || kind == KindRequest) {
			refuse = kind + " at " + pointer + ": " + msg
		}
	}
	sch.checkObject(defAppointmentEntity, body, "", report)
	props := map[string]any{}
	for _, key := range sortedKeys(body) {
		canon, _, found := sch.canonical(defAppointmentEntity, key)
		switch {
		case !found:
		case apptReadOnly[canon]:
			if canon == "AppointmentId" && num(body[key]) != 0 {
				report(KindReadOnly, "/AppointmentId", fmt.Sprintf("POST creates a new appointment; AppointmentId must be 0, got %d", num(body[key])))
			}
		default:
			props[canon] = sch.canonicalize(sch.prop(defAppointmentEntity, canon), body[key])
		}
	}
	s.mu.Lock()
	s.appts.init()
	s.checkAppointment(props, report)
	if g.refuse() {
		s.mu.Unlock()
		return
	}
	if refuse != "" {
		s.mu.Unlock()
		writeSOError(rc.w, http.StatusBadRequest, "SoValidationException", "Strict tenant refused the request: "+refuse)
		return
	}
	e := &entity{id: s.appts.next, props: props, custom: map[string]string{}}
	s.appts.next++
	e.created = time.Now().UTC().Truncate(time.Second)
	e.updated = e.created
	s.appts.byID[e.id] = e
	out := s.appointmentJSON(e, s.base(rc.r))
	s.mu.Unlock()
	s.logf("simulator: created Appointment %d", e.id)
	if d, ok := s.faults.takeHang(); ok {
		rc.fault = "hang-after-create"
		if !s.sleep(rc.r.Context(), d) {
			return
		}
	}
	selectProps(out, rc.r.URL.Query().Get("$select"), "AppointmentId")
	writeJSON(rc.w, http.StatusOK, out)
}

// checkAppointment checks references, lengths and dates of a new
// appointment and repairs what a forgiving tenant would. Runs under s.mu.
func (s *Server) checkAppointment(p map[string]any, report issueFunc) {
	if a, ok := p["Associate"].(map[string]any); !ok || num(a["AssociateId"]) == 0 {
		p["Associate"] = map[string]any{"AssociateId": jnum(principalAssociateID)}
	} else if id := num(a["AssociateId"]); id != principalAssociateID {
		report(KindReference, "/Associate/AssociateId", fmt.Sprintf("no associate %d", id))
	}
	contactID := refID(p, "Contact", "ContactId")
	if contactID != 0 && s.contacts[contactID] == nil {
		report(KindReference, "/Contact/ContactId", fmt.Sprintf("no company %d", contactID))
	}
	if pid := refID(p, "Person", "PersonId"); pid != 0 {
		switch per := s.persons[pid]; {
		case per == nil:
			report(KindReference, "/Person/PersonId", fmt.Sprintf("no person %d", pid))
		case refID(per.props, "Contact", "ContactId") != contactID:
			report(KindReference, "/Person/PersonId", fmt.Sprintf("person %d is not registered on company %d (the spec: it must be a contact person of the current company)", pid, contactID))
		}
	}
	if t, ok := p["Task"].(map[string]any); !ok || num(t["TaskListItemId"]) == 0 {
		report(KindReference, "/Task", "no Task: an appointment needs a task type (MDO list \"task\")")
	} else if id := num(t["TaskListItemId"]); !s.knownTask(id) {
		report(KindReference, "/Task/TaskListItemId", fmt.Sprintf("no task list item %d", id))
	}
	for name, n := range map[string]int{"Title": s.appts.titleLen, "Description": s.appts.descLen} {
		if v, ok := p[name].(string); ok && utf8.RuneCountInString(v) > n {
			report(KindTooLong, "/"+name, fmt.Sprintf("%d characters, the field holds %d (stored truncated)", utf8.RuneCountInString(v), n))
			p[name] = truncateRunes(v, n)
		}
	}
	start, okStart := parseApptTime(str(p, "StartDate"))
	if !okStart {
		report(KindRequest, "/StartDate", "no valid StartDate")
	}
	if _, ok := parseApptTime(str(p, "EndDate")); !ok {
		if strings.EqualFold(str(p, "Type"), "inChecklist") {
			report(KindRequest, "/EndDate", "a checklist task without EndDate: whether the service fills it is UNCONFIRMED")
		}
		p["EndDate"] = start.Format(apptTimeLayout)
	}
	if str(p, "Type") == "" {
		p["Type"] = "inDiary"
	}
	if str(p, "Completed") == "" {
		p["Completed"] = "NotStarted"
	}
}

// getAppointment serves GET v1/Appointment/{id}.
func (s *Server) getAppointment(rc *reqCtx, id int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.appts.init()
	e := s.appts.byID[id]
	if e == nil {
		writeSOError(rc.w, http.StatusNotFound, "SoNotFoundException", fmt.Sprintf("Appointment id %d not found", id))
		return
	}
	writeJSON(rc.w, http.StatusOK, s.appointmentJSON(e, s.base(rc.r)))
}

// appointmentJSON renders an appointment carrier. Runs under s.mu.
func (s *Server) appointmentJSON(e *entity, base string) map[string]any {
	out := map[string]any{}
	for k, v := range e.props {
		out[k] = deepCopy(v)
	}
	out["AppointmentId"] = e.id
	out["CreatedDate"], out["UpdatedDate"] = isoTime(e.created), isoTime(e.updated)
	for _, k := range []string{"Title", "Description", "Agenda", "InternalNotes", "Location"} {
		if out[k] == nil {
			out[k] = ""
		}
	}
	aid := refID(e.props, "Associate", "AssociateId")
	out["Associate"] = map[string]any{"AssociateId": aid, "Name": initials(s.cfg.UserName), "FullName": s.cfg.UserName, "Type": "Employee"}
	if cid := refID(e.props, "Contact", "ContactId"); cid != 0 {
		c := map[string]any{"ContactId": cid}
		if ce := s.contacts[cid]; ce != nil {
			c["Name"] = str(ce.props, "Name")
		}
		out["Contact"] = c
	}
	if pid := refID(e.props, "Person", "PersonId"); pid != 0 {
		p := map[string]any{"PersonId": pid}
		if pe := s.persons[pid]; pe != nil {
			p["FullName"] = personFullName(pe.props)
		}
		out["Person"] = p
	}
	if tid := refID(e.props, "Task", "TaskListItemId"); tid != 0 {
		name := fmt.Sprintf("Task %d", tid)
		if it, ok := s.activeItem(ListTask, tid); ok {
			name = it.Name
		}
		out["Task"] = map[string]any{"TaskListItemId": tid, "Value": name}
	}
	out["ActiveDate"] = out["StartDate"]
	out["TableRight"] = tableRight
	out["FieldProperties"] = s.apptFieldProperties()
	if e.id != 0 {
		out["_Links"] = map[string]any{"Self": base + "/" + s.cfg.Ctx + "/api/v1/Appointment/" + strconv.Itoa(e.id)}
	}
	return out
}
