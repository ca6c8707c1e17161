package cli

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/rabitiq/superoffice-sync/app/auth"
)

// TestSecretServiceTwoProcesses runs the sign-in faults against the real
// Secret Service (see TestSecretServiceEndToEnd for how it is started):
// two stores on one keyring, as two processes are, and a head entry that
// cannot be read.
func TestSecretServiceTwoProcesses(t *testing.T) {
	if os.Getenv("RABITIQ_TEST_SECRET_SERVICE") != "1" {
		t.Skip("needs a Secret Service; `make keyring` runs it under dbus-run-session")
	}
	older := auth.CredentialStore{Keyring: auth.WithBudget(context.Background(), auth.OSKeyring{}, 0)}
	window := auth.CredentialStore{Keyring: auth.WithBudget(context.Background(), auth.OSKeyring{}, 0)}
	t.Cleanup(func() { _ = window.Delete() })
	big := func(c byte) *auth.Credentials {
		return &auth.Credentials{RefreshToken: strings.Repeat(string(c), 5000), Environment: auth.EnvSOD, Tenant: auth.Tenant{Ctx: "Cust1"}}
	}
	if err := older.Save(big('A')); err != nil {
		t.Fatal(err)
	}
	if err := window.Save(big('B')); err != nil { // the user connects again in the window
		t.Fatal(err)
	}
	if deleted, err := older.DeleteIf(big('A').RefreshToken); deleted || err != nil {
		t.Fatalf("the older process deleted the newer sign-in: %v %v", deleted, err)
	}
	if c, err := older.Load(); err != nil || c.RefreshToken != big('B').RefreshToken {
		t.Fatalf("Load after the older process gave up: %v", err)
	}
	// A garbled head must not keep disconnect from removing every chunk.
	if err := keyring.Set(auth.KeyringService, "superoffice", "chunked:garbled"); err != nil {
		t.Fatal(err)
	}
	if err := window.Delete(); err != nil {
		t.Fatal(err)
	}
	for _, user := range []string{"superoffice", "superoffice#1", "superoffice#2", "superoffice#3", "superoffice#b1", "superoffice#b2", "superoffice#b3"} {
		if _, err := keyring.Get(auth.KeyringService, user); !errors.Is(err, keyring.ErrNotFound) {
			t.Errorf("after disconnect %s is still in the Secret Service (%v)", user, err)
		}
	}
}
