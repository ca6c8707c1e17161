package msg

// CLI texts: what `rabitiq-superoffice COMMAND` prints around the domain's
// own messages — usage, headers, labels, counts and usage errors. Table
// headers are tab-separated columns.
const (
	CLIUsage             = "cli.usage"
	CLIUnknownCommand    = "cli.unknown-command"       // {name}: quoted
	CLIUnknownMeant      = "cli.unknown-command-meant" // {name} {cmd}
	CLIWindowFlags       = "cli.window-flags"
	CLIUnexpectedArg     = "cli.unexpected-argument" // {cmd} {arg}: arg quoted
	CLINoArgs            = "cli.no-arguments"        // {cmd}
	CLINameOneLead       = "cli.name-one-lead"       // {cmd}
	CLIImportNoFile      = "cli.import-no-file"
	CLIImportFailed      = "cli.import-failed" // {file} {error}
	CLIImportCounts      = "cli.import-counts" // {file} {imported} {updated} {unchanged} {rejected}
	CLIRejected          = "cli.rejected"      // the label before a rejected lead's reason
	CLIWarning           = "cli.warning"       // the label before a warning
	CLILeadsHeader       = "cli.leads-header"
	CLICVRInvalid        = "cli.cvr-invalid"
	CLILeadsCount        = "cli.leads-count"      // {n}
	CLILeadsBadStatus    = "cli.leads-bad-status" // {value}: quoted
	CLIFlagLeadsStatus   = "cli.flag-leads-status"
	CLIFieldsHeader      = "cli.fields-header"
	CLIFieldPresent      = "cli.field-present"
	CLIFieldConfirmed    = "cli.field-confirmed"
	CLIFieldMissing      = "cli.field-missing"
	CLIFieldWrongType    = "cli.field-wrong-type"
	CLIFieldOnPerson     = "cli.field-on-person"
	CLIFieldSuggested    = "cli.field-suggested"
	CLIFieldsReady       = "cli.fields-ready"       // {n}
	CLIFieldsToConfirm   = "cli.fields-to-confirm"  // {n}
	CLIFieldNotUsed      = "cli.field-not-used"     // {progId} {key} {status} {noteEN}: the check's English note
	CLIFieldsBadProgID   = "cli.fields-bad-progid"  // {value}: quoted
	CLIFieldsBadConfirm  = "cli.fields-bad-confirm" // {value}: quoted
	CLIFieldsNoTenant    = "cli.fields-no-tenant"
	CLINoMatch           = "cli.no-match"
	CLISynced            = "cli.synced"  // {name} {id} {written} {skipped} {created} {updated}
	CLICreated           = "cli.created" // the same
	CLIKept              = "cli.kept"    // {fields}
	CLIDiffHeader        = "cli.diff-header"
	CLIActionWrite       = "cli.action-write"
	CLIActionKeep        = "cli.action-keep"
	CLIActionSkip        = "cli.action-skip"
	CLIActionTruncate    = "cli.action-truncate"
	CLIActionCreate      = "cli.action-create"
	CLIActionUpdate      = "cli.action-update"
	CLIActionUnchanged   = "cli.action-unchanged"
	CLISyncAllExclusive  = "cli.sync-all-exclusive"
	CLISyncOneLead       = "cli.sync-one-lead"
	CLISyncBoth          = "cli.sync-both"
	CLISyncBadContact    = "cli.sync-bad-contact" // {value}: quoted
	CLISyncChoose        = "cli.sync-choose"
	CLISyncBadStatus     = "cli.sync-bad-status" // {value}: quoted
	CLISyncConcurrency   = "cli.sync-concurrency"
	CLIBatchCompany      = "cli.batch-company" // {id}
	CLIBatchTotal        = "cli.batch-total"   // {total} {created} {updated} {review} {failed} {cancelled}
	CLIOutcomeCreated    = "cli.outcome-created"
	CLIOutcomeUpdated    = "cli.outcome-updated"
	CLIOutcomeReview     = "cli.outcome-review"
	CLIOutcomeFailed     = "cli.outcome-failed"
	CLIOutcomeCancelled  = "cli.outcome-cancelled"
	CLIHelpImport        = "cli.help-import"
	CLIHelpLeads         = "cli.help-leads"
	CLIHelpPreview       = "cli.help-preview"
	CLIHelpFields        = "cli.help-fields"
	CLIHelpMatch         = "cli.help-match"
	CLIHelpSync          = "cli.help-sync"
	CLIHelpConnect       = "cli.help-connect"
	CLIHelpStatus        = "cli.help-status"
	CLIHelpDisconnect    = "cli.help-disconnect"
	CLIHelpVersion       = "cli.help-version"
	CLIArgsImport        = "cli.args-import"
	CLIArgsLeads         = "cli.args-leads"
	CLIArgsPreview       = "cli.args-preview"
	CLIArgsFields        = "cli.args-fields"
	CLIArgsMatch         = "cli.args-match"
	CLIArgsSync          = "cli.args-sync"
	CLIArgsConnect       = "cli.args-connect"
	CLIArgsStatus        = "cli.args-status"
	CLIVersionNoArgs     = "cli.version-no-args"
	CLIPreviewCompany    = "cli.preview-company"
	CLIPreviewName       = "cli.preview-name"
	CLIPreviewDepartment = "cli.preview-department"
	CLIPreviewOrgNr      = "cli.preview-orgnr"
	CLIPreviewWebsite    = "cli.preview-website"
	CLIPreviewCountry    = "cli.preview-country"
	CLIPreviewCountryVal = "cli.preview-country-value" // {name} {iso} {id}
	CLIPreviewAddress    = "cli.preview-address"
	CLIPreviewNote       = "cli.preview-note"
	CLIPreviewCustom     = "cli.preview-custom"
	CLIPreviewNone       = "cli.preview-none"
	CLIPreviewPerson     = "cli.preview-person" // {n}
	CLIPreviewPersonName = "cli.preview-person-name"
	CLIPreviewTitle      = "cli.preview-title"
	CLIPreviewEmail      = "cli.preview-email"
	CLIPreviewPhone      = "cli.preview-phone"
	CLIPreviewMobile     = "cli.preview-mobile"
	CLIPreviewSkipped    = "cli.preview-skipped"
	CLIPreviewWarnings   = "cli.preview-warnings"
	CLIPreviewRemark     = "cli.preview-remark"
	CLIPreviewCut        = "cli.preview-cut" // {n}: the value's full length

	// A command's flags (`COMMAND -h`): each flag's usage is one of these.
	CLIFlagsOf           = "cli.flags-of"     // {cmd}
	CLIFlagDefault       = "cli.flag-default" // {value}
	CLIFlagDB            = "cli.flag-db"
	CLIFlagDBFields      = "cli.flag-db-fields"
	CLIFlagJSON          = "cli.flag-json"
	CLIFlagConfirm       = "cli.flag-confirm"
	CLIFlagUnconfirm     = "cli.flag-unconfirm"
	CLIFlagCreate        = "cli.flag-create"
	CLIFlagContact       = "cli.flag-contact"
	CLIFlagDryRun        = "cli.flag-dry-run"
	CLIFlagOverwrite     = "cli.flag-overwrite"
	CLIFlagAll           = "cli.flag-all"
	CLIFlagStatus        = "cli.flag-status"
	CLIFlagCreateMissing = "cli.flag-create-missing"
	CLIFlagConcurrency   = "cli.flag-concurrency"
	CLIFlagEnv           = "cli.flag-env"
	CLIFlagNoBrowser     = "cli.flag-no-browser"
)

