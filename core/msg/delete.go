package msg

// Deleting leads from this computer (issue 19: a contact may ask to be
// forgotten): `delete` and what it prints. SuperOffice is never touched,
// and every text says so.
const (
	CLIHelpDelete    = "cli.help-delete"
	CLIArgsDelete    = "cli.args-delete"
	CLIDeleteNoLead  = "cli.delete-no-lead"
	CLIDeleteUnknown = "cli.delete-unknown" // {refs}: quoted, comma-separated
	CLIDeleted       = "cli.deleted"        // {name} {id} {localId}
	CLIDeletedCount  = "cli.deleted-count"  // {n}
)

func init() {
	register(map[string][2]string{
		CLIHelpDelete: {"slet leads med kontaktpersoner og persondata fra denne computer; intet ændres i SuperOffice",
			"delete leads with their contact persons and personal data from this computer; nothing changes in SuperOffice"},
		CLIArgsDelete:    {"[--db STI] [--json] LEAD...", "[--db PATH] [--json] LEAD..."},
		CLIDeleteNoLead:  {"delete: angiv mindst ét LEAD (RabitIQ-id eller lokalt id)", "delete: name at least one LEAD (RabitIQ id or local id)"},
		CLIDeleteUnknown: {"ukendte leads: {refs}; intet er slettet", "unknown leads: {refs}; nothing was deleted"},
		CLIDeleted:       {"slettet: {name} (lead {id}, lokalt id {localId})", "deleted: {name} (lead {id}, local id {localId})"},
		CLIDeletedCount: {"{n} leads slettet fra denne computer; SuperOffice er uændret",
			"{n} leads deleted from this computer; SuperOffice is unchanged"},
	})
}
