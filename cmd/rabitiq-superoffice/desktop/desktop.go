// Package desktop wires the Fyne app: it opens the store and the tenant
// connection (app/tenant), builds the screens from ui/ with those
// services, and runs the window. It is the one package that imports both
// app/ and ui/. With --demo it also starts the
// SuperOffice simulator in-process as the demo tenant.
package desktop

import (
	"context"
	"net/http"
	"os"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/buildinfo"
	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/instance"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/app/tenant"
	"github.com/rabitiq/superoffice-sync/assets"
	"github.com/rabitiq/superoffice-sync/ui/about"
	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/batchui"
	"github.com/rabitiq/superoffice-sync/ui/dialogkeys"
	"github.com/rabitiq/superoffice-sync/ui/errdialog"
	"github.com/rabitiq/superoffice-sync/ui/exportui"
	"github.com/rabitiq/superoffice-sync/ui/fieldsui"
	"github.com/rabitiq/superoffice-sync/ui/history"
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
	applyTheme(a)
	if err := i18n.LoadFromEnv(); err != nil {
		return err
	}
	path, err := dbPath(opts)
	if err != nil {
		return err
	}
	// One window per database; a second start raises this one and ends
	// with an *instance.RunningError (the CLI does not take the lock).
	lock, err := instance.Start(ctx, path)
	if err != nil {
		return err
	}
	defer lock.Close()
	db, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	svc := &Services{DB: db, Now: time.Now, DefaultClientID: auth.ConfigFromEnv(os.Getenv, "").ClientID,
		Config: func(env auth.Environment, id string) auth.Config {
			c := auth.ConfigFromEnv(os.Getenv, env)
			c.ClientID = id
			return c
		}}
	logs := openLog(os.Getenv)
	defer logs.Close()
	conn := tenant.Options{DB: db, Getenv: os.Getenv, HTTPClient: &http.Client{Timeout: 60 * time.Second}, OpenBrowser: browserOpener(), Now: time.Now,
		Log: logs.Logger()}
	if opts.Demo {
		stop, err := startDemo(ctx, svc, &conn)
		if err != nil {
			return err
		}
		defer stop()
	}
	svc.Tenant = tenant.New(conn)
	title := buildinfo.AppName
	if opts.Demo {
		title += " – DEMO"
	}
	w := a.NewWindow(title)
	build(a, w, svc, opts, path, logs)
	lock.OnRaise(func() { fyne.Do(func() { w.Show(); w.RequestFocus() }) })
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
func build(a fyne.App, w fyne.Window, svc *Services, opts Options, path string, logs *logFile) {
	prefs := a.Preferences()
	report := logs.report(svc.Tenant)
	errdialog.SetReport(report) // every screen's "Kopiér fejlrapport"
	list := leads.New(svc, w)
	detail := leads.NewDetail(svc)
	fields := fieldsui.New(fieldsToStart(svc, list), w)
	integ := integrations.New(svc, w)
	hist := history.New(svc, w)
	policy := prefPolicy{prefs}
	var sh *shell.Shell
	reconnect := func() {
		sh.Show(tabIntegrations)
		integ.StartConnect()
	}
	refresh := func(id int64) {
		list.Reload()
		if cur := detail.Current(); cur != nil && (id == 0 || cur.Row.LocalID == id) {
			detail.Show(cur.Row.LocalID)
		}
	}
	// The green confirmation after a sync sits above the lead card, in the
	// window, so the seller goes on without closing a dialog.
	banner := exportui.NewBanner(w)
	banner.CompanyURL = svc.CompanyURL
	banner.OpenURL = a.OpenURL
	banner.OnFieldSetup = func() { sh.Show(tabFields) }
	// The follow-up choice is remembered per tenant, like the task type.
	followUp := exportui.NewFollowUp(exportui.StoredFollowUp{DB: svc.DB, Tenant: svc.Tenant.ContextID, Now: svc.Now})
	review := reviewQueue(svc, w, exportui.Opts{Policy: policy, Reconnect: reconnect, Report: report, Banner: banner, FollowUp: followUp}, refresh)
	batchBtn := widget.NewButton(lang.L("Export several…"), func() {
		batchui.Open(svc, w, list.Checked(), review, func(export.BatchSummary) { refresh(0) })
	})
	refreshBtn := refreshAction(svc, w, list, refresh)
	list.OnChecked = func(ids []int64) {
		if len(ids) > 0 {
			batchBtn.SetText(lang.L("Export selected ({{.N}})…", map[string]any{"N": len(ids)}))
		} else {
			batchBtn.SetText(lang.L("Export several…"))
		}
	}
	// forget drops a deleted lead from the detail pane and the start-up choice.
	forget := func(ids []int64) {
		if cur := detail.Current(); cur != nil && (ids == nil || slices.Contains(ids, cur.Row.LocalID)) {
			detail.Clear()
		}
		if ids == nil || slices.Contains(ids, int64(prefs.Int(prefLastLead))) {
			prefs.SetInt(prefLastLead, 0)
		}
		hist.Reload()
	}
	list.OnDeleted = forget
	deleteAll := about.DeleteAll(w, svc, func() {
		list.ClearChecked()
		list.Reload()
		forget(nil)
	})
	detailPane := container.NewBorder(banner.Content(), nil, nil, nil, detail.Content())
	leadsScreen := shell.LeadsLayout(list.Content(), detailPane, container.NewHBox(batchBtn, list.Delete, refreshBtn.Button))
	list.OnEmpty = func(empty bool) { shell.ShowDetail(leadsScreen, detailPane, !empty) }
	shell.ShowDetail(leadsScreen, detailPane, !list.Empty())
	sh = shell.New(screens{leads: leadsScreen,
		history: hist.Content(), onHistory: hist.Reload, fields: fields.Content(), onFields: fields.Check, integrations: integ.Content(),
		about: about.New(about.Info{Version: buildinfo.Version, DBPath: path, Demo: opts.Demo, DeleteAll: deleteAll, LogPath: logs.Path(), Report: report})}.tabs(), opts.Demo)
	addShortcuts(w, leadKeys{shell: sh, search: list.Search, importBtn: list.Import, exportBtn: detail.Export, batchBtn: batchBtn,
		ticked: func() int { return len(list.Checked()) }})
	list.ChooseFiles = func(done func([]string)) { chooseFiles(w, prefs, done) }
	list.ChooseFolder = func(done func(string)) { chooseFolder(w, prefs, done) }
	// The guided start's steps open the screen that does them.
	list.OnConnect = reconnect
	list.OnCheckFields = func() { sh.Show(tabFields) }
	detail.OnConnect = reconnect
	list.OnSelect = func(r store.LeadRow) {
		detail.Show(r.LocalID)
		prefs.SetInt(prefLastLead, int(r.LocalID))
	}
	// Enter in the list is Eksportér for the lead it shows, only when
	// that button could be clicked (connected).
	list.OnEnter = func(store.LeadRow) { dialogkeys.Tap(detail.Export)() }
	detail.OnExport = func(r store.LeadRow) {
		exportui.Start(svc, w, r, exportui.Opts{Policy: policy, Reconnect: reconnect, Report: report, Banner: banner, FollowUp: followUp, Done: func(*export.Result) { refresh(r.LocalID) }})
	}
	integ.OnChange = func(s integrations.Status) {
		detail.SetConnected(s.Connected)
		list.SetConnected(s.Connected)
		refreshBtn.SetConnected(s.Connected)
		if s.Connected {
			batchBtn.Enable()
		} else {
			batchBtn.Disable()
		}
	}
	integ.OnChange(integ.Current())
	if integ.Current().Connected {
		// Settle exports a crash interrupted before anything else runs.
		async.Run(func() error { _, err := svc.Tenant.Engine(context.Background()); return err }, func(error) { list.Reload() })
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
