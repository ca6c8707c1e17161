package msg

// Mapping warnings: what core/mapping changed, dropped or assumed while it
// turned a lead into SuperOffice bodies. The field the warning concerns is
// said apart (mapping.Warning.Field), so the texts start with the verb.
const (
	MapNameMissing        = "mapping.name-missing"
	MapOrgNrInvalid       = "mapping.orgnr-invalid"      // {value}
	MapURLInvalid         = "mapping.url-invalid"        // {value}
	MapURLShortened       = "mapping.url-shortened"      // {from} {to}
	MapAddressTooLong     = "mapping.address-too-long"   // {len} {max}: a web or e-mail address, never cut
	MapAddressUnsplit     = "mapping.address-unsplit"    //
	MapCountryDefault     = "mapping.country-default"    //
	MapCountryUnknown     = "mapping.country-unknown"    // {value}
	MapCountryNoID        = "mapping.country-no-id"      // {iso}
	MapCountryNotInTenant = "mapping.country-not-tenant" // {countryDA} {countryEN}: the Danish name, the ISO code
	MapCountryNone        = "mapping.country-none"       //
	MapKeyTaken           = "mapping.key-taken"          // {key} {other}
	MapNotANumber         = "mapping.not-a-number"       // {value}
	MapTextNotANumber     = "mapping.text-not-a-number"  // {value}
	MapNotFinite          = "mapping.not-finite"         //
	MapOutOfRange         = "mapping.out-of-range"       // {value} {min} {max}
	MapRounded            = "mapping.rounded"            // {from} {to}
	MapDateUnreadable     = "mapping.date-unreadable"    // {value}
	MapDateFormat         = "mapping.date-format"        // {value}
	MapTruncated          = "mapping.truncated"          // {from} {to}
	MapNoLead             = "mapping.no-lead"            //
	MapNameFromEmail      = "mapping.name-from-email"    // {name}
	MapPersonUnknowable   = "mapping.person-unknowable"  //
	MapPersonSameEmail    = "mapping.person-same-email"  // {index}
	MapPersonSameName     = "mapping.person-same-name"   // {index}
	MapEmailInvalid       = "mapping.email-invalid"      // {value}
	MapPhoneUnreadable    = "mapping.phone-unreadable"   // {value}
	MapPhoneTooLong       = "mapping.phone-too-long"     // {len} {max}
	MapPreviewLimits      = "mapping.documented-limits"  //
)

func init() {
	register(map[string][2]string{
		MapNameMissing:        {"mangler: SuperOffice kræver et firmanavn", "missing: SuperOffice requires a company name"},
		MapOrgNrInvalid:       {"{value} er ikke et gyldigt CVR-nummer; det skrives som angivet", "{value} is not a valid CVR number; it is written as given"},
		MapURLInvalid:         {"sendes ikke: {value} ligner ikke en webadresse", "not sent: {value} does not look like a web address"},
		MapURLShortened:       {"afkortet fra {from} til {to} tegn (parametre efter ? fjernet)", "cut from {from} to {to} characters (parameters after ? removed)"},
		MapAddressTooLong:     {"sendes ikke: adressen er {len} tegn, grænsen er {max}", "not sent: the address is {len} characters, the limit is {max}"},
		MapAddressUnsplit:     {"indeholder hele adressen: den kunne ikke deles i gade, postnummer og by", "holds the whole address: it could not be split into street, postcode and city"},
		MapCountryDefault:     {"sat til Danmark (standard): lokation mangler", "set to Denmark (the default): no location"},
		MapCountryUnknown:     {"sat til Danmark: lokationen {value} genkendes ikke som et land", "set to Denmark: the location {value} is not a country we know"},
		MapCountryNoID:        {"sat til Danmark: {iso} har intet kendt land-id uden SuperOffice-landelisten", "set to Denmark: {iso} has no known country id without SuperOffice's country list"},
		MapCountryNotInTenant: {"sat til Danmark: {countryDA} findes ikke i SuperOffice-landelisten", "set to Denmark: the country {countryEN} is not in SuperOffice's country list"},
		MapCountryNone:        {"sendes ikke: Danmark findes ikke i SuperOffice-landelisten; SuperOffices standardland bruges", "not sent: Denmark is not in SuperOffice's country list; SuperOffice's default country is used"},
		MapKeyTaken:           {"sendes ikke: SuperOffice-nøglen {key} bruges allerede af {other}", "not sent: the SuperOffice key {key} is already used by {other}"},
		MapNotANumber:         {"sendes ikke: {value} er ikke et tal", "not sent: {value} is not a number"},
		MapTextNotANumber:     {"sendes ikke: feltet er et talfelt i SuperOffice, og {value} er ikke et tal", "not sent: the field is a number field in SuperOffice, and {value} is not a number"},
		MapNotFinite:          {"sendes ikke: værdien er ikke et endeligt tal", "not sent: the value is not a finite number"},
		MapOutOfRange:         {"sendes ikke: {value} ligger uden for et Number-felts grænser ({min} til {max}); gør feltet til Decimal i SuperOffice", "not sent: {value} is outside a Number field's range ({min} to {max}); make the field a Decimal in SuperOffice"},
		MapRounded:            {"afrundet fra {from} til {to} (feltet er et heltalsfelt; gør det til Decimal for at beholde decimalerne)", "rounded from {from} to {to} (the field holds whole numbers; make it a Decimal to keep the decimals)"},
		MapDateUnreadable:     {"sendes ikke: {value} kunne ikke læses som en dato", "not sent: {value} could not be read as a date"},
		MapDateFormat:         {"sendes ikke: {value} er ikke en dato på formen ÅÅÅÅ-MM-DD", "not sent: {value} is not a date of the form YYYY-MM-DD"},
		MapTruncated:          {"afkortet fra {from} til {to} tegn", "cut from {from} to {to} characters"},
		MapNoLead:             {"Intet lead at overføre", "No lead to send"},
		MapNameFromEmail:      {"har intet navn; navnet {name} er afledt af e-mailadressen", "has no name; the name {name} is taken from the e-mail address"},
		MapPersonUnknowable:   {"sendes ikke: kontakten har hverken navn eller gyldig e-mailadresse", "not sent: the contact has neither a name nor a valid e-mail address"},
		MapPersonSameEmail:    {"er en gentagelse af Persons[{index}] (samme e-mail) og er slået sammen med den", "repeats Persons[{index}] (the same e-mail) and is merged with it"},
		MapPersonSameName:     {"er en gentagelse af Persons[{index}] (samme navn) og er slået sammen med den", "repeats Persons[{index}] (the same name) and is merged with it"},
		MapEmailInvalid:       {"sendes ikke: {value} er ikke en gyldig e-mailadresse", "not sent: {value} is not a valid e-mail address"},
		MapPhoneUnreadable:    {"sendes ikke: {value} kan ikke læses som et kontor- eller mobilnummer", "not sent: {value} cannot be read as an office or mobile number"},
		MapPhoneTooLong:       {"sendes ikke: nummeret er {len} tegn, grænsen er {max}", "not sent: the number is {len} characters, the limit is {max}"},
		MapPreviewLimits: {"Længderne er SuperOffices dokumenterede standard (tekstfelt 39, stort tekstfelt 199 tegn); din SuperOffice kan være sat op anderledes. Forbind for at se dens egne grænser.",
			"The lengths are SuperOffice's documented defaults (text field 39, long text field 199 characters); your SuperOffice may be set up differently. Connect to see its own limits."},
	})
}
