// Package desktop wires the Fyne app: it opens the store, builds the
// screens from ui/ with the app's services, and runs the window.
package desktop

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"

	"github.com/rabitiq/superoffice-sync/app/buildinfo"
	"github.com/rabitiq/superoffice-sync/app/importer"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/assets"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
	"github.com/rabitiq/superoffice-sync/ui/leads"
)

// Options are the window's command-line options.
type Options struct {
	DBPath string // empty: the default (or the demo database with Demo)
	Demo   bool   // use a separate demo database seeded with sample leads
}

// leadService adapts the store and importer to what the views need.
type leadService struct {
	db  *store.DB
	now func() time.Time
}

func (s leadService) CountLeads(ctx context.Context, q string) (int, error) {
	return s.db.CountLeads(ctx, q)
}

func (s leadService) ListLeads(ctx context.Context, opt store.ListOptions) ([]store.LeadRow, error) {
	return s.db.ListLeads(ctx, opt)
}

func (s leadService) ImportFiles(ctx context.Context, paths []string) []importer.FileReport {
	return importer.Files(ctx, s.db, paths, s.now)
}

// DemoDBPath is where --demo keeps its database, apart from real data.
func DemoDBPath() (string, error) {
	p, err := store.DefaultPath()
	if err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(p), "demo", "leads.db"), nil
}

// SeedDemo imports the embedded sample leads into an empty database.
func SeedDemo(ctx context.Context, db *store.DB, now time.Time) error {
	n, err := db.CountLeads(ctx, "")
	if err != nil || n > 0 {
		return err
	}
	dir, err := os.MkdirTemp("", "rabitiq-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	names, err := fs.Glob(assets.Demo, "demo/*")
	if err != nil {
		return err
	}
	for _, n := range names {
		b, err := assets.Demo.ReadFile(n)
		if err != nil {
			return err
		}
		p := filepath.Join(dir, filepath.Base(n))
		if err := os.WriteFile(p, b, 0o600); err != nil {
			return err
		}
		if r := importer.File(ctx, db, p, now); r.Error != "" {
			return fmt.Errorf("seed demo leads from %s: %s", filepath.Base(n), r.Error)
		}
	}
	return nil
}

// Run opens the window and blocks until it is closed.
func Run(opts Options) error {
	ctx := context.Background()
	fyneapp.SetMetadata(fyne.AppMetadata{ID: buildinfo.AppID, Name: buildinfo.AppName, Version: buildinfo.Version,
		Icon: fyne.NewStaticResource("icon.png", assets.Icon)})
	a := fyneapp.NewWithID(buildinfo.AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	if err := i18n.LoadFromEnv(); err != nil {
		return err
	}
	path := opts.DBPath
	var err error
	if path == "" && opts.Demo {
		path, err = DemoDBPath()
	} else if path == "" {
		path, err = store.DefaultPath()
	}
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	if opts.Demo {
		if err := SeedDemo(ctx, db, time.Now()); err != nil {
			return err
		}
	}
	title := buildinfo.AppName
	if opts.Demo {
		title += " – DEMO"
	}
	w := a.NewWindow(title)
	v := leads.New(leadService{db: db, now: time.Now}, w)
	v.ChooseFiles = func(done func([]string)) {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			r.Close()
			done([]string{r.URI().Path()})
		}, w)
		d.Show()
	}
	w.SetOnDropped(v.HandleDrop)
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1000, 700))
	w.ShowAndRun()
	return nil
}
