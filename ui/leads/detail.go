package leads

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/lead"
)

// DetailService is what the detail pane needs from the app.
type DetailService interface {
	GetLead(ctx context.Context, localID int64) (*store.LeadDetail, error)
	History(ctx context.Context, f store.HistoryFilter) ([]store.HistoryEntry, error)
	// CompanyURL is the SuperOffice web client's page of a company, or nil
	// when no tenant is connected.
	CompanyURL(contactID int64) *url.URL
}

// Detail shows one lead: its data grouped as in the guide, its contacts,
// its SuperOffice company and its sync history.
type Detail struct {
	// Title is the company name, large: what the seller reads first.
	Title *widget.Label
	// Score is the lead's score beside the name.
	Score *widget.Label
	// Export says "Eksporter til SuperOffice" (the guide's button), or "Synkronisér igen" once
	// the lead has been synced.
	Export *widget.Button
	// OnExport is called when the user asks to export the shown lead.
	OnExport func(store.LeadRow)

	// Hint says why Export is disabled.
	Hint *widget.Label
	// Connect is the inline "Forbind" beside the hint while SuperOffice
	// is not connected: the way out of the disabled Export, not only the
	// reason for it.
	Connect *widget.Button
	// OnConnect is called by Connect; the window opens Integrationer and
	// starts the sign-in.
	OnConnect func()

	svc       DetailService
	body      *fyne.Container
	current   *store.LeadDetail
	connected bool
	root      fyne.CanvasObject
}

