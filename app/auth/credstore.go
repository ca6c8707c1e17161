package auth

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/zalando/go-keyring"
)

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
	// slotB marks the second set of chunk names. A save writes its chunks
	// into the set the head does not point to, then switches the head, so
	// the sign-in stored before stays whole until the new one is.
	slotB = "b"
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

// layout is what the head entry says about the chunks.
type layout struct {
	n    int    // chunks in use; 0 = the head holds the JSON itself
	slot string // "" or slotB
}

func chunkUser(slot string, i int) string {
	return keyringUser + chunkUserSep + slot + strconv.Itoa(i)
}

// parseHead reads "chunked:N" (first slot) or "chunked:N:b".
func parseHead(head string) (layout, bool) {
	rest, ok := strings.CutPrefix(head, chunkedMark)
	if !ok {
		return layout{}, false
	}
	num, slot, _ := strings.Cut(rest, ":")
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 || n > maxChunks || (slot != "" && slot != slotB) {
		return layout{}, false
	}
	return layout{n: n, slot: slot}, true
}

// Load returns the stored credentials, or an error wrapping ErrNotConnected
// when none (or only a part of one) are stored.
func (s CredentialStore) Load() (*Credentials, error) {
	head, err := s.Keyring.Get(s.service(), keyringUser)
	if errors.Is(err, keyring.ErrNotFound) {
		return nil, ErrNotConnected
	}
	if err != nil {
		return nil, err
	}
	body := head
	if l, ok := parseHead(head); ok {
		var b strings.Builder
		for i := 1; i <= l.n; i++ {
			part, err := s.Keyring.Get(s.service(), chunkUser(l.slot, i))
			if errors.Is(err, keyring.ErrNotFound) {
				return nil, fmt.Errorf("the stored SuperOffice sign-in is incomplete (part %d of %d is missing); connect again: %w", i, l.n, ErrNotConnected)
			}
			if err != nil {
				return nil, fmt.Errorf("read stored SuperOffice sign-in (part %d of %d): %w", i, l.n, err)
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

// Save stores c, replacing what was stored. The earlier sign-in is removed
// only after the new one is complete: if the keyring fails half-way, the
// earlier sign-in still loads.
func (s CredentialStore) Save(c *Credentials) error {
	b, err := json.Marshal(c)
	if err != nil {
		return err
	}
	old, oldKnown := s.storedLayout()
	body := string(b)
	if len(body) <= chunkSize {
		if err := s.Keyring.Set(s.service(), keyringUser, body); err != nil {
			return fmt.Errorf("save SuperOffice sign-in in the keyring: %w", err)
		}
		s.cleanAfterSave(old, oldKnown, layout{})
		return nil
	}
	n := (len(body) + chunkSize - 1) / chunkSize
	if n > maxChunks {
		return errors.New("save SuperOffice sign-in: the token is too large for the keyring")
	}
	next := layout{n: n}
	if old.n > 0 && old.slot == "" {
		next.slot = slotB
	}
	for i := 0; i < n; i++ {
		part := body[i*chunkSize : min((i+1)*chunkSize, len(body))]
		if err := s.Keyring.Set(s.service(), chunkUser(next.slot, i+1), part); err != nil {
			return fmt.Errorf("save SuperOffice sign-in in the keyring (part %d of %d): %w", i+1, n, err)
		}
	}
	head := chunkedMark + strconv.Itoa(n)
	if next.slot != "" {
		head += ":" + next.slot
	}
	if err := s.Keyring.Set(s.service(), keyringUser, head); err != nil {
		return fmt.Errorf("save SuperOffice sign-in in the keyring: %w", err)
	}
	s.cleanAfterSave(old, oldKnown, next)
	return nil
}

// storedLayout reads the head; known is false when it could not be read,
// so the caller cannot tell which chunks are in use.
func (s CredentialStore) storedLayout() (l layout, known bool) {
	head, err := s.Keyring.Get(s.service(), keyringUser)
	if errors.Is(err, keyring.ErrNotFound) {
		return layout{}, true
	}
	if err != nil {
		return layout{}, false
	}
	l, _ = parseHead(head)
	return l, true
}

// cleanAfterSave removes the chunks of the earlier sign-in that the new
// layout does not use. Failures only leave unreferenced garbage, which
// Delete sweeps.
func (s CredentialStore) cleanAfterSave(old layout, known bool, now layout) {
	if !known {
		return
	}
	if old.n > 0 && (now.n == 0 || old.slot != now.slot) {
		s.deleteChunks(old.slot, 1, old.n)
	}
	if old.n > now.n && now.n > 0 && old.slot == now.slot {
		s.deleteChunks(old.slot, now.n+1, old.n)
	}
}

func (s CredentialStore) deleteChunks(slot string, from, to int) int {
	failed := 0
	for i := from; i <= to; i++ {
		if err := s.Keyring.Delete(s.service(), chunkUser(slot, i)); err != nil && !errors.Is(err, keyring.ErrNotFound) {
			failed++
		}
	}
	return failed
}

// Delete removes every stored entry: the head and every chunk name of
// both sets up to the most a sign-in can have, whatever the head says, so
// an unreadable head leaves nothing behind. Leads, history and SuperOffice
// ids in the database are untouched: disconnecting deletes no data.
func (s CredentialStore) Delete() error {
	if err := s.Keyring.Delete(s.service(), keyringUser); err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return fmt.Errorf("remove SuperOffice sign-in from the keyring: %w", err)
	}
	failed := s.deleteChunks("", 1, maxChunks) + s.deleteChunks(slotB, 1, maxChunks)
	if failed > 0 {
		return fmt.Errorf("remove SuperOffice sign-in from the keyring: %d parts could not be removed: %w", failed, ErrKeyringUnavailable)
	}
	return nil
}

// DeleteIf removes the stored sign-in only if its refresh token is still
// refused, the one SuperOffice refused: another process (the window, a
// second command) may have connected again since this one read it, and
// that newer sign-in must survive. It reports whether it deleted. The
// keyring has no compare-and-swap, so this re-read narrows the race to
// the moment between the read and the delete.
func (s CredentialStore) DeleteIf(refused string) (bool, error) {
	c, err := s.Load()
	if errors.Is(err, ErrNotConnected) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if c.RefreshToken != refused {
		return false, nil
	}
	return true, s.Delete()
}
