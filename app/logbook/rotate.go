package logbook

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// Default rotation: the current file up to 1 MiB plus two older ones, so
// the log never takes more than 3 MiB however long the app runs.
const (
	DefaultMaxSize = 1 << 20
	DefaultFiles   = 3
)

// Writer is a size-rotating log file: before a write would take the file
// past MaxSize, file becomes file.1, file.1 becomes file.2, and so on up
// to Files files in all. The file is opened (and its folder made) at the
// first write, so a command that logs nothing leaves nothing behind. It
// is safe for concurrent use and across processes in the sense that
// every write is a single append; two processes may both rotate, which
// loses at most one older file.
type Writer struct {
	Path    string
	MaxSize int64 // bytes; <= 0 means DefaultMaxSize
	Files   int   // the current file included; < 1 means DefaultFiles

	mu   sync.Mutex
	f    *os.File
	size int64
}

// Write appends p, rotating first when p would not fit.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f == nil {
		if err := w.open(); err != nil {
			return 0, err
		}
	}
	if w.size > 0 && w.size+int64(len(p)) > w.maxSize() {
		if err := w.rotate(); err != nil {
			return 0, err
		}
	}
	n, err := w.f.Write(p)
	w.size += int64(n)
	return n, err
}

// Close closes the current file; a later Write opens it again.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f == nil {
		return nil
	}
	err := w.f.Close()
	w.f = nil
	return err
}

func (w *Writer) maxSize() int64 {
	if w.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return w.MaxSize
}

func (w *Writer) files() int {
	if w.Files < 1 {
		return DefaultFiles
	}
	return w.Files
}

// open opens the current file for appending, readable by the user only:
// even without secrets, the log names companies' SuperOffice ids.
func (w *Writer) open() error {
	if err := os.MkdirAll(filepath.Dir(w.Path), 0o700); err != nil {
		return fmt.Errorf("logbook: %w", err)
	}
	f, err := os.OpenFile(w.Path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("logbook: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return fmt.Errorf("logbook: %w", err)
	}
	w.f, w.size = f, st.Size()
	return nil
}

// rotate shifts the files one place and starts an empty current file.
func (w *Writer) rotate() error {
	if err := w.f.Close(); err != nil {
		return fmt.Errorf("logbook: %w", err)
	}
	w.f = nil
	n := w.files()
	_ = os.Remove(Rotated(w.Path, n-1))
	for i := n - 2; i >= 0; i-- {
		if err := os.Rename(Rotated(w.Path, i), Rotated(w.Path, i+1)); err != nil && !os.IsNotExist(err) {
			// Another process holds the file (Windows will not rename it
			// then): keep appending rather than lose the line; a later
			// write tries again.
			break
		}
	}
	return w.open()
}

// Rotated is the path of the i-th older file (0 is the current one).
func Rotated(path string, i int) string {
	if i == 0 {
		return path
	}
	return fmt.Sprintf("%s.%d", path, i)
}
