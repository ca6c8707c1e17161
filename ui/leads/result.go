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
	"github.com/rabitiq/superoffice-sync/core/msg"
	"github.com/rabitiq/superoffice-sync/ui/dialogkeys"
	"github.com/rabitiq/superoffice-sync/ui/errdialog"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
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
	// "Kopiér" copies the technical detail (file paths, JSON paths, the
	// store's words) for a support mail; the dialog shows plain words.
	copyBtn := widget.NewButton(lang.L("Copy"), func() { fyne.CurrentApp().Clipboard().SetContent(ImportDetail(reports)) })
	buttons := []fyne.CanvasObject{copyBtn}
	if !allClean(reports) && errdialog.HasReport() {
		buttons = append(buttons, errdialog.ReportButton(nil))
	}
	d.SetButtons(append(buttons, widget.NewButton(lang.L("Close"), d.Hide)))
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
			fmt.Fprintf(&b, "%s\n  %s\n  %s\n", filepath.Base(r.File), lang.L("Nothing imported:"), fileError(r))
			continue
		}
		if r.Error != "" {
			fmt.Fprintf(&b, "%s\n  %s\n  %s\n", filepath.Base(r.File), lang.L("Stopped after {{.Total}} leads, which are saved; import the file again to finish:",
				map[string]any{"Total": r.Total()}), fileError(r))
			continue
		}
		fmt.Fprintf(&b, "%s\n  %s\n", filepath.Base(r.File), lang.L("{{.Imported}} imported, {{.Updated}} updated, {{.Unchanged}} unchanged, {{.Rejected}} rejected",
			map[string]any{"Imported": r.Imported, "Updated": r.Updated, "Unchanged": r.Unchanged, "Rejected": len(r.Rejected)}))
		for _, rj := range r.Rejected {
			fmt.Fprintf(&b, "  ✗ %s\n", leadLine(rj.Index, rj.Line, rj.Message))
		}
		for _, w := range r.WarningCodes {
			fmt.Fprintf(&b, "  ⚠ %s\n", leadLine(w.Index, w.Line, w.Message))
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// fileError is why a file stopped, in plain words: the catalogue's
// text, except a store failure, whose cause (the database's own words)
// is for the error report, not the salesperson.
func fileError(r importer.FileReport) string {
	if r.ErrorCode != nil && r.ErrorCode.Code == msg.ImportFailed {
		return lang.L("The leads could not be saved on this computer. Try again; if it fails again, copy the error report for support.")
	}
	return r.Error
}

// leadLine is a rejected lead or a warning under its file: the lead's
// number and line and why, without the JSON path (a field name the
// salesperson did not write; `import --json` keeps it).
func leadLine(index, line int, m msg.Message) string {
	return lang.L("Lead {{.N}} (line {{.Line}}): {{.Text}}", map[string]any{"N": index + 1, "Line": line, "Text": m.Text(i18n.Lang())})
}

func allClean(reports []importer.FileReport) bool {
	for _, r := range reports {
		if !r.Clean() {
			return false
		}
	}
	return true
}

// ImportDetail is the technical form of the summary that "Kopiér"
// copies: each file's error and each rejection and warning in the
// importer's own words, JSON path included.
func ImportDetail(reports []importer.FileReport) string {
	var b strings.Builder
	for _, r := range reports {
		fmt.Fprintf(&b, "%s: %d/%d/%d/%d", r.File, r.Imported, r.Updated, r.Unchanged, len(r.Rejected))
		if r.Error != "" {
			fmt.Fprintf(&b, " %s", r.Error)
		}
		b.WriteString("\n")
		for _, rj := range r.Rejected {
			fmt.Fprintf(&b, "  ✗ %s\n", rj.Reason)
		}
		for _, w := range r.Warnings {
			fmt.Fprintf(&b, "  ⚠ %s\n", w)
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
