package msg

// Reading the linked companies back from SuperOffice ("Opdater fra
// SuperOffice", issue 18 part 2): what a lead's card and `refresh` say
// about its company, and why a batch leaves a lead whose company is gone.
const (
	RefreshGone         = "refresh.gone"          // the company is deleted or merged away
	RefreshGoneReview   = "refresh.gone-review"   // {id}: a batch left the lead for a new match
	RefreshSame         = "refresh.same"          // nothing changed there
	RefreshNow          = "refresh.now"           // {field} {value}: one value a user changed in SuperOffice
	RefreshOwnerChanged = "refresh.owner-changed" // the owner is another associate now, names unknown
	RefreshOwnerNow     = "refresh.owner-now"     // {from} {to}: the owner after our sync and now, by name
	RefreshFieldName    = "refresh.field-name"    //
	RefreshFieldOrgNr   = "refresh.field-orgnr"   //
	RefreshFieldWebsite = "refresh.field-website" //
	RefreshFieldOwner   = "refresh.field-owner"   //
	RefreshEmpty        = "refresh.empty"         // a value a user cleared
	RefreshRead         = "refresh.read"          // the step that failed
	RefreshStopped      = "refresh.stopped"       // {checked} {total}: a fault mid-way

	CLIHelpRefresh    = "cli.help-refresh"
	CLIArgsRefresh    = "cli.args-refresh"
	CLIRefreshWhich   = "cli.refresh-which"
	CLIRefreshNone    = "cli.refresh-none"
	CLIRefreshSummary = "cli.refresh-summary" // {n} {same} {changed} {gone}
	CLIRefreshHeader  = "cli.refresh-header"  // column names, tab-separated
	CLIFlagRefreshAll = "cli.flag-refresh-all"
	RefreshChanged    = "refresh.changed" // the state of a lead with changes
)

func init() {
	register(map[string][2]string{
		RefreshGone: {"Findes ikke længere i SuperOffice", "No longer exists in SuperOffice"},
		RefreshGoneReview: {"firma {id} findes ikke længere i SuperOffice (slettet eller flettet); find firmaet igen med Eksportér til SuperOffice",
			"company {id} no longer exists in SuperOffice (deleted or merged); find the company again with Export to SuperOffice"},
		RefreshSame:         {"Som i SuperOffice", "Same as in SuperOffice"},
		RefreshNow:          {"I SuperOffice nu: {field}: {value}", "In SuperOffice now: {field}: {value}"},
		RefreshOwnerChanged: {"I SuperOffice nu: en anden Vores kontakt (ejer)", "In SuperOffice now: another Our contact (owner)"},
		RefreshOwnerNow:     {"I SuperOffice nu: Vores kontakt: {from} → {to}", "In SuperOffice now: Our contact: {from} → {to}"},
		RefreshFieldName:    {"Firmanavn", "Company name"},
		RefreshFieldOrgNr:   {"CVR-nr. (OrgNr)", "CVR no. (OrgNr)"},
		RefreshFieldWebsite: {"Hjemmeside", "Website"},
		RefreshFieldOwner:   {"Vores kontakt", "Our contact"},
		RefreshEmpty:        {"(tom)", "(empty)"},
		RefreshRead:         {"læs firmaerne tilbage fra SuperOffice", "read the companies back from SuperOffice"},
		RefreshStopped: {"stoppede efter {checked} af {total} leads; de øvrige er ikke kontrolleret",
			"stopped after {checked} of {total} leads; the others were not checked"},
		CLIHelpRefresh: {"læs de synkroniserede leads' firmaer tilbage fra SuperOffice: uændret, ændret eller findes ikke længere; intet skrives i SuperOffice",
			"read the synced leads' companies back from SuperOffice: same, changed or gone; nothing is written to SuperOffice"},
		CLIArgsRefresh:    {"[--db STI] (LEAD | --all) [--json]", "[--db PATH] (LEAD | --all) [--json]"},
		CLIRefreshWhich:   {"refresh: angiv ét LEAD eller --all", "refresh: name one LEAD or --all"},
		CLIRefreshNone:    {"ingen synkroniserede leads at kontrollere", "no synced leads to check"},
		CLIRefreshSummary: {"{n} {n|lead|leads} kontrolleret: {same} uændrede, {changed} ændret, {gone} findes ikke længere", "{n} {n|lead|leads} checked: {same} same, {changed} changed, {gone} gone"},
		CLIFlagRefreshAll: {"kontrollér alle synkroniserede leads", "check every synced lead"},
		RefreshChanged:    {"Ændret i SuperOffice", "Changed in SuperOffice"},
		CLIRefreshHeader:  {"LOKALT ID\tLEAD\tFIRMA\tTILSTAND\tÆNDRINGER", "LOCAL ID\tLEAD\tCOMPANY\tSTATE\tCHANGES"},
	})
}
