package desktop

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/tenant"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
	"github.com/rabitiq/superoffice-sync/ui/fieldsui"
	"github.com/rabitiq/superoffice-sync/ui/leads"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// A check on Feltopsætning, against the simulator over HTTP, shows its
// count on the guided start's "Tjek felter" step: not ready while a field
// is missing, ✓ once all are; a failed check leaves the step as it was.
func TestFieldCheckShowsOnTheGuidedStart(t *testing.T) {
	w := uitest.Setup(t)
	ctx := context.Background()
	defs := fieldsWithout("RabitIQ:3")
	sim, db := simAndDB(t, ctx, &sotest.Seed{ContactFields: defs})
	svc := &Services{DB: db, Now: time.Now,
		Tenant: tenant.New(tenant.Options{DB: db, Keyring: &auth.MemKeyring{}, HTTPClient: &http.Client{Timeout: 10 * time.Second}, OpenBrowser: headlessBrowser}),
		Config: func(env auth.Environment, clientID string) auth.Config {
			return auth.Config{Environment: env, Authority: sim.Authority(), ClientID: clientID}
		}}
	list := leads.New(svc, w)
	fields := fieldsui.New(fieldsToStart(svc, list), w)

	fields.Check() // not connected: the check fails
	if got := list.Start.FieldsState.Text; got != "Ikke tjekket endnu" {
		t.Errorf("after a failed check: %q", got)
	}
	if _, err := svc.Connect(ctx, auth.EnvSOD, sim.ClientID(), func(string) {}); err != nil {
		t.Fatal(err)
	}
	fields.Check()
	if got := list.Start.FieldsState.Text; got != "36 af 37 felter klar" {
		t.Errorf("one field missing: %q", got)
	}
}
