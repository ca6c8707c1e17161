package shell

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

func parts(demo bool, onFields func()) Parts {
	return Parts{List: widget.NewLabel("list"), Detail: widget.NewLabel("detail"), Fields: widget.NewLabel("fields"),
		Integrations: widget.NewLabel("integ"), About: widget.NewLabel("about"), Demo: demo, OnFieldsTab: onFields}
}

func TestTabsBannerAndFieldCheck(t *testing.T) {
	w := uitest.Setup(t)
	checked := 0
	s := New(parts(true, func() { checked++ }))
	w.SetContent(s.Content())
	var names []string
	for _, it := range s.Tabs.Items {
		names = append(names, it.Text)
	}
	if got := strings.Join(names, ","); got != "Leads,Synkroniseringslog,Feltopsætning,Integrationer,Om" {
		t.Errorf("tabs = %s", got)
	}
	if !strings.Contains(strings.Join(uitest.Texts(s.Content()), " "), "DEMO") {
		t.Error("no DEMO banner in demo mode")
	}
	s.Tabs.SelectIndex(TabFields)
	if checked != 1 {
		t.Errorf("opening Feltopsætning checked %d times", checked)
	}
	plain := New(parts(false, nil))
	if strings.Contains(strings.Join(uitest.Texts(plain.Content()), " "), "DEMO") {
		t.Error("DEMO banner outside demo mode")
	}
}
