-- A lead that a batch left for a person to decide (several candidates, a
-- name-only match, a company with its CVR already there) was stored as
-- "new" and could not be found again among the untouched leads (issue
-- 19). It now has its own status, "review". SQLite cannot change a CHECK
-- constraint in place, so sync_state is rebuilt with the wider one.
CREATE TABLE sync_state_new (
	lead_id       INTEGER PRIMARY KEY REFERENCES leads (id) ON DELETE CASCADE,
	status        TEXT    NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'synced', 'changed', 'failed', 'review')),
	so_contact_id INTEGER,
	tenant        TEXT    NOT NULL DEFAULT '',
	last_sync_at  TEXT,
	last_error    TEXT    NOT NULL DEFAULT '',
	synced_hash   TEXT    NOT NULL DEFAULT ''
);
INSERT INTO sync_state_new (lead_id, status, so_contact_id, tenant, last_sync_at, last_error, synced_hash)
SELECT lead_id, status, so_contact_id, tenant, last_sync_at, last_error, synced_hash FROM sync_state;
DROP TABLE sync_state;
ALTER TABLE sync_state_new RENAME TO sync_state;
CREATE INDEX sync_state_by_status ON sync_state (status);
