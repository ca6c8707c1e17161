package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// Status is a lead's sync status.
type Status string

// The sync statuses of a lead.
const (
	StatusNew     Status = "new"
	StatusSynced  Status = "synced"
	StatusChanged Status = "changed" // synced, then re-imported with new content
	StatusFailed  Status = "failed"
	StatusReview  Status = "review" // a batch left it for a person to decide (no certain match)
)

// Statuses are the stored statuses, the stable values of the CLI's
// --status and JSON output, in the order a user meets them.
var Statuses = []Status{StatusNew, StatusChanged, StatusReview, StatusFailed, StatusSynced}

// ErrNotFound is returned when a lead does not exist.
var ErrNotFound = errors.New("lead not found")

// LeadRow is the list view of a lead: what the lead list and `leads --json` show.
type LeadRow struct {
	LocalID     int64
	ID          string // RabitIQ lead id
	CompanyName string
	CVR         string
	CVRValid    bool
	Industry    string
	Location    string
	Score       *float64
	Contacts    int
	Status      Status
	SOContactID *int64 // SuperOffice company id once synced
	LastError   string
	ImportedAt  time.Time
}

// Sort orders the lead list.
type Sort int

// The list orders.
const (
	SortScore Sort = iota // highest score first, then name
	SortName
	SortImported // newest first
	// SortStatus puts what needs the user first: failed, review, changed,
	// new, synced; the newest lead first within a status (statussort.go).
	SortStatus
)

// ListOptions selects a page of leads.
type ListOptions struct {
	Query string // word prefixes of name, CVR, industry, location or contacts, or digits of a CVR; empty = all; capped by CapSearch
	Sort  Sort
	// Reverse turns the order around (lowest score, Z–A, oldest first,
	// synced first).
	// SQLite walks the same index backwards, so a reversed page costs what
	// a forward one does.
	Reverse bool
	// Status keeps only the leads with this sync status; "" keeps all.
	Status Status
	Offset int
	Limit  int // 0 = no limit
}

const rowColumns = `l.id, l.rabitiq_id, l.company_name, l.cvr, l.cvr_valid, l.industry, l.location, l.score, l.contact_count,
	s.status, s.so_contact_id, s.last_error, l.imported_at`

// ListLeads returns one page of leads in the requested order. The page's
// ids are found first from an index that holds the order's keys (see
// migration 0003), so a page deep in 100,000 leads skips index entries,
// not whole rows; only the page's rows are then read and joined.
func (d *DB) ListLeads(ctx context.Context, opt ListOptions) ([]LeadRow, error) {
	if opt.Sort == SortStatus { // its keys are in sync_state, not leads
		return d.listByStatus(ctx, opt)
	}
	w, args := where(opt.Query)
	w, args = withStatus(w, args, opt.Status)
	order, index := listOrder(opt.Sort, opt.Reverse)
	// With many search hits, walking the order's index and keeping the
	// hits stops after a page; sorting 100k hits for every page cost 0.3 s
	// at 100k leads. With few hits, sorting them is cheaper than walking
	// the whole index.
	from := ` FROM leads l INDEXED BY ` + index
	// A status chip is a set of ids like a search's hits (sync_state is
	// another table, so the order's index cannot filter it): walking the
	// index for a big set took 76 ms a deep page at 100k as an IN clause,
	// 54 ms as a set (BenchmarkRead100k/DeepPageStatusNew, all 100k new).
	blank := strings.TrimSpace(opt.Query) == ""
	if !blank || opt.Status != "" {
		var hits *idSet
		var err error
		if !blank {
			if hits, err = d.hitSet(ctx, opt.Query); err != nil {
				return nil, fmt.Errorf("list leads: %w", err)
			}
		}
		if hits != nil || blank {
			if hits, err = d.keepStatus(ctx, hits, opt.Status); err != nil {
				return nil, fmt.Errorf("list leads: %w", err)
			}
		}
		if hits.Len() >= manyHitsThreshold {
			ids, err := d.pageOfHits(ctx, index, order, hits, opt.Offset, opt.Limit)
			if err != nil {
				return nil, fmt.Errorf("list leads: %w", cancelled(ctx, err))
			}
			out, err := d.rowsByID(ctx, ids)
			if err != nil {
				return nil, fmt.Errorf("list leads: %w", cancelled(ctx, err))
			}
			return out, nil
		}
		from = ` FROM leads l`
	}
	page := `SELECT l.id` + from + w + order
	if opt.Limit > 0 {
		page += ` LIMIT ? OFFSET ?`
		args = append(args, opt.Limit, opt.Offset)
	}
	q := `SELECT ` + rowColumns + ` FROM (` + page + `) p JOIN leads l ON l.id = p.id JOIN sync_state s ON s.lead_id = l.id` + order
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list leads: %w", cancelled(ctx, err))
	}
	defer rows.Close()
	var out []LeadRow
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			return nil, fmt.Errorf("list leads: %w", cancelled(ctx, err))
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list leads: %w", cancelled(ctx, err))
	}
	if err := ctx.Err(); err != nil { // stopped early: out may be short
		return nil, fmt.Errorf("list leads: %w", err)
	}
	return out, nil
}

