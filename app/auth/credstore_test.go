package auth

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// faultKeyring is a MemKeyring that fails or hangs on demand, the ways a
// real Secret Service does.
type faultKeyring struct {
	MemKeyring
	mu         sync.Mutex
	setsLeft   int              // > 0: Set fails after this many more successes; -1: never
	getErr     map[string]error // user -> error for Get
	hang       chan struct{}    // non-nil: every call blocks until it is closed
	calls      atomic.Int32
	hungCalled atomic.Int32
}

func newFaultKeyring() *faultKeyring { return &faultKeyring{setsLeft: -1, getErr: map[string]error{}} }

func (k *faultKeyring) wait() {
	k.calls.Add(1)
	if k.hang != nil {
		k.hungCalled.Add(1)
		<-k.hang
	}
}

func (k *faultKeyring) Get(service, user string) (string, error) {
	k.wait()
	k.mu.Lock()
	err := k.getErr[user]
	k.mu.Unlock()
	if err != nil {
		return "", err
	}
	return k.MemKeyring.Get(service, user)
}

func (k *faultKeyring) Set(service, user, secret string) error {
	k.wait()
	k.mu.Lock()
	if k.setsLeft == 0 {
		k.mu.Unlock()
		return ErrKeyringUnavailable
	}
	if k.setsLeft > 0 {
		k.setsLeft--
	}
	k.mu.Unlock()
	return k.MemKeyring.Set(service, user, secret)
}

func (k *faultKeyring) Delete(service, user string) error {
	k.wait()
	return k.MemKeyring.Delete(service, user)
}

// A save that fails half-way (the keyring dies after one chunk) leaves the
// sign-in stored before it whole: the new chunks go beside the old ones
// and the head switches last.
func TestFailedSaveKeepsEarlierSignIn(t *testing.T) {
	for _, second := range []string{strings.Repeat("N", 5000), "small-new"} {
		kr := newFaultKeyring()
		s := CredentialStore{Keyring: kr}
		first := strings.Repeat("O", 5000)
		if err := s.Save(creds(first)); err != nil {
			t.Fatal(err)
		}
		kr.setsLeft = 1
		if err := s.Save(creds(second)); err == nil && len(second) > chunkSize {
			t.Fatal("the second save should have failed")
		}
		got, err := s.Load()
		if err != nil {
			t.Fatalf("after a failed save of %d bytes: %v", len(second), err)
		}
		if got.RefreshToken != first && got.RefreshToken != second {
			t.Errorf("Load = a mix of two sign-ins (%d bytes)", len(got.RefreshToken))
		}
	}
	// And a good save of a big token over a big token cleans the old set.
	kr := newFaultKeyring()
	s := CredentialStore{Keyring: kr}
	for _, rt := range []string{strings.Repeat("A", 5000), strings.Repeat("B", 5000), strings.Repeat("C", 3000)} {
		if err := s.Save(creds(rt)); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Load(); err != nil || got.RefreshToken != rt {
			t.Fatalf("Load after saving %c: %v", rt[0], err)
		}
	}
	if kr.Len() != 3 {
		t.Errorf("%d entries after three big saves, want head + 2 chunks", kr.Len())
	}
}

// disconnect must leave no chunk of the refresh token behind, even when
// the head entry is garbled or cannot be read.
func TestDeleteSweepsChunksWhenHeadUnreadable(t *testing.T) {
	for name, breakHead := range map[string]func(*faultKeyring){
		"garbled head":    func(k *faultKeyring) { _ = k.MemKeyring.Set(KeyringService, keyringUser, "chunked:zz") },
		"unreadable head": func(k *faultKeyring) { k.getErr[keyringUser] = ErrKeyringUnavailable },
	} {
		kr := newFaultKeyring()
		s := CredentialStore{Keyring: kr}
		if err := s.Save(creds(strings.Repeat("R", 5000))); err != nil {
			t.Fatal(err)
		}
		if err := s.Save(creds(strings.Repeat("S", 5000))); err != nil { // uses the second set of names
			t.Fatal(err)
		}
		breakHead(kr)
		if err := s.Delete(); err != nil {
			t.Fatalf("%s: Delete: %v", name, err)
		}
		if kr.Len() != 0 {
			t.Errorf("%s: Delete left %d entries: the refresh token is still in the keyring", name, kr.Len())
		}
	}
}

