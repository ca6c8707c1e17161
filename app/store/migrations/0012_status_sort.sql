-- The list sorts by status (issue 19): what needs the user first —
-- failed, review, changed, new, synced. The status lives in sync_state,
-- so no leads index can hold it; this index holds the order itself, the
-- status's rank and then the lead id, newest lead first within a status
-- (ids grow with each import, as the import sort's default does). A page
-- is LIMIT/OFFSET on these small entries, walked backwards for the
-- reversed order, and only the page's leads are then read. A status that
-- is not ranked here sorts last. ListLeads (statussort.go) spells the
-- same CASE, which SQLite must see verbatim to use the index. status
-- itself is the last column only so that the index covers the query:
-- without it SQLite kept a cursor on the table and a deferred seek per
-- entry, and a page at offset 99,000 took 3 ms instead of 1 ms.
CREATE INDEX sync_state_by_status_rank ON sync_state (
	(CASE status WHEN 'failed' THEN 0 WHEN 'review' THEN 1 WHEN 'changed' THEN 2 WHEN 'new' THEN 3 WHEN 'synced' THEN 4 ELSE 5 END),
	lead_id DESC,
	status
);
