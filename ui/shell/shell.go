// Package shell is the main window's layout: the DEMO banner over a row of
// tabs, one per screen, and the split between the lead list and the lead's
// details. The screens come in as a list, so adding one is one more Tab;
// the shell composes them and owns no logic of its own.
package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/ui/apptheme"
)

// Tab is one screen of the window.
type Tab struct {
	// Key names the tab for code that opens it (Shell.Show), so callers
	// need not know where in the row it sits or what it is called in the
	// current language.
	Key     string
	Title   string // shown, already translated
	Icon    fyne.Resource
	Content fyne.CanvasObject
	// OnShow, when set, is called each time the tab is opened, so a screen
	// can refresh what it shows (the field checklist asks the tenant, the
	// sync log reloads). It is not called for the tab shown at start.
	OnShow func()
}

// Shell is the composed window content.
type Shell struct {
	tabs  *container.AppTabs
	items []Tab
	root  fyne.CanvasObject
}

// New lays the tabs out in the order given, under the DEMO banner when demo
// is set.
func New(tabs []Tab, demo bool) *Shell {
	s := &Shell{items: tabs, tabs: container.NewAppTabs()}
	for _, t := range tabs {
		content := t.Content
		if content == nil {
			content = widget.NewLabel("")
		}
		s.tabs.Append(container.NewTabItemWithIcon(t.Title, t.Icon, content))
	}
	s.tabs.OnSelected = func(it *container.TabItem) {
		if i := s.index(it); i >= 0 && s.items[i].OnShow != nil {
			s.items[i].OnShow()
		}
	}
	s.root = s.tabs
	if demo {
		// The banner's text has its own dark colour: the theme's foreground
		// (near white in the dark variant) was about 1.9:1 on the orange.
		bg := canvas.NewRectangle(apptheme.Banner)
		txt := canvas.NewText(lang.L("DEMO – a simulated SuperOffice tenant and sample leads; nothing leaves this computer"), apptheme.OnBanner)
		txt.Alignment, txt.TextStyle = fyne.TextAlignCenter, fyne.TextStyle{Bold: true}
		s.root = container.NewBorder(container.NewStack(bg, container.NewPadded(txt)), nil, nil, nil, s.tabs)
	}
	return s
}

// index is the position of a tab item in the row, -1 when it is not ours.
func (s *Shell) index(it *container.TabItem) int {
	for i, x := range s.tabs.Items {
		if x == it {
			return i
		}
	}
	return -1
}

// Show opens the tab with the key (calling its OnShow unless it is already
// open) and reports whether there is such a tab.
func (s *Shell) Show(key string) bool {
	for i, t := range s.items {
		if t.Key == key {
			s.tabs.SelectIndex(i)
			return true
		}
	}
	return false
}

// Current is the key of the open tab, "" when there is none.
func (s *Shell) Current() string {
	if i := s.tabs.SelectedIndex(); i >= 0 && i < len(s.items) {
		return s.items[i].Key
	}
	return ""
}

// Content returns the window content.
func (s *Shell) Content() fyne.CanvasObject { return s.root }

// LeadsLayout is the content of the leads screen: the list beside the
// lead's details, with tools (batch export), when given, above both.
func LeadsLayout(list, detail, tools fyne.CanvasObject) fyne.CanvasObject {
	root, split := leadsSplit(list, detail)
	// The list gets the larger share: its company names are what the user
	// scans, and at 1024 px 0.6 leaves a 30-character name room to show
	// in full beside the score, CVR and status columns.
	split.Offset = 0.6
	if tools == nil {
		return root
	}
	return container.NewBorder(tools, nil, nil, nil, root)
}

// ShowDetail shows or hides the lead pane of a LeadsLayout; hidden, the
// list side (the guided start, before any import) gets the whole width.
func ShowDetail(layout, detail fyne.CanvasObject, show bool) {
	if show == detail.Visible() {
		return
	}
	// The split sees the pane's theme wrapper (divider.go), not the pane:
	// both are shown or hidden, so the split gives the list the width.
	pane := paneOf(layout, detail)
	if show {
		detail.Show()
		pane.Show()
	} else {
		detail.Hide()
		pane.Hide()
	}
	layout.Refresh()
}
