package lead

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
		return nil, nil, fmt.Errorf("open lead file: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, nil, notRegular(name, fi.Mode())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("open lead file: %w", err)
	}
	fi, err = f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("stat lead file %s: %w", shown(name), err)
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
	kind := "special file"
	switch {
	case m.IsDir():
		kind = "folder"
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeDevice != 0:
		kind = "device"
	}
	return &FileError{File: name, Err: ErrNotRegular,
		Msg: fmt.Sprintf("not a regular file but a %s; only ordinary lead files are read", kind)}
}
