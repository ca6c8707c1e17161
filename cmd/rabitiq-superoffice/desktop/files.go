package desktop

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// prefImportFolder is the folder the last import was chosen from; the
// file and folder choosers start there.
const prefImportFolder = "import.folder"

// chooseFiles opens the file dialog at once, in the folder of the last
// import. Fyne 2.7's file dialog picks one file at a time, so the lead
// list then offers the folder's other lead files with checkboxes and
// "Tilføj flere filer…" (leads.PickFiles); a drop takes several too.
func chooseFiles(w fyne.Window, prefs fyne.Preferences, done func([]string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		_ = r.Close()
		path := r.URI().Path()
		prefs.SetString(prefImportFolder, filepath.Dir(path))
		done([]string{path})
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json", ".ndjson", ".jsonl"}))
	if l := lastFolder(prefs); l != nil {
		d.SetLocation(l)
	}
	d.Show()
}

// chooseFolder opens the folder dialog in the folder of the last import;
// done imports the lead files in the chosen folder or says it has none.
func chooseFolder(w fyne.Window, prefs fyne.Preferences, done func(string)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		prefs.SetString(prefImportFolder, u.Path())
		done(u.Path())
	}, w)
	if l := lastFolder(prefs); l != nil {
		d.SetLocation(l)
	}
	d.Show()
}

// lastFolder is the remembered import folder, nil when there is none or
// it is gone (the dialog then starts in its default place).
func lastFolder(prefs fyne.Preferences) fyne.ListableURI {
	dir := prefs.String(prefImportFolder)
	if dir == "" {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	if ok, err := storage.CanList(l); err != nil || !ok {
		return nil
	}
	return l
}
