package cli

import (
	"context"
	"errors"
	"github.com/rabitiq/superoffice-sync/core/msg"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/app/tenant"
)

// keyringBudget is how long one command may wait for the keyring in all;
// tests shorten it.
var keyringBudget = auth.DefaultKeyringBudget

// service is the tenant connection of one command, the same service the
// window uses, over db (nil for a command that needs no leads). It reaches
// SuperOffice with a static bearer token from RABITIQ_SO_API_URL +
// RABITIQ_SO_ACCESS_TOKEN (scripts and tests), or the stored OAuth
// session. All keyring calls of the command share one time budget, so a
// hung Secret Service costs one timeout, not one per call.
func service(ctx context.Context, env Env, db *store.DB) *tenant.Service {
	kr := env.Keyring
	if kr == nil {
		kr = auth.OSKeyring{}
	}
	return tenant.New(tenant.Options{DB: db, Keyring: auth.WithBudget(ctx, kr, keyringBudget), Getenv: env.Getenv,
		HTTPClient: env.HTTPClient, OpenBrowser: env.OpenBrowser, Now: env.Now,
		APIURL: env.Getenv("RABITIQ_SO_API_URL"), AccessToken: env.Getenv("RABITIQ_SO_ACCESS_TOKEN"), Log: env.log})
}

// notConnected prints the guide's message and returns exit code 3 when
// err means no tenant is connected, or SuperOffice refused the sign-in
// (tenant.Refused): every command says the same about both.
func notConnected(env Env, err error) (int, bool) {
	if err = tenant.Refused(err); errors.Is(err, auth.ErrNotConnected) {
		return fail(env, ExitNotConnected, errors.New(env.say(msg.CLINotConnectedX, "cause", err.Error()))), true
	}
	return 0, false
}
