package superoffice_test

import (
	"context"
	"errors"
	"testing"
	"time"

	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
	"golang.org/x/oauth2"
)

func apptClient(t *testing.T, strict bool) (*sotest.Server, *so.Client) {
	t.Helper()
	s, err := sotest.New(sotest.Config{Strict: strict})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if _, err := s.AddCompany(sotest.SeedCompany{ID: 1, Name: "Acme ApS"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPerson(sotest.SeedPerson{ID: 10, ContactID: 1, Firstname: "Jane", Lastname: "Doe"}); err != nil {
		t.Fatal(err)
	}
	c, err := so.NewClient(s.APIURL(), so.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: s.AccessToken()})),
		so.WithTimeout(2*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

// The typed service speaks the API's JSON names: what it sends is valid
// against the OpenAPI file (a strict tenant would refuse anything else)
// and what it reads back is what was booked.
func TestAppointmentsService(t *testing.T) {
	for _, strict := range []bool{false, true} {
		s, c := apptClient(t, strict)
		ctx := context.Background()
		def, _, err := c.Appointments().Default(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if def.Associate == nil || def.Associate.AssociateId != 5 || def.FieldProperties["Description"].FieldLength != 2047 {
			t.Fatalf("default: %+v", def)
		}
		in := &so.AppointmentEntity{Associate: &so.Associate{AssociateId: def.Associate.AssociateId}, Contact: &so.ContactRef{ContactId: 1},
			Person: &so.PersonRef{PersonId: 10}, Task: &so.TaskListItem{TaskListItemId: 2}, Type: so.AppointmentInChecklist,
			StartDate: "2026-12-14T09:00:00", EndDate: "2026-12-14T09:00:00", Title: "Opfølgning", Description: "why"}
		out, _, err := c.Appointments().Create(ctx, in)
		if err != nil {
			t.Fatalf("strict=%v: %v", strict, err)
		}
		got, _, err := c.Appointments().Get(ctx, out.AppointmentId)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != "Opfølgning" || got.Person.PersonId != 10 || got.Task.TaskListItemId != 2 || got.StartDate != "2026-12-14T09:00:00" {
			t.Fatalf("read back: %+v", got)
		}
		if _, _, err := c.Appointments().Get(ctx, 99); !so.IsNotFound(err) {
			t.Fatalf("missing appointment: %v", err)
		}
		ids, err := c.Appointments().IDsOfContact(ctx, 1, 10)
		var er *so.ErrorResponse
		switch {
		case strict && !(errors.As(err, &er) && er.StatusCode() == 400):
			t.Fatalf("strict tenant knows no FindAppointment column, want a 400: %v %v", ids, err)
		case !strict && (err != nil || len(ids) != 1 || ids[0] != out.AppointmentId):
			t.Fatalf("IDsOfContact: %v %v", ids, err)
		}
		for _, v := range s.Violations() {
			t.Errorf("violation: %+v", v)
		}
	}
}
