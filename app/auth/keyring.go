package auth

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
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
type OSKeyring struct{ Timeout time.Duration }

func (k OSKeyring) do(fn func() (string, error)) (string, error) {
	t := k.Timeout
	if t <= 0 {
		t = 5 * time.Second
	}
	type res struct {
		s   string
		err error
	}
	ch := make(chan res, 1)
	go func() { s, err := fn(); ch <- res{s, err} }()
	select {
	case r := <-ch:
		if r.err != nil && !errors.Is(r.err, keyring.ErrNotFound) {
			return "", fmt.Errorf("%w: %v", ErrKeyringUnavailable, r.err)
		}
		return r.s, r.err
	case <-time.After(t):
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

// KeyringService is the keyring service name the app's entries live under.
const KeyringService = "com.rabitiq.superoffice"

const (
	keyringUser = "superoffice"
	// chunkSize keeps each secret under Windows Credential Manager's
	// 2,560-byte limit, and under go-keyring's 4,096-byte limit for the
	// macOS `security` command, which carries the secret base64-encoded
	// (2,000 bytes become 2,668 characters) next to service and account.
	chunkSize    = 2000
	chunkedMark  = "chunked:"
	maxChunks    = 64
	chunkUserSep = "#"
)

// CredentialStore keeps Credentials in a Keyring, split into chunks when
// they are larger than one keyring entry may be.
type CredentialStore struct {
	Keyring Keyring
	Service string // default KeyringService
}

func (s CredentialStore) service() string {
	if s.Service == "" {
		return KeyringService
	}
	return s.Service
}

// Load returns the stored credentials, or ErrNotConnected when none are stored.
func (s CredentialStore) Load() (*Credentials, error) {
	head, err := s.Keyring.Get(s.service(), keyringUser)
	if errors.Is(err, keyring.ErrNotFound) {
		return nil, ErrNotConnected
	}
	if err != nil {
		return nil, err
	}
	body := head
	if n, ok := chunkCount(head); ok {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			part, err := s.Keyring.Get(s.service(), keyringUser+chunkUserSep+strconv.Itoa(i))
			if err != nil {
				return nil, fmt.Errorf("read stored SuperOffice sign-in (part %d of %d): %w", i, n, err)
			}
			b.WriteString(part)
		}
		body = b.String()
	}
	var c Credentials
	if err := json.Unmarshal([]byte(body), &c); err != nil || c.RefreshToken == "" {
		return nil, fmt.Errorf("the stored SuperOffice sign-in is unreadable; connect again: %w", ErrNotConnected)
	}
	return &c, nil
}

func chunkCount(head string) (int, bool) {
	if !strings.HasPrefix(head, chunkedMark) {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(head, chunkedMark))
	if err != nil || n < 1 || n > maxChunks {
		return 0, false
	}
	return n, true
}

// Save stores c, replacing what was stored.
func (s CredentialStore) Save(c *Credentials) error {
	b, err := json.Marshal(c)
	if err != nil {
		return err
	}
	old := s.storedChunks()
	body := string(b)
	if len(body) <= chunkSize {
		if err := s.Keyring.Set(s.service(), keyringUser, body); err != nil {
			return fmt.Errorf("save SuperOffice sign-in in the keyring: %w", err)
		}
		s.deleteChunks(1, old)
		return nil
	}
	n := (len(body) + chunkSize - 1) / chunkSize
	if n > maxChunks {
		return errors.New("save SuperOffice sign-in: the token is too large for the keyring")
	}
	for i := 0; i < n; i++ {
		part := body[i*chunkSize : min((i+1)*chunkSize, len(body))]
		if err := s.Keyring.Set(s.service(), keyringUser+chunkUserSep+strconv.Itoa(i+1), part); err != nil {
			return fmt.Errorf("save SuperOffice sign-in in the keyring (part %d of %d): %w", i+1, n, err)
		}
	}
	if err := s.Keyring.Set(s.service(), keyringUser, chunkedMark+strconv.Itoa(n)); err != nil {
		return fmt.Errorf("save SuperOffice sign-in in the keyring: %w", err)
	}
	s.deleteChunks(n+1, old)
	return nil
}

func (s CredentialStore) storedChunks() int {
	head, err := s.Keyring.Get(s.service(), keyringUser)
	if err != nil {
		return 0
	}
	n, _ := chunkCount(head)
	return n
}

func (s CredentialStore) deleteChunks(from, to int) {
	for i := from; i <= to; i++ {
		_ = s.Keyring.Delete(s.service(), keyringUser+chunkUserSep+strconv.Itoa(i))
	}
}

// Delete removes every stored entry. Leads, history and SuperOffice ids in
// the database are untouched: disconnecting deletes no data.
func (s CredentialStore) Delete() error {
	n := s.storedChunks()
	if err := s.Keyring.Delete(s.service(), keyringUser); err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return fmt.Errorf("remove SuperOffice sign-in from the keyring: %w", err)
	}
	s.deleteChunks(1, n)
	return nil
}
