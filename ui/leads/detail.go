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
	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
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
	Title  *widget.Label
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
	d.Export = widget.NewButton(lang.L("Export to SuperOffice"), func() {
		if d.current != nil && d.OnExport != nil {
			d.OnExport(d.current.Row)
		}
	})
	d.Export.Importance = widget.HighImportance
	d.Hint = widget.NewLabel("")
	d.Hint.Importance = widget.LowImportance
	d.Hint.Wrapping = fyne.TextWrapWord
	d.Connect = widget.NewButtonWithIcon(lang.L("Connect"), theme.LoginIcon(), func() { call(d.OnConnect) })
	hint := container.NewBorder(nil, nil, nil, container.NewCenter(d.Connect), d.Hint)
	d.body = container.NewVBox()
	d.root = container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, d.Export, d.Title), hint), nil, nil, nil, container.NewVScroll(d.body))
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
	d.gate()
	d.body.Objects = nil
	d.body.Add(d.superOfficeCard(det.Row))
	d.body.Add(standardCard(&det.Lead))
	for _, c := range fields.Categories() {
		d.body.Add(categoryCard(c, &det.Lead))
	}
	d.body.Add(contactsCard(det.Lead.Contacts))
	d.body.Add(d.historyCard(localID))
	d.body.Refresh()
}

func value(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.Selectable = true
	return l
}

// form renders label/value pairs, skipping empty values.
func form(pairs ...string) fyne.CanvasObject {
	f := widget.NewForm()
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.TrimSpace(pairs[i+1]) != "" {
			f.Append(pairs[i], value(pairs[i+1]))
		}
	}
	if len(f.Items) == 0 {
		return widget.NewLabel(lang.L("No data"))
	}
	return f
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

func standardCard(l *lead.Lead) fyne.CanvasObject {
	cvr := l.CVR
	if cvr != "" && !l.CVRValid {
		cvr += " ⚠ " + lang.L("invalid CVR, not used for matching")
	}
	return widget.NewCard(lang.L("Company"), "", form(
		lang.L("Name"), l.CompanyName, lang.L("Website"), l.Website, lang.L("CVR"), cvr,
		lang.L("Address"), l.Address, lang.L("Location"), l.Location, lang.L("Industry"), l.Industry))
}

func categoryCard(c fields.Category, l *lead.Lead) fyne.CanvasObject {
	var pairs []string
	for _, no := range c.Members {
		f, _ := fields.ByNo(no)
		v := f.Text(l)
		if f.IsNumeric() {
			v = numberText(f.Num(l))
		}
		pairs = append(pairs, i18n.Pick(f.LabelDA, f.LabelEN), v)
	}
	return widget.NewCard(i18n.Pick(c.NameDA, c.NameEN), "RabitIQ:"+c.Ranges, form(pairs...))
}

func contactsCard(cs []lead.Contact) fyne.CanvasObject {
	box := container.NewVBox()
	for _, c := range cs {
		lines := []string{c.Name}
		for _, s := range []string{c.Title, c.Email, c.Phone, c.LinkedIn} {
			if s != "" {
				lines = append(lines, s)
			}
		}
		box.Add(value(strings.Join(lines, "\n")))
	}
	if len(cs) == 0 {
		box.Add(widget.NewLabel(lang.L("No data")))
	}
	return widget.NewCard(lang.L("Contacts"), "", box)
}

func (d *Detail) superOfficeCard(r store.LeadRow) fyne.CanvasObject {
	status := widget.NewLabel(StatusText(r.Status))
	status.Importance = StatusImportance(r.Status)
	items := []fyne.CanvasObject{status}
	if r.SOContactID != nil {
		id := fmt.Sprint(*r.SOContactID)
		if u := d.svc.CompanyURL(*r.SOContactID); u != nil {
			items = append(items, widget.NewHyperlink(lang.L("Company {{.ID}} in SuperOffice", map[string]any{"ID": id}), u))
		} else {
			items = append(items, widget.NewLabel(lang.L("Company {{.ID}} in SuperOffice", map[string]any{"ID": id})))
		}
	}
	if r.LastError != "" {
		e := value(r.LastError)
		e.Importance = widget.DangerImportance
		items = append(items, e)
	}
	return widget.NewCard("SuperOffice", "", container.NewVBox(items...))
}

func (d *Detail) historyCard(localID int64) fyne.CanvasObject {
	hist, err := d.svc.History(context.Background(), store.HistoryFilter{LeadID: localID, Limit: 20})
	box := container.NewVBox()
	switch {
	case err != nil:
		box.Add(value(err.Error()))
	case len(hist) == 0:
		box.Add(widget.NewLabel(lang.L("Not synced yet")))
	}
	for _, h := range hist {
		box.Add(value(HistoryLine(h)))
	}
	return widget.NewCard(lang.L("Sync history"), "", box)
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
