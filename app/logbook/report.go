package logbook

import (
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

// ReportErrors is how many of the last errors a report lists.
const ReportErrors = 10

// Report is the short error report a salesperson sends to support: the
// same text from `rabitiq-superoffice report` and "Kopiér fejlrapport".
// It holds nothing secret: the errors come from the redacted log file.
type Report struct {
	Version  string
	OS, Arch string
	// Tenant is the connected tenant's context id (Cust12345); empty when
	// not connected.
	Tenant string
	// LogPath is the log file; LogErr why there is none.
	LogPath string
	LogErr  error
	Errors  []Entry
}

// Text is the report in l, one fact per line.
func (r Report) Text(l msg.Lang) string {
	say := func(code string, kv ...any) string { return msg.New(code, kv...).Text(l) }
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	line(say(msg.ReportTitle))
	line(say(msg.ReportVersion, "version", r.Version))
	line(say(msg.ReportSystem, "os", r.OS, "arch", r.Arch))
	if r.Tenant != "" {
		line(say(msg.ReportTenant, "tenant", r.Tenant))
	} else {
		line(say(msg.ReportNotConnected))
	}
	if r.LogErr != nil {
		line(say(msg.ReportNoLogFile, "reason", Redact(r.LogErr.Error())))
	} else {
		line(say(msg.ReportLogFile, "path", r.LogPath))
	}
	if len(r.Errors) == 0 {
		line(say(msg.ReportNoErrors))
		return b.String()
	}
	line(say(msg.ReportErrors))
	for i := len(r.Errors) - 1; i >= 0; i-- { // newest first
		line("  " + r.Errors[i].line(say))
	}
	return b.String()
}

// line is one error: when, what, which lead and company, SuperOffice's
// status with the request, then the error text (already redacted, cut).
func (e Entry) line(say func(string, ...any) string) string {
	parts := []string{e.Time.Local().Format(time.DateTime), e.What}
	if e.Lead != 0 {
		parts = append(parts, say(msg.ReportLead, "id", e.Lead))
	}
	if e.Company != 0 {
		parts = append(parts, say(msg.ReportCompany, "id", e.Company))
	}
	if e.Status != 0 {
		parts = append(parts, fmt.Sprintf("HTTP %d %s %s", e.Status, e.Method, e.Path))
	} else if e.Method != "" {
		parts = append(parts, e.Method+" "+e.Path)
	}
	s := strings.Join(parts, " · ")
	if e.Error != "" {
		s += "\n    " + clip(Redact(e.Error), 300)
	}
	return s
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// NewReport gathers the report: the last errors from the log file at
// path (pathErr says why there is none), for the given version and
// tenant context id, on this OS.
func NewReport(version, tenant, path string, pathErr error) Report {
	r := Report{Version: version, OS: runtime.GOOS, Arch: runtime.GOARCH, Tenant: tenant, LogPath: path, LogErr: pathErr}
	if pathErr == nil {
		if es, err := Recent(path, ReportErrors); err != nil {
			r.LogErr = err
		} else {
			r.Errors = es
		}
	}
	return r
}
