package msg

// New-company messages: the category, business and follow-up task type a
// tenant's lists give a created company or a follow-up (app/export), and
// the `settings` command that chooses them.
const (
	NewCompanyReadLists     = "newcompany.read-lists"     //
	NewCompanyCategoryGone  = "newcompany.category-gone"  // {id}: the stored item is deleted in the tenant
	NewCompanyBusinessGone  = "newcompany.business-gone"  // {id}
	NewCompanyTaskGone      = "newcompany.task-gone"      // {id}
	NewCompanyUnknownItem   = "newcompany.unknown-item"   // {value}
	NewCompanyCategory      = "newcompany.category"       // label
	NewCompanyBusiness      = "newcompany.business"       // label
	NewCompanyTask          = "newcompany.task"           // label
	NewCompanyChosenItem    = "newcompany.chosen-item"    // {name} {id}
	NewCompanyDefaultItem   = "newcompany.default-item"   // {name} {id}
	NewCompanyNoItem        = "newcompany.no-item"        //
	NewCompanyBusinessRule  = "newcompany.business-rule"  //
	CLIHelpSettings         = "cli.help-settings"         //
	CLIArgsSettings         = "cli.args-settings"         //
	CLIFlagCategory         = "cli.flag-category"         //
	CLIFlagBusiness         = "cli.flag-business"         //
	CLIFlagFollowUpTask     = "cli.flag-follow-up-task"   //
	NewCompanyStoredChoices = "newcompany.stored-choices" //
)

func init() {
	register(map[string][2]string{
		NewCompanyReadLists: {"læs SuperOffices lister (kategori, branche, opgavetype)",
			"read the tenant's lists (category, business, task type)"},
		NewCompanyCategoryGone: {"kategorien for nye firmaer (id {id}) findes ikke længere i SuperOffice; SuperOffices standard bruges – vælg en ny i Integrationer",
			"the category for new companies (id {id}) no longer exists in SuperOffice; the tenant's default is used – choose another in Integrations"},
		NewCompanyBusinessGone: {"branchen for nye firmaer (id {id}) findes ikke længere i SuperOffice; SuperOffices standard bruges – vælg en ny i Integrationer",
			"the business for new companies (id {id}) no longer exists in SuperOffice; the tenant's default is used – choose another in Integrations"},
		NewCompanyTaskGone: {"opgavetypen for opfølgning (id {id}) findes ikke længere i SuperOffice; listens standard bruges – vælg en ny i Integrationer",
			"the task type for follow-ups (id {id}) no longer exists in SuperOffice; the list's default is used – choose another in Integrations"},
		NewCompanyUnknownItem: {"{value} findes ikke i SuperOffices liste (eller er slettet)",
			"{value} is not in the tenant's list (or is deleted)"},
		NewCompanyCategory:    {"Kategori for nye firmaer", "Category for new companies"},
		NewCompanyBusiness:    {"Branche for nye firmaer", "Business for new companies"},
		NewCompanyTask:        {"Opgavetype for opfølgning", "Task type for follow-ups"},
		NewCompanyChosenItem:  {"{name} (id {id})", "{name} (id {id})"},
		NewCompanyDefaultItem: {"{name} (id {id}, SuperOffices standard)", "{name} (id {id}, the tenant's default)"},
		NewCompanyNoItem:      {"ingen (SuperOffice bestemmer)", "none (SuperOffice decides)"},
		NewCompanyBusinessRule: {"et leads branche bruges, når den hedder det samme som et punkt i listen",
			"a lead's industry is used when it has the same name as an item of the list"},
		NewCompanyStoredChoices: {"gem kategori, branche og opgavetype", "store category, business and task type"},
		CLIHelpSettings: {"vis eller vælg kategori og branche for nye firmaer og opgavetype for opfølgning",
			"show or choose the category and business for new companies and the task type for follow-ups"},
		CLIArgsSettings: {"[--db STI] [--category ID|NAVN] [--business ID|NAVN] [--follow-up-task ID|NAVN] [--json]",
			"[--db PATH] [--category ID|NAME] [--business ID|NAME] [--follow-up-task ID|NAME] [--json]"},
		CLIFlagCategory:     {"kategori for nye firmaer: id eller navn (tom: SuperOffices standard)", "category for new companies: id or name (empty: the tenant's default)"},
		CLIFlagBusiness:     {"branche for nye firmaer: id eller navn (tom: SuperOffices standard)", "business for new companies: id or name (empty: the tenant's default)"},
		CLIFlagFollowUpTask: {"opgavetype for opfølgning: id eller navn (tom: listens standard)", "task type for follow-ups: id or name (empty: the list's default)"},
	})
}
