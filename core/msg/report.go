package msg

// The error report (`rabitiq-superoffice report`, "Kopiér fejlrapport"):
// what a salesperson sends to support, in the guide's chapter 6 words.
const (
	CLIHelpReport      = "cli.help-report"
	CLIReportNoArgs    = "cli.report-no-args"
	ReportTitle        = "report.title"
	ReportVersion      = "report.version"
	ReportSystem       = "report.system"
	ReportTenant       = "report.tenant"
	ReportNotConnected = "report.not-connected"
	ReportLogFile      = "report.log-file"
	ReportNoLogFile    = "report.no-log-file"
	ReportErrors       = "report.errors"
	ReportNoErrors     = "report.no-errors"
	ReportLead         = "report.lead"
	ReportCompany      = "report.company"
)

func init() {
	register(map[string][2]string{
		CLIHelpReport:      {"fejlrapport til support: version, system, SuperOffice-kunde, de seneste fejl og logfilen", "error report for support: version, system, SuperOffice tenant, the last errors and the log file"},
		CLIReportNoArgs:    {"report tager ingen argumenter", "report takes no arguments"},
		ReportTitle:        {"RabitIQ SuperOffice – fejlrapport", "RabitIQ SuperOffice – error report"},
		ReportVersion:      {"Version: {version}", "Version: {version}"},
		ReportSystem:       {"System: {os}/{arch}", "System: {os}/{arch}"},
		ReportTenant:       {"SuperOffice-kunde (kontekst-id): {tenant}", "SuperOffice tenant (context id): {tenant}"},
		ReportNotConnected: {"SuperOffice-kunde: ikke forbundet", "SuperOffice tenant: not connected"},
		ReportLogFile:      {"Logfil: {path}", "Log file: {path}"},
		ReportNoLogFile:    {"Logfil: ingen ({reason})", "Log file: none ({reason})"},
		ReportErrors:       {"Seneste fejl:", "Last errors:"},
		ReportNoErrors:     {"Ingen fejl i logfilen.", "No errors in the log file."},
		ReportLead:         {"lead {id}", "lead {id}"},
		ReportCompany:      {"firma {id}", "company {id}"},
	})
}