func init() {
	register(map[string][2]string{
		CLIUsage: {"Brug: rabitiq-superoffice [--demo] [--db STI]        (åbner vinduet)\n      rabitiq-superoffice KOMMANDO [flag]\n\nKommandoer:",
			"Usage: rabitiq-superoffice [--demo] [--db PATH]        (opens the window)\n       rabitiq-superoffice COMMAND [flags]\n\nCommands:"},
		CLIUnknownCommand:   {"ukendt kommando {name}", "unknown command {name}"},
		CLIUnknownMeant:     {"ukendt kommando {name} – mente du {cmd}?", "unknown command {name} – did you mean {cmd}?"},
		CLIWindowFlags:      {"--demo og --db åbner vinduet; de er ikke en kommando", "--demo and --db open the window; they are not a command"},
		CLIUnexpectedArg:    {"{cmd}: uventet argument {arg}", "{cmd}: unexpected argument {arg}"},
		CLINoArgs:           {"{cmd} tager ingen argumenter", "{cmd} takes no arguments"},
		CLINameOneLead:      {"{cmd}: angiv ét LEAD (RabitIQ-id eller lokalt id)", "{cmd}: name one LEAD (RabitIQ id or local id)"},
		CLIImportNoFile:     {"import: angiv mindst én leadfil", "import: name at least one lead file"},
		CLIImportFailed:     {"{file}: FEJL, intet importeret: {error}", "{file}: ERROR, nothing imported: {error}"},
		CLIImportCounts:     {"{file}: {imported} importeret, {updated} opdateret, {unchanged} uændret, {rejected} afvist", "{file}: {imported} imported, {updated} updated, {unchanged} unchanged, {rejected} rejected"},
		CLIRejected:         {"afvist", "rejected"},
		CLIWarning:          {"advarsel", "warning"},
		CLILeadsHeader:      {"ID\tFIRMA\tSCORE\tCVR\tKONTAKTER\tSTATUS\tSUPEROFFICE", "ID\tCOMPANY\tSCORE\tCVR\tCONTACTS\tSTATUS\tSUPEROFFICE"},
		CLICVRInvalid:       {"(ugyldigt)", "(invalid)"},
		CLILeadsCount:       {"{n} leads", "{n} leads"},
		CLILeadsBadStatus:   {"leads: --status vil have new, changed, review, failed eller synced, ikke {value}", "leads: --status wants new, changed, review, failed or synced, not {value}"},
		CLIFlagLeadsStatus:  {"vis kun leads med denne status: new, changed, review (skal gennemses), failed eller synced", "only list leads with this status: new, changed, review (needs review), failed or synced"},
		CLIFieldsHeader:     {"PROG ID\tFELT\tTYPE\tSTATUS\tI SUPEROFFICE", "PROG ID\tFIELD\tTYPE\tSTATUS\tIN SUPEROFFICE"},
		CLIFieldPresent:     {"✓ oprettet", "✓ created"},
		CLIFieldConfirmed:   {"✓ bekræftet", "✓ confirmed"},
		CLIFieldMissing:     {"✗ mangler", "✗ missing"},
		CLIFieldWrongType:   {"⚠ forkert type", "⚠ wrong type"},
		CLIFieldOnPerson:    {"⚠ oprettet på Person", "⚠ created on Person"},
		CLIFieldSuggested:   {"? foreslået", "? suggested"},
		CLIFieldsReady:      {"{n} af 37 felter klar", "{n} of 37 fields ready"},
		CLIFieldsToConfirm:  {"{n} felter fundet på navn skrives først, når du bekræfter dem: fields --confirm RabitIQ:N=FELT", "{n} fields found by name are written only once you confirm them: fields --confirm RabitIQ:N=FIELD"},
		CLIFieldNotUsed:     {"{progId}: {key} bruges ikke ({status})", "{progId}: {key} is not used ({status}): {noteEN}"},
		CLIFieldsBadProgID:  {"fields: {value} er ikke et RabitIQ Prog ID (RabitIQ:1 … RabitIQ:37)", "fields: {value} is not a RabitIQ Prog ID (RabitIQ:1 … RabitIQ:37)"},
		CLIFieldsBadConfirm: {"fields: --confirm {value}: skriv RABITIQ:N=FELT, f.eks. RabitIQ:3=SuperOffice:5", "fields: --confirm {value}: write RABITIQ:N=FIELD, e.g. RabitIQ:3=SuperOffice:5"},
		CLIFieldsNoTenant:   {"fields: SuperOffice-kundens kontekst-id (f.eks. Cust12345) kendes ikke, så en bekræftelse kan ikke gemmes", "fields: the tenant's context id (e.g. Cust12345) is unknown, so a confirmation cannot be stored"},
		CLINoMatch:          {"Ingen match i SuperOffice: brug `sync LEAD --create` (Opret & Sync)", "No match in SuperOffice: use `sync LEAD --create` (Create & Sync)"},
		CLISynced: {"{name} (firma {id}) opdateret i SuperOffice: {written} felter skrevet, {skipped} sprunget over, {created} personer oprettet, {updated} opdateret",
			"{name} (company {id}) updated in SuperOffice: {written} fields written, {skipped} skipped, {created} persons created, {updated} updated"},
		CLICreated: {"{name} (firma {id}) oprettet i SuperOffice: {written} felter skrevet, {skipped} sprunget over, {created} personer oprettet, {updated} opdateret",
			"{name} (company {id}) created in SuperOffice: {written} fields written, {skipped} skipped, {created} persons created, {updated} updated"},
		CLIKept:             {"Beholdt eksisterende værdier: {fields}", "Existing values kept: {fields}"},
		CLIDiffHeader:       {"FELT\tI SUPEROFFICE\tFRA LEADET\tHANDLING", "FIELD\tIN SUPEROFFICE\tFROM THE LEAD\tACTION"},
		CLIActionWrite:      {"skrives", "write"},
		CLIActionKeep:       {"beholdes", "keep"},
		CLIActionSkip:       {"springes over", "skip"},
		CLIActionTruncate:   {"afkortes", "cut"},
		CLIActionCreate:     {"oprettes", "create"},
		CLIActionUpdate:     {"opdateres", "update"},
		CLIActionUnchanged:  {"uændret", "unchanged"},
		CLISyncAllExclusive: {"sync --all tager intet LEAD, --create, --contact eller --dry-run", "sync --all takes no LEAD, --create, --contact or --dry-run"},
		CLISyncOneLead:      {"sync: angiv ét LEAD (RabitIQ-id eller lokalt id), eller brug --all", "sync: name one LEAD (RabitIQ id or local id), or use --all"},
		CLISyncBoth:         {"sync: angiv enten --create eller --contact ID, ikke begge", "sync: give either --create or --contact ID, not both"},
		CLISyncBadContact:   {"sync: --contact vil have et firma-id fra SuperOffice, ikke {value}", "sync: --contact wants a SuperOffice company id, not {value}"},
		CLISyncChoose:       {"sync: angiv --create (Opret & Sync) eller --contact ID (Sync til valgte)", "sync: give --create (Create & Sync) or --contact ID (Sync to selected)"},
		CLISyncBadStatus:    {"sync --all: --status vil have new, changed, failed eller review, ikke {value}", "sync --all: --status wants new, changed, failed or review, not {value}"},
		CLISyncConcurrency:  {"sync --all: --concurrency vil have 1 til 32", "sync --all: --concurrency wants 1 to 32"},
		CLIBatchCompany:     {"firma {id}", "company {id}"},
		CLIBatchTotal: {"I alt {total}: {created} oprettet, {updated} opdateret, {review} skal gennemses, {failed} fejlede, {cancelled} annulleret",
			"In all {total}: {created} created, {updated} updated, {review} to review, {failed} failed, {cancelled} cancelled"},
		CLIOutcomeCreated:   {"oprettet", "created"},
		CLIOutcomeUpdated:   {"opdateret", "updated"},
		CLIOutcomeReview:    {"skal gennemses", "to review"},
		CLIOutcomeFailed:    {"fejlede", "failed"},
		CLIOutcomeCancelled: {"annulleret", "cancelled"},
		CLIHelpImport:       {`importér leadfiler (JSON, JSON-array, {"leads":[…]} eller NDJSON)`, `import lead files (JSON, a JSON array, {"leads":[…]} or NDJSON)`},
		CLIHelpLeads:        {"vis leads, sorteret efter score og navn", "list the leads, by score and name"},
		CLIHelpPreview:      {"vis hvad en synkronisering ville sende (uden netværk)", "show what a sync would send (no network)"},
		CLIHelpFields:       {"tjek de 37 felter i den forbundne SuperOffice; bekræft et foreslået felt", "check the 37 fields in the connected SuperOffice; confirm a suggested field"},
		CLIHelpMatch:        {"find leadets firma i SuperOffice", "find the lead's company in SuperOffice"},
		CLIHelpSync:         {"eksportér leads til SuperOffice", "export leads to SuperOffice"},
		CLIHelpConnect:      {"forbind til SuperOffice (åbner browseren)", "connect to SuperOffice (opens the browser)"},
		CLIHelpStatus:       {"vis forbindelsen til SuperOffice", "show the connection to SuperOffice"},
		CLIHelpDisconnect:   {"fjern forbindelsen (sletter ingen data)", "remove the connection (deletes no data)"},
		CLIHelpVersion:      {"vis versionen", "show the version"},
		CLIArgsImport:       {"[--db STI] [--json] FIL...", "[--db PATH] [--json] FILE..."},
		CLIArgsLeads:        {"[--db STI] [--status STATUS] [--json]", "[--db PATH] [--status STATUS] [--json]"},
		CLIArgsPreview:      {"[--db STI] LEAD [--json]", "[--db PATH] LEAD [--json]"},
		CLIArgsFields:       {"[--db STI] [--json] [--confirm RABITIQ:N=FELT] [--unconfirm RABITIQ:N]", "[--db PATH] [--json] [--confirm RABITIQ:N=FIELD] [--unconfirm RABITIQ:N]"},
		CLIArgsMatch:        {"[--db STI] LEAD [--json]", "[--db PATH] LEAD [--json]"},
		CLIArgsSync: {"[--db STI] LEAD (--create | --contact ID [--dry-run] [--overwrite F,…]) [--json]\n            sync --all [--status new|changed|failed|review] [--create-missing] [--concurrency N] [--json]",
			"[--db PATH] LEAD (--create | --contact ID [--dry-run] [--overwrite F,…]) [--json]\n            sync --all [--status new|changed|failed|review] [--create-missing] [--concurrency N] [--json]"},
		CLIArgsConnect:       {"[--env sod|stage|online] [--no-browser]", "[--env sod|stage|online] [--no-browser]"},
		CLIArgsStatus:        {"[--json]", "[--json]"},
		CLIVersionNoArgs:     {"version tager ingen argumenter", "version takes no arguments"},
		CLIPreviewCompany:    {"Firma (Contact)", "Company (Contact)"},
		CLIPreviewName:       {"Firmanavn", "Company name"},
		CLIPreviewDepartment: {"Branche (Department)", "Industry (Department)"},
		CLIPreviewOrgNr:      {"CVR-nr. (OrgNr)", "CVR no. (OrgNr)"},
		CLIPreviewWebsite:    {"Hjemmeside (Urls)", "Website (Urls)"},
		CLIPreviewCountry:    {"Land (Country)", "Country (Country)"},
		CLIPreviewCountryVal: {"{name} ({iso}, id {id})", "{name} ({iso}, id {id})"},
		CLIPreviewAddress:    {"Adresse (Street og Postal)", "Address (Street and Postal)"},
		CLIPreviewNote:       {"Note (Description)", "Note (Description)"},
		CLIPreviewCustom:     {"Brugerdefinerede felter (CustomFields)", "User-defined fields (CustomFields)"},
		CLIPreviewNone:       {"(ingen)", "(none)"},
		CLIPreviewPerson:     {"Kontaktperson {n} (Person)", "Contact person {n} (Person)"},
		CLIPreviewPersonName: {"Navn", "Name"},
		CLIPreviewTitle:      {"Titel", "Title"},
		CLIPreviewEmail:      {"E-mail", "E-mail"},
		CLIPreviewPhone:      {"Telefon", "Phone"},
		CLIPreviewMobile:     {"Mobil", "Mobile"},
		CLIPreviewSkipped:    {"Springes over (feltet findes ikke i SuperOffice)", "Skipped (the field does not exist in SuperOffice)"},
		CLIPreviewWarnings:   {"Advarsler", "Warnings"},
		CLIPreviewRemark:     {"Bemærk", "Note"},
		CLIPreviewCut:        {"(i alt {n} tegn; se --json)", "({n} characters in all; see --json)"},
		CLIFlagsOf:           {"Flag til {cmd}:", "Flags of {cmd}:"},
		CLIFlagDefault:       {"standard: {value}", "default: {value}"},
		CLIFlagDB:            {"databasefil", "database file"},
		CLIFlagDBFields:      {"databasefil, som husker de bekræftede felter", "database file, which keeps the confirmed fields"},
		CLIFlagJSON:          {"skriv resultatet som JSON", "print the result as JSON"},
		CLIFlagConfirm:       {"RABITIQ:N=FELT: skriv RabitIQ:N i SuperOffice-feltet FELT, fundet på etiket eller x_-navn (kan gentages)", "RABITIQ:N=FIELD: write RabitIQ:N to the tenant field FIELD found by label or x_ name (repeatable)"},
		CLIFlagUnconfirm:     {"RABITIQ:N: fortryd en bekræftelse (kan gentages)", "RABITIQ:N: undo a confirmation (repeatable)"},
		CLIFlagCreate:        {"opret et nyt firma (Opret & Sync)", "create a new company (Create & Sync)"},
		CLIFlagContact:       {"opdater firmaet med dette id i SuperOffice (Sync til valgte)", "update this SuperOffice company id (Sync to selected)"},
		CLIFlagDryRun:        {"vis for hvert felt, hvad der ville ske; skriv intet", "show per field what would happen; write nothing"},
		CLIFlagOverwrite:     {"kommaseparerede standardfelter, der overskrives, selv når SuperOffice har en værdi", "comma-separated standard fields to overwrite even when SuperOffice has a value"},
		CLIFlagAll:           {"eksportér alle leads (se --status)", "export every lead (see --status)"},
		CLIFlagStatus:        {"med --all: kun leads med denne status (new, changed, failed eller review)", "with --all: only leads with this status (new, changed, failed or review)"},
		CLIFlagCreateMissing: {"med --all: opret firmaer for leads uden kandidater", "with --all: create companies for leads with no candidate"},
		CLIFlagConcurrency:   {"med --all: leads der eksporteres ad gangen", "with --all: leads exported at once"},
		CLIFlagEnv:           {"SuperOffice-miljø: sod, stage eller online", "SuperOffice environment: sod, stage or online"},
		CLIFlagNoBrowser:     {"skriv kun login-adressen", "only print the sign-in URL"},
	})
}

