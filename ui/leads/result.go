package leads

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/importer"
	"github.com/rabitiq/superoffice-sync/ui/dialogkeys"
)

// ShowImportResult shows what an import did, per file, with a button that
// copies the text so a user can paste the reasons into a support mail.
func ShowImportResult(win fyne.Window, reports []importer.FileReport) dialog.Dialog {
	text := ImportSummary(reports)
	body := widget.NewLabel(text)
	body.Selectable = true
	body.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(560, 240))
	d := dialog.NewCustom(lang.L("Import result"), lang.L("Close"), scroll, win)
	copyBtn := widget.NewButton(lang.L("Copy"), func() { fyne.CurrentApp().Clipboard().SetContent(text) })
	d.SetButtons([]fyne.CanvasObject{copyBtn, widget.NewButton(lang.L("Close"), d.Hide)})
	d.Show()
	dialogkeys.Bind(win, d.Hide, d.Hide)
	return d
}
