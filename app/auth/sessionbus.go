package auth

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
)

// NoSessionBusError means there is no D-Bus session bus to reach the
// Secret Service through (a cron job, ssh, a container). It counts as both
// ErrKeyringUnavailable and ErrNotConnected: nothing can be stored, and
// nothing stored can be read, so the answer is "not connected" at once.
type NoSessionBusError struct{ UID int }

func (e *NoSessionBusError) Error() string {
	return fmt.Sprintf("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset and /run/user/%d/bus is missing), so the keyring cannot be reached", e.UID)
}

// Is makes errors.Is match ErrKeyringUnavailable and ErrNotConnected.
func (e *NoSessionBusError) Is(target error) bool {
	return target == ErrKeyringUnavailable || target == ErrNotConnected
}

// busProbe is what sessionBusMissing looks at, injectable for tests.
type busProbe struct {
	goos   string
	getenv func(string) string
	uid    int
	exists func(path string) bool
}

// sessionBusMissing mirrors how godbus finds the session bus before it
// falls back to running dbus-launch: the DBUS_SESSION_BUS_ADDRESS variable
// ("autolaunch:" means "start one"), then /run/user/<uid>/bus, then
// /run/user/<uid>/dbus-session. macOS and Windows keyrings need no bus.
func sessionBusMissing(p busProbe) bool {
	if p.goos == "darwin" || p.goos == "windows" {
		return false
	}
	if a := p.getenv("DBUS_SESSION_BUS_ADDRESS"); a != "" && a != "autolaunch:" {
		return false
	}
	dir := "/run/user/" + strconv.Itoa(p.uid)
	return !p.exists(dir+"/bus") && !p.exists(dir+"/dbus-session")
}

// checkSessionBus returns *NoSessionBusError when the keyring library
// would have to start a bus of its own.
func checkSessionBus() error {
	p := busProbe{goos: runtime.GOOS, getenv: os.Getenv, uid: os.Getuid(),
		exists: func(path string) bool { _, err := os.Stat(path); return !os.IsNotExist(err) }}
	if sessionBusMissing(p) {
		return &NoSessionBusError{UID: p.uid}
	}
	return nil
}