// listOrder is the ORDER BY of a sort and the index that holds its keys.
// Each reversed order is its forward order with every term flipped, which
// is exactly the index read backwards (no temporary sort).
func listOrder(s Sort, reverse bool) (order, index string) {
	switch s {
	case SortName:
		if reverse {
			return ` ORDER BY l.name_fold DESC, l.id DESC`, "leads_by_name"
		}
		return ` ORDER BY l.name_fold, l.id`, "leads_by_name"
	case SortImported:
		if reverse {
			return ` ORDER BY l.imported_at, l.id`, "leads_list_imported"
		}
		return ` ORDER BY l.imported_at DESC, l.id DESC`, "leads_list_imported"
	default:
		if reverse {
			return ` ORDER BY l.score IS NULL DESC, l.score, l.name_fold DESC, l.id DESC`, "leads_list_score"
		}
		return ` ORDER BY l.score IS NULL, l.score DESC, l.name_fold, l.id`, "leads_list_score"
	}
}

// manyHitsThreshold is where walking an order's index beats sorting the
// search hits (measured at 100k leads: 40 hits sort in 14 ms, walking the
// index takes 41 ms; 100k hits sort in 290 ms, the walk takes 34 ms).
const manyHitsThreshold = 2000

// CountLeads counts the leads that match query (all leads when empty).
// Like ListLeads it searches CapSearch(query) only, and it stops with an
// error that wraps ctx.Err() when ctx ends (the next keystroke).
func (d *DB) CountLeads(ctx context.Context, query string) (int, error) {
	return d.CountLeadsWithStatus(ctx, query, "")
}

// CountLeadsWithStatus is CountLeads of the leads with status st only
// ("" = any status), as ListOptions.Status lists them.
func (d *DB) CountLeadsWithStatus(ctx context.Context, query string, st Status) (int, error) {
	hits, err := d.hitSet(ctx, query)
	if err != nil {
		return 0, err
	}
	if hits != nil || strings.TrimSpace(query) == "" && st != "" {
		if hits, err = d.keepStatus(ctx, hits, st); err != nil {
			return 0, err
		}
	}
	if hits != nil {
		return hits.Len(), nil
	}
	w, args := where(query) // punctuation only, or no query
	w, args = withStatus(w, args, st)
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM leads l`+w, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count leads: %w", cancelled(ctx, err))
	}
	return n, nil
}

type scanner interface{ Scan(...any) error }

// scanRow reads rowColumns, then any extra columns into extra.
func scanRow(s scanner, extra ...any) (LeadRow, error) {
	var r LeadRow
	var score sql.NullFloat64
	var so sql.NullInt64
	var imported string
	dest := append([]any{&r.LocalID, &r.ID, &r.CompanyName, &r.CVR, &r.CVRValid, &r.Industry, &r.Location, &score,
		&r.Contacts, &r.Status, &so, &r.LastError, &imported}, extra...)
	if err := s.Scan(dest...); err != nil {
		return r, err
	}
	if score.Valid {
		r.Score = &score.Float64
	}
	if so.Valid {
		r.SOContactID = &so.Int64
	}
	r.ImportedAt, _ = time.Parse(time.RFC3339Nano, imported)
	return r, nil
}

// LeadDetail is one lead with everything stored about it.
type LeadDetail struct {
	Row  LeadRow
	Lead lead.Lead
	Raw  json.RawMessage
}

// ResolveLead finds a lead by its RabitIQ id or, when ref is a number that
// is no RabitIQ id, by its local id. It is how the CLI's LEAD argument is read.
func (d *DB) ResolveLead(ctx context.Context, ref string) (int64, error) {
	ref = strings.TrimSpace(ref)
	var id int64
	err := d.db.QueryRowContext(ctx, `SELECT id FROM leads WHERE rabitiq_id = ? AND rabitiq_id != ''`, ref).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("find lead %q: %w", ref, err)
	}
	if n, perr := strconv.ParseInt(ref, 10, 64); perr == nil {
		err = d.db.QueryRowContext(ctx, `SELECT id FROM leads WHERE id = ?`, n).Scan(&id)
		if err == nil {
			return id, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("find lead %q: %w", ref, err)
		}
	}
	return 0, fmt.Errorf("lead %q: %w (give a RabitIQ lead id or a local id from `leads`)", ref, ErrNotFound)
}

// GetLead returns the lead with the given local id.
func (d *DB) GetLead(ctx context.Context, localID int64) (*LeadDetail, error) {
	row := d.db.QueryRowContext(ctx, `SELECT `+rowColumns+`, l.source_file, l.raw FROM leads l JOIN sync_state s ON s.lead_id = l.id WHERE l.id = ?`, localID)
	var det LeadDetail
	var file string
	var raw []byte
	var err error
	det.Row, err = scanRow(row, &file, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("lead %d: %w", localID, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("get lead %d: %w", localID, err)
	}
	// The stored raw JSON is the single source of the lead: decoding it
	// again gives the same normalised lead the import stored.
	res, err := lead.Decode(file, raw)
	if err != nil || len(res.Leads) != 1 {
		return nil, fmt.Errorf("lead %d: stored JSON is unreadable: %v", localID, err)
	}
	det.Lead = *res.Leads[0].Lead
	det.Raw = json.RawMessage(raw)
	return &det, nil
}
