package desktop

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/ui/shell"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// The window's row of screens in the guide's words and order, and the key
// the export's "Forbind igen" uses opens Integrationer.
func TestWindowTabsInOrderAndByKey(t *testing.T) {
	uitest.Setup(t)
	var checked, reloaded int
	tabs := screens{leads: widget.NewLabel("l"), history: widget.NewLabel("h"), fields: widget.NewLabel("f"),
		integrations: widget.NewLabel("i"), about: widget.NewLabel("a"),
		onHistory: func() { reloaded++ }, onFields: func() { checked++ }}.tabs()
	var titles, keys []string
	for _, tb := range tabs {
		titles, keys = append(titles, tb.Title), append(keys, tb.Key)
	}
	if got := strings.Join(titles, ","); got != "Leads,Synkroniseringslog,Feltopsætning,Integrationer,Om" {
		t.Errorf("tabs = %s", got)
	}
	if got := strings.Join(keys, ","); got != strings.Join([]string{tabLeads, tabHistory, tabFields, tabIntegrations, tabAbout}, ",") {
		t.Errorf("keys = %s", got)
	}
	sh := shell.New(tabs, false)
	for _, k := range []string{tabFields, tabHistory, tabIntegrations} {
		if !sh.Show(k) || sh.Current() != k {
			t.Errorf("Show(%s) opened %q", k, sh.Current())
		}
	}
	if checked != 1 || reloaded != 1 {
		t.Errorf("Feltopsætning checked %d times, log reloaded %d times; want once each", checked, reloaded)
	}
}
