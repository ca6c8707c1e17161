package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/app/auth"
)

// Every command that needs the tenant says the same when SuperOffice
// refuses the sign-in as when none is stored: exit 3 and the guide's
// words, whether the refusal is a 401 for a token that cannot be renewed
// (a static token) or a refresh token SuperOffice revoked.
func TestRefusedSignInExit3ForEveryCommand(t *testing.T) {
	commands := [][]string{{"fields"}, {"match", "x"}, {"sync", "x", "--create"}, {"sync", "x", "--contact", "1", "--dry-run"}}
	check := func(t *testing.T, r result, args []string) {
		t.Helper()
		if r.code != ExitNotConnected || !strings.Contains(r.stderr, "SuperOffice er ikke forbundet") {
			t.Errorf("%v: exit %d, stderr %q; want 3 and \"SuperOffice er ikke forbundet\"", args, r.code, r.stderr)
		}
	}
	t.Run("401", func(t *testing.T) {
		s := startSim(t, nil)
		env := staticEnv(s, filepath.Join(t.TempDir(), "leads.db"))
		run(t, env, "import", writeFile(t, "l.json", `{"id":"x","companyName":"X Afvist ApS"}`))
		s.Faults().ExpireTokens()
		for _, args := range commands {
			check(t, run(t, env, args...), args)
		}
		if n := len(s.Companies()); n != 0 {
			t.Errorf("%d companies created with a refused token", n)
		}
	})
	t.Run("revoked", func(t *testing.T) {
		s := startSim(t, nil)
		kr := &auth.MemKeyring{}
		env := map[string]string{"RABITIQ_SO_AUTHORITY": s.Authority(), "RABITIQ_SO_CLIENT_ID": s.ClientID(), "RABITIQ_DB": filepath.Join(t.TempDir(), "leads.db")}
		if c := runWith(t, env, kr, browserFor(t), "connect", "--env", "sod"); c.code != 0 {
			t.Fatalf("connect: %d %s", c.code, c.stderr)
		}
		run(t, env, "import", writeFile(t, "l.json", `{"id":"x","companyName":"X Afvist ApS"}`))
		s.Faults().ExpireTokens()
		s.Faults().RevokeRefreshTokens()
		for _, args := range commands {
			check(t, runWith(t, env, kr, nil, args...), args)
		}
	})
}
