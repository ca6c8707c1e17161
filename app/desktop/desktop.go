// Package desktop wires the Fyne app: it opens the store, connects the
// auth manager and the export engine, builds the screens from ui/ with
// those services, and runs the window. With --demo it also starts the
// SuperOffice simulator in-process as the demo tenant.
package desktop

import (
	"context"
	"net/http"
	"os"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/buildinfo"
	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/assets"
	"github.com/rabitiq/superoffice-sync/ui/about"
	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/exportui"
	"github.com/rabitiq/superoffice-sync/ui/fieldsui"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
	"github.com/rabitiq/superoffice-sync/ui/integrations"
	"github.com/rabitiq/superoffice-sync/ui/leads"
	"github.com/rabitiq/superoffice-sync/ui/shell"
)

// Options are the window's command-line options.
type Options struct {
	DBPath string // empty: the default (or the demo database with Demo)
	Demo   bool   // demo tenant (in-process simulator) and sample leads in a separate database
}

// Preference keys.
const (
	prefWidth    = "window.width"
	prefHeight   = "window.height"
	prefLastLead = "leads.last"
)

// Run opens the window and blocks until it is closed.
func Run(opts Options) error {
	ctx := context.Background()
	icon := fyne.NewStaticResource("icon.png", assets.Icon)
	fyneapp.SetMetadata(fyne.AppMetadata{ID: buildinfo.AppID, Name: buildinfo.AppName, Version: buildinfo.Version, Icon: icon})
	a := fyneapp.NewWithID(buildinfo.AppID)
	a.SetIcon(icon)
	if err := i18n.LoadFromEnv(); err != nil {
		return err
	}
	path, err := dbPath(opts)
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	svc := &Services{DB: db, Now: time.Now, HTTPClient: &http.Client{Timeout: 60 * time.Second},
		Mgr: &auth.Manager{Store: auth.CredentialStore{Keyring: auth.OSKeyring{}}, OpenBrowser: browserOpener()},
		Config: func(env auth.Environment, id string) auth.Config {
			c := auth.ConfigFromEnv(os.Getenv, env)
			c.ClientID = id
			return c
		}}
	svc.DefaultClientID = auth.ConfigFromEnv(os.Getenv, "").ClientID
	svc.Mgr.ClientSecret = auth.ConfigFromEnv(os.Getenv, "").ClientSecret
	svc.Mgr.ClientSecretFor = svc.DefaultClientID
	if opts.Demo {
		stop, err := startDemo(ctx, svc)
		if err != nil {
			return err
		}
		defer stop()
	}
	title := buildinfo.AppName
	if opts.Demo {
		title += " – DEMO"
	}
	w := a.NewWindow(title)
	build(a, w, svc, opts, path)
	w.ShowAndRun()
	return nil
}

func dbPath(opts Options) (string, error) {
	switch {
	case opts.DBPath != "":
		return opts.DBPath, nil
	case opts.Demo:
		return DemoDBPath()
	}
	return store.DefaultPath()
}

// browserOpener is the system browser; RABITIQ_BROWSER=headless swaps in
// a fetcher that follows the sign-in redirects itself, for the scripted
// window tour on machines without a browser.
func browserOpener() func(string) error {
	if os.Getenv("RABITIQ_BROWSER") == "headless" {
		return headlessBrowser
	}
	return auth.SystemBrowser
}

// build lays out the window and wires every view to the services.
func build(a fyne.App, w fyne.Window, svc *Services, opts Options, path string) {
	prefs := a.Preferences()
	list := leads.New(svc, w)
	detail := leads.NewDetail(svc)
	fields := fieldsui.New(svc, w)
	integ := integrations.New(svc, w)
	sh := shell.New(shell.Parts{List: list.Content(), Detail: detail.Content(), Fields: fields.Content(), Integrations: integ.Content(),
		About: about.New(about.Info{Version: buildinfo.Version, DBPath: path, Demo: opts.Demo}), Demo: opts.Demo, OnFieldsTab: fields.Check})
	list.ChooseFiles = func(done func([]string)) { chooseFiles(w, done) }
	list.OnSelect = func(r store.LeadRow) {
		detail.Show(r.LocalID)
		prefs.SetInt(prefLastLead, int(r.LocalID))
	}
	detail.OnExport = func(r store.LeadRow) {
		exportui.Start(svc, w, r, func(*export.Result) {
			list.Reload()
			detail.Show(r.LocalID)
		})
	}
	integ.OnChange = func(s integrations.Status) { detail.SetConnected(s.Connected) }
	detail.SetConnected(integ.Current().Connected)
	if integ.Current().Connected {
		// Settle exports a crash interrupted before anything else runs.
		async.Run(func() error { _, err := svc.engine(context.Background()); return err }, func(error) { list.Reload() })
	}
	if id := prefs.Int(prefLastLead); id > 0 {
		if _, err := svc.GetLead(context.Background(), int64(id)); err == nil {
			detail.Show(int64(id))
		}
	}
	w.SetOnDropped(list.HandleDrop)
	w.SetContent(sh.Content())
	w.Resize(fyne.NewSize(float32(prefs.FloatWithFallback(prefWidth, 1100)), float32(prefs.FloatWithFallback(prefHeight, 720))))
	w.SetOnClosed(func() {
		sz := w.Canvas().Size()
		prefs.SetFloat(prefWidth, float64(sz.Width))
		prefs.SetFloat(prefHeight, float64(sz.Height))
	})
}
