package desktop

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/rabitiq/superoffice-sync/ui/shell"
)

// Tab keys: code that opens a screen (the export's "Forbind igen" opens
// Integrationer) names it by key, not by its place in the row.
const (
	tabLeads        = "leads"
	tabHistory      = "history"
	tabFields       = "fields"
	tabIntegrations = "integrations"
	tabAbout        = "about"
)

// screens are the built views the window shows, each with its refresh.
type screens struct {
	leads, history, fields, integrations, about fyne.CanvasObject
	onHistory, onFields                         func()
}

// tabs is the window's row of screens, in order; a new screen is one more
// element here.
func (s screens) tabs() []shell.Tab {
	return []shell.Tab{
		{Key: tabLeads, Title: lang.L("Leads"), Icon: theme.ListIcon(), Content: s.leads},
		{Key: tabHistory, Title: lang.L("Sync log"), Icon: theme.HistoryIcon(), Content: s.history, OnShow: s.onHistory},
		// Opening Feltopsætning checks the tenant live.
		{Key: tabFields, Title: lang.L("Field setup"), Icon: theme.ViewRefreshIcon(), Content: s.fields, OnShow: s.onFields},
		{Key: tabIntegrations, Title: lang.L("Integrations"), Icon: theme.SettingsIcon(), Content: container.NewPadded(s.integrations)},
		{Key: tabAbout, Title: lang.L("About"), Icon: theme.InfoIcon(), Content: s.about},
	}
}
