package desktop

import (
	"context"
	"log/slog"

	"github.com/rabitiq/superoffice-sync/app/buildinfo"
	"github.com/rabitiq/superoffice-sync/app/logbook"
	"github.com/rabitiq/superoffice-sync/app/tenant"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
)

// logFile is the window's end of the logbook: the file the CLI writes
// too, and the error report "Kopiér fejlrapport" copies.
type logFile struct {
	path string
	err  error // why there is no log file
	lb   *logbook.Logbook
}

// openLog opens the logbook in the OS's log folder; with none it logs
// nothing and the report says why.
func openLog(getenv func(string) string) *logFile {
	lf := &logFile{}
	if lf.path, lf.err = logbook.Path(getenv); lf.err == nil {
		lf.lb = logbook.Open(lf.path)
		lf.lb.Secret(getenv("RABITIQ_SO_CLIENT_SECRET"))
	}
	return lf
}

// Logger is what the tenant connection logs to.
func (lf *logFile) Logger() *slog.Logger {
	if lf.lb == nil {
		return logbook.Discard()
	}
	return lf.lb.Logger
}

// Path is the log file, empty when there is none.
func (lf *logFile) Path() string {
	if lf.err != nil {
		return ""
	}
	return lf.path
}

// Close closes the file.
func (lf *logFile) Close() {
	if lf.lb != nil {
		_ = lf.lb.Close()
	}
}

// report returns the func that makes the error report in the window's
// language, for the connected tenant, as `rabitiq-superoffice report`
// prints it.
func (lf *logFile) report(t *tenant.Service) func() string {
	return func() string {
		return logbook.NewReport(buildinfo.Version, t.ContextID(context.Background()), lf.path, lf.err).Text(i18n.Lang())
	}
}
