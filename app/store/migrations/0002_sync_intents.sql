-- A create that is about to be sent. It is written before the POST and
-- removed after the local commit, so a crash or timeout in between leaves
-- a row that start-up reconciliation resolves by looking the company up
-- (by marker) before anything is created again.
CREATE TABLE sync_intents (
	lead_id       INTEGER PRIMARY KEY REFERENCES leads (id) ON DELETE CASCADE,
	tenant        TEXT    NOT NULL,
	marker        TEXT    NOT NULL, -- JSON: how the company can be found again
	created_at    TEXT    NOT NULL,
	so_contact_id INTEGER           -- set as soon as the create is known to have succeeded
);
