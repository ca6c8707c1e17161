package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// FollowUp is the follow-up of one lead's export to one company. A zero
// AppointmentID means it was about to be booked and the outcome is not
// known: the appointment may exist in SuperOffice.
type FollowUp struct {
	LeadID        int64
	Tenant        string
	ContactID     int64
	Title         string
	StartDate     string
	CreatedAt     time.Time
	AppointmentID int64
}

// FollowUpFor returns the follow-up recorded for a lead's export to a
// company on a tenant, and whether there is one.
func (d *DB) FollowUpFor(ctx context.Context, tenant string, leadID, contactID int64) (FollowUp, bool, error) {
	f := FollowUp{LeadID: leadID, Tenant: tenant, ContactID: contactID}
	var at string
	var appt sql.NullInt64
	err := d.db.QueryRowContext(ctx, `SELECT title, start_date, created_at, appointment_id FROM follow_ups
		WHERE tenant = ? AND lead_id = ? AND so_contact_id = ?`, tenant, leadID, contactID).Scan(&f.Title, &f.StartDate, &at, &appt)
	if errors.Is(err, sql.ErrNoRows) {
		return FollowUp{}, false, nil
	}
	if err != nil {
		return FollowUp{}, false, fmt.Errorf("read follow-up of lead %d: %w", leadID, err)
	}
	f.CreatedAt, _ = time.Parse(time.RFC3339Nano, at)
	f.AppointmentID = appt.Int64
	return f, true, nil
}

// AddFollowUpIntent records that a follow-up is about to be booked. It
// replaces an earlier intent of the same export (one that was looked up
// and not found), never a follow-up that is known to be booked.
func (d *DB) AddFollowUpIntent(ctx context.Context, f FollowUp) error {
	err := d.write(ctx, func() error {
		res, err := d.db.ExecContext(ctx, `INSERT INTO follow_ups (lead_id, tenant, so_contact_id, title, start_date, created_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (tenant, lead_id, so_contact_id) DO UPDATE SET title = excluded.title, start_date = excluded.start_date,
			created_at = excluded.created_at WHERE follow_ups.appointment_id IS NULL`,
			f.LeadID, f.Tenant, f.ContactID, f.Title, f.StartDate, f.CreatedAt.UTC().Format(time.RFC3339Nano))
		return oneRow(res, err, "follow-up of lead %d is already booked", f.LeadID)
	})
	if err != nil {
		return fmt.Errorf("record follow-up intent for lead %d: %w", f.LeadID, err)
	}
	return nil
}

// FollowUpBooked records the appointment a follow-up's create produced:
// from here on no retry books another.
func (d *DB) FollowUpBooked(ctx context.Context, tenant string, leadID, contactID, appointmentID int64) error {
	err := d.write(ctx, func() error {
		res, err := d.db.ExecContext(ctx, `UPDATE follow_ups SET appointment_id = ? WHERE tenant = ? AND lead_id = ? AND so_contact_id = ?`,
			appointmentID, tenant, leadID, contactID)
		return oneRow(res, err, "record appointment %d for lead %d", appointmentID, leadID)
	})
	if err != nil {
		return fmt.Errorf("record follow-up of lead %d: %w", leadID, err)
	}
	return nil
}

// DropFollowUpIntent forgets a follow-up that SuperOffice refused (and so
// did not save), so a later export may book it; a booked one stays.
func (d *DB) DropFollowUpIntent(ctx context.Context, tenant string, leadID, contactID int64) error {
	err := d.write(ctx, func() error {
		_, err := d.db.ExecContext(ctx, `DELETE FROM follow_ups WHERE tenant = ? AND lead_id = ? AND so_contact_id = ? AND appointment_id IS NULL`,
			tenant, leadID, contactID)
		return err
	})
	if err != nil {
		return fmt.Errorf("forget follow-up intent of lead %d: %w", leadID, err)
	}
	return nil
}
