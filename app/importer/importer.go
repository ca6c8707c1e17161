// Package importer imports lead files into the store. The CLI and the
// window both import through it, so a file dropped on the window and a
// file given to `rabitiq-superoffice import` behave the same.
package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/msg"
)

// Rejected is one lead that could not be imported. Index is the lead's
// 0-based position in the file; Line is where it starts. Reason is the
// whole line a user reads (file, lead, path and why, in msg.Language());
// the embedded message is the why alone as a code with arguments
// ("code", "args" in JSON), so scripts need not parse the words.
type Rejected struct {
	Index  int    `json:"index"`
	Line   int    `json:"line"`
	Reason string `json:"reason"`
	Path   string `json:"path,omitempty"` // the JSON path in the lead at fault, if one is
	msg.Message
}

// Note is a warning as a code, index for index with FileReport.Warnings:
// which lead (0-based Index, its Line), where in it (Path) and what.
type Note struct {
	Index int    `json:"index"`
	Line  int    `json:"line"`
	Path  string `json:"path,omitempty"`
	msg.Message
}

// Problem is why a whole file failed, as a code: the place (Line and
// Column, 1-based, when the fault has one) and what.
type Problem struct {
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
	msg.Message
}

// FileReport is the result of importing one file. Its JSON form is the
// `import --json` contract; the …Code fields carry the human texts'
// codes beside them.
type FileReport struct {
	File         string     `json:"file"`
	Imported     int        `json:"imported"`
	Updated      int        `json:"updated"`
	Unchanged    int        `json:"unchanged"`
	Rejected     []Rejected `json:"rejected"`
	Warnings     []string   `json:"warnings"`
	WarningCodes []Note     `json:"warningCodes"`
	Error        string     `json:"error,omitempty"`     // the file stopped; the counts are what was stored before
	ErrorCode    *Problem   `json:"errorCode,omitempty"` // Error as a code
}

// Clean reports whether every lead of the file imported without rejection.
func (r FileReport) Clean() bool { return r.Error == "" && len(r.Rejected) == 0 }

// Cancelled reports whether the file's import was cancelled (and so
// rolled back).
func (r FileReport) Cancelled() bool {
	return r.ErrorCode != nil && r.ErrorCode.Code == msg.ImportCancelled
}

// Total is the number of leads stored or confirmed from the file.
func (r FileReport) Total() int { return r.Imported + r.Updated + r.Unchanged }

// Progress is told how far an import has come, in bytes of the files read
// so far and in all; bytes, because a streamed file's lead count is only
// known at its end. It is called on the importing goroutine.
type Progress func(done, total int64)

// Files imports each file in its own transaction. A file that fails does
// not stop the others; its report carries the error. Cancelling ctx stops
// the file being imported (its committed batches stay) and skips the
// rest; their reports say Cancelled.
func Files(ctx context.Context, db *store.DB, paths []string, now func() time.Time) []FileReport {
	return FilesWithProgress(ctx, db, paths, now, nil)
}

// FilesWithProgress is Files telling p (which may be nil) how far it has
// come over all the files, for the window's progress bar.
func FilesWithProgress(ctx context.Context, db *store.DB, paths []string, now func() time.Time, p Progress) []FileReport {
	if p == nil {
		p = func(int64, int64) {}
	}
	var total int64
	for _, path := range paths {
		if fi, err := os.Stat(path); err == nil {
			total += fi.Size()
		}
	}
	out := make([]FileReport, 0, len(paths))
	var base int64
	for _, path := range paths {
		out = append(out, File(ctx, db, path, now(), func(done, _ int64) { p(base+done, total) }))
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
// many. The file is decoded and stored in batches (lead.Batches) and
// committed in short transactions, so a 100,000-lead file imports in
// bounded memory without locking other writers out, and a crash keeps what
// was committed; p (which may be nil) is told the bytes read after each
// batch.
func File(ctx context.Context, db *store.DB, path string, now time.Time, p Progress) FileReport {
	rep := emptyReport(path)
	if p == nil {
		p = func(int64, int64) {}
	}
	var size int64
	c, err := db.ImportBatches(ctx, filepath.Base(path), now, func(add func([]lead.Item) error) error {
		for b, err := range lead.Batches(path, lead.StreamBatch) {
			if err != nil {
				return err
			}
			rep.add(b.Result)
			if err := add(b.Leads); err != nil {
				return err
			}
			size = b.Total
			p(b.Done, b.Total)
		}
		return nil
	})
	if err != nil {
		rep := failed(ctx, path, err)
		rep.Imported, rep.Updated, rep.Unchanged = c.Imported, c.Updated, c.Unchanged
		return rep
	}
	p(size, size) // the whitespace after the last lead is read too
	rep.Imported, rep.Updated, rep.Unchanged = c.Imported, c.Updated, c.Unchanged
	return rep
}

// add records a batch's rejections and warnings, each as the text in
// msg.Language() and as its code.
func (r *FileReport) add(res *lead.Result) {
	for _, w := range res.Warnings {
		r.Warnings = append(r.Warnings, w.String())
		r.WarningCodes = append(r.WarningCodes, Note{Index: w.Index, Line: w.Line, Path: w.Path, Message: w.Msg})
	}
	for _, rj := range res.Rejected {
		r.Rejected = append(r.Rejected, Rejected{Index: rj.Index, Line: rj.Line, Reason: rj.Error(), Path: rj.Path, Message: rj.Msg})
	}
}

func emptyReport(path string) FileReport {
	return FileReport{File: path, Rejected: []Rejected{}, Warnings: []string{}, WarningCodes: []Note{}}
}

// failed is the report of a file of which nothing was stored: cancelled,
// refused by the reader (a *lead.FileError, with its place) or failed in
// the store.
func failed(ctx context.Context, path string, err error) FileReport {
	rep := emptyReport(path)
	var fe *lead.FileError
	switch {
	case ctx.Err() != nil:
		rep.ErrorCode = &Problem{Message: msg.New(msg.ImportCancelled)}
		rep.Error = rep.ErrorCode.String()
	case errors.As(err, &fe):
		rep.ErrorCode = &Problem{Line: fe.Line, Column: fe.Column, Message: fe.Msg}
		rep.Error = err.Error()
	default:
		rep.ErrorCode = &Problem{Message: msg.New(msg.ImportFailed, "cause", err.Error())}
		rep.Error = rep.ErrorCode.String()
	}
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
