package auth

import (
	"errors"
	"testing"

	"github.com/rabitiq/superoffice-sync/app/buildinfo"
)

// A release build's stamped client id is used when nothing else is set,
// and RABITIQ_SO_CLIENT_ID still wins over it.
func TestConfigFromEnvUsesTheBuildsClientID(t *testing.T) {
	old := buildinfo.SOClientID
	t.Cleanup(func() { buildinfo.SOClientID = old })
	buildinfo.SOClientID = "demo-client"
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	if c := ConfigFromEnv(getenv, EnvOnline); c.ClientID != "demo-client" || c.validate() != nil {
		t.Errorf("no env: client id %q (%v), want the build's demo-client", c.ClientID, c.validate())
	}
	env["RABITIQ_SO_CLIENT_ID"] = "from-env"
	if c := ConfigFromEnv(getenv, EnvOnline); c.ClientID != "from-env" {
		t.Errorf("RABITIQ_SO_CLIENT_ID set: client id %q, want from-env", c.ClientID)
	}
	buildinfo.SOClientID = ""
	delete(env, "RABITIQ_SO_CLIENT_ID")
	if err := ConfigFromEnv(getenv, EnvOnline).validate(); !errors.Is(err, ErrNoClientID) {
		t.Errorf("unregistered build: %v, want ErrNoClientID", err)
	}
}
