package sotest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"
)

func TestEmbeddedAppointmentOpenAPIMatchesTestdata(t *testing.T) {
	a, _ := os.ReadFile("../../../testdata/openapi/Swagger-v1-Appointment.json")
	b, _ := appointmentFS.ReadFile("openapi/Swagger-v1-Appointment.json")
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Error("embedded Swagger-v1-Appointment.json differs from testdata")
	}
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(a, &doc); err != nil {
		t.Fatal(err)
	}
	for _, ep := range []string{"GET /api/v1/Appointment/default", "POST /api/v1/Appointment", "GET /api/v1/Appointment/{id}", "GET /api/v1/Appointment"} {
		m, p, _ := strings.Cut(ep, " ")
		if doc.Paths[p][strings.ToLower(m)] == nil {
			t.Errorf("%s is not in the Appointment OpenAPI file", ep)
		}
	}
}

// apptSim is a tenant with company 1 (person 10) and company 2 (person 20).
func apptSim(t *testing.T, strict bool) (*Server, *api) {
	s := newSim(t, Config{Strict: strict})
	for _, c := range []SeedCompany{{ID: 1, Name: "Acme ApS"}, {ID: 2, Name: "Other A/S"}} {
		if _, err := s.AddCompany(c); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []SeedPerson{{ID: 10, ContactID: 1, Firstname: "Jane", Lastname: "Doe"}, {ID: 20, ContactID: 2, Firstname: "Bo", Lastname: "Ek"}} {
		if _, err := s.AddPerson(p); err != nil {
			t.Fatal(err)
		}
	}
	return s, newAPI(t, s)
}

func followUp(person int, title, desc string, end bool) map[string]any {
	b := map[string]any{
		"Associate": map[string]any{"AssociateId": 5}, "Contact": map[string]any{"ContactId": 1},
		"Person": map[string]any{"PersonId": person}, "Task": map[string]any{"TaskListItemId": 3},
		"Type": "inChecklist", "StartDate": "2026-12-14T09:00:00", "Title": title, "Description": desc,
	}
	if end {
		b["EndDate"] = "2026-12-14T09:00:00"
	}
	return b
}

func TestAppointmentDefaultCreateGet(t *testing.T) {
	for _, strict := range []bool{false, true} {
		t.Run(fmt.Sprint("strict=", strict), func(t *testing.T) {
			s, a := apptSim(t, strict)
			def := a.obj("GET", "v1/Appointment/default", nil, 200)
			if mustNum(t, get(def, "Associate", "AssociateId")) != principalAssociateID || mustNum(t, get(def, "AppointmentId")) != 0 {
				t.Fatalf("default: %v", def)
			}
			if mustNum(t, get(def, "FieldProperties", "Title", "FieldLength")) != defaultApptTitleLen ||
				mustNum(t, get(def, "FieldProperties", "Description", "FieldLength")) != defaultApptDescLen {
				t.Fatalf("default FieldProperties: %v", get(def, "FieldProperties"))
			}
			got := a.obj("POST", "v1/Appointment", followUp(10, "Opfølgning: Acme", "why", true), 200)
			id := mustNum(t, get(got, "AppointmentId"))
			back := a.obj("GET", fmt.Sprintf("v1/Appointment/%d", id), nil, 200)
			if get(back, "Title") != "Opfølgning: Acme" || get(back, "Type") != "inChecklist" || get(back, "StartDate") != "2026-12-14T09:00:00" ||
				mustNum(t, get(back, "Person", "PersonId")) != 10 || mustNum(t, get(back, "Contact", "ContactId")) != 1 ||
				mustNum(t, get(back, "Task", "TaskListItemId")) != 3 {
				t.Fatalf("read back: %v", back)
			}
			a.obj("GET", "v1/Appointment/999", nil, 404)
			noViolations(t, s)
			if n := len(s.Appointments()); n != 1 {
				t.Fatalf("%d appointments, want 1", n)
			}
		})
	}
}

// What a forgiving tenant repairs and records, a strict one refuses.
func TestAppointmentStrictRefusals(t *testing.T) {
	long := strings.Repeat("x", 41)
	cases := []struct {
		name string
		body map[string]any
		kind string
	}{
		{"person of another company", followUp(20, "t", "d", true), KindReference},
		{"title too long", followUp(10, long, "d", true), KindTooLong},
		{"description too long", followUp(10, "t", strings.Repeat("y", 61), true), KindTooLong},
		{"checklist without EndDate", followUp(10, "t", "d", false), KindRequest},
		{"unknown property", func() map[string]any { b := followUp(10, "t", "d", true); b["Subject"] = "x"; return b }(), KindUnknownProperty},
		{"no task", func() map[string]any { b := followUp(10, "t", "d", true); delete(b, "Task"); return b }(), KindReference},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, strict := range []bool{false, true} {
				s, a := apptSim(t, strict)
				s.SetAppointmentLimits(40, 60)
				want := 200
				if strict {
					want = 400
				}
				a.obj("POST", "v1/Appointment", c.body, want)
				wantViolation(t, s, c.kind, "/")
				if n := len(s.Appointments()); (n == 1) == strict {
					t.Errorf("strict=%v: %d appointments stored", strict, n)
				}
				if !strict && c.kind == KindTooLong {
					for _, ap := range s.Appointments() {
						if len([]rune(ap["Title"].(string))) > 40 || len([]rune(ap["Description"].(string))) > 60 {
							t.Errorf("forgiving tenant did not cut: %v", ap)
						}
					}
				}
			}
		})
	}
}

