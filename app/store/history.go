package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// HistoryDetails is what one sync did, kept as JSON in sync_history.
type HistoryDetails struct {
	Created        bool     `json:"created"`
	FieldsWritten  []string `json:"fieldsWritten,omitempty"`
	FieldsSkipped  []string `json:"fieldsSkipped,omitempty"`
	FieldsKept     []string `json:"fieldsKept,omitempty"`
	PersonsCreated int      `json:"personsCreated"`
	PersonsUpdated int      `json:"personsUpdated"`
	Warnings       []string `json:"warnings,omitempty"`
}

// HistoryEntry is one sync attempt of one lead.
type HistoryEntry struct {
	ID          int64
	LeadID      int64
	CompanyName string // the lead's company, for the global log
	At          time.Time
	Tenant      string
	User        string
	Action      string // "created", "updated", "failed" or "deleted" (ActionDeleted)
	SOContactID *int64
	Details     HistoryDetails
	Error       string
}

// AddHistory appends a sync attempt to the log.
func (d *DB) AddHistory(ctx context.Context, e HistoryEntry) (int64, error) {
	det, err := json.Marshal(e.Details)
	if err != nil {
		return 0, err
	}
	var res sql.Result
	err = d.write(ctx, func() error {
		// The company's name is kept with the line, so that it outlives a
		// deleted lead.
		res, err = d.db.ExecContext(ctx, `INSERT INTO sync_history (lead_id, company_name, at, tenant, user, action, so_contact_id, details, error)
		VALUES (?, coalesce((SELECT company_name FROM leads WHERE id = ?), ''), ?, ?, ?, ?, ?, ?, ?)`,
			e.LeadID, e.LeadID, e.At.UTC().Format(time.RFC3339Nano), e.Tenant, e.User, e.Action, e.SOContactID, string(det), e.Error)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("add sync history for lead %d: %w", e.LeadID, err)
	}
	return res.LastInsertId()
}

// HistoryFilter selects history entries; zero values select everything.
type HistoryFilter struct {
	LeadID int64 // 0 = all leads
	Limit  int   // 0 = no limit
}

// History returns sync attempts, newest first.
func (d *DB) History(ctx context.Context, f HistoryFilter) ([]HistoryEntry, error) {
	// A lead's current name when it still exists (a re-import may rename
	// it), else the name kept with the line.
	q := `SELECT h.id, h.lead_id, coalesce(l.company_name, h.company_name), h.at, h.tenant, h.user, h.action, h.so_contact_id, h.details, h.error
		FROM sync_history h LEFT JOIN leads l ON l.id = h.lead_id`
	var args []any
	if f.LeadID != 0 {
		q += ` WHERE h.lead_id = ?`
		args = append(args, f.LeadID)
	}
	q += ` ORDER BY h.at DESC, h.id DESC`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read sync history: %w", err)
	}
	defer rows.Close()
	var out []HistoryEntry
	for rows.Next() {
		var e HistoryEntry
		var at, det string
		var so sql.NullInt64
		if err := rows.Scan(&e.ID, &e.LeadID, &e.CompanyName, &at, &e.Tenant, &e.User, &e.Action, &so, &det, &e.Error); err != nil {
			return nil, fmt.Errorf("read sync history: %w", err)
		}
		e.At, _ = time.Parse(time.RFC3339Nano, at)
		if so.Valid {
			e.SOContactID = &so.Int64
		}
		if err := json.Unmarshal([]byte(det), &e.Details); err != nil {
			return nil, fmt.Errorf("read sync history entry %d: %w", e.ID, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
