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
	Error     string     `json:"error,omitempty"` // the file stopped; the counts are what was stored before
}

// Clean reports whether every lead of the file imported without rejection.
func (r FileReport) Clean() bool { return r.Error == "" && len(r.Rejected) == 0 }

// Total is the number of leads stored or confirmed from the file.
func (r FileReport) Total() int { return r.Imported + r.Updated + r.Unchanged }

// Cancelled is the report error of a file whose import was cancelled.
// The leads stored before (the report's counts) stay; importing the file
// again completes it.
const Cancelled = "annulleret"

// Progress is told how far an import has come, in bytes of the files read
// so far and in all; bytes, because a streamed file's lead count is only
// known at its end.
type Progress func(done, total int64)

type progressKey struct{}

// WithProgress returns a context that makes File and Files report progress
// to p. It rides on the context so that the window's import service,
// whose signature (ctx, paths) other code implements, carries it without
// a new method.
func WithProgress(ctx context.Context, p Progress) context.Context {
	return context.WithValue(ctx, progressKey{}, p)
}

// ProgressFrom returns the Progress WithProgress put on ctx, or one that
// ignores progress.
func ProgressFrom(ctx context.Context) Progress {
	if p, ok := ctx.Value(progressKey{}).(Progress); ok && p != nil {
		return p
	}
	return func(int64, int64) {}
}

// Files imports each file in its own transaction. A file that fails does
// not stop the others; its report carries the error. Cancelling ctx stops
// the file being imported (its committed batches stay) and skips the
// rest; their reports say Cancelled.
func Files(ctx context.Context, db *store.DB, paths []string, now func() time.Time) []FileReport {
	p := ProgressFrom(ctx)
	var total int64
	for _, path := range paths {
		if fi, err := os.Stat(path); err == nil {
			total += fi.Size()
		}
	}
	out := make([]FileReport, 0, len(paths))
	var base int64
	for _, path := range paths {
		out = append(out, FileWithProgress(ctx, db, path, now(), func(done, _ int64) { p(base+done, total) }))
		if fi, err := os.Stat(path); err == nil {
			base += fi.Size()
		}
	}
	return out
}

// File imports one file: the good leads of a well-formed file are stored
// even when others are rejected. A file that turns out not to be
// well-formed stops there: the leads before the fault that were already
// committed stay (see store.ImportBatches) and the report's counts say how
// many. Progress goes to the Progress of WithProgress, if any.
func File(ctx context.Context, db *store.DB, path string, now time.Time) FileReport {
	return FileWithProgress(ctx, db, path, now, ProgressFrom(ctx))
}

// FileWithProgress is File reporting progress to p. The file is decoded
// and stored in batches (lead.DecodeStream) and committed in short
// transactions, so a 100,000-lead file imports in bounded memory without
// locking other writers out, and a crash keeps what was committed.
func FileWithProgress(ctx context.Context, db *store.DB, path string, now time.Time, p Progress) FileReport {
	rep := FileReport{File: path, Rejected: []Rejected{}, Warnings: []string{}}
	if p == nil {
		p = func(int64, int64) {}
	}
	var size int64
	c, err := db.ImportBatches(ctx, filepath.Base(path), now, func(add func([]lead.Item) error) error {
		return lead.DecodeStream(path, lead.StreamBatch, func(res *lead.Result, done, total int64) error {
			rep.Warnings = append(rep.Warnings, res.Warnings...)
			for _, r := range res.Rejected {
				rep.Rejected = append(rep.Rejected, Rejected{Index: r.Index, Line: r.Line, Reason: r.Error()})
			}
			if err := add(res.Leads); err != nil {
				return err
			}
			size = total
			p(done, total)
			return nil
		})
	})
	switch {
	case err == nil:
	case ctx.Err() != nil:
		return FileReport{File: path, Imported: c.Imported, Updated: c.Updated, Unchanged: c.Unchanged,
			Rejected: []Rejected{}, Warnings: []string{}, Error: Cancelled}
	default:
		return FileReport{File: path, Imported: c.Imported, Updated: c.Updated, Unchanged: c.Unchanged,
			Rejected: []Rejected{}, Warnings: []string{}, Error: err.Error()}
	}
	p(size, size) // the whitespace after the last lead is read too
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

// Expand replaces each folder among paths by the lead files in it
// (LeadFiles), for a drop on the window, which may hold folders. Other
// paths stay as they are, in order; a pipe or device among them, or in a
// folder, is then reported by File as not a regular file.
func Expand(paths []string) []string {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			out = append(out, LeadFiles(p)...)
			continue
		}
		out = append(out, p)
	}
	return out
}
