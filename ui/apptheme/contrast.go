package apptheme

import (
	"image/color"
	"math"
)

// Banner and OnBanner are the DEMO banner's orange and the text on it,
// the same in both variants (the banner's point is to look alike always).
var (
	Banner   color.Color = rgb(0xf2, 0xa5, 0x41)
	OnBanner color.Color = rgb(0x17, 0x17, 0x18)
)

// Contrast is WCAG 2's contrast ratio of two opaque colours, from 1 (the
// same) to 21 (black on white); AA asks 4.5 for normal text.
func Contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Over is a translucent colour painted over an opaque one, as a list
// row's hover or selection tint is painted over the window's background.
func Over(top, under color.Color) color.NRGBA {
	t := color.NRGBAModel.Convert(top).(color.NRGBA)
	u := color.NRGBAModel.Convert(under).(color.NRGBA)
	a := float64(t.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(t.R, u.R), G: mix(t.G, u.G), B: mix(t.B, u.B), A: 0xff}
}

// luminance is WCAG 2's relative luminance of an opaque colour.
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}
