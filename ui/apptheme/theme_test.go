package apptheme

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// The known failures of Fyne's default theme the issue measured: the
// helpers must see them, or the test below proves nothing.
func TestContrastHelpersSeeFynesFailures(t *testing.T) {
	test.NewTempApp(t)
	def := theme.DefaultTheme()
	white := def.Color(theme.ColorNameBackground, theme.VariantLight)
	if r := Contrast(def.Color(theme.ColorNameSuccess, theme.VariantLight), white); r >= 2 {
		t.Errorf("Fyne's green on white = %.2f:1, want the ~1.5:1 the issue measured", r)
	}
	if r := Contrast(def.Color(theme.ColorNameDisabled, theme.VariantLight), white); r >= 2 {
		t.Errorf("Fyne's hint text on white = %.2f:1, want the failing value", r)
	}
	if r := Contrast(color.Black, color.White); math.Abs(r-21) > 0.01 {
		t.Errorf("black on white = %.2f:1, want 21:1", r)
	}
}

// Every text and status colour reaches WCAG AA (4.5:1) on every
// background it is shown on, in both variants: the window, inputs,
// buttons, dialogs, menus, a hovered or selected list row (in the window
// and in a dialog), text on coloured and focused buttons, and the DEMO
// banner.
func TestContrastAA(t *testing.T) {
	test.NewTempApp(t)
	texts := []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNamePlaceHolder, theme.ColorNameDisabled,
		theme.ColorNameSuccess, theme.ColorNameWarning, theme.ColorNameError, theme.ColorNameHyperlink,
		theme.ColorNamePrimary} // the open tab's title and high-importance labels are drawn in primary
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := Variant(v)
		c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
		bgs := map[string]color.Color{}
		for _, n := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameButton,
			theme.ColorNameDisabledButton, theme.ColorNameOverlayBackground, theme.ColorNameMenuBackground, theme.ColorNameHeaderBackground} {
			bgs[string(n)] = c(n)
		}
		for _, base := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground} {
			for _, tint := range []fyne.ThemeColorName{theme.ColorNameHover, theme.ColorNameSelection} {
				bgs[string(tint)+" on "+string(base)] = Over(c(tint), c(base))
			}
		}
		type pair struct {
			fg, bg string
			f, b   color.Color
		}
		var pairs []pair
		for _, fg := range texts {
			for name, bg := range bgs {
				pairs = append(pairs, pair{string(fg), name, c(fg), bg})
			}
		}
		for fg, bg := range map[fyne.ThemeColorName]fyne.ThemeColorName{
			theme.ColorNameForegroundOnPrimary: theme.ColorNamePrimary, theme.ColorNameForegroundOnSuccess: theme.ColorNameSuccess,
			theme.ColorNameForegroundOnWarning: theme.ColorNameWarning, theme.ColorNameForegroundOnError: theme.ColorNameError,
		} {
			pairs = append(pairs, pair{string(fg), string(bg), c(fg), c(bg)})
			// A focused button blends the focus tint over its colour.
			pairs = append(pairs, pair{string(fg), "focus on " + string(bg), c(fg), Over(c(theme.ColorNameFocus), c(bg))})
		}
		pairs = append(pairs, pair{"OnBanner", "Banner (DEMO)", OnBanner, Banner})
		pairs = append(pairs, pair{string(theme.ColorNameForeground), "focus on button", c(theme.ColorNameForeground),
			Over(c(theme.ColorNameFocus), c(theme.ColorNameButton))})
		for _, p := range pairs {
			if r := Contrast(p.f, p.b); r < 4.5 {
				t.Errorf("%s: %s on %s = %.2f:1, want ≥ 4.5:1 (%s on %s)", variantName(v), p.fg, p.bg, r, hex(p.f), hex(p.b))
			}
		}
	}
}

// The theme answers for its variant whatever the caller asks, and falls
// back to Fyne's for names it does not replace.
func TestVariantFixedAndFallback(t *testing.T) {
	test.NewTempApp(t)
	th := Variant(theme.VariantLight)
	if got, want := th.Color(theme.ColorNameSuccess, theme.VariantDark), light[theme.ColorNameSuccess]; got != want {
		t.Errorf("light theme asked for dark success = %v, want %v", got, want)
	}
	if got, want := th.Color(theme.ColorNameBackground, theme.VariantDark), theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight); got != want {
		t.Errorf("background = %v, want Fyne's light %v", got, want)
	}
	if got, want := New().Color(theme.ColorNameSuccess, theme.VariantDark), dark[theme.ColorNameSuccess]; got != want {
		t.Errorf("system theme dark success = %v, want %v", got, want)
	}
}

func variantName(v fyne.ThemeVariant) string {
	if v == theme.VariantLight {
		return "light"
	}
	return "dark"
}

func hex(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return fmt.Sprintf("#%02x%02x%02x", n.R, n.G, n.B)
}

// Disabled text stays distinguishable from ordinary text: readable, yet
// visibly lighter (light) or darker (dark), at least 2:1 apart.
func TestDisabledStillLooksDisabled(t *testing.T) {
	test.NewTempApp(t)
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := Variant(v)
		if r := Contrast(th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNameDisabled, v)); r < 2 {
			t.Errorf("%s: foreground vs disabled = %.2f:1, want ≥ 2:1", variantName(v), r)
		}
	}
}
