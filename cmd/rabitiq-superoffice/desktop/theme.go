package desktop

import (
	"fyne.io/fyne/v2"

	"github.com/rabitiq/superoffice-sync/ui/apptheme"
)

// applyTheme gives the window our readable colours (ui/apptheme): Fyne's
// default hint text and green status words fail WCAG AA.
func applyTheme(a fyne.App) { a.Settings().SetTheme(apptheme.New()) }
