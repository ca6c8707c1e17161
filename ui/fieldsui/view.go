// Package fieldsui is "Feltopsætning": the guide's checklist of the 37
// custom fields, grouped as in the guide, each with its live status in the
// connected tenant, copy buttons for Prog ID and name, and the guide's
// steps for creating a field. A field found only by label or x_ name is
// offered with "Brug dette felt"; nothing is written to it until the admin
// confirms it there. The summary, "Tjek igen" and the "Vis kun dem der
// mangler" filter stay above the scrolling list; a field that is not
// ready says under its description what to do, in the guide's words
// (fieldsetup.Result.Advice).
package fieldsui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/fieldsetup"
	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/errdialog"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
)

// Service is what the checklist needs from the app.
type Service interface {
	// CheckFields reads the tenant's fields; it fails when not connected.
	CheckFields(ctx context.Context) (fieldsetup.Report, error)
	// ConfirmField stores, for the connected tenant, that the RabitIQ
	// field progID is written to the tenant field tenantKey.
	ConfirmField(ctx context.Context, progID, tenantKey string) error
	// UnconfirmField forgets that confirmation.
	UnconfirmField(ctx context.Context, progID string) error
}

// View is the checklist. Widgets are exported for tests.
type View struct {
	Recheck *widget.Button
	Summary *widget.Label
	// CopyReport is "Kopiér fejlrapport", beside the summary while it
	// says that the check or a choice failed.
	CopyReport *widget.Button
	// head is the row above the list, laid out again when CopyReport
	// shows or hides.
	head *fyne.Container
	// OnlyMissing is "Vis kun dem der mangler": only the fields that are
	// not ready (suggested ones too: nothing is written to them yet).
	OnlyMissing *widget.Check
	// Scroll holds the guide's steps and the rows; the header above it
	// (summary, filter, "Tjek igen") does not scroll.
	Scroll *container.Scroll
	// Advice holds each field's advice label, by field number; hidden
	// for a field that is ready or not checked.
	Advice map[int]*widget.Label
	// Status holds each field's status label, by field number.
	Status map[int]*widget.Label
	// Use ("Brug dette felt") and Undo ("Fortryd") by field number; shown
	// for a suggested field and for a confirmed one.
	Use, Undo map[int]*widget.Button

	suggested map[int]string // the tenant key each Use button confirms
	list      filter

	svc  Service
	win  fyne.Window
	root fyne.CanvasObject
}

// New builds the checklist; call Check to fill in the statuses.
func New(svc Service, win fyne.Window) *View {
	v := &View{svc: svc, win: win, Status: map[int]*widget.Label{}, Advice: map[int]*widget.Label{},
		Use: map[int]*widget.Button{}, Undo: map[int]*widget.Button{}}
	v.Recheck = widget.NewButtonWithIcon(lang.L("Check again"), theme.ViewRefreshIcon(), v.Check)
	v.Summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.Summary.Wrapping = fyne.TextWrapWord
	v.OnlyMissing = widget.NewCheck(lang.L("Show only the missing ones"), func(bool) { v.applyFilter() })
	steps := widget.NewLabel(lang.L("Create a field in SuperOffice: Settings and maintenance → Fields → Company → Add: enter the name, choose the type, set the Prog ID exactly as below, then Publish. Create the fields on Company, not on Person."))
	steps.Wrapping = fyne.TextWrapWord
	suggested := widget.NewLabel(lang.L("A field found only by its name is suggested: RabitIQ writes to it only after you click \"Use this field\". Check first that the field is not used for something else."))
	suggested.Wrapping = fyne.TextWrapWord
	v.list.none = widget.NewLabel(lang.L("Every field is ready."))
	v.list.none.Hide()
	box := container.NewVBox(steps, suggested, v.list.none)
	for _, c := range fields.Categories() {
		rows := container.NewVBox()
		g := group{}
		for _, no := range c.Members {
			f, _ := fields.ByNo(no)
			r := v.row(f)
			rows.Add(r)
			g.rows = append(g.rows, member{no, r})
		}
		g.card = widget.NewCard(i18n.Pick(c.NameDA, c.NameEN), "RabitIQ:"+c.Ranges, rows)
		v.list.groups = append(v.list.groups, g)
		box.Add(g.card)
	}
	v.Scroll = container.NewVScroll(box)
	v.CopyReport = errdialog.ReportButton(nil)
	v.CopyReport.Hide()
	v.head = container.NewBorder(nil, nil, nil, container.NewHBox(v.CopyReport, v.OnlyMissing, v.Recheck), v.Summary)
	v.root = container.NewBorder(container.NewVBox(v.head, widget.NewSeparator()), nil, nil, nil, v.Scroll)
	return v
}

