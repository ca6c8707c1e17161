package msg

// Lead import messages: why core/lead rejected a lead, refused a file or
// warned about a value. The English rows keep the words the importer has
// always printed, so scripts and goldens written against them still hold.
// Arguments named kind, got, want and context are themselves messages
// (LeadKind…, LeadIn…): a JSON type or a place in the JSON, said in the
// same language as the sentence around them.
const (
	// Where a rejection or warning is, and the file error frame.
	LeadAt     = "lead.at"      // {file} {lead} {line} {text}: lead is 1-based
	LeadAtPath = "lead.at-path" // {file} {lead} {line} {path} {text}
	LeadFileAt = "lead.file-at" // {file} {line} {column} {text}

	// Rejections of one lead.
	LeadMissing    = "lead.missing"         // the lead has no company name
	LeadWantKind   = "lead.want-kind"       // {want} {got}
	LeadNotObject  = "lead.not-object"      // {got}: an array element that is not a lead
	LeadTooBig     = "lead.too-big"         // {size} {max}: MiB
	LeadLineBroken = "lead.line-broken"     // {column} {detail}: a JSON Lines line
	LeadFileTooBig = "lead.file-too-big"    // {size} {max}: MiB
	LeadFileEmpty  = "lead.file-empty"      //
	LeadNotJSON    = "lead.not-json"        // {detail}
	LeadTooDeep    = "lead.too-deep"        // {max}
	LeadTopLevel   = "lead.top-level"       // {got}
	LeadNotArray   = "lead.leads-not-array" // {key} {got}
	LeadNotRegular = "lead.not-regular"     // {kind}: LeadFolder, LeadPipe, …
	LeadNotFound   = "lead.file-not-found"
	LeadNoAccess   = "lead.file-no-access"
	LeadUnreadable = "lead.file-unreadable" // {cause}: the system's words
	LeadMiB        = "lead.mib"             // {whole} {tenth} {bytes}: a size in MiB to one decimal, the {size} of LeadTooBig and LeadFileTooBig

	// Warnings about a value that was kept, fixed or dropped.
	LeadBadUTF8          = "lead.invalid-utf8"
	LeadNumberUnreadable = "lead.number-unreadable"  // {value}
	LeadOutside          = "lead.outside-bounds"     // {value} {min} {max}
	LeadCVRInvalid       = "lead.cvr-invalid"        // {value}
	LeadDateUnreadable   = "lead.date-unreadable"    // {value}
	LeadContactNotObject = "lead.contact-not-object" // {got}
	LeadContactNameless  = "lead.contact-nameless"
	LeadContactNotString = "lead.contact-not-string" // {got}

	// What is wrong in the JSON ({detail} of LeadNotJSON and LeadLineBroken).
	LeadEndLine    = "lead.json-end-of-line"  // {context}
	LeadEndInput   = "lead.json-end-of-input" // {context}
	LeadEndFile    = "lead.json-end-of-file"
	LeadByte       = "lead.json-byte"        // {byte} {context}: 0x1f
	LeadChar       = "lead.json-char"        // {char} {context}
	LeadControl    = "lead.json-control"     // {byte}
	LeadEscape     = "lead.json-escape"      // {char}
	LeadUEscape    = "lead.json-u-escape"    //
	LeadDeep       = "lead.json-deep"        // {max}
	LeadAfterValue = "lead.json-after-value" //
	LeadAfterLead  = "lead.json-after-lead"  //

	// The importer (app/importer) about a whole file.
	ImportCancelled = "import.cancelled" // the user stopped it; nothing of the file is stored
	ImportFailed    = "import.failed"    // {cause}: the store's words

	// Places in the JSON ({context}).
	LeadInLead       = "lead.in-lead"
	LeadInString     = "lead.in-string"
	LeadInLiteral    = "lead.in-literal"
	LeadInArray      = "lead.in-array"
	LeadInNumber     = "lead.in-number"
	LeadInFraction   = "lead.in-fraction"
	LeadInExponent   = "lead.in-exponent"
	LeadInKey        = "lead.in-key"
	LeadInColon      = "lead.in-colon"
	LeadInValue      = "lead.in-value"
	LeadAfterMember  = "lead.after-member"
	LeadAfterElement = "lead.after-element"
	LeadAfterItem    = "lead.after-item" // after an array element, without the wanted bytes

	// JSON types ({want}, {got}) and kinds of special file ({kind}).
	LeadKindObject  = "lead.kind-object"
	LeadKindArray   = "lead.kind-array"
	LeadKindString  = "lead.kind-string"
	LeadKindBoolean = "lead.kind-boolean"
	LeadKindNull    = "lead.kind-null"
	LeadKindNumber  = "lead.kind-number"
	LeadFolder      = "lead.kind-folder"
	LeadPipe        = "lead.kind-pipe"
	LeadSocket      = "lead.kind-socket"
	LeadDevice      = "lead.kind-device"
	LeadSpecial     = "lead.kind-special"
)

