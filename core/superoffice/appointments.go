package superoffice

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

// AppointmentsService is the follow-up API under v1/Appointment: diary
// entries and checklist tasks of a user (API.md §9).
type AppointmentsService service

// Appointments returns the follow-up API of this client. It is a method,
// not a field like Contacts, so that it needs no change to NewClient.
func (c *Client) Appointments() *AppointmentsService { return &AppointmentsService{client: c} }

// Appointment types (the AppointmentEntity.Type enum) the app uses.
const (
	// AppointmentInChecklist is a task in the associate's checklist.
	AppointmentInChecklist = "inChecklist"
	// AppointmentInDiary is an entry in the associate's diary.
	AppointmentInDiary = "inDiary"
)

// AppointmentTimeLayout is how appointment times are written: the user's
// wall clock without an offset, as the service renders them. How the
// service reads a time with an offset is UNCONFIRMED, so none is sent.
const AppointmentTimeLayout = "2006-01-02T15:04:05"

// PersonRef is the contact person of an appointment (OpenAPI
// SuperOffice.CRM.Services.Person); writes send only PersonId.
type PersonRef struct {
	PersonId int    `json:"PersonId"`
	FullName string `json:"FullName,omitempty"`
}

// TaskListItem is an appointment's task type (MDO list "task", e.g.
// "Phone call"); writes send only TaskListItemId.
type TaskListItem struct {
	TaskListItemId int    `json:"TaskListItemId"`
	Value          string `json:"Value,omitempty"`
}

// AppointmentEntity is a diary entry or checklist task. AppointmentId 0
// means new. Only the properties the app owns are modelled: POST leaves
// the rest to the service's defaults.
type AppointmentEntity struct {
	AppointmentId   int                      `json:"AppointmentId"`
	Associate       *Associate               `json:"Associate,omitempty"`
	Contact         *ContactRef              `json:"Contact,omitempty"`
	Person          *PersonRef               `json:"Person,omitempty"`
	Task            *TaskListItem            `json:"Task,omitempty"`
	Type            string                   `json:"Type,omitempty"`
	Completed       string                   `json:"Completed,omitempty"`
	StartDate       string                   `json:"StartDate,omitempty"`
	EndDate         string                   `json:"EndDate,omitempty"`
	Title           string                   `json:"Title,omitempty"`
	Description     string                   `json:"Description,omitempty"`
	CreatedDate     string                   `json:"CreatedDate,omitempty"`
	FieldProperties map[string]FieldProperty `json:"FieldProperties,omitempty"`
}

// Default returns a new appointment with the tenant's defaults for the
// signed-in user (GET v1/Appointment/default): its Associate is that user,
// its FieldProperties carry the Title and Description lengths.
func (s *AppointmentsService) Default(ctx context.Context) (*AppointmentEntity, *Response, error) {
	return call[AppointmentEntity](ctx, s.client, http.MethodGet, "v1/Appointment/default", nil, nil)
}

// Get reads one appointment (GET v1/Appointment/{id}); a missing one is a
// 404 *ErrorResponse (see IsNotFound).
func (s *AppointmentsService) Get(ctx context.Context, id int) (*AppointmentEntity, *Response, error) {
	p, err := entityPath("Appointment", id)
	if err != nil {
		return nil, nil, err
	}
	return call[AppointmentEntity](ctx, s.client, http.MethodGet, p, nil, nil)
}

// Create saves a new appointment (POST v1/Appointment). Like a company
// create it is never retried on a server or connection failure: such a
// failure is an *AmbiguousError, and the caller must look the appointment
// up before it books again.
func (s *AppointmentsService) Create(ctx context.Context, e *AppointmentEntity) (*AppointmentEntity, *Response, error) {
	if e == nil {
		return nil, nil, errors.New("superoffice: Create: nil AppointmentEntity")
	}
	if e.AppointmentId != 0 {
		return nil, nil, fmt.Errorf("superoffice: Create: AppointmentId must be 0, got %d", e.AppointmentId)
	}
	return call[AppointmentEntity](ctx, s.client, http.MethodPost, "v1/Appointment", nil, e)
}

// Archive columns of the FindAppointment archive behind GET
// v1/Appointment. The OpenAPI file lists none: these follow the other
// archives' spelling and are UNCONFIRMED (docs/superoffice-api.md), so a
// caller must treat a 400 as "cannot tell", never as "none".
const (
	ColAppointmentID = "appointmentId"
	ColApptContactID = "contactId"
)

// Find runs an OData search over the FindAppointment archive
// (GET v1/Appointment?$select=...&$filter=...).
func (s *AppointmentsService) Find(ctx context.Context, opts *SearchOptions) (*SearchResult, *Response, error) {
	return search(ctx, s.client, "v1/Appointment", opts)
}

// IDsOfContact returns the ids of a company's appointments, newest first,
// at most top of them.
func (s *AppointmentsService) IDsOfContact(ctx context.Context, contactID, top int) ([]int, error) {
	res, _, err := s.Find(ctx, &SearchOptions{Select: []string{ColAppointmentID}, Filter: Eq(ColApptContactID, contactID),
		OrderBy: []string{ColAppointmentID + " desc"}, Top: top})
	if err != nil {
		return nil, err
	}
	ids := make([]int, 0, len(res.Rows))
	for _, r := range res.Rows {
		if id, ok := r.Int(ColAppointmentID); ok && id > 0 {
			ids = append(ids, id)
		} else if id := r.PrimaryKey(); id > 0 {
			ids = append(ids, id)
		}
	}
	return ids, nil
}