// CLINoDisplay is what the app says when the window is asked for and
// there is no display (ssh, cron, CI).
const CLINoDisplay = "cli.no-display"

func init() {
	register(map[string][2]string{
		CLINoDisplay: {"rabitiq-superoffice: der er ingen skærm (hverken DISPLAY eller WAYLAND_DISPLAY er sat), så vinduet kan ikke åbnes; kommandoerne virker uden: rabitiq-superoffice help",
			"rabitiq-superoffice: no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open; the commands work without one: rabitiq-superoffice help"},
	})
}

// CLIImportPartial is a file that broke or was cancelled after some of its
// batches were stored: they stay, and importing it again completes it.
const CLIImportPartial = "cli.import-partial" // {file} {imported} {updated} {unchanged} {error}

func init() {
	register(map[string][2]string{
		CLIImportPartial: {"{file}: FEJL efter {imported} importeret, {updated} opdateret, {unchanged} uændret (gemt; importér filen igen for at fuldføre): {error}",
			"{file}: ERROR after {imported} imported, {updated} updated, {unchanged} unchanged (stored; import the file again to finish): {error}"},
	})
}

// The connection commands' lines (connect, status, disconnect) and the
// not-connected message every command gives (exit 3).
const (
	CLIOpenURL       = "cli.open-url"        // {url}
	CLIConnectedTo   = "cli.connected-to"    // {company} {ctx}
	CLIConnectedAs   = "cli.connected-as"    // {company} {ctx} {user} {api}
	CLINotConnected  = "cli.not-connected"   //
	CLINotConnectedX = "cli.not-connected-x" // {cause}
	CLINotRegistered = "cli.not-registered"  //
	CLIDisconnected  = "cli.disconnected"    //
)

