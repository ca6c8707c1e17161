package desktop

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/ui/dialogkeys"
	"github.com/rabitiq/superoffice-sync/ui/shell"
)

// leadKeys are what the window's shortcuts act on: the lead list's
// search and Importér…, the shown lead's Eksportér and Eksportér
// markerede.
type leadKeys struct {
	shell     *shell.Shell
	search    fyne.Focusable
	importBtn *widget.Button
	exportBtn *widget.Button // the lead shown in the detail pane
	batchBtn  *widget.Button // the ticked leads
	ticked    func() int
}

// addShortcuts gives the window Ctrl+F (search), Ctrl+I (import) and
// Ctrl+E (export the ticked leads, else the lead shown), Cmd on macOS.
// Each opens the lead list first and acts only as a click on its button
// could (not while it is disabled); while a dialog is open they do
// nothing, so a second export cannot start behind the first. A focused
// text field keeps Ctrl+I and Ctrl+E to itself (Fyne gives shortcuts to
// the focused widget first).
func addShortcuts(w fyne.Window, k leadKeys) {
	add := func(key fyne.KeyName, fn func()) {
		w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
			if w.Canvas().Overlays().Top() != nil {
				return
			}
			k.shell.Show(tabLeads)
			fn()
		})
	}
	add(fyne.KeyF, func() { w.Canvas().Focus(k.search) })
	add(fyne.KeyI, dialogkeys.Tap(k.importBtn))
	add(fyne.KeyE, func() {
		if k.ticked() > 0 {
			dialogkeys.Tap(k.batchBtn)()
			return
		}
		dialogkeys.Tap(k.exportBtn)()
	})
}
