// Package apptheme is the window's theme: Fyne's default theme with the
// colours that fail WCAG AA (4.5:1) replaced, in both the light and the
// dark variant. Fyne's hint text (low-importance labels and disabled
// text) is about 1.3:1 on white and its green "success" about 1.5:1, so
// a salesperson could not read "Synkroniseret" or why a button is off.
// Everything not listed here (sizes, fonts, icons) stays Fyne's.
package apptheme

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// palette is one variant's replaced colours; names not in it fall back
// to Fyne's default theme.
type palette map[fyne.ThemeColorName]color.NRGBA

// light and dark are tuned so that each text colour reaches 4.5:1 on
// every background it is drawn on (TestContrastAA lists the pairs):
// darker greens, oranges and reds on white, lighter ones on black, a
// fixed blue (Fyne's follows a user setting; it is also the open tab's
// text colour), and a lighter row selection so that status words stay
// readable on a selected row.
var (
	light = palette{
		// Near-black text, so that disabled text, now readable at 6:1,
		// still looks off beside it (Fyne's 0x565656 would be the same grey).
		theme.ColorNameForeground:          rgb(0x22, 0x22, 0x22),
		theme.ColorNameDisabled:            rgb(0x60, 0x60, 0x60),
		theme.ColorNamePlaceHolder:         rgb(0x60, 0x60, 0x60),
		theme.ColorNameSuccess:             rgb(0x1a, 0x6e, 0x1f),
		theme.ColorNameWarning:             rgb(0x8f, 0x4a, 0x00),
		theme.ColorNameError:               rgb(0xb3, 0x1b, 0x1b),
		theme.ColorNameForegroundOnSuccess: rgb(0xff, 0xff, 0xff),
		theme.ColorNameForegroundOnWarning: rgb(0xff, 0xff, 0xff),
		theme.ColorNameForegroundOnError:   rgb(0xff, 0xff, 0xff),
		theme.ColorNamePrimary:             rgb(0x1a, 0x5f, 0xd6),
		theme.ColorNameForegroundOnPrimary: rgb(0xff, 0xff, 0xff),
		theme.ColorNameHyperlink:           rgb(0x1a, 0x5a, 0xc8),
		theme.ColorNameSelection:           nrgba(0x00, 0x6c, 0xff, 0x26),
		// Focus is what Fyne fills a focused button, check, select or
		// link outline with: strong enough to stand 3:1 off the surface
		// (WCAG 1.4.11), light enough for the text on it to keep 4.5:1
		// (TestFocusVisible; Fyne's faint 25% blue was 1.3:1).
		theme.ColorNameFocus: nrgba(0x06, 0x7e, 0xba, 0xd0),
	}
	dark = palette{
		// White text, not Fyne's #f3f3f3: the few points of headroom
		// let a focused button be 3:1 off the background and still
		// carry 4.5:1 text.
		theme.ColorNameForeground:          rgb(0xff, 0xff, 0xff),
		theme.ColorNameDisabled:            rgb(0x9a, 0x9a, 0x9a),
		theme.ColorNamePlaceHolder:         rgb(0xb2, 0xb2, 0xb2),
		theme.ColorNameSuccess:             rgb(0x5c, 0xe0, 0x52),
		theme.ColorNameWarning:             rgb(0xff, 0xa7, 0x26),
		theme.ColorNameError:               rgb(0xff, 0x7a, 0x6e),
		theme.ColorNameForegroundOnSuccess: rgb(0x17, 0x17, 0x18),
		theme.ColorNameForegroundOnWarning: rgb(0x17, 0x17, 0x18),
		theme.ColorNameForegroundOnError:   rgb(0x17, 0x17, 0x18),
		// Primary is text too (the open tab's title): a light blue with
		// dark text on primary buttons, as dark themes usually do.
		theme.ColorNamePrimary:             rgb(0x6e, 0xa8, 0xff),
		theme.ColorNameForegroundOnPrimary: rgb(0x17, 0x17, 0x18),
		theme.ColorNameHyperlink:           rgb(0x7a, 0xb0, 0xff),
		theme.ColorNameSelection:           nrgba(0x00, 0x6c, 0xff, 0x40),
		theme.ColorNameFocus:               nrgba(0x72, 0x84, 0xc0, 0xd0),
	}
)

// Theme is Fyne's default theme with our readable colours.
type Theme struct {
	fyne.Theme
	// variant, when set, fixes the variant (tests, and a future setting);
	// otherwise the system's light or dark preference applies.
	variant *fyne.ThemeVariant
}

// New returns the theme following the system's light or dark preference.
func New() *Theme { return &Theme{Theme: theme.DefaultTheme()} }

// Variant returns the theme fixed to one variant (theme.VariantLight or
// theme.VariantDark) whatever the system prefers.
func Variant(v fyne.ThemeVariant) *Theme {
	return &Theme{Theme: theme.DefaultTheme(), variant: &v}
}

// Color returns our colour for the names we replace and Fyne's otherwise.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.variant != nil {
		v = *t.variant
	}
	p := dark
	if v == theme.VariantLight {
		p = light
	}
	if c, ok := p[n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}

func rgb(r, g, b uint8) color.NRGBA      { return color.NRGBA{R: r, G: g, B: b, A: 0xff} }
func nrgba(r, g, b, a uint8) color.NRGBA { return color.NRGBA{R: r, G: g, B: b, A: a} }
