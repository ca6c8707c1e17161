-- The admin's confirmations in the field setup screen: a RabitIQ field
-- (prog_id, e.g. RabitIQ:3) found in a tenant only by label or x_ name is
-- written to that tenant field (tenant_key, e.g. SuperOffice:5) once the
-- admin has confirmed it. Per tenant (context id, e.g. Cust12345), since
-- each tenant has its own fields.
CREATE TABLE field_confirmations (
	tenant       TEXT NOT NULL,
	prog_id      TEXT NOT NULL,
	tenant_key   TEXT NOT NULL,
	confirmed_at TEXT NOT NULL,
	PRIMARY KEY (tenant, prog_id)
);