// Content returns the screen's root object.
func (v *View) Content() fyne.CanvasObject { return v.root }

func (v *View) copyButton(text string) *widget.Button {
	b := widget.NewButtonWithIcon("", theme.ContentCopyIcon(), func() { fyne.CurrentApp().Clipboard().SetContent(text) })
	b.Importance = widget.LowImportance
	return b
}

// TypeText is a field type as the guide writes it.
func TypeText(t fields.Type) string {
	if t == fields.LongText {
		return lang.L("Text (Long)")
	}
	return string(t)
}

func (v *View) row(f fields.Field) fyne.CanvasObject {
	name := i18n.Pick(f.LabelDA, f.LabelEN)
	id := widget.NewLabelWithStyle(f.ProgID, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	title := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	desc := widget.NewLabel(TypeText(f.Type) + " · " + i18n.Pick(f.DescriptionDA, f.DescriptionEN))
	desc.Wrapping = fyne.TextWrapWord
	st := widget.NewLabel("–")
	v.Status[f.No] = st
	advice := widget.NewLabel("")
	advice.Wrapping = fyne.TextWrapWord
	advice.Importance = widget.WarningImportance
	advice.Hide()
	v.Advice[f.No] = advice
	left := container.NewHBox(id, v.copyButton(f.ProgID))
	mid := container.NewVBox(container.NewHBox(title, v.copyButton(name)), desc, advice)
	return container.NewBorder(nil, nil, left, container.NewHBox(st, v.confirmButtons(f)), mid)
}

// StatusText is a field's status as the checklist shows it.
func StatusText(r fieldsetup.Result) (string, widget.Importance) {
	switch r.Status {
	case fieldsetup.Present:
		if r.MatchedBy == fieldsetup.ByConfirmed {
			return "✓ " + lang.L("confirmed"), widget.SuccessImportance
		}
		return "✓ " + lang.L("created"), widget.SuccessImportance
	case fieldsetup.WrongType:
		return "⚠ " + lang.L("wrong type") + " (" + fieldsetup.TenantTypeName(r.TenantType) + ")", widget.WarningImportance
	case fieldsetup.OnPerson:
		return "⚠ " + lang.L("created on Person"), widget.WarningImportance
	case fieldsetup.Suggested:
		return "? " + lang.L("suggested") + " (" + r.TenantKey + ")", widget.WarningImportance
	default:
		return "✗ " + lang.L("missing"), widget.DangerImportance
	}
}

// Check reads the tenant's fields in the background and shows each status.
func (v *View) Check() {
	v.Recheck.Disable()
	v.Summary.SetText(lang.L("Checking the fields in SuperOffice…"))
	type result struct {
		r   fieldsetup.Report
		err error
	}
	async.Run(func() result {
		r, err := v.svc.CheckFields(context.Background())
		return result{r, err}
	}, func(res result) {
		v.Recheck.Enable()
		v.CopyReport.Hide()
		v.head.Refresh()
		if res.err != nil {
			v.showError(lang.L("Could not check the fields: {{.Err}}", map[string]any{"Err": errdialog.Plain(res.err)}))
			for _, l := range v.Status {
				l.SetText("–")
				l.Importance = widget.MediumImportance
				l.Refresh()
			}
			v.hideConfirm()
			v.showAdvice(nil)
			return
		}
		for _, r := range res.r.Results {
			l := v.Status[r.Field.No]
			text, imp := StatusText(r)
			if r.TenantKey != "" && r.TenantKey != r.Field.ProgID && r.Status == fieldsetup.Present {
				text += fmt.Sprintf(" (%s)", r.TenantKey)
			}
			l.SetText(text)
			l.Importance = imp
			l.Refresh()
			v.showConfirm(r)
		}
		v.showAdvice(res.r.Results)
		summary := lang.L("{{.N}} of 37 fields ready", map[string]any{"N": res.r.Ready()})
		if n := res.r.Suggestions(); n > 0 {
			summary += " · " + lang.L("{{.N}} found by name wait for your confirmation", map[string]any{"N": n})
		}
		v.Summary.SetText(summary)
	})
}

// showError says in the summary, in plain words, what failed, with
// "Kopiér fejlrapport" beside it for support (not a dialog: the check
// runs each time the screen opens, and must not pop up each time).
func (v *View) showError(text string) {
	v.Summary.SetText(text)
	if errdialog.HasReport() {
		v.CopyReport.SetText(lang.L("Copy error report"))
		v.CopyReport.Show()
		v.head.Refresh()
	}
}
