// Package instance keeps one window per database: the first start holds
// an OS file lock on "<db>.lock" beside the database and listens on a
// loopback port it writes into that file; a second start finds the lock
// taken and asks the first, over that port, to bring its window forward.
//
// The lock is released by the OS when the process ends, however it ends,
// so a crash never leaves a stale lock behind. Only the window takes the
// lock: the command-line commands share the database through SQLite.
package instance

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

const (
	raiseRequest = "RABITIQ-RAISE\n"
	raiseReply   = "OK\n"
	// portWait is how long a second start waits for the first to write
	// its port (it may have just taken the lock) and to answer.
	portWait = 3 * time.Second
)

// RunningError reports that another process holds the lock for the same
// database. Raised tells whether that process brought its window forward.
type RunningError struct {
	LockPath string // the lock file, "<db>.lock"
	Raised   bool   // the running window was asked to come forward and said yes
	Err      error  // why raising failed, when it did
}

// Error implements error.
func (e *RunningError) Error() string {
	if e.Raised {
		return fmt.Sprintf("another instance uses %s and has been brought forward", e.LockPath)
	}
	if e.Err != nil {
		return fmt.Sprintf("another instance uses %s, but could not be brought forward: %v", e.LockPath, e.Err)
	}
	return fmt.Sprintf("another instance uses %s", e.LockPath)
}

// Unwrap returns the reason raising failed.
func (e *RunningError) Unwrap() error { return e.Err }

// errLocked is what the OS-specific lock returns when the file is held.
var errLocked = errors.New("lock held by another process")

// Lock is the held single-instance lock; Close releases it.
type Lock struct {
	path    string
	file    *os.File
	ln      net.Listener
	onRaise atomic.Pointer[func()]
	wg      sync.WaitGroup
	once    sync.Once
}

// LockPath is the lock file for the database at dbPath.
func LockPath(dbPath string) string { return dbPath + ".lock" }

// Acquire takes the lock for the database at dbPath. When another process
// holds it, Acquire returns a *RunningError without asking it anything;
// see Start.
func Acquire(dbPath string) (*Lock, error) {
	path := LockPath(dbPath)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("single-instance lock: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("single-instance lock: %w", err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, &RunningError{LockPath: path}
		}
		return nil, fmt.Errorf("single-instance lock %s: %w", path, err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("single-instance listener: %w", err)
	}
	l := &Lock{path: path, file: f, ln: ln}
	if err := l.writePort(ln.Addr().(*net.TCPAddr).Port); err != nil {
		l.Close()
		return nil, err
	}
	l.wg.Add(1)
	go l.serve()
	return l, nil
}

// Start takes the lock, or, when another window already uses the
// database, asks that window to come forward and returns a *RunningError
// saying whether it did.
func Start(ctx context.Context, dbPath string) (*Lock, error) {
	l, err := Acquire(dbPath)
	var running *RunningError
	if !errors.As(err, &running) {
		return l, err
	}
	if err := Raise(ctx, running.LockPath); err != nil {
		running.Err = err
	} else {
		running.Raised = true
	}
	return nil, running
}

// OnRaise sets what a raise request does, e.g. show and focus the window.
// Requests before it is set are answered without doing anything: the
// window is then still on its way up.
func (l *Lock) OnRaise(fn func()) { l.onRaise.Store(&fn) }

// Close stops listening and releases the lock. The file stays: removing
// it could race with a new holder.
func (l *Lock) Close() error {
	var err error
	l.once.Do(func() {
		err = l.ln.Close()
		l.wg.Wait()
		l.file.Truncate(0)
		if cerr := l.file.Close(); err == nil {
			err = cerr
		}
	})
	return err
}

func (l *Lock) writePort(port int) error {
	if err := l.file.Truncate(0); err != nil {
		return fmt.Errorf("single-instance lock: %w", err)
	}
	if _, err := l.file.WriteAt([]byte(strconv.Itoa(port)+"\n"), 0); err != nil {
		return fmt.Errorf("single-instance lock: %w", err)
	}
	return l.file.Sync()
}

func (l *Lock) serve() {
	defer l.wg.Done()
	for {
		c, err := l.ln.Accept()
		if err != nil {
			return
		}
		l.handle(c)
	}
}

func (l *Lock) handle(c net.Conn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(portWait))
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil || line != raiseRequest {
		return
	}
	if fn := l.onRaise.Load(); fn != nil {
		(*fn)()
	}
	c.Write([]byte(raiseReply))
}

// Raise asks the process holding the lock file at lockPath to bring its
// window forward.
func Raise(ctx context.Context, lockPath string) error {
	ctx, cancel := context.WithTimeout(ctx, portWait)
	defer cancel()
	port, err := readPort(ctx, lockPath)
	if err != nil {
		return err
	}
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return fmt.Errorf("raise the running window: %w", err)
	}
	defer c.Close()
	if dl, ok := ctx.Deadline(); ok {
		c.SetDeadline(dl)
	}
	if _, err := c.Write([]byte(raiseRequest)); err != nil {
		return fmt.Errorf("raise the running window: %w", err)
	}
	reply, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return fmt.Errorf("raise the running window: %w", err)
	}
	if reply != raiseReply {
		return fmt.Errorf("raise the running window: unexpected reply %q", reply)
	}
	return nil
}

// readPort waits for the holder to have written its port: it may have
// taken the lock a moment ago.
func readPort(ctx context.Context, lockPath string) (int, error) {
	for {
		b, err := os.ReadFile(lockPath)
		if err != nil {
			return 0, fmt.Errorf("read the single-instance lock: %w", err)
		}
		if port, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && port > 0 && port < 65536 {
			return port, nil
		}
		select {
		case <-ctx.Done():
			return 0, fmt.Errorf("the running window has not written its port to %s: %w", lockPath, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}
