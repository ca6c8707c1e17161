package msg

// Export messages: what the sync engine (app/export) tells about a write,
// its warnings and its errors. An error's message is followed by its
// technical cause (": …"), so those texts name the step that failed.
const (
	ExportFieldUnconfirmed = "export.field-unconfirmed" // {key}: the tenant field found by label

	// Warnings on a finished sync (Result.WarningCodes).
	ExportAlreadyLinked   = "export.already-linked"   // {id}
	ExportReusedCreate    = "export.reused-create"    // {id}
	ExportFieldsGone      = "export.fields-gone"      // {fields}
	ExportSkipMissing     = "export.skip-missing"     // {n}
	ExportSkipWrongType   = "export.skip-wrong-type"  // {n} {fields}
	ExportSkipOnPerson    = "export.skip-on-person"   // {n} {fields}
	ExportSkipUnconfirmed = "export.skip-unconfirmed" // {n} {fields}
	ExportInterrupted     = "export.interrupted"      // {id}: stored on a lead whose create was settled at start
	ExportCompanyGone     = "export.company-gone"     // the ErrCompanyGone sentinel
	ExportCompany         = "export.company"          // {id}: the company an error is about
	ExportExists          = "export.company-exists"   // {name} {id}
	ExportChoose          = "export.choose-company"   //
	ExportSyncFailed      = "export.sync-failed"      // {name}
	ExportTooLate         = "export.too-late"         //
	ExportCreateCompany   = "export.create-company"   //
	ExportReadCompany     = "export.read-company"     // {id}
	ExportUpdateCompany   = "export.update-company"   // {id}
	ExportReadFields      = "export.read-fields"      //
	ExportReadCountries   = "export.read-countries"   //
	ExportLookForCreated  = "export.look-for-created" //
	ExportReadIntent      = "export.read-intent"      // {id}: the local lead id
	ExportSearch          = "export.search"           //
	ExportDuplicates      = "export.duplicates"       //
	ExportSearchOrgNr     = "export.search-orgnr"     //
	ExportReadPersons     = "export.read-persons"     //
	ExportReadPerson      = "export.read-person"      // {id}
	ExportCreatePerson    = "export.create-person"    // {name}
	ExportUpdatePerson    = "export.update-person"    // {name}
)

func init() {
	register(map[string][2]string{
		ExportFieldUnconfirmed: {`springes over: feltet {key} i SuperOffice er ikke bekræftet; vælg "Brug dette felt" i Feltopsætning`,
			`skipped: the field {key} in SuperOffice is not confirmed; choose "Use this field" in Field setup`},
		ExportAlreadyLinked: {"leadet er allerede knyttet til firma {id} i SuperOffice; det opdateres i stedet for at oprette et nyt",
			"the lead is already linked to company {id} in SuperOffice; it is updated instead of creating a new one"},
		ExportReusedCreate: {"en tidligere afbrudt oprettelse blev fundet som firma {id} og genbruges",
			"an earlier interrupted create was found as company {id} and is reused"},
		ExportFieldsGone: {"felterne {fields} findes ikke længere i SuperOffice og blev sprunget over",
			"the fields {fields} no longer exist in SuperOffice and were skipped"},
		ExportSkipMissing: {"{n} {n|felt|felter} der ikke er oprettet i SuperOffice springes over",
			"{n} {n|field|fields} not created in SuperOffice {n|is|are} skipped"},
		ExportSkipWrongType: {"{n} {n|felt|felter} med forkert type i SuperOffice springes over: {fields}",
			"{n} {n|field|fields} with the wrong type in SuperOffice {n|is|are} skipped: {fields}"},
		ExportSkipOnPerson: {"{n} {n|felt|felter} der er oprettet på Person i stedet for Firma springes over: {fields}",
			"{n} {n|field|fields} created on Person instead of Company {n|is|are} skipped: {fields}"},
		ExportSkipUnconfirmed: {"{n} {n|felt|felter} der ikke er bekræftet i Feltopsætning springes over: {fields}",
			"{n} {n|field|fields} not confirmed in Field setup {n|is|are} skipped: {fields}"},
		ExportInterrupted: {"synkroniseringen blev afbrudt; firma {id} blev oprettet og knyttet til leadet – synkronisér igen for at fuldføre",
			"the sync was interrupted; company {id} was created and linked to the lead – sync again to finish"},
		ExportCompanyGone: {"firmaet findes ikke længere i SuperOffice", "the company no longer exists in SuperOffice"},
		ExportCompany:     {"firma {id}", "company {id}"},
		ExportExists: {`der findes allerede et firma med samme CVR i SuperOffice: {name} (id {id}); vælg den med "Sync til valgte"`,
			`a company with the same CVR is already in SuperOffice: {name} (id {id}); choose it with "Sync to selected"`},
		ExportChoose:     {"vælg et firma, eller opret et nyt", "choose a company or create a new one"},
		ExportSyncFailed: {`synkronisering af "{name}"`, `sync "{name}"`},
		ExportTooLate: {"SuperOffice svarede for sent til at vide, om firmaet blev oprettet; næste forsøg slår det op først",
			"SuperOffice answered too late to know whether the company was created; the next attempt looks it up first"},
		ExportCreateCompany:  {"opret firmaet i SuperOffice", "create the company in SuperOffice"},
		ExportReadCompany:    {"læs firma {id} i SuperOffice", "read company {id} from SuperOffice"},
		ExportUpdateCompany:  {"opdater firma {id} i SuperOffice", "update company {id} in SuperOffice"},
		ExportReadFields:     {"læs SuperOffices egne felter", "read the tenant's custom fields"},
		ExportReadCountries:  {"læs SuperOffices landeliste", "read the tenant's country list"},
		ExportLookForCreated: {"led efter et firma oprettet tidligere", "look for a company created earlier"},
		ExportReadIntent:     {"læs den påbegyndte oprettelse af lead {id}", "read create intent of lead {id}"},
		ExportSearch:         {"søg i SuperOffice", "search SuperOffice"},
		ExportDuplicates:     {"spørg SuperOffice om dubletter", "ask SuperOffice for duplicates"},
		ExportSearchOrgNr:    {"søg i SuperOffice efter org.nr.", "search SuperOffice by org number"},
		ExportReadPersons:    {"læs firmaets personer", "read the company's persons"},
		ExportReadPerson:     {"læs person {id}", "read person {id}"},
		ExportCreatePerson:   {"opret person {name}", "create person {name}"},
		ExportUpdatePerson:   {"opdater person {name}", "update person {name}"},
	})
}
