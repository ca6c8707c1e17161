package msg

// Preview notes: how the export preview explains a value that is not
// written as the lead has it.
const (
	PreviewCut = "preview.cut" // {from} {to}: the lead's length and what is stored
)

func init() {
	register(map[string][2]string{
		PreviewCut: {"{from} tegn, {to} gemmes", "{from} characters, {to} stored"},
	})
}
