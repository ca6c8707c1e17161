//go:build unix

package lead

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within runs fn and fails the test if it has not returned when ctx ends:
// reading a FIFO or a device would block forever, so the deadline is the
// harness's, not a timing assertion.
func within(t *testing.T, ctx context.Context, fn func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		t.Fatal("still reading: the reader hangs on a special file")
		return nil
	}
}

// TestSpecialFilesRefused: a FIFO, a device and a folder named *.json are
// refused at once with ErrNotRegular naming the file and what it is,
// never opened for reading.
func TestSpecialFilesRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	dev := filepath.Join(dir, "zero.json")
	if err := os.Symlink("/dev/zero", dev); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder.json")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{fifo, "pipe.json: not a regular file but a named pipe (FIFO); only ordinary lead files are read"},
		{dev, "zero.json: not a regular file but a device; only ordinary lead files are read"},
		{folder, "folder.json: not a regular file but a folder; only ordinary lead files are read"},
	} {
		for _, rd := range []struct {
			name string
			read func() error
		}{
			{"DecodeFile", func() error { _, err := DecodeFile(tc.path); return err }},
			{"DecodeStream", func() error {
				return DecodeStream(tc.path, 0, func(*Result, int64, int64) error { return nil })
			}},
		} {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			err := within(t, ctx, rd.read)
			cancel()
			var fe *FileError
			if !errors.Is(err, ErrNotRegular) || !errors.As(err, &fe) || err.Error() != tc.want {
				t.Errorf("%s(%s) = %v, want %q", rd.name, filepath.Base(tc.path), err, tc.want)
			}
			if strings.Contains(err.Error(), dir) {
				t.Errorf("message shows the folder: %v", err)
			}
		}
	}
}
