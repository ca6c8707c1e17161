-- What SuperOffice held for a lead's company right after our last sync
-- wrote it (the write's answer, or the read just before when nothing was
-- sent): the yardstick of "Opdater fra SuperOffice". A read-back compares
-- the company now with this, not with the lead, so a value the sync kept
-- on purpose (fill-if-blank: the user's name for the company) is no
-- change, while one a user edits there afterwards is. A lead synced
-- before this table existed gets its row from its first read-back.
-- so_contact_id is the company it describes: a snapshot of an earlier
-- company is never the yardstick of another.
CREATE TABLE sync_snapshot (
	lead_id       INTEGER PRIMARY KEY REFERENCES leads (id) ON DELETE CASCADE,
	tenant        TEXT    NOT NULL,
	so_contact_id INTEGER NOT NULL,
	name          TEXT    NOT NULL DEFAULT '',
	orgnr         TEXT    NOT NULL DEFAULT '',
	website       TEXT    NOT NULL DEFAULT '', -- the first web address
	owner_id      INTEGER NOT NULL DEFAULT 0,  -- the associate ("Vores kontakt"); 0: unknown
	owner_name    TEXT    NOT NULL DEFAULT '',
	taken_at      TEXT    NOT NULL
);
