// Package errdialog is the one error dialog every screen shows: what
// failed in plain words (Plain: the catalogue's steps and one sentence on
// what SuperOffice or the network did, never the Go error chain, an
// environment variable or a JSON field name) and "Kopiér fejlrapport",
// which copies the report support needs (the CLI's `report`: version,
// tenant, the last errors with status codes, the log file's path), where
// the technical detail lives.
package errdialog

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/ui/dialogkeys"
)

var (
	mu     sync.Mutex
	report func() string
)

// SetReport sets what "Kopiér fejlrapport" copies, once, from the window
// wiring (it knows the log file and the tenant); nil hides the button.
// One setting for the process, so no screen needs it passed through.
func SetReport(r func() string) {
	mu.Lock()
	defer mu.Unlock()
	report = r
}

// HasReport reports whether SetReport set a report to copy.
func HasReport() bool { return reporter() != nil }

func reporter() func() string {
	mu.Lock()
	defer mu.Unlock()
	return report
}

// ReportButton is "Kopiér fejlrapport": it copies the report (r, or
// the one SetReport set when r is nil, looked up when tapped) to the
// clipboard and then says so. It starts hidden when there is no report
// to copy yet.
func ReportButton(r func() string) *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon(lang.L("Copy error report"), theme.ContentCopyIcon(), func() {
		get := r
		if get == nil {
			get = reporter()
		}
		if get != nil {
			fyne.CurrentApp().Clipboard().SetContent(get())
			b.SetText(lang.L("Error report copied"))
		}
	})
	if r == nil && !HasReport() {
		b.Hide()
	}
	return b
}

// Opts says what the dialog is about.
type Opts struct {
	// Title is the dialog's title: the screen or task ("Integrationer").
	Title string
	// Intro is the line above the reason ("Eksporten fejlede:"); empty
	// shows the reason alone.
	Intro string
	// Text replaces Plain(err) when the screen knows better what to say
	// (e.g. that the sign-in has expired).
	Text string
	// Action is the primary button (e.g. "Prøv igen"), pressed by Enter;
	// nil leaves "Luk" as the primary.
	Action *widget.Button
	// Report, when set, is the report to copy instead of SetReport's.
	Report func() string
}

// Show shows err in a dialog: the plain text, "Luk", "Kopiér fejlrapport"
// and the optional action; Esc closes it. The action's own OnTapped runs
// after the dialog is hidden.
func Show(win fyne.Window, o Opts, err error) dialog.Dialog {
	text := o.Text
	if text == "" {
		text = Plain(err)
	}
	if o.Intro != "" {
		text = o.Intro + "\n" + text
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	msg.Selectable = true
	msg.Importance = widget.DangerImportance
	scroll := container.NewVScroll(msg)
	scroll.SetMinSize(fyne.NewSize(520, 140))
	d := dialog.NewCustomWithoutButtons(o.Title, scroll, win)
	closeBtn := widget.NewButton(lang.L("Close"), d.Hide)
	buttons := []fyne.CanvasObject{closeBtn}
	if o.Report != nil || reporter() != nil {
		buttons = append(buttons, ReportButton(o.Report))
	}
	primary := closeBtn.OnTapped
	if o.Action != nil {
		run := o.Action.OnTapped
		o.Action.OnTapped = func() {
			d.Hide()
			if run != nil {
				run()
			}
		}
		o.Action.Importance = widget.HighImportance
		buttons = append(buttons, o.Action)
		primary = dialogkeys.Tap(o.Action)
	} else {
		closeBtn.Importance = widget.HighImportance
	}
	d.SetButtons(buttons)
	d.Show()
	dialogkeys.Bind(win, d.Hide, primary)
	return d
}
