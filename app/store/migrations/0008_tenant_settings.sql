-- Choices a user makes per tenant (context id, e.g. Cust12345) that are
-- not field confirmations: the category and business new companies get,
-- the task type of a follow-up, how many working days ahead it is booked.
-- Values are short strings (list item ids as decimal text); what a key
-- means lives beside the code that reads it (app/store/settings.go).
CREATE TABLE tenant_settings (
	tenant     TEXT NOT NULL,
	key        TEXT NOT NULL,
	value      TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (tenant, key)
);
