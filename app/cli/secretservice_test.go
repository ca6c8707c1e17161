package cli

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/rabitiq/superoffice-sync/app/auth"
)

// TestSecretServiceEndToEnd connects through the real OS keyring (a Secret
// Service started by `make test` under dbus-run-session with
// gnome-keyring-daemon) and proves the refresh token lands there and not
// in SQLite. It needs that daemon, so it runs only when `make test` says
// it is there (RABITIQ_TEST_SECRET_SERVICE=1); the rest of the suite uses
// the in-memory keyring.
func TestSecretServiceEndToEnd(t *testing.T) {
	if os.Getenv("RABITIQ_TEST_SECRET_SERVICE") != "1" {
		t.Skip("needs a Secret Service; `make test` runs it under dbus-run-session")
	}
	s := startSim(t, nil)
	db := filepath.Join(t.TempDir(), "leads.db")
	env := map[string]string{"RABITIQ_SO_AUTHORITY": s.Authority(), "RABITIQ_SO_CLIENT_ID": s.ClientID(), "RABITIQ_DB": db}
	kr := auth.OSKeyring{}
	t.Cleanup(func() { _ = (auth.CredentialStore{Keyring: kr}).Delete() })
	if c := runWith(t, env, kr, browserFor(t), "connect", "--env", "sod"); c.code != 0 {
		t.Fatalf("connect: %d %s", c.code, c.stderr)
	}
	secret, err := keyring.Get(auth.KeyringService, "superoffice")
	if err != nil {
		t.Fatalf("nothing in the Secret Service: %v", err)
	}
	var cr auth.Credentials
	if err := json.Unmarshal([]byte(secret), &cr); err != nil || cr.RefreshToken == "" || cr.Tenant.Ctx != s.Ctx() {
		t.Fatalf("Secret Service holds %v (%v)", cr, err)
	}
	if r := run(t, env, "import", sample("one-lead.json")); r.code != 0 {
		t.Fatal(r.stderr)
	}
	for _, f := range []string{db, db + "-wal"} {
		if b, err := os.ReadFile(f); err == nil && strings.Contains(string(b), cr.RefreshToken) {
			t.Errorf("the refresh token is in %s", filepath.Base(f))
		}
	}
	if st := runWith(t, env, kr, nil, "status", "--json"); st.code != 0 || !strings.Contains(st.stdout, `"connected": true`) {
		t.Errorf("status from the Secret Service: %d %s", st.code, st.stdout)
	}
	if d := runWith(t, env, kr, nil, "disconnect"); d.code != 0 {
		t.Fatalf("disconnect: %s", d.stderr)
	}
	if _, err := keyring.Get(auth.KeyringService, "superoffice"); !errors.Is(err, keyring.ErrNotFound) {
		t.Errorf("after disconnect the Secret Service still answers %v", err)
	}
}
