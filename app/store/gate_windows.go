//go:build windows

package store

import (
	"os"

	"golang.org/x/sys/windows"
)

// LockFileEx locks belong to the handle, so two handles in one process
// exclude each other as two processes do. One byte is enough.

func lockShared(f *os.File) error    { return lockFileEx(f, 0) }
func lockExclusive(f *os.File) error { return lockFileEx(f, windows.LOCKFILE_EXCLUSIVE_LOCK) }

func tryLockExclusive(f *os.File) bool {
	return lockFileEx(f, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY) == nil
}

func unlock(f *os.File) error {
	return windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, &windows.Overlapped{})
}

func lockFileEx(f *os.File, flags uint32) error {
	return windows.LockFileEx(windows.Handle(f.Fd()), flags, 0, 1, 0, &windows.Overlapped{})
}