// NewDetail builds an empty detail pane.
func NewDetail(svc DetailService) *Detail {
	d := &Detail{svc: svc}
	d.Title = widget.NewLabelWithStyle(lang.L("Select a lead"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.Title.Truncation = fyne.TextTruncateEllipsis
	// Sub-heading size: large enough to lead the card, small enough that
	// a 30-character name fits beside the score in the detail pane at
	// 1024 px.
	d.Title.SizeName = theme.SizeNameSubHeadingText
	d.Score = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	d.Score.Importance = widget.HighImportance
	d.Export = widget.NewButton(lang.L("Export to SuperOffice"), func() {
		if d.current != nil && d.OnExport != nil {
			d.OnExport(d.current.Row)
		}
	})
	d.Export.Importance = widget.HighImportance
	d.Hint = widget.NewLabel("")
	d.Hint.Importance = widget.LowImportance
	// One line, cut with "…": a wrapping label beside the button asks for
	// its height at the narrowest width it might get, which made the window
	// taller than the screen.
	d.Hint.Truncation = fyne.TextTruncateEllipsis
	d.Connect = widget.NewButtonWithIcon(lang.L("Connect"), theme.LoginIcon(), func() { call(d.OnConnect) })
	// The button sits below the name, beside the reason it is disabled,
	// so the name has the pane's full width.
	actions := container.NewBorder(nil, nil, container.NewCenter(d.Export), container.NewCenter(d.Connect), d.Hint)
	d.body = container.NewVBox()
	head := container.NewBorder(nil, nil, nil, d.Score, d.Title)
	d.root = container.NewBorder(container.NewVBox(head, actions), nil, nil, nil, container.NewVScroll(d.body))
	d.gate()
	return d
}

// SetConnected tells the pane whether SuperOffice is connected, which
// decides whether Export can work now.
func (d *Detail) SetConnected(ok bool) {
	d.connected = ok
	d.gate()
}

// gate enables Export only when it can work, and says why not otherwise.
func (d *Detail) gate() {
	d.Connect.Hide()
	d.Hint.Importance = widget.LowImportance
	switch {
	case d.current == nil:
		d.Score.SetText("")
		d.setExportLabel(store.StatusNew)
		d.Export.Disable()
		d.Hint.SetText(lang.L("Select a lead in the list to see its details and export it."))
	case !d.connected:
		d.Export.Disable()
		d.Hint.Importance = widget.MediumImportance
		d.Hint.SetText(lang.L("Connect to SuperOffice to export"))
		d.Connect.Show()
	default:
		d.Export.Enable()
		d.Hint.SetText("")
	}
}

// Content returns the pane's root object.
func (d *Detail) Content() fyne.CanvasObject { return d.root }

// Current returns the shown lead, if any.
func (d *Detail) Current() *store.LeadDetail { return d.current }

// Show loads and shows the lead with the given local id.
func (d *Detail) Show(localID int64) {
	det, err := d.svc.GetLead(context.Background(), localID)
	if err != nil {
		d.current = nil
		d.gate()
		d.Title.SetText(lang.L("Could not read leads: {{.Err}}", map[string]any{"Err": err.Error()}))
		d.body.RemoveAll()
		return
	}
	d.current = det
	d.Title.SetText(det.Lead.CompanyName)
	d.Score.SetText(scoreText(det.Lead.Score))
	d.setExportLabel(det.Row.Status)
	d.labelForReadBack(det.Row)
	d.gate()
	// What a seller needs first comes first: why the lead fits and how to
	// open the conversation, then whom to call; the 37 fields are
	// reference material, folded away below.
	d.body.Objects = nil
	d.body.Add(fitSection(&det.Lead))
	d.body.Add(contactsSection(det.Lead.Contacts))
	d.body.Add(d.superOfficeSection(det.Row))
	d.body.Add(standardSection(&det.Lead))
	d.body.Add(fieldGroups(&det.Lead))
	d.body.Add(d.historySection(localID))
	d.body.Refresh()
}

// setExportLabel names the button after what it will do: a lead that
// has been synced is synced again, not exported for the first time.
func (d *Detail) setExportLabel(s store.Status) {
	if s == store.StatusSynced || s == store.StatusChanged {
		d.Export.SetText(lang.L("Sync again"))
		return
	}
	d.Export.SetText(lang.L("Export to SuperOffice"))
}

// scoreText is the score as shown beside the company name.
func scoreText(n lead.Number) string {
	if !n.Valid {
		return ""
	}
	return lang.L("Score") + " " + formatNumber(n.Value)
}

func value(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.Selectable = true
	return l
}

// form renders label/value pairs, skipping empty values, in rows with
// one label width, so the values of every section line up.
func form(pairs ...string) fyne.CanvasObject {
	box := container.NewVBox()
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.TrimSpace(pairs[i+1]) != "" {
			box.Add(row(pairs[i], value(pairs[i+1])))
		}
	}
	if len(box.Objects) == 0 {
		return widget.NewLabel(lang.L("No data"))
	}
	return box
}

func numberText(n lead.Number) string {
	switch {
	case n.Valid:
		return formatNumber(n.Value)
	case n.Text != "":
		return "⚠ " + n.Text
	}
	return ""
}

// formatNumber writes a number the Danish way (12.500.000; 7,1).
func formatNumber(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "," + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// HistoryLine is one history entry as one readable line.
func HistoryLine(h store.HistoryEntry) string {
	when := h.At.Local().Format("2006-01-02 15:04")
	if h.Action == store.ActionDeleted {
		return when + " · " + lang.L("Deleted from this computer; SuperOffice was not touched")
	}
	if h.Action == "failed" {
		return when + " · " + lang.L("Failed") + ": " + h.Error
	}
	what := lang.L("Updated in SuperOffice")
	if h.Action == "created" {
		what = lang.L("Created in SuperOffice")
	}
	return when + " · " + what + " · " + lang.L("{{.Fields}} fields written, {{.Skipped}} skipped, {{.Created}} persons created, {{.Updated}} updated",
		map[string]any{"Fields": len(h.Details.FieldsWritten), "Skipped": len(h.Details.FieldsSkipped), "Created": h.Details.PersonsCreated, "Updated": h.Details.PersonsUpdated})
}
