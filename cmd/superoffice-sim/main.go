// Command superoffice-sim runs the SuperOffice CRM Online simulator
// (core/superoffice/sotest) as a standalone server for manual testing and scripts:
//
//	superoffice-sim --addr 127.0.0.1:0 --seed FILE [--client-id ID] [--auto-approve]
//
// --seed demo loads the built-in demo tenant. It prints the authority, the
// webapi_url, the client id and a valid access token, and runs until
// SIGINT/SIGTERM. Faults are armed with POST /_sim/faults.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "superoffice-sim:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("superoffice-sim", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:0", "listen address")
	seedPath := fs.String("seed", "", `seed JSON file, or "demo" for the built-in demo tenant (default: empty tenant)`)
	cfg := sotest.Config{}
	fs.StringVar(&cfg.ClientID, "client-id", "", "registered client_id (default rabitiq-superoffice-sync-sim)")
	fs.StringVar(&cfg.ClientSecret, "client-secret", "", "client secret to require when one is sent (optional)")
	fs.StringVar(&cfg.Ctx, "ctx", "", "tenant context id (default Cust12345)")
	fs.BoolVar(&cfg.AutoApprove, "auto-approve", false, "skip the approve page")
	fs.BoolVar(&cfg.Strict, "strict", false, "the least forgiving reading of every unconfirmed behaviour (see sotest.Config.Strict)")
	verbose := fs.Bool("v", false, "log every request")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch *seedPath {
	case "":
	case "demo":
		cfg.Seed = sotest.DemoSeed()
	default:
		seed, err := sotest.LoadSeed(*seedPath)
		if err != nil {
			return err
		}
		cfg.Seed = seed
	}
	if *verbose {
		cfg.Logf = log.Printf
	}
	sim, err := sotest.New(cfg)
	if err != nil {
		return err
	}
	if err := sim.Start(*addr); err != nil {
		return err
	}
	defer sim.Close()
	fmt.Printf("SuperOffice simulator, tenant %s\n", sim.Ctx())
	fmt.Printf("  authority:    %s\n", sim.Authority())
	fmt.Printf("  discovery:    %s/.well-known/openid-configuration\n", sim.Authority())
	fmt.Printf("  webapi_url:   %s\n", sim.APIURL())
	fmt.Printf("  state api:    %s/api/state/%s\n", sim.URL(), sim.Ctx())
	fmt.Printf("  client_id:    %s\n", sim.ClientID())
	fmt.Printf("  access_token: %s\n", sim.AccessToken())
	fmt.Printf("  inspect:      %s/_sim/requests  %s/_sim/violations  (faults: POST %s/_sim/faults)\n", sim.URL(), sim.URL(), sim.URL())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	return nil
}
