package mapping

import (
	"github.com/rabitiq/superoffice-sync/core/msg"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// TenantInfo is what the mapping needs to know about the user's tenant. The
// sync engine reads it from the tenant (custom field list, FieldProperties,
// country list); the zero value stands for "nothing known" and maps with the
// guide's Prog IDs, the table's types and the documented limits.
type TenantInfo struct {
	// FieldKeys maps a field number (1..37) to the tenant's CustomFields
	// key. A nil map means "use the Prog IDs RabitIQ:1 … RabitIQ:37". In a
	// non-nil map a missing or blank entry means the tenant lacks the field:
	// its value is not sent and its Prog ID is listed in Plan.Skipped.
	FieldKeys map[int]string
	// FieldTypes is the tenant's actual type of a field where known; it
	// decides [I:] against [F:] and whether a value is text. Missing or
	// unknown types fall back to the table's type.
	FieldTypes map[int]fields.Type
	// FieldLengths is a custom text field's TextLength; it always wins over
	// the documented 39 (Text) and 199 (Long text) of maxCustomText and
	// maxCustomLongText.
	FieldLengths map[int]int
	// Lengths are the standard fields' limits by name: Name, Department,
	// OrgNr, Address1, Address2, Address3, City, Zipcode, State, Url, Email,
	// Phone, Description, Firstname, MiddleName, Lastname, Title. Names
	// match without regard to case; a missing or non-positive limit falls
	// back to the documented one.
	Lengths map[string]int
	// Countries is the tenant's country list (GET v1/List/Country/Items),
	// matched by TwoLetterISOCountry; the first entry of a code wins. Empty
	// means "not known": the ISO 3166 numeric code is used as CountryId,
	// as the documented ids (NO 578, DE 276, GB 826) are; the tenant's list
	// is the safer source, since admins can edit it.
	Countries []superoffice.Country
}

// Warning is one thing the mapping changed, dropped or assumed. Field names
// what it concerns: a ContactEntity property ("Name", "OrgNr",
// "Urls[0].Value", "Country", and "Address.City" etc. for Street and Postal
// alike), a Prog ID for a custom field ("RabitIQ:12"), or "Persons[i]" and
// "Persons[i].<property>", where i is the index of the contact in
// lead.Contacts (PersonPlan.Index), not in Plan.Persons. Msg says what
// happened, as a code the window and the CLI render in the user's language.
type Warning struct {
	Field string
	Msg   msg.Message
}

// Text renders the warning as one line in l, e.g. "Name afkortet fra 250
// til 219 tegn". A custom field is shown with its label, because users
// know the fields by label, not by Prog ID.
func (w Warning) Text(l msg.Lang) string {
	field := w.Field
	if f, ok := fields.ByProgID(field); ok {
		label := f.LabelDA
		if l == msg.English {
			label = f.LabelEN
		}
		field += " (" + label + ")"
	}
	if field == "" {
		return w.Msg.Text(l)
	}
	return field + " " + w.Msg.Text(l)
}

// String renders the warning in the language msg.SetLanguage chose.
func (w Warning) String() string { return w.Text(msg.Language()) }

// Plan is everything one lead becomes in SuperOffice.
//
// Contact holds no CustomFields: they are kept apart in CustomFields, so
// the sync engine can PATCH them on their own for an existing company and
// the preview can list them in field order. ContactBody joins them for a
// create.
type Plan struct {
	Contact superoffice.ContactEntity
	// CustomFields maps the tenant key to the encoded value, only for the
	// fields that carry a value and that the tenant has.
	CustomFields map[string]string
	// Written lists the Prog IDs written to CustomFields, in field order;
	// WrittenKeys holds the tenant key of each, index for index.
	Written     []string
	WrittenKeys []string
	// Skipped lists the Prog IDs that had a value the tenant has no field
	// for (TenantInfo.FieldKeys is non-nil and lacks them), in field order.
	Skipped []string
	// Country is the ISO 3166 alpha-2 code of Contact.Country, or "" when
	// no country is sent; CountryName is its name for people: the tenant's
	// Name when the tenant's list gave the id, else the Danish name.
	Country     string
	CountryName string
	// Persons has one entry per lead contact with a name or a valid e-mail
	// address; a contact repeated with the same name and e-mail is merged
	// into its first appearance.
	Persons  []PersonPlan
	Warnings []Warning
	// DocumentedLimits says the plan was made without the tenant's own
	// text lengths (TenantInfo had neither FieldLengths nor Lengths), so
	// its cuts follow SuperOffice's documented sizes and the tenant may
	// cut differently.
	DocumentedLimits bool
}

// PersonPlan is one person to create or update under the company.
//
// Person.Contact is nil: the company's id is known only once the sync engine
// has found or created it, so the engine sets Contact to
// &superoffice.ContactRef{ContactId: id} before it sends the body. Leaving
// it nil (rather than ContactId 0) means a body sent by mistake without it
// fails loudly instead of creating a person without a company.
type PersonPlan struct {
	Person superoffice.PersonEntity
	// Email is the normalised e-mail address sent, "" if none or invalid.
	// The sync engine matches existing persons on it.
	Email string
	// FullName is the name as sent, "Firstname MiddleName Lastname".
	FullName string
	// Index is the position of the contact in lead.Contacts.
	Index int
}

// ContactBody returns the ContactEntity with CustomFields filled in, which
// is the body for creating a new company in one POST.
func (p Plan) ContactBody() superoffice.ContactEntity {
	c := p.Contact
	if len(p.CustomFields) > 0 {
		c.CustomFields = make(map[string]string, len(p.CustomFields))
		for k, v := range p.CustomFields {
			c.CustomFields[k] = v
		}
	}
	return c
}

// mapper carries one run of Map; it exists only so the steps can share the
// lead, the tenant, the limits and the warnings.
type mapper struct {
	l    *lead.Lead
	t    *TenantInfo
	lim  limits
	plan Plan
}

// warn records a warning: a message code and its arguments by name.
func (m *mapper) warn(field, code string, kv ...any) {
	m.plan.Warnings = append(m.plan.Warnings, Warning{Field: field, Msg: msg.New(code, kv...)})
}

// fit cuts s to max and reports a cut under the given field name.
func (m *mapper) fit(field, s string, max int) string {
	out, cut := Truncate(s, max)
	if cut {
		m.warn(field, msg.MapTruncated, "from", Length(s), "to", max)
	}
	return out
}

// Map turns one lead into the SuperOffice plan for the given tenant. The
// warnings are also in Plan.Warnings; they are returned so callers cannot
// overlook them. Map never fails: a value that cannot be sent is left out
// and reported.
func Map(l *lead.Lead, t TenantInfo) (Plan, []Warning) {
	m := &mapper{l: l, t: &t, lim: newLimits(&t)}
	m.plan.CustomFields = map[string]string{}
	m.plan.DocumentedLimits = len(t.FieldLengths) == 0 && len(t.Lengths) == 0
	if l == nil {
		m.warn("", msg.MapNoLead)
		return m.plan, m.plan.Warnings
	}
	m.contact()
	m.customFields()
	m.persons()
	return m.plan, m.plan.Warnings
}
