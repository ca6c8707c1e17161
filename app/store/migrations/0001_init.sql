-- Leads as imported. identity follows docs/lead-format.md (id, else CVR,
-- else normalised name + website); raw is the lead's JSON exactly as the
-- file had it, and the normalised lead is decoded from it when needed
-- (storing both doubled the bytes an import writes).
CREATE TABLE leads (
	id            INTEGER PRIMARY KEY,
	identity      TEXT    NOT NULL UNIQUE,
	rabitiq_id    TEXT    NOT NULL DEFAULT '',
	company_name  TEXT    NOT NULL,
	name_fold     TEXT    NOT NULL,
	cvr           TEXT    NOT NULL DEFAULT '',
	cvr_valid     INTEGER NOT NULL DEFAULT 0,
	website       TEXT    NOT NULL DEFAULT '',
	industry      TEXT    NOT NULL DEFAULT '',
	location      TEXT    NOT NULL DEFAULT '',
	score         REAL,
	contact_count INTEGER NOT NULL DEFAULT 0,
	raw           TEXT    NOT NULL,
	content_hash  TEXT    NOT NULL,
	source_file   TEXT    NOT NULL,
	imported_at   TEXT    NOT NULL,
	updated_at    TEXT    NOT NULL
);
CREATE INDEX leads_by_score ON leads (score DESC, name_fold);
CREATE INDEX leads_by_name ON leads (name_fold);
CREATE INDEX leads_by_cvr ON leads (cvr);

CREATE TABLE contacts (
	id       INTEGER PRIMARY KEY,
	lead_id  INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	name     TEXT    NOT NULL DEFAULT '',
	title    TEXT    NOT NULL DEFAULT '',
	email    TEXT    NOT NULL DEFAULT '',
	phone    TEXT    NOT NULL DEFAULT '',
	linkedin TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX contacts_by_lead ON contacts (lead_id, position);

-- One row per lead. so_contact_id is the SuperOffice company id once synced.
CREATE TABLE sync_state (
	lead_id       INTEGER PRIMARY KEY REFERENCES leads (id) ON DELETE CASCADE,
	status        TEXT    NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'synced', 'changed', 'failed')),
	so_contact_id INTEGER,
	tenant        TEXT    NOT NULL DEFAULT '',
	last_sync_at  TEXT,
	last_error    TEXT    NOT NULL DEFAULT '',
	synced_hash   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX sync_state_by_status ON sync_state (status);

-- Every sync attempt, successful or not. details is a JSON document
-- (fields written/skipped/kept, persons created/updated).
CREATE TABLE sync_history (
	id            INTEGER PRIMARY KEY,
	lead_id       INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
	at            TEXT    NOT NULL,
	tenant        TEXT    NOT NULL DEFAULT '',
	user          TEXT    NOT NULL DEFAULT '',
	action        TEXT    NOT NULL,
	so_contact_id INTEGER,
	details       TEXT    NOT NULL DEFAULT '{}',
	error         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX sync_history_by_lead ON sync_history (lead_id, at);
CREATE INDEX sync_history_by_time ON sync_history (at);
