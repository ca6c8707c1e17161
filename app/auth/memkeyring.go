package auth

import (
	"fmt"
	"sync"

	"github.com/zalando/go-keyring"
)

// MemKeyring is an in-memory Keyring that sits beside the real one: for
// tests, and for a demo session that must not touch the user's keyring.
// MaxSecret mimics a platform limit (Windows: 2,560 bytes); Fail makes
// every call fail as a missing keyring does.
type MemKeyring struct {
	MaxSecret int
	Fail      error

	mu      sync.Mutex
	secrets map[string]string
}

func (k *MemKeyring) key(service, user string) string { return service + "\x00" + user }

// Get reads a secret.
func (k *MemKeyring) Get(service, user string) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.Fail != nil {
		return "", k.Fail
	}
	s, ok := k.secrets[k.key(service, user)]
	if !ok {
		return "", keyring.ErrNotFound
	}
	return s, nil
}

// Set writes a secret.
func (k *MemKeyring) Set(service, user, secret string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.Fail != nil {
		return k.Fail
	}
	if k.MaxSecret > 0 && len(secret) > k.MaxSecret {
		return fmt.Errorf("%w (%d bytes)", keyring.ErrSetDataTooBig, len(secret))
	}
	if k.secrets == nil {
		k.secrets = map[string]string{}
	}
	k.secrets[k.key(service, user)] = secret
	return nil
}

// Delete removes a secret.
func (k *MemKeyring) Delete(service, user string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.Fail != nil {
		return k.Fail
	}
	if _, ok := k.secrets[k.key(service, user)]; !ok {
		return keyring.ErrNotFound
	}
	delete(k.secrets, k.key(service, user))
	return nil
}

// Len is the number of stored entries.
func (k *MemKeyring) Len() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.secrets)
}

// Dump returns every stored value, for tests that prove where a secret is.
func (k *MemKeyring) Dump() []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	var out []string
	for _, v := range k.secrets {
		out = append(out, v)
	}
	return out
}