func TestAppointmentTaskCheckIsPluggable(t *testing.T) {
	s, a := apptSim(t, true)
	s.SetTaskCheck(func(id int) bool { return id == 7 })
	a.obj("POST", "v1/Appointment", followUp(10, "t", "d", true), 400)
	wantViolation(t, s, KindReference, "TaskListItemId")
}

func TestAppointmentODataLookup(t *testing.T) {
	s, a := apptSim(t, false)
	a.obj("POST", "v1/Appointment", followUp(10, "a", "d", true), 200)
	b := followUp(20, "b", "d", true)
	b["Contact"] = map[string]any{"ContactId": 2}
	a.obj("POST", "v1/Appointment", b, 200)
	rows := a.rows("v1/Appointment?$select=appointmentId,contactId&$filter=contactId%20eq%202&$orderby=appointmentId%20desc&$top=5")
	if len(rows) != 1 || mustNum(t, rows[0]["appointmentId"]) != 2 || mustNum(t, rows[0]["contactId"]) != 2 {
		t.Fatalf("rows: %v", rows)
	}
	noViolations(t, s)

	// The archive's columns are undocumented: a strict tenant knows none.
	st, sa := apptSim(t, true)
	_, raw := sa.do("GET", "v1/Appointment?$select=appointmentId&$filter=contactId%20eq%202", nil)
	sa.obj("GET", "v1/Appointment?$select=appointmentId&$filter=contactId%20eq%202", nil, 400)
	if !strings.Contains(string(raw), "unknown column") {
		t.Errorf("strict answer: %s", raw)
	}
	noViolations(t, st)
}

// A dropped answer after POST Appointment: the appointment is saved all
// the same, as with companies.
func TestAppointmentHangAfterCreate(t *testing.T) {
	s, a := apptSim(t, false)
	s.Faults().HangAfterCreate(2e9)
	a.c.Timeout = 200e6
	req := followUp(10, "t", "d", true)
	raw, _ := json.Marshal(req)
	hreq, _ := http.NewRequest("POST", s.APIURL()+"v1/Appointment", bytes.NewReader(raw))
	hreq.Header.Set("Content-Type", "application/json")
	hreq.Header.Set("Authorization", "Bearer "+a.tok)
	if resp, err := a.c.Do(hreq); err == nil {
		resp.Body.Close()
		t.Fatal("the answer was not dropped")
	}
	if n := len(s.Appointments()); n != 1 {
		t.Fatalf("%d appointments, want the one whose answer was lost", n)
	}
}
