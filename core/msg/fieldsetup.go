package msg

// Field setup advice (core/fieldsetup): what the admin does about a field
// that is not ready, in the guide's chapter 3 words ("Tilføj", "Prog ID",
// "Publicér"). {type} is the guide's type name ("Number", "Text (Long)"),
// the same in both languages because SuperOffice's field editor says so;
// {nameDA}/{nameEN} is the field name the guide gives; {key} and
// {tenantType} are the tenant field that was found.
const (
	FieldAdviceCreate        = "fieldsetup.create"            // {nameDA|nameEN} {type} {progId}
	FieldAdviceWrongType     = "fieldsetup.wrong-type"        // {key} {tenantType} {nameDA|nameEN} {type} {progId}
	FieldAdviceWrongTypeProg = "fieldsetup.wrong-type-progid" // the same, the field holds our Prog ID
	FieldAdviceOnPerson      = "fieldsetup.on-person"         // {key} {nameDA|nameEN} {type} {progId}
)

func init() {
	register(map[string][2]string{
		FieldAdviceCreate: {
			`Opret feltet på Firma: Tilføj → navn "{nameDA}", type {type}, Prog ID {progId} → Publicér`,
			`Create the field on Company: Add → name "{nameEN}", type {type}, Prog ID {progId} → Publish`,
		},
		FieldAdviceWrongType: {
			`Forkert type: {key} er {tenantType}, vælg {type}. Opret feltet på Firma: Tilføj → navn "{nameDA}", type {type}, Prog ID {progId} → Publicér`,
			`Wrong type: {key} is {tenantType}, choose {type}. Create the field on Company: Add → name "{nameEN}", type {type}, Prog ID {progId} → Publish`,
		},
		FieldAdviceWrongTypeProg: {
			`Forkert type: feltet er {tenantType}, vælg {type}. Giv det gamle felt et andet Prog ID (eller slet det), og opret feltet på Firma: Tilføj → navn "{nameDA}", type {type}, Prog ID {progId} → Publicér`,
			`Wrong type: the field is {tenantType}, choose {type}. Give the old field another Prog ID (or delete it), then create the field on Company: Add → name "{nameEN}", type {type}, Prog ID {progId} → Publish`,
		},
		FieldAdviceOnPerson: {
			`Feltet er oprettet på Person ({key}) – opret det på Firma: Tilføj → navn "{nameDA}", type {type}, Prog ID {progId} → Publicér`,
			`The field was created on Person ({key}) – create it on Company: Add → name "{nameEN}", type {type}, Prog ID {progId} → Publish`,
		},
	})
}
