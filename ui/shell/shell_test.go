package shell

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/ui/apptheme"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// screens are three tabs that count how often each was shown.
func screens(shown map[string]int) []Tab {
	tab := func(key, title string) Tab {
		return Tab{Key: key, Title: title, Icon: theme.InfoIcon(), Content: widget.NewLabel(title + " content"),
			OnShow: func() { shown[key]++ }}
	}
	quiet := tab("about", "Om")
	quiet.OnShow = nil // a screen with nothing to refresh
	return []Tab{tab("leads", "Leads"), tab("fields", "Feltopsætning"), quiet}
}

func TestTabsAppearInTheOrderGiven(t *testing.T) {
	w := uitest.Setup(t)
	s := New(screens(map[string]int{}), false)
	w.SetContent(s.Content())
	var names []string
	for i, it := range s.tabs.Items {
		names = append(names, it.Text)
		if it.Icon == nil {
			t.Errorf("tab %d has no icon", i)
		}
		if l, ok := it.Content.(*widget.Label); !ok || l.Text != it.Text+" content" {
			t.Errorf("tab %q shows %v", it.Text, it.Content)
		}
	}
	if got := strings.Join(names, ","); got != "Leads,Feltopsætning,Om" {
		t.Errorf("tabs = %s", got)
	}
	if s.Current() != "leads" {
		t.Errorf("open at start: %q, want the first tab", s.Current())
	}
}

func TestOnShowIsCalledWhenATabIsSelected(t *testing.T) {
	w := uitest.Setup(t)
	shown := map[string]int{}
	s := New(screens(shown), false)
	w.SetContent(s.Content())
	if len(shown) != 0 {
		t.Errorf("hooks ran before any tab was opened: %v", shown)
	}
	s.tabs.SelectIndex(1) // what a click on the tab does
	s.tabs.SelectIndex(2) // no OnShow: nothing to call, nothing breaks
	s.tabs.SelectIndex(0)
	if shown["fields"] != 1 || shown["leads"] != 1 {
		t.Errorf("shown = %v, want fields and leads once each", shown)
	}
}

func TestShowSelectsByKey(t *testing.T) {
	w := uitest.Setup(t)
	shown := map[string]int{}
	s := New(screens(shown), false)
	w.SetContent(s.Content())
	if !s.Show("fields") || s.Current() != "fields" || s.tabs.Selected().Text != "Feltopsætning" {
		t.Fatalf("Show(fields) opened %q", s.Current())
	}
	if shown["fields"] != 1 {
		t.Errorf("Show did not call OnShow: %v", shown)
	}
	s.Show("fields") // already open: no second refresh
	if shown["fields"] != 1 {
		t.Errorf("re-showing the open tab refreshed it again: %v", shown)
	}
	if s.Show("nope") || s.Current() != "fields" {
		t.Errorf("an unknown key changed the tab to %q", s.Current())
	}
}

func TestDemoBannerOnlyInDemoMode(t *testing.T) {
	w := uitest.Setup(t)
	demo := New(screens(map[string]int{}), true)
	w.SetContent(demo.Content())
	if !strings.Contains(strings.Join(uitest.Texts(demo.Content()), " "), "DEMO") {
		t.Error("no DEMO banner in demo mode")
	}
	plain := New(screens(map[string]int{}), false)
	if strings.Contains(strings.Join(uitest.Texts(plain.Content()), " "), "DEMO") {
		t.Error("DEMO banner outside demo mode")
	}
}

// The DEMO banner's text reaches WCAG AA on its orange whatever the
// theme variant: it was the theme's foreground, near white when dark.
func TestDemoBannerReadable(t *testing.T) {
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		w := uitest.Setup(t)
		fyne.CurrentApp().Settings().SetTheme(apptheme.Variant(v))
		demo := New(screens(map[string]int{}), true)
		w.SetContent(demo.Content())
		var bg, fg color.Color
		uitest.Walk(demo.Content(), func(o fyne.CanvasObject) {
			switch x := o.(type) {
			case *fyne.Container: // the banner: its colour under its text
				if r, ok := x.Objects[0].(*canvas.Rectangle); ok && len(x.Objects) == 2 &&
					strings.Contains(strings.Join(uitest.Texts(x.Objects[1]), " "), "DEMO") {
					bg = r.FillColor
				}
			case *canvas.Text:
				if strings.Contains(x.Text, "DEMO") {
					fg = x.Color
				}
			case *widget.Label:
				if strings.Contains(x.Text, "DEMO") {
					fg = fyne.CurrentApp().Settings().Theme().Color(theme.ColorNameForeground, v)
				}
			}
		})
		if bg == nil || fg == nil {
			t.Fatalf("variant %d: banner background %v, text colour %v", v, bg, fg)
		}
		if r := apptheme.Contrast(fg, bg); r < 4.5 {
			t.Errorf("variant %d: DEMO text %v on %v = %.2f:1, want ≥ 4.5:1", v, fg, bg, r)
		}
	}
}

