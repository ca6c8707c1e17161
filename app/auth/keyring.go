package auth

import (
	"errors"
	"fmt"
	"time"

	"github.com/zalando/go-keyring"
)

// Keyring is the OS secret store (Secret Service, macOS Keychain, Windows
// Credential Manager). Tests use a fake beside the real one.
type Keyring interface {
	Get(service, user string) (string, error)
	Set(service, user, secret string) error
	Delete(service, user string) error
}

// ErrKeyringUnavailable means no OS keyring answered. The app never falls
// back to plain text silently: it says so and offers a session for this
// run only.
var ErrKeyringUnavailable = errors.New("the OS keyring is not available")

// ErrNotConnected means no SuperOffice tenant is connected.
var ErrNotConnected = errors.New("SuperOffice er ikke forbundet")

// OSKeyring is the real keyring with a timeout on every call, because a
// Secret Service that is locked or missing can block for a long time.
// On Linux it first checks that a D-Bus session bus exists: without one
// the keyring library would start a dbus-daemon of its own on every call
// (left running after the command ends), so it answers at once instead.
type OSKeyring struct{ Timeout time.Duration }

func (k OSKeyring) do(fn func() (string, error)) (string, error) {
	if err := checkSessionBus(); err != nil {
		return "", err
	}
	return withTimeout(k.Timeout, fn)
}

// withTimeout runs one keyring call, giving up after t (<= 0: 5 s).
func withTimeout(t time.Duration, fn func() (string, error)) (string, error) {
	if t <= 0 {
		t = 5 * time.Second
	}
	type res struct {
		s   string
		err error
	}
	ch := make(chan res, 1)
	go func() { s, err := fn(); ch <- res{s, err} }()
	timer := time.NewTimer(t)
	defer timer.Stop()
	select {
	case r := <-ch:
		if r.err != nil && !errors.Is(r.err, keyring.ErrNotFound) {
			return "", fmt.Errorf("%w: %v", ErrKeyringUnavailable, r.err)
		}
		return r.s, r.err
	case <-timer.C:
		return "", fmt.Errorf("%w: no answer within %s", ErrKeyringUnavailable, t)
	}
}

// Get reads a secret.
func (k OSKeyring) Get(service, user string) (string, error) {
	return k.do(func() (string, error) { return keyring.Get(service, user) })
}

// Set writes a secret.
func (k OSKeyring) Set(service, user, secret string) error {
	_, err := k.do(func() (string, error) { return "", keyring.Set(service, user, secret) })
	return err
}

// Delete removes a secret; a missing one is not an error.
func (k OSKeyring) Delete(service, user string) error {
	_, err := k.do(func() (string, error) { return "", keyring.Delete(service, user) })
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return err
}

// Tenant is the SuperOffice tenant a session is connected to.
type Tenant struct {
	Ctx         string `json:"ctx"`
	APIURL      string `json:"apiUrl"`
	CompanyName string `json:"companyName"`
	User        string `json:"user"`
	Email       string `json:"email"`
}

// Credentials is what persists between runs: the refresh token and enough
// about the tenant to show "Forbundet" without a network call.
type Credentials struct {
	RefreshToken string      `json:"refreshToken"`
	Environment  Environment `json:"environment"`
	Authority    string      `json:"authority"`
	ClientID     string      `json:"clientId"`
	Tenant       Tenant      `json:"tenant"`
}

// String never shows the refresh token, so a stray %v cannot leak it.
func (c Credentials) String() string {
	return fmt.Sprintf("Credentials{%s %s %s}", c.Environment, c.Tenant.Ctx, c.Tenant.User)
}

// GoString is String, for %#v.
func (c Credentials) GoString() string { return c.String() }
