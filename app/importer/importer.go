// Package importer imports lead files into the store. The CLI and the
// window both import through it, so a file dropped on the window and a
// file given to `rabitiq-superoffice import` behave the same.
package importer

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/lead"
)

// Rejected is one lead that could not be imported. Index is the lead's
// 0-based position in the file; Line is where it starts.
type Rejected struct {
	Index  int    `json:"index"`
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

// FileReport is the result of importing one file. Its JSON form is the
// `import --json` contract.
type FileReport struct {
	File      string     `json:"file"`
	Imported  int        `json:"imported"`
	Updated   int        `json:"updated"`
	Unchanged int        `json:"unchanged"`
	Rejected  []Rejected `json:"rejected"`
	Warnings  []string   `json:"warnings"`
	Error     string     `json:"error,omitempty"` // only when the whole file failed
}

// Clean reports whether every lead of the file imported without rejection.
func (r FileReport) Clean() bool { return r.Error == "" && len(r.Rejected) == 0 }

// Total is the number of leads stored or confirmed from the file.
func (r FileReport) Total() int { return r.Imported + r.Updated + r.Unchanged }

// Files imports each file in its own transaction. A file that fails does
// not stop the others; its report carries the error.
func Files(ctx context.Context, db *store.DB, paths []string, now func() time.Time) []FileReport {
	out := make([]FileReport, 0, len(paths))
	for _, p := range paths {
		out = append(out, File(ctx, db, p, now()))
	}
	return out
}

// File imports one file: the good leads of a well-formed file are stored
// even when others are rejected; a file that is not well-formed stores
// nothing.
func File(ctx context.Context, db *store.DB, path string, now time.Time) FileReport {
	rep := FileReport{File: path, Rejected: []Rejected{}, Warnings: []string{}}
	res, err := lead.DecodeFile(path)
	if err != nil {
		rep.Error = err.Error()
		return rep
	}
	rep.Warnings = append(rep.Warnings, res.Warnings...)
	for _, r := range res.Rejected {
		rep.Rejected = append(rep.Rejected, Rejected{Index: r.Index, Line: r.Line, Reason: r.Error()})
	}
	c, err := db.ImportLeads(ctx, filepath.Base(path), res.Leads, now)
	if err != nil {
		rep.Error = err.Error()
		return rep
	}
	rep.Imported, rep.Updated, rep.Unchanged = c.Imported, c.Updated, c.Unchanged
	return rep
}

// LeadFiles lists the lead files (.json, .ndjson, .jsonl) in dir, sorted,
// for importing a whole folder of exports at once.
func LeadFiles(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".json", ".ndjson", ".jsonl":
			if !e.IsDir() {
				out = append(out, filepath.Join(dir, e.Name()))
			}
		}
	}
	sort.Strings(out)
	return out
}
