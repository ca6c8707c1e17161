package shell

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// Fyne 2.7 draws a split's divider from the split's theme: twice the
// padding wide, on the shadow colour, with a grip of half the padding
// in the foreground colour. With the app's 4 px padding that is an 8 px
// strip a user hardly sees and a 2 px grip. dividerTheme widens and
// darkens exactly that, for the split alone: the list and the lead pane
// get the app's own theme back (leadsSplit), so nothing else changes.
type dividerTheme struct{ fyne.Theme }

// dividerPadding makes the divider 14 px wide with a 3.5 × 28 px grip.
const dividerPadding = 7

func (t dividerTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNamePadding {
		return dividerPadding
	}
	return t.Theme.Size(n)
}

func (t dividerTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameShadow {
		// The strip in the separator's colour: visible as a bar on both
		// variants, where the shadow colour is nearly transparent.
		return t.Theme.Color(theme.ColorNameSeparator, v)
	}
	return t.Theme.Color(n, v)
}

// leadsSplit is the list beside the lead pane with a divider a user can
// see and grab.
func leadsSplit(list, detail fyne.CanvasObject) (fyne.CanvasObject, *container.Split) {
	base := fyne.CurrentApp().Settings().Theme()
	split := container.NewHSplit(container.NewThemeOverride(list, base), container.NewThemeOverride(detail, base))
	return container.NewThemeOverride(split, dividerTheme{base}), split
}

// paneOf is what stands for detail in layout's split: the theme wrapper
// leadsSplit put around it, or detail itself when there is none.
func paneOf(layout, detail fyne.CanvasObject) fyne.CanvasObject {
	switch o := layout.(type) {
	case *container.ThemeOverride:
		return paneOf(o.Content, detail)
	case *container.Split:
		if w, ok := o.Trailing.(*container.ThemeOverride); ok && w.Content == detail {
			return w
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			if p := paneOf(c, detail); p != detail {
				return p
			}
		}
	}
	return detail
}
