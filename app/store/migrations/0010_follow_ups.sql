-- The follow-up booked for a lead's export: one per lead, tenant and
-- company. The row is written before the POST (appointment_id NULL: the
-- outcome is unknown) and completed with the appointment's id after it,
-- so a retry, a re-sync or a batch re-run looks the appointment up in
-- SuperOffice instead of booking a second one.
CREATE TABLE follow_ups (
	lead_id        INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
	tenant         TEXT    NOT NULL,
	so_contact_id  INTEGER NOT NULL,
	title          TEXT    NOT NULL, -- as sent: how the appointment is recognised
	start_date     TEXT    NOT NULL, -- as sent: the user's wall clock, 2006-01-02T15:04:05
	created_at     TEXT    NOT NULL,
	appointment_id INTEGER,          -- set once the create is known to have succeeded
	PRIMARY KEY (tenant, lead_id, so_contact_id)
);
