// Package shell is the main window's layout: the DEMO banner, the tabs
// (Leads, Feltopsætning, Integrationer, Om) and the split between the lead
// list and the lead's details. It composes the feature views and owns no
// logic of its own.
package shell

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Parts are the screens the window shows.
type Parts struct {
	List, Detail, Fields, Integrations, About fyne.CanvasObject
	// History is the sync log; LeadTools sits above the lead list (batch
	// export). Both are optional.
	History, LeadTools fyne.CanvasObject
	Demo               bool
	// OnFieldsTab is called when the Feltopsætning tab is opened, so the
	// checklist can check the tenant live; OnHistoryTab likewise reloads
	// the log.
	OnFieldsTab, OnHistoryTab func()
}

// Shell is the composed window content.
type Shell struct {
	Tabs  *container.AppTabs
	Split *container.Split
	root  fyne.CanvasObject
}

// Tab indexes.
const (
	TabLeads = iota
	TabHistory
	TabFields
	TabIntegrations
	TabAbout
)

// New lays the parts out.
func New(p Parts) *Shell {
	s := &Shell{}
	s.Split = container.NewHSplit(p.List, p.Detail)
	s.Split.Offset = 0.52
	var leads fyne.CanvasObject = s.Split
	if p.LeadTools != nil {
		leads = container.NewBorder(p.LeadTools, nil, nil, nil, s.Split)
	}
	history := p.History
	if history == nil {
		history = widget.NewLabel("")
	}
	s.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Leads"), theme.ListIcon(), leads),
		container.NewTabItemWithIcon(lang.L("Sync log"), theme.HistoryIcon(), history),
		container.NewTabItemWithIcon(lang.L("Field setup"), theme.ViewRefreshIcon(), p.Fields),
		container.NewTabItemWithIcon(lang.L("Integrations"), theme.SettingsIcon(), container.NewPadded(p.Integrations)),
		container.NewTabItemWithIcon(lang.L("About"), theme.InfoIcon(), p.About),
	)
	s.Tabs.OnSelected = func(t *container.TabItem) {
		if t == s.Tabs.Items[TabFields] && p.OnFieldsTab != nil {
			p.OnFieldsTab()
		}
		if t == s.Tabs.Items[TabHistory] && p.OnHistoryTab != nil {
			p.OnHistoryTab()
		}
	}
	s.root = s.Tabs
	if p.Demo {
		bg := canvas.NewRectangle(color.NRGBA{R: 0xF2, G: 0xA5, B: 0x41, A: 0xff})
		txt := widget.NewLabelWithStyle(lang.L("DEMO – a simulated SuperOffice tenant and sample leads; nothing leaves this computer"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		s.root = container.NewBorder(container.NewStack(bg, txt), nil, nil, nil, s.Tabs)
	}
	return s
}

// Content returns the window content.
func (s *Shell) Content() fyne.CanvasObject { return s.root }
