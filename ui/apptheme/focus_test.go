package apptheme

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// focusFailures measures what Fyne 2.7 draws for keyboard focus, with
// the colours c gives: a focused button (every importance) is its colour
// with the focus tint blended over it, a focused check or radio gets a
// disk of the focus tint, a focused select is filled with it, a focused
// link gets a 2 px outline of it, and a focused entry a border in
// primary; the lead list marks its selected row with a bar in primary. Each must stand 3:1 off every surface it sits on (window,
// dialog, menu: WCAG 1.4.11 non-text contrast), and the text drawn on a
// focused fill must keep 4.5:1. It returns one line per failing pair.
func focusFailures(c func(fyne.ThemeColorName) color.Color) []string {
	var out []string
	check := func(what string, a, b color.Color, want float64) {
		if r := Contrast(a, b); r < want {
			out = append(out, fmt.Sprintf("%s = %.2f:1, want ≥ %.1f:1 (%s on %s)", what, r, want, hex(a), hex(b)))
		}
	}
	focus := c(theme.ColorNameFocus)
	fills := map[string]struct{ fg, bg fyne.ThemeColorName }{
		"button":           {theme.ColorNameForeground, theme.ColorNameButton},
		"low button/check": {theme.ColorNameForeground, ""},
		"select":           {theme.ColorNameForeground, ""},
		"primary button":   {theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary},
		"success button":   {theme.ColorNameForegroundOnSuccess, theme.ColorNameSuccess},
		"warning button":   {theme.ColorNameForegroundOnWarning, theme.ColorNameWarning},
		"danger button":    {theme.ColorNameForegroundOnError, theme.ColorNameError},
	}
	for _, s := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground, theme.ColorNameMenuBackground} {
		surface := c(s)
		for what, f := range fills {
			under := surface // a low-importance button, check disk or select is see-through
			if f.bg != "" {
				under = c(f.bg)
			}
			fill := Over(focus, under)
			check("focused "+what+" on "+string(s), fill, surface, 3)
			check("text on focused "+what+" on "+string(s), c(f.fg), fill, 4.5)
		}
		check("focused link outline on "+string(s), Over(focus, surface), surface, 3)
		check("focused entry border on "+string(s), c(theme.ColorNamePrimary), surface, 3)
		check("focused entry border on "+string(theme.ColorNameInputBackground), c(theme.ColorNamePrimary), c(theme.ColorNameInputBackground), 3)
		// The lead list's selected row (where the arrow keys are) has a
		// bar in primary beside the selection tint.
		check("selected-row bar on "+string(s), c(theme.ColorNamePrimary), surface, 3)
		check("selected-row bar on selection over "+string(s), c(theme.ColorNamePrimary), Over(c(theme.ColorNameSelection), surface), 3)
	}
	return out
}

// The focus indicator is visible in both variants: 3:1 off each surface
// it sits on, with readable text on it.
func TestFocusVisible(t *testing.T) {
	test.NewTempApp(t)
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := Variant(v)
		for _, f := range focusFailures(func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }) {
			t.Errorf("%s: %s", variantName(v), f)
		}
	}
}

// The measurement fails a too-faint focus colour: Fyne's own (a 25% blue
// tint) and a faint tint of ours, in both variants; else the test above
// proves nothing.
func TestFocusMeasureSeesFaintColour(t *testing.T) {
	test.NewTempApp(t)
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := Variant(v)
		for name, faint := range map[string]color.Color{
			"Fyne's":      theme.DefaultTheme().Color(theme.ColorNameFocus, v),
			"ours at 20%": func() color.NRGBA { f := th.Color(theme.ColorNameFocus, v).(color.NRGBA); f.A = 0x33; return f }(),
		} {
			got := focusFailures(func(n fyne.ThemeColorName) color.Color {
				if n == theme.ColorNameFocus {
					return faint
				}
				return th.Color(n, v)
			})
			if len(got) == 0 || !strings.Contains(strings.Join(got, "\n"), "focused button on background") {
				t.Errorf("%s: %s focus %s passed the measurement: %q", variantName(v), name, hex(faint), got)
			}
		}
	}
}

// TestFocusRatios logs the measured ratios (go test -v) for the record.
func TestFocusRatios(t *testing.T) {
	test.NewTempApp(t)
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := Variant(v)
		c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
		bg := c(theme.ColorNameBackground)
		fill := Over(c(theme.ColorNameFocus), c(theme.ColorNameButton))
		t.Logf("%s: focused button %.2f:1 off the background, text on it %.2f:1; focus disk/outline %.2f:1; entry border and selected-row bar %.2f:1 (bar on the selection %.2f:1)",
			variantName(v), Contrast(fill, bg), Contrast(c(theme.ColorNameForeground), fill),
			Contrast(Over(c(theme.ColorNameFocus), bg), bg), Contrast(c(theme.ColorNamePrimary), bg),
			Contrast(c(theme.ColorNamePrimary), Over(c(theme.ColorNameSelection), bg)))
	}
}
