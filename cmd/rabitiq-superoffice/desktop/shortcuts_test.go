package desktop

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/ui/shell"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

func press(w fyne.Window, key fyne.KeyName) {
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
}

// Ctrl+F focuses the search on the lead list, Ctrl+I is Importér…, Ctrl+E
// exports the ticked leads or else the lead shown, only when its button
// could be clicked, and none of them acts behind an open dialog.
func TestShortcuts(t *testing.T) {
	w := uitest.Setup(t)
	search := widget.NewEntry()
	taps := map[string]int{}
	btn := func(name string) *widget.Button { return widget.NewButton(name, func() { taps[name]++ }) }
	imp, exp, batch := btn("import"), btn("export"), btn("batch")
	ticked := 0
	sh := shell.New(screens{leads: search, history: widget.NewLabel("h"), fields: widget.NewLabel("f"),
		integrations: widget.NewLabel("i"), about: widget.NewLabel("a")}.tabs(), false)
	w.SetContent(sh.Content())
	addShortcuts(w, leadKeys{shell: sh, search: search, importBtn: imp, exportBtn: exp, batchBtn: batch, ticked: func() int { return ticked }})

	sh.Show(tabAbout)
	press(w, fyne.KeyF)
	if sh.Current() != tabLeads || w.Canvas().Focused() != search {
		t.Errorf("Ctrl+F: tab %q, focused %v", sh.Current(), w.Canvas().Focused())
	}
	w.Canvas().Unfocus()
	press(w, fyne.KeyI)
	press(w, fyne.KeyE)
	ticked = 2
	press(w, fyne.KeyE)
	exp.Disable()
	ticked = 0
	press(w, fyne.KeyE) // Eksportér is off (not connected): nothing
	if taps["import"] != 1 || taps["export"] != 1 || taps["batch"] != 1 {
		t.Errorf("taps = %v, want one each", taps)
	}
	exp.Enable()
	d := dialog.NewCustom("t", "Luk", widget.NewLabel("x"), w)
	d.Show()
	press(w, fyne.KeyE)
	press(w, fyne.KeyI)
	if taps["import"] != 1 || taps["export"] != 1 {
		t.Errorf("a shortcut acted behind a dialog: %v", taps)
	}
}
