-- What the last read-back from SuperOffice ("Opdater fra SuperOffice")
-- found for a synced lead's company: still the same, changed by a user
-- there (changes: JSON [{field, local, superOffice}]), or gone (deleted or
-- merged away). so_contact_id is the company that was checked, so a lead
-- linked to another company since is not judged by an old answer.
-- owner_id is the owner (associate id) first seen on that company: the
-- lead holds no owner, so a later owner is compared with this one.
CREATE TABLE refresh_state (
	lead_id       INTEGER PRIMARY KEY REFERENCES leads (id) ON DELETE CASCADE,
	tenant        TEXT    NOT NULL,
	so_contact_id INTEGER NOT NULL,
	state         TEXT    NOT NULL CHECK (state IN ('same', 'changed', 'gone')),
	changes       TEXT    NOT NULL DEFAULT '[]',
	owner_id      INTEGER NOT NULL DEFAULT 0,
	checked_at    TEXT    NOT NULL
);
