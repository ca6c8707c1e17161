package msg

// Export messages: what the sync engine (app/export) tells about a write.
const (
	ExportFieldUnconfirmed = "export.field-unconfirmed" // {key}: the tenant field found by label
)

func init() {
	register(map[string][2]string{
		ExportFieldUnconfirmed: {`springes over: feltet {key} i SuperOffice er ikke bekræftet; vælg "Brug dette felt" i Feltopsætning`,
			`skipped: the field {key} in SuperOffice is not confirmed; choose "Use this field" in Field setup`},
	})
}
