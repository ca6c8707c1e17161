package exportui

import (
	"image/color"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/export"
)

// Banner is the green confirmation after an export ("Grøn bekræftelse
// vises i RabitIQ", the guide's chapter 4): a card in the window, not a
// dialog, so the seller can go on to the next lead without clicking it
// away. The caller places Content() above the lead pane.
type Banner struct {
	win  fyne.Window
	box  *fyne.Container
	told bool // the skipped-fields note was shown once this session

	// CompanyURL is the company's page in the SuperOffice web client, or
	// nil when not known; OpenURL opens it in the browser.
	CompanyURL func(contactID int64) *url.URL
	OpenURL    func(*url.URL) error
	// OnFieldSetup opens Feltopsætning, where skipped fields are created.
	OnFieldSetup func()

	// Exposed for tests once a result is shown.
	Open, Details, FieldSetup *widget.Button
	// Last is the details dialog once "Detaljer" opened it.
	Last dialog.Dialog
}

// NewBanner makes an empty, hidden confirmation for win.
func NewBanner(win fyne.Window) *Banner {
	b := &Banner{win: win, box: container.NewVBox()}
	b.box.Hide()
	return b
}

// Content is the card's place in the window; empty until a sync succeeds.
func (b *Banner) Content() fyne.CanvasObject { return b.box }

// Hide removes the confirmation.
func (b *Banner) Hide() { b.box.RemoveAll(); b.box.Hide() }

// Show replaces the confirmation with r's: the company, one line of what
// was written and skipped, why fields were skipped only the first time this
// session (it is the same note every time), and the buttons.
func (b *Banner) Show(r *export.Result) {
	title := widget.NewLabelWithStyle("✓ "+lang.L("Synced: {{.Name}} (company {{.ID}})", map[string]any{"Name": r.CompanyName, "ID": r.ContactID}),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Importance = widget.SuccessImportance
	title.Truncation = fyne.TextTruncateEllipsis
	summary := widget.NewLabel(lang.L("{{.Fields}} fields written, {{.Skipped}} skipped, {{.Created}} persons created, {{.Updated}} updated",
		map[string]any{"Fields": len(r.CustomFields.Written), "Skipped": len(r.CustomFields.Skipped), "Created": r.Persons.Created, "Updated": r.Persons.Updated}))
	summary.Wrapping = fyne.TextWrapWord
	lines := []fyne.CanvasObject{title, summary}
	if l := followUpLine(r); l != "" {
		lines = append(lines, widget.NewLabel(l))
	}
	b.FieldSetup = nil
	if len(r.CustomFields.Skipped) > 0 {
		if !b.told {
			b.told = true
			note := widget.NewLabel(skippedNote(r))
			note.Wrapping = fyne.TextWrapWord
			lines = append(lines, note)
		}
		if b.OnFieldSetup != nil {
			b.FieldSetup = widget.NewButton(lang.L("Field setup"), b.OnFieldSetup)
		}
	}
	b.Open = widget.NewButtonWithIcon(lang.L("Open in SuperOffice"), theme.ComputerIcon(), nil)
	if u := b.companyURL(r.ContactID); u != nil && b.OpenURL != nil {
		b.Open.OnTapped = func() { _ = b.OpenURL(u) }
	} else {
		b.Open.Disable()
	}
	b.Details = widget.NewButton(lang.L("Details"), func() { b.Last = showResultDialog(b.win, r) })
	buttons := container.NewHBox(b.Open, b.Details)
	if b.FieldSetup != nil {
		buttons.Add(b.FieldSetup)
	}
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), b.Hide)
	closeBtn.Importance = widget.LowImportance
	lines = append(lines, buttons)
	bg := canvas.NewRectangle(successTint())
	bg.CornerRadius = theme.InputRadiusSize()
	card := container.NewStack(bg, container.NewPadded(container.NewBorder(nil, nil, nil, container.NewVBox(closeBtn), container.NewVBox(lines...))))
	b.box.Objects = []fyne.CanvasObject{card}
	b.box.Show()
	b.box.Refresh()
}

func (b *Banner) companyURL(id int) *url.URL {
	if b.CompanyURL == nil || id <= 0 {
		return nil
	}
	return b.CompanyURL(int64(id))
}

// skippedNote is why fields were skipped, one line per reason.
func skippedNote(r *export.Result) string {
	reasons := r.SkipReasons
	if len(reasons) == 0 {
		reasons = []export.SkipReason{{Code: export.SkipMissing, Fields: r.CustomFields.Skipped}}
	}
	s := ""
	for i, sr := range reasons {
		if i > 0 {
			s += "\n"
		}
		s += skipLabel(sr.Code) + " " + FieldsText(sr.Fields)
	}
	return s
}

// successTint is the theme's success colour, faint enough to read text on.
func successTint() color.Color {
	r, g, bl, _ := theme.Color(theme.ColorNameSuccess).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8), A: 0x33}
}