func init() {
	register(map[string][2]string{
		LeadAt:     {"{file}: lead {lead} (linje {line}): {text}", "{file}: lead {lead} (line {line}): {text}"},
		LeadAtPath: {"{file}: lead {lead} (linje {line}): {path}: {text}", "{file}: lead {lead} (line {line}): {path}: {text}"},
		LeadFileAt: {"{file}: linje {line}, kolonne {column}: {text}", "{file}: line {line}, column {column}: {text}"},

		LeadMissing:    {"mangler eller er tom; et lead skal have et firmanavn", "missing or blank; a lead needs a company name"},
		LeadWantKind:   {"forventede {want}, fik {got}", "want {want}, got {got}"},
		LeadNotObject:  {"forventede et lead-objekt, fik {got}", "want a lead object, got {got}"},
		LeadTooBig:     {"leadet fylder {size} MiB; leads over {max} MiB importeres ikke", "lead is {size} MiB; leads larger than {max} MiB are not imported"},
		LeadLineBroken: {"linjen er ikke gyldig JSON: kolonne {column}: {detail}", "line is not well-formed JSON: column {column}: {detail}"},
		LeadFileTooBig: {"filen fylder {size} MiB; leadfiler over {max} MiB afvises", "file is {size} MiB; lead files larger than {max} MiB are refused"},
		LeadFileEmpty:  {"filen er tom: ingen leads", "file is empty: no leads"},
		LeadNotJSON:    {"ikke gyldig JSON: {detail}", "not well-formed JSON: {detail}"},
		LeadTooDeep:    {"JSON er indlejret mere end {max} niveauer; filen afvises", "JSON nested deeper than {max} levels; file refused"},
		LeadTopLevel: {`øverste niveau er {got}; forventede et lead-objekt, en liste af leads eller {"leads": [...]}`,
			`top level is a {got}; want a lead object, an array of leads or {"leads": [...]}`},
		LeadNotArray:   {`"{key}" skal være en liste af leads, fik {got}`, `"{key}" must be an array of leads, got {got}`},
		LeadNotRegular: {"ikke en almindelig fil, men {kind}; kun almindelige leadfiler læses", "not a regular file but a {kind}; only ordinary lead files are read"},
		LeadNotFound:   {"kan ikke åbne leadfilen: filen findes ikke", "open lead file: no such file or directory"},
		LeadNoAccess:   {"kan ikke åbne leadfilen: ingen adgang", "open lead file: permission denied"},
		LeadUnreadable: {"kan ikke læse leadfilen: {cause}", "read lead file: {cause}"},
		LeadMiB:        {"{whole},{tenth}", "{whole}.{tenth}"},

		LeadBadUTF8:          {"ugyldig UTF-8 erstattet af U+FFFD", "invalid UTF-8 replaced by U+FFFD"},
		LeadNumberUnreadable: {`"{value}" kan ikke læses som et tal; gemt som tekst, feltet er tomt`, `cannot read "{value}" as a number; kept as text, field left empty`},
		LeadOutside:          {"{value} ligger uden for {min}–{max}; beholdt som det er", "{value} is outside {min}–{max}; kept as is"},
		LeadCVRInvalid: {`"{value}" er ikke et gyldigt CVR-nummer (8 cifre, modulus 11); beholdt, men bruges ikke til matchning`,
			`"{value}" is not a valid CVR number (8 digits, modulus 11); kept but not used for matching`},
		LeadDateUnreadable: {`"{value}" kan ikke læses som en dato (ÅÅÅÅ-MM-DD, DD-MM-ÅÅÅÅ eller RFC 3339); gemt som tekst`,
			`cannot read "{value}" as a date (want YYYY-MM-DD, DD-MM-YYYY or RFC 3339); kept as text`},
		LeadContactNotObject: {"forventede objekt, fik {got}; kontakten udeladt", "want object, got {got}; contact dropped"},
		LeadContactNameless:  {"kontakten har hverken navn eller e-mail; udeladt", "contact has neither name nor e-mail; dropped"},
		LeadContactNotString: {"forventede tekst, fik {got}; ignoreret", "want string, got {got}; ignored"},

		LeadEndLine:    {"uventet linjeslut {context}", "unexpected end of line {context}"},
		LeadEndInput:   {"uventet slut på filen {context} (er filen afkortet?)", "unexpected end of input {context} (file truncated?)"},
		LeadEndFile:    {"uventet slut på filen (er filen afkortet?)", "unexpected end of input (file truncated?)"},
		LeadByte:       {"uventet byte {byte} {context}", "unexpected byte {byte} {context}"},
		LeadChar:       {"uventet '{char}' {context}", "unexpected '{char}' {context}"},
		LeadControl:    {"kontroltegn {byte} i tekst", "control character {byte} in string"},
		LeadEscape:     {`ugyldig escape '\{char}' i tekst`, `invalid escape '\{char}' in string`},
		LeadUEscape:    {`ugyldig \u-escape i tekst`, `invalid \u escape in string`},
		LeadDeep:       {"indlejret mere end {max} niveauer", "nested deeper than {max} levels"},
		LeadAfterValue: {"uventede data efter værdien på øverste niveau", "unexpected data after the top-level value"},
		LeadAfterLead:  {"uventede data efter leadet", "unexpected data after the lead"},

		ImportCancelled: {"annulleret", "cancelled"},
		ImportFailed:    {"leads kunne ikke gemmes: {cause}", "the leads could not be stored: {cause}"},

		LeadInLead:       {"i lead", "in lead"},
		LeadInString:     {"i tekst", "in string"},
		LeadInLiteral:    {"i literal", "in literal"},
		LeadInArray:      {"i liste", "in array"},
		LeadInNumber:     {"i tal", "in number"},
		LeadInFraction:   {"efter decimaltegn", "after decimal point"},
		LeadInExponent:   {"i eksponent", "in exponent"},
		LeadInKey:        {"hvor en objektnøgle var ventet", "where an object key was expected"},
		LeadInColon:      {"efter objektnøgle (ventede ':')", "after object key (want ':')"},
		LeadInValue:      {"hvor en værdi var ventet", "where a value was expected"},
		LeadAfterMember:  {"efter objektmedlem (ventede ',' eller '}')", "after object member (want ',' or '}')"},
		LeadAfterElement: {"efter listeelement (ventede ',' eller ']')", "after array element (want ',' or ']')"},
		LeadAfterItem:    {"efter listeelement", "after array element"},

		LeadKindObject:  {"objekt", "object"},
		LeadKindArray:   {"liste", "array"},
		LeadKindString:  {"tekst", "string"},
		LeadKindBoolean: {"sandhedsværdi", "boolean"},
		LeadKindNull:    {"null", "null"},
		LeadKindNumber:  {"tal", "number"},
		LeadFolder:      {"en mappe", "folder"},
		LeadPipe:        {"en navngivet pipe (FIFO)", "named pipe (FIFO)"},
		LeadSocket:      {"en socket", "socket"},
		LeadDevice:      {"en enhed", "device"},
		LeadSpecial:     {"en speciel fil", "special file"},
	})
}
