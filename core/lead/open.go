package lead

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// ErrNotRegular: the path is a folder, named pipe, device or socket, not an
// ordinary file. Opening a FIFO blocks until something writes to it and a
// device such as /dev/zero never ends, so such a path named *.json would
// hang the import; it is refused before it is opened.
var ErrNotRegular = errors.New("not a regular file")

// openRegular opens path for reading only if it is a regular file (a
// symbolic link to one is fine). The kind is checked before opening, so a
// FIFO is never opened, and again on the opened file, in case the path
// was swapped in between.
func openRegular(path string) (*os.File, fs.FileInfo, error) {
	name := filepath.Base(path)
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, unreadable(name, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, nil, notRegular(name, fi.Mode())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, unreadable(name, err)
	}
	fi, err = f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, unreadable(name, err)
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, nil, notRegular(name, fi.Mode())
	}
	return f, fi, nil
}

// notRegular names what the path is, so the user can tell a folder
// named "x.json" from a pipe.
func notRegular(name string, m fs.FileMode) error {
	kind := msg.LeadSpecial
	switch {
	case m.IsDir():
		kind = msg.LeadFolder
	case m&fs.ModeNamedPipe != 0:
		kind = msg.LeadPipe
	case m&fs.ModeSocket != 0:
		kind = msg.LeadSocket
	case m&fs.ModeDevice != 0:
		kind = msg.LeadDevice
	}
	return &FileError{File: name, Err: ErrNotRegular, Msg: msg.New(msg.LeadNotRegular, "kind", msg.New(kind))}
}
