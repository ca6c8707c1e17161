package auth

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func creds(rt string) *Credentials {
	return &Credentials{RefreshToken: rt, Environment: EnvSOD, Authority: "https://sod.superoffice.com/login", ClientID: "app",
		Tenant: Tenant{Ctx: "Cust1", APIURL: "https://sod2.superoffice.com/Cust1/api/", CompanyName: "Ærø ApS", User: "u@x.dk"}}
}

func TestCredentialStoreRoundTripAndChunking(t *testing.T) {
	kr := &MemKeyring{MaxSecret: 2560}
	s := CredentialStore{Keyring: kr}
	if _, err := s.Load(); !errors.Is(err, ErrNotConnected) {
		t.Fatalf("Load(empty) = %v, want ErrNotConnected", err)
	}
	big := strings.Repeat("R", 3000) // larger than Windows' 2,560-byte limit
	if err := s.Save(creds(big)); err != nil {
		t.Fatalf("Save(3,000-byte token): %v", err)
	}
	if kr.Len() < 3 {
		t.Errorf("a 3,000-byte token should be chunked; %d entries", kr.Len())
	}
	got, err := s.Load()
	if err != nil || got.RefreshToken != big || got.Tenant.CompanyName != "Ærø ApS" {
		t.Fatalf("Load = %v, %v", got, err)
	}
	// Shrinking removes the now-unused chunks.
	if err := s.Save(creds("small")); err != nil {
		t.Fatal(err)
	}
	if kr.Len() != 1 {
		t.Errorf("after a small save %d entries remain, want 1", kr.Len())
	}
	if got, _ := s.Load(); got.RefreshToken != "small" {
		t.Errorf("Load = %v", got)
	}
	if err := s.Save(creds(big)); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(); err != nil {
		t.Fatal(err)
	}
	if kr.Len() != 0 {
		t.Errorf("Delete left %d entries", kr.Len())
	}
	if err := s.Delete(); err != nil {
		t.Errorf("Delete twice: %v", err)
	}
}

func TestCredentialsNeverPrintTheToken(t *testing.T) {
	c := creds("SECRET-REFRESH-42")
	for _, s := range []string{fmt.Sprint(c), fmt.Sprintf("%v %+v %#v %s", *c, *c, *c, *c)} {
		if strings.Contains(s, "SECRET-REFRESH-42") {
			t.Errorf("token printed: %s", s)
		}
	}
}

func TestKeyringUnavailable(t *testing.T) {
	s := CredentialStore{Keyring: &MemKeyring{Fail: fmt.Errorf("%w: no dbus", ErrKeyringUnavailable)}}
	if err := s.Save(creds("x")); !errors.Is(err, ErrKeyringUnavailable) {
		t.Errorf("Save = %v", err)
	}
	if _, err := s.Load(); !errors.Is(err, ErrKeyringUnavailable) {
		t.Errorf("Load = %v", err)
	}
}

func TestOSKeyringTimesOut(t *testing.T) {
	start := time.Now()
	_, err := withTimeout(50*time.Millisecond, func() (string, error) { time.Sleep(2 * time.Second); return "", nil })
	if !errors.Is(err, ErrKeyringUnavailable) || time.Since(start) > time.Second {
		t.Fatalf("do = %v after %s", err, time.Since(start))
	}
}

// Each chunk must fit the platforms' limits: Windows Credential Manager
// takes 2,560 bytes; go-keyring refuses a macOS `security` command over
// 4,096 bytes, and it carries the secret base64-encoded with the service
// and account names and about 60 bytes of command.
func TestChunkSizeFitsEveryPlatform(t *testing.T) {
	if chunkSize > 2560 {
		t.Errorf("chunk %d > Windows' 2,560", chunkSize)
	}
	cmd := 100 + len(KeyringService) + len(keyringUser) + len("#64") + base64.StdEncoding.EncodedLen(chunkSize) + len("go-keyring-base64:")
	if cmd > 4096 {
		t.Errorf("macOS security command of %d bytes > 4,096", cmd)
	}
}
