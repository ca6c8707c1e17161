package desktop

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/rabitiq/superoffice-sync/ui/apptheme"
)

// The window runs with the readable theme: "Synkroniseret" and hint text
// reach 4.5:1 on the background in both variants.
func TestWindowThemeReadable(t *testing.T) {
	a := test.NewTempApp(t)
	applyTheme(a)
	th := a.Settings().Theme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		bg := th.Color(theme.ColorNameBackground, v)
		for _, n := range []fyne.ThemeColorName{theme.ColorNameSuccess, theme.ColorNameDisabled, theme.ColorNamePlaceHolder} {
			if r := apptheme.Contrast(th.Color(n, v), bg); r < 4.5 {
				t.Errorf("variant %d: %s on background = %.2f:1, want ≥ 4.5:1", v, n, r)
			}
		}
	}
}
