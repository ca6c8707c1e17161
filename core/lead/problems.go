package lead

import (
	"errors"
	"io/fs"
	"math"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// What the import tells the user, as codes of the catalogue (core/msg,
// lead.go there): the decoder and the streamed reader build their
// rejections, warnings and file errors from these, so the window and the
// CLI render them in the user's language.

// Warning is something the import fixed, kept as text or dropped in a lead
// it imported. Path is the JSON path as the file spells it.
type Warning struct {
	File  string
	Index int // 0-based, as Item.Index
	Line  int
	Path  string
	Msg   msg.Message
}

// String reads e.g. `leads.json: lead 1 (line 1): contacts[3]: want
// object, got string; contact dropped`, in msg.Language().
func (w Warning) String() string { return w.Text(msg.Language()) }

// Text renders the warning, file, lead and path included, in l.
func (w Warning) Text(l msg.Lang) string { return at(w.File, w.Index, w.Line, w.Path, w.Msg).Text(l) }

// at is m placed in the file: file, 1-based lead number, line and path.
func at(file string, idx, line int, path string, m msg.Message) msg.Message {
	if path == "" {
		return msg.New(msg.LeadAt, "file", shown(file), "lead", idx+1, "line", line, "text", m)
	}
	return msg.New(msg.LeadAtPath, "file", shown(file), "lead", idx+1, "line", line, "path", path, "text", m)
}

// syntaxFileError refuses file for a JSON fault: the nesting limit (too)
// or another, detail.
func syntaxFileError(file string, detail msg.Message, too bool) *FileError {
	if too {
		return &FileError{File: file, Err: ErrTooDeep, Msg: msg.New(msg.LeadTooDeep, "max", MaxDepth)}
	}
	return &FileError{File: file, Err: ErrSyntax, Msg: msg.New(msg.LeadNotJSON, "detail", detail)}
}

// unreadable is the FileError of a file the system would not read.
func unreadable(name string, err error) *FileError {
	m := msg.New(msg.LeadUnreadable, "cause", err.Error())
	switch {
	case errors.Is(err, fs.ErrNotExist):
		m = msg.New(msg.LeadNotFound)
	case errors.Is(err, fs.ErrPermission):
		m = msg.New(msg.LeadNoAccess)
	}
	return &FileError{File: name, Msg: m, Err: err}
}

// mib is size in MiB to one decimal, written the language's way ("9,0"
// or "9.0"); the exact size in bytes rides along for scripts.
func mib(size int64) msg.Message {
	tenths := int64(math.Round(float64(size) / (1 << 20) * 10))
	return msg.New(msg.LeadMiB, "whole", tenths/10, "tenth", tenths%10, "bytes", size)
}