func init() {
	register(map[string][2]string{
		// "Open: " is a contract (README): scripts read the URL after it.
		CLIOpenURL:      {"Open: {url}", "Open: {url}"},
		CLIConnectedTo:  {"Forbundet til {company} ({ctx})", "Connected to {company} ({ctx})"},
		CLIConnectedAs:  {"Forbundet til {company} ({ctx}) som {user}\nAPI: {api}", "Connected to {company} ({ctx}) as {user}\nAPI: {api}"},
		CLINotConnected: {"SuperOffice er ikke forbundet", "SuperOffice is not connected"},
		CLINotConnectedX: {"SuperOffice er ikke forbundet: kør `rabitiq-superoffice connect` eller forbind under Integrationer ({cause})",
			"SuperOffice is not connected: run `rabitiq-superoffice connect` or connect under Integrations ({cause})"},
		// A build made without SO_CLIENT_ID: say what it means, then how a
		// developer gets past it (the CLI keeps the technical detail).
		CLINotRegistered: {"Denne version af appen er ikke registreret hos SuperOffice, så den kan ikke forbinde. Hent den udgivne version fra RabitIQ, eller sæt RABITIQ_SO_CLIENT_ID til jeres apps client id fra SuperOffice Developer Portal.",
			"This build of the app is not registered with SuperOffice, so it cannot connect. Get the released version from RabitIQ, or set RABITIQ_SO_CLIENT_ID to your app's client id from the SuperOffice Developer Portal."},
		CLIDisconnected: {"Forbindelsen til SuperOffice er fjernet. Leads og synkroniseringshistorik er bevaret.",
			"The connection to SuperOffice is removed. Leads and sync history are kept."},
	})
}
