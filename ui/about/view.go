// Package about is "Om / hjælp": the version, where the data lives, and
// the guide's troubleshooting answers that apply to a desktop app.
package about

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Info is what the screen shows about this installation.
type Info struct {
	Version string
	DBPath  string
	Demo    bool
	// DeleteAll is "Slet alle lokale data" (see DeleteAll); nil leaves it out.
	DeleteAll fyne.CanvasObject
	// LogPath is the log file (app/logbook); empty when there is none.
	LogPath string
	// Report makes the error report that "Kopiér fejlrapport" copies for
	// support (the CLI's `report`); nil shows no button.
	Report func() string
}

func para(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// New builds the screen.
func New(info Info) fyne.CanvasObject {
	db := widget.NewLabelWithStyle(info.DBPath, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	db.Selectable = true
	db.Wrapping = fyne.TextWrapBreak
	items := []fyne.CanvasObject{
		widget.NewLabelWithStyle("RabitIQ SuperOffice "+info.Version, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		para(lang.L("Exports RabitIQ's AI-qualified leads to SuperOffice CRM Online: the company, up to 37 custom fields and every contact person, exactly once.")),
		widget.NewLabelWithStyle(lang.L("Where your data lives"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		para(lang.L("Leads, sync status and history are in this database:")), db,
		para(lang.L("The SuperOffice sign-in is kept in the operating system's keyring, never in the database.")),
	}
	if info.DeleteAll != nil {
		items = append(items, info.DeleteAll)
	}
	items = append(items,
		widget.NewLabelWithStyle(lang.L("Troubleshooting"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		logFiles(info))
	for _, qa := range [][2]string{
		{lang.L("The sign-in page does not open"), lang.L("Under Integrations, copy the link shown after \"Connect\" and paste it into your browser, or try another browser. The app waits for up to 10 minutes.")},
		{lang.L("\"SuperOffice is not connected\""), lang.L("The sign-in expired or was removed in SuperOffice. Go to Integrations, click \"Remove connection\" and connect again.")},
		{lang.L("Custom fields are not updated"), lang.L("Open Field setup and click \"Check again\": the Prog ID must be exactly RabitIQ:1, RabitIQ:2, …, the fields must be created on Company (not Person) and published. The app writes CustomFields, not UserDefinedFields. Export the lead again after creating fields.")},
		{lang.L("A duplicate company was created"), lang.L("Next time, choose the existing company in the match dialog. Make sure the CVR number is correct in SuperOffice: a matching CVR is always found and preselected.")},
		{lang.L("An export failed"), lang.L("The lead is marked Failed with SuperOffice's reason, and nothing is left half-written: \"Try again\" never creates a second company. Every attempt is listed in the lead's sync history.")},
	} {
		items = append(items, widget.NewCard("", qa[0], para(qa[1])))
	}
	return container.NewVScroll(container.NewVBox(items...))
}

// logFiles is the guide's "Logfiler" for the desktop app: where the log
// is, and one click to copy the error report for support.
func logFiles(info Info) fyne.CanvasObject {
	box := container.NewVBox(para(lang.L("If the problem persists, click \"Copy error report\" and send it to support in an email: it holds the version, the system, your SuperOffice tenant, the last errors and where the log file is. It holds no passwords or tokens.")))
	if info.LogPath != "" {
		l := widget.NewLabelWithStyle(info.LogPath, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		l.Selectable = true
		l.Wrapping = fyne.TextWrapBreak
		box.Add(para(lang.L("The log file:")))
		box.Add(l)
	}
	if info.Report != nil {
		var b *widget.Button
		b = widget.NewButtonWithIcon(lang.L("Copy error report"), theme.ContentCopyIcon(), func() {
			fyne.CurrentApp().Clipboard().SetContent(info.Report())
			b.SetText(lang.L("Error report copied"))
		})
		box.Add(container.NewHBox(b))
	}
	return widget.NewCard("", lang.L("Log files"), box)
}
