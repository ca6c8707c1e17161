package cli

import (
	"context"
	"errors"
	"strings"

	"golang.org/x/oauth2"

	"github.com/rabitiq/superoffice-sync/app/auth"
)

// connection is how a command reaches SuperOffice: a static bearer token
// from RABITIQ_SO_API_URL + RABITIQ_SO_ACCESS_TOKEN (scripts and tests), or
// the stored OAuth session.
type connection struct {
	Tenant  auth.Tenant
	Source  oauth2.TokenSource
	Session *auth.Session // nil for a static token
	Env     auth.Environment
}

// keyringBudget is how long one command may wait for the keyring in all;
// tests shorten it.
var keyringBudget = auth.DefaultKeyringBudget

// manager builds the auth manager for env, honouring the test hooks. All
// keyring calls of the command share one time budget, so a hung Secret
// Service costs one timeout, not one per call.
func manager(ctx context.Context, env Env) *auth.Manager {
	kr := env.Keyring
	if kr == nil {
		kr = auth.OSKeyring{}
	}
	kr = auth.WithBudget(ctx, kr, keyringBudget)
	m := &auth.Manager{Store: auth.CredentialStore{Keyring: kr}, HTTPClient: env.HTTPClient, OpenBrowser: env.OpenBrowser, Now: env.Now}
	cfg := auth.ConfigFromEnv(env.Getenv, "")
	m.ClientSecret, m.ClientSecretFor = cfg.ClientSecret, cfg.ClientID
	return m
}

// connect returns the current connection or an error wrapping
// auth.ErrNotConnected.
func connect(ctx context.Context, env Env) (*connection, error) {
	if api, tok := env.Getenv("RABITIQ_SO_API_URL"), env.Getenv("RABITIQ_SO_ACCESS_TOKEN"); api != "" || tok != "" {
		if api == "" || tok == "" {
			return nil, errors.New("set both RABITIQ_SO_API_URL and RABITIQ_SO_ACCESS_TOKEN, or neither")
		}
		// The token goes in every request's Authorization header: never
		// over plain http to another machine.
		if _, err := auth.CheckSecureURL("RABITIQ_SO_API_URL", api); err != nil {
			return nil, err
		}
		if !strings.HasSuffix(api, "/") {
			api += "/"
		}
		return &connection{Tenant: auth.Tenant{APIURL: api, Ctx: ctxFromAPIURL(api)},
			Source: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok, TokenType: "Bearer"})}, nil
	}
	s, err := manager(ctx, env).Session(ctx)
	if err != nil {
		return nil, err
	}
	return &connection{Tenant: s.Tenant(), Source: s, Session: s, Env: s.Environment()}, nil
}

// ctxFromAPIURL reads Cust12345 from https://host/Cust12345/api/.
func ctxFromAPIURL(api string) string {
	parts := strings.Split(strings.Trim(api, "/"), "/")
	if len(parts) >= 2 && parts[len(parts)-1] == "api" {
		return parts[len(parts)-2]
	}
	return ""
}

// notConnected prints the guide's message and returns exit code 3 when
// err means no tenant is connected.
func notConnected(env Env, err error) (int, bool) {
	if errors.Is(err, auth.ErrNotConnected) {
		return fail(env, ExitNotConnected, errors.New("SuperOffice er ikke forbundet: kør `rabitiq-superoffice connect` eller forbind under Integrationer ("+err.Error()+")")), true
	}
	return 0, false
}
