package desktop

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/app/tenant"
	"github.com/rabitiq/superoffice-sync/assets"
	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// DemoDBPath is where --demo keeps its database, apart from real data.
func DemoDBPath() (string, error) {
	p, err := store.DefaultPath()
	if err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(p), "demo", "leads.db"), nil
}

// SeedDemo imports the embedded sample leads into an empty database,
// decoding them from memory: each file is small and already in the binary.
func SeedDemo(ctx context.Context, db *store.DB, now time.Time) error {
	n, err := db.CountLeads(ctx, "")
	if err != nil || n > 0 {
		return err
	}
	names, err := fs.Glob(assets.Demo, "demo/*")
	if err != nil {
		return err
	}
	for _, n := range names {
		b, err := assets.Demo.ReadFile(n)
		if err != nil {
			return err
		}
		name := path.Base(n)
		res, err := lead.Decode(name, b)
		if err != nil {
			return fmt.Errorf("seed demo leads: %w", err)
		}
		if _, err := db.ImportLeads(ctx, name, res.Leads, now); err != nil {
			return fmt.Errorf("seed demo leads from %s: %w", name, err)
		}
	}
	return nil
}

// startDemo seeds the demo database and starts the demo tenant on
// loopback, pointing svc's sign-in and the tenant connection conn at it.
// The sign-in lives in memory only: the demo never touches the user's
// keyring, and each run starts disconnected.
func startDemo(ctx context.Context, svc *Services, conn *tenant.Options) (func(), error) {
	if err := SeedDemo(ctx, svc.DB, time.Now()); err != nil {
		return nil, err
	}
	sim, err := sotest.New(sotest.Config{Seed: sotest.DemoSeed(), CompanyName: "Demo Tenant ApS",
		AutoApprove: os.Getenv("RABITIQ_DEMO_AUTO_APPROVE") == "1"})
	if err != nil {
		return nil, fmt.Errorf("start the demo tenant: %w", err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		return nil, fmt.Errorf("start the demo tenant: %w", err)
	}
	conn.Keyring = &auth.MemKeyring{}
	svc.DefaultClientID = sim.ClientID()
	svc.Config = func(env auth.Environment, id string) auth.Config {
		return auth.Config{Environment: env, Authority: sim.Authority(), ClientID: id}
	}
	return func() { sim.Close() }, nil
}

// headlessBrowser follows the sign-in page's redirects back to the app's
// loopback listener without a real browser (RABITIQ_BROWSER=headless).
func headlessBrowser(u string) error {
	go func() {
		hc := &http.Client{Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		next := u
		for range 5 {
			resp, err := hc.Get(next)
			if err != nil {
				return
			}
			resp.Body.Close()
			loc := resp.Header.Get("Location")
			if loc == "" {
				return
			}
			base, _ := url.Parse(next)
			ref, err := base.Parse(loc)
			if err != nil {
				return
			}
			next = ref.String()
		}
	}()
	return nil
}
