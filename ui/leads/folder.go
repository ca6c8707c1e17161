package leads

import (
	"os"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/rabitiq/superoffice-sync/app/importer"
)

// emptyFolders reports whether every path is a folder without lead files,
// so a drop of such folders is answered instead of importing nothing.
func emptyFolders(paths []string) bool {
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil || !fi.IsDir() || len(importer.LeadFiles(p)) > 0 {
			return false
		}
	}
	return len(paths) > 0
}

// noLeadFiles tells the user that the chosen or dropped folder holds no
// lead files, in the status line and in a dialog.
func (v *View) noLeadFiles() {
	msg := lang.L("The folder contains no lead files (.json, .ndjson, .jsonl)")
	v.Status.SetText(msg)
	if v.win != nil {
		dialog.ShowInformation(lang.L("No lead files"), msg, v.win)
	}
}
