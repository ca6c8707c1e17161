//go:build unix

package store

import (
	"os"

	"golang.org/x/sys/unix"
)

// flock locks belong to the open file description, not the process, so
// two handles in one process exclude each other as two processes do.

func lockShared(f *os.File) error    { return flock(f, unix.LOCK_SH) }
func lockExclusive(f *os.File) error { return flock(f, unix.LOCK_EX) }
func unlock(f *os.File) error        { return flock(f, unix.LOCK_UN) }

func tryLockExclusive(f *os.File) bool { return flock(f, unix.LOCK_EX|unix.LOCK_NB) == nil }

func flock(f *os.File, how int) error {
	for {
		err := unix.Flock(int(f.Fd()), how)
		if err != unix.EINTR {
			return err
		}
	}
}
