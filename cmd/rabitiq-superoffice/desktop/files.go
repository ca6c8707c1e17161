package desktop

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	fynewidget "fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/importer"
)

// chooseFiles lets the user pick one lead file, or a folder whose lead
// files are all imported: Fyne's file dialog opens one file at a time, and
// several files are most often exported into one folder.
func chooseFiles(w fyne.Window, done func([]string)) {
	file := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		done([]string{r.URI().Path()})
	}, w)
	file.SetFilter(storage.NewExtensionFileFilter([]string{".json", ".ndjson", ".jsonl"}))
	folder := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		if paths := importer.LeadFiles(u.Path()); len(paths) > 0 {
			done(paths)
		}
	}, w)
	dialog.ShowCustomConfirm(lang.L("Import…"), lang.L("One file"), lang.L("A folder"),
		fynewidget.NewLabel(lang.L("Import one lead file, or every lead file in a folder.")),
		func(oneFile bool) {
			if oneFile {
				file.Show()
			} else {
				folder.Show()
			}
		}, w)
}
