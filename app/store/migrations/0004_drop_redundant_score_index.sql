-- leads_list_score (0003) holds the same keys in the list's exact order,
-- so the older leads_by_score only cost every import an index update.
DROP INDEX IF EXISTS leads_by_score;
