package leads

import (
	"fmt"
	"path/filepath"
	"strings"

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

// ImportSummary renders import reports as the text the result dialog shows
// and the "Kopiér" button copies.
func ImportSummary(reports []importer.FileReport) string {
	var b strings.Builder
	for _, r := range reports {
		if r.Error != "" && r.Total() == 0 {
			fmt.Fprintf(&b, "%s\n  %s\n  %s\n", filepath.Base(r.File), lang.L("Nothing imported:"), r.Error)
			continue
		}
		if r.Error != "" {
			fmt.Fprintf(&b, "%s\n  %s\n  %s\n", filepath.Base(r.File), lang.L("Stopped after {{.Total}} leads, which are saved; import the file again to finish:",
				map[string]any{"Total": r.Total()}), r.Error)
			continue
		}
		fmt.Fprintf(&b, "%s\n  %s\n", filepath.Base(r.File), lang.L("{{.Imported}} imported, {{.Updated}} updated, {{.Unchanged}} unchanged, {{.Rejected}} rejected",
			map[string]any{"Imported": r.Imported, "Updated": r.Updated, "Unchanged": r.Unchanged, "Rejected": len(r.Rejected)}))
		for _, rj := range r.Rejected {
			fmt.Fprintf(&b, "  ✗ %s\n", rj.Reason)
		}
		for _, w := range r.Warnings {
			fmt.Fprintf(&b, "  ⚠ %s\n", w)
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
