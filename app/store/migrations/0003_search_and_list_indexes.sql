-- Scale to 100,000 leads (issue 9).
--
-- Full-text search over what a salesperson types in the search box:
-- company name, CVR, industry, location and the contacts' names, titles
-- and e-mails. rowid is leads.id. The import keeps it in step inside its
-- own transaction (it knows the contacts, which a trigger on leads would
-- not yet see); the trigger below removes the row with its lead.
-- remove_diacritics 0 keeps æ, ø and å apart from a and o.
CREATE VIRTUAL TABLE leads_fts USING fts5 (
	name, cvr, industry, location, contacts,
	tokenize = 'unicode61 remove_diacritics 0'
);

INSERT INTO leads_fts (rowid, name, cvr, industry, location, contacts)
SELECT l.id, l.company_name, l.cvr, l.industry, l.location,
	coalesce((SELECT group_concat(c.name || ' ' || c.title || ' ' || c.email, ' ')
		FROM contacts c WHERE c.lead_id = l.id), '')
FROM leads l;

CREATE TRIGGER leads_fts_delete AFTER DELETE ON leads BEGIN
	DELETE FROM leads_fts WHERE rowid = old.id;
END;

-- The list pages with LIMIT/OFFSET. These indexes hold each order's keys,
-- so the page's ids are found by walking a small index instead of
-- sorting the whole (wide: raw JSON) leads table for every page.
CREATE INDEX leads_list_score ON leads (score IS NULL, score DESC, name_fold, id);
CREATE INDEX leads_list_imported ON leads (imported_at DESC, id DESC);
