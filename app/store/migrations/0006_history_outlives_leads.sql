-- Leads can be deleted (issue 19: a contact may ask to be forgotten), but
-- the sync history keeps an audit line of what happened to them. So
-- history no longer cascades with its lead: it keeps the lead id and the
-- company's name itself, and a deleted lead's lines are stripped of
-- details and errors (which can name persons) by DeleteLeads.
CREATE TABLE sync_history_new (
	id            INTEGER PRIMARY KEY,
	lead_id       INTEGER NOT NULL, -- leads.id; the lead may be deleted
	company_name  TEXT    NOT NULL DEFAULT '',
	at            TEXT    NOT NULL,
	tenant        TEXT    NOT NULL DEFAULT '',
	user          TEXT    NOT NULL DEFAULT '',
	action        TEXT    NOT NULL,
	so_contact_id INTEGER,
	details       TEXT    NOT NULL DEFAULT '{}',
	error         TEXT    NOT NULL DEFAULT ''
);
INSERT INTO sync_history_new (id, lead_id, company_name, at, tenant, user, action, so_contact_id, details, error)
SELECT h.id, h.lead_id, coalesce((SELECT l.company_name FROM leads l WHERE l.id = h.lead_id), ''),
	h.at, h.tenant, h.user, h.action, h.so_contact_id, h.details, h.error
FROM sync_history h;
DROP TABLE sync_history;
ALTER TABLE sync_history_new RENAME TO sync_history;
CREATE INDEX sync_history_by_lead ON sync_history (lead_id, at);
CREATE INDEX sync_history_by_time ON sync_history (at);
