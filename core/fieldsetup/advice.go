package fieldsetup

import (
	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/msg"
)

// Advice is what the admin does about a field that is not ready, as a
// catalogue message (core/msg/fieldsetup.go) in the guide's chapter 3
// words, so the checklist and the CLI say the same thing in the user's
// language. Its Code is empty for a present field and for a suggested
// one: the checklist's "Brug dette felt" button and the CLI's --confirm
// line say what to do there.
func (r Result) Advice() msg.Message {
	f := r.Field
	create := []any{"nameDA", f.LabelDA, "nameEN", f.LabelEN, "type", f.Type.GuideName(), "progId", f.ProgID}
	switch r.Status {
	case Missing:
		return msg.New(msg.FieldAdviceCreate, create...)
	case OnPerson:
		return msg.New(msg.FieldAdviceOnPerson, append(create, "key", r.TenantKey)...)
	case WrongType:
		code := msg.FieldAdviceWrongType
		if normKey(r.TenantKey) == normKey(f.ProgID) {
			// The old field holds our Prog ID: a new one cannot have it
			// until the old one lets go of it.
			code = msg.FieldAdviceWrongTypeProg
		}
		return msg.New(code, append(create, "key", r.TenantKey, "tenantType", TenantTypeName(r.TenantType))...)
	}
	return msg.Message{}
}

// TenantTypeName is a tenant field's type as the guide names the types
// ("Number", "Text", "Text (Long)"); other types (Date, Checkbox, List…)
// keep SuperOffice's own name, which the admin sees in the field editor.
func TenantTypeName(tenantType string) string {
	switch kindOf(tenantType) {
	case kindNumber:
		return fields.Number.GuideName()
	case kindDecimal:
		return fields.Decimal.GuideName()
	case kindShortText:
		return fields.Text.GuideName()
	case kindLongText:
		return fields.LongText.GuideName()
	}
	if tenantType == "" {
		return "?"
	}
	return tenantType
}