// splitIn finds the split of a LeadsLayout, through its theme wrappers.
func splitIn(o fyne.CanvasObject) *container.Split {
	switch o := o.(type) {
	case *container.Split:
		return o
	case *container.ThemeOverride:
		return splitIn(o.Content)
	case *fyne.Container:
		for _, c := range o.Objects {
			if sp := splitIn(c); sp != nil {
				return sp
			}
		}
	}
	return nil
}

// unwrap is the pane inside a theme wrapper.
func unwrap(o fyne.CanvasObject) fyne.CanvasObject {
	if w, ok := o.(*container.ThemeOverride); ok {
		return w.Content
	}
	return o
}

func TestLeadsLayoutPutsToolsAboveTheSplit(t *testing.T) {
	uitest.Setup(t)
	list, detail, tools := widget.NewLabel("list"), widget.NewLabel("detail"), widget.NewLabel("tools")
	if sp := splitIn(LeadsLayout(list, detail, nil)); sp == nil || unwrap(sp.Leading) != list || unwrap(sp.Trailing) != detail {
		t.Errorf("without tools: not the list beside the details")
	}
	border, ok := LeadsLayout(list, detail, tools).(*fyne.Container)
	if !ok {
		t.Fatal("with tools: not a container")
	}
	sp := splitIn(border)
	hasTools := false
	for _, o := range border.Objects {
		hasTools = hasTools || o == tools
	}
	if sp == nil || unwrap(sp.Leading) != list || unwrap(sp.Trailing) != detail || !hasTools {
		t.Errorf("with tools: split of list and details %v, tools %v", sp != nil, hasTools)
	}
}

// The divider between the list and the lead pane is a bar a user sees
// and can grab (Fyne's own is an 8 px strip in a nearly transparent
// colour), while the panes keep the app's padding.
func TestSplitHandleIsVisible(t *testing.T) {
	w := uitest.Setup(t)
	list, detail := widget.NewLabel("list"), widget.NewLabel("detail")
	w.SetContent(LeadsLayout(list, detail, widget.NewLabel("tools")))
	w.Resize(fyne.NewSize(1024, 640))
	sp := splitIn(w.Content())
	var divider fyne.CanvasObject
	for _, o := range test.WidgetRenderer(sp).Objects() {
		if o != sp.Leading && o != sp.Trailing {
			divider = o
		}
	}
	if divider == nil {
		t.Fatal("no divider in the split")
	}
	if wd := divider.Size().Width; wd < 12 {
		t.Errorf("divider %.0f px wide, want at least 12", wd)
	}
	base := fyne.CurrentApp().Settings().Theme()
	if got := list.Theme().Size(theme.SizeNamePadding); got != base.Size(theme.SizeNamePadding) {
		t.Errorf("the list's padding is %.0f, want the app's %.0f", got, base.Size(theme.SizeNamePadding))
	}
	// The strip is opaque (Fyne's shadow colour is a translucent black),
	// and the grip on it stands 3:1 off it in both variants.
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		dt := dividerTheme{apptheme.New()}
		strip, grip := dt.Color(theme.ColorNameShadow, v), dt.Color(theme.ColorNameForeground, v)
		if _, _, _, a := strip.RGBA(); a != 0xffff {
			t.Errorf("variant %d: divider strip %v is translucent", v, strip)
		}
		if r := apptheme.Contrast(grip, strip); r < 3 {
			t.Errorf("variant %d: grip %v on strip %v = %.2f:1, want ≥ 3:1", v, grip, strip, r)
		}
	}
}

// With the lead pane hidden (the guided start) the list side takes the
// whole width; shown again, the split is back.
func TestShowDetailGivesTheListTheWidth(t *testing.T) {
	w := uitest.Setup(t)
	list, detail, tools := widget.NewLabel("list"), widget.NewLabel("detail"), widget.NewLabel("tools")
	l := LeadsLayout(list, detail, tools)
	w.SetContent(l)
	w.Resize(fyne.NewSize(1024, 640))
	full := l.Size().Width
	if list.Size().Width > full*0.7 {
		t.Fatalf("list %.0f of %.0f before hiding: not split", list.Size().Width, full)
	}
	ShowDetail(l, detail, false)
	if detail.Visible() || list.Size().Width < full-1 {
		t.Errorf("hidden: detail visible %v, list %.0f of %.0f", detail.Visible(), list.Size().Width, full)
	}
	ShowDetail(l, detail, true)
	if !detail.Visible() || list.Size().Width > full*0.7 {
		t.Errorf("shown: detail visible %v, list %.0f of %.0f", detail.Visible(), list.Size().Width, full)
	}
}