func TestMissingChunkIsNotConnected(t *testing.T) {
	kr := &MemKeyring{}
	s := CredentialStore{Keyring: kr}
	if err := s.Save(creds(strings.Repeat("R", 5000))); err != nil {
		t.Fatal(err)
	}
	if err := kr.Delete(KeyringService, chunkUser("", 2)); err != nil {
		t.Fatal(err)
	}
	_, err := s.Load()
	if !errors.Is(err, ErrNotConnected) {
		t.Fatalf("Load with a chunk missing = %v, want ErrNotConnected", err)
	}
}

// DeleteIf removes the sign-in only while it still holds the refused token.
func TestDeleteIfKeepsANewerSignIn(t *testing.T) {
	kr := &MemKeyring{}
	s := CredentialStore{Keyring: kr}
	if err := s.Save(creds("newer")); err != nil {
		t.Fatal(err)
	}
	if deleted, err := s.DeleteIf("older"); deleted || err != nil {
		t.Fatalf("DeleteIf(older) = %v, %v", deleted, err)
	}
	if c, err := s.Load(); err != nil || c.RefreshToken != "newer" {
		t.Fatalf("the newer sign-in is gone: %v", err)
	}
	if deleted, err := s.DeleteIf("newer"); !deleted || err != nil || kr.Len() != 0 {
		t.Fatalf("DeleteIf(newer) = %v, %v, %d left", deleted, err, kr.Len())
	}
	if deleted, err := s.DeleteIf("newer"); deleted || err != nil {
		t.Errorf("DeleteIf on an empty keyring = %v, %v", deleted, err)
	}
}

// A hung keyring costs one budget for all calls of a command together:
// the first call that runs out marks it gone and the others fail at once.
func TestBudgetIsSharedByAllCalls(t *testing.T) {
	kr := newFaultKeyring()
	kr.hang = make(chan struct{})
	defer close(kr.hang)
	b := WithBudget(context.Background(), kr, 100*time.Millisecond)
	s := CredentialStore{Keyring: b}
	start := time.Now()
	saveErr := s.Save(creds("x"))
	_, loadErr := s.Load()
	delErr := s.Delete()
	for _, err := range []error{saveErr, loadErr, delErr} {
		if !errors.Is(err, ErrKeyringUnavailable) {
			t.Errorf("err = %v, want ErrKeyringUnavailable", err)
		}
	}
	if n := kr.hungCalled.Load(); n != 1 {
		t.Errorf("the hung keyring was asked %d times, want once", n)
	}
	// Generous bound for a loaded machine; the point is "one budget", not
	// one per call (save+load+delete make well over 100 calls).
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %s", d)
	}
}

// Time outside keyring calls (the user signing in) does not use the budget.
func TestBudgetCountsOnlyKeyringTime(t *testing.T) {
	b := WithBudget(context.Background(), &MemKeyring{}, 50*time.Millisecond)
	if err := b.Set("s", "u", "v"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(80 * time.Millisecond) // longer than the budget, but not in a call
	if v, err := b.Get("s", "u"); err != nil || v != "v" {
		t.Fatalf("Get after idle time = %q, %v", v, err)
	}
}

func TestSessionBusDetection(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	files := func(paths ...string) func(string) bool {
		return func(p string) bool {
			for _, q := range paths {
				if p == q {
					return true
				}
			}
			return false
		}
	}
	for _, tc := range []struct {
		name    string
		p       busProbe
		missing bool
	}{
		{"cron: nothing", busProbe{"linux", env(nil), 1000, files()}, true},
		{"autolaunch: is not a bus", busProbe{"linux", env(map[string]string{"DBUS_SESSION_BUS_ADDRESS": "autolaunch:"}), 1000, files()}, true},
		{"another user's bus", busProbe{"linux", env(nil), 1000, files("/run/user/0/bus")}, true},
		{"address set", busProbe{"linux", env(map[string]string{"DBUS_SESSION_BUS_ADDRESS": "unix:path=/tmp/b"}), 1000, files()}, false},
		{"systemd user bus", busProbe{"linux", env(nil), 1000, files("/run/user/1000/bus")}, false},
		{"dbus-session file", busProbe{"freebsd", env(nil), 7, files("/run/user/7/dbus-session")}, false},
		{"macOS", busProbe{"darwin", env(nil), 501, files()}, false},
		{"Windows", busProbe{"windows", env(nil), 0, files()}, false},
	} {
		if got := sessionBusMissing(tc.p); got != tc.missing {
			t.Errorf("%s: missing = %v, want %v", tc.name, got, tc.missing)
		}
	}
	err := error(&NoSessionBusError{UID: 1000})
	if !errors.Is(err, ErrNotConnected) || !errors.Is(err, ErrKeyringUnavailable) {
		t.Errorf("NoSessionBusError must count as not connected and keyring unavailable")
	}
}
