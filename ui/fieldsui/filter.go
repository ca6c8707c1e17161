package fieldsui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/core/fieldsetup"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
)

// filter is what "Vis kun dem der mangler" shows and hides: the rows by
// field number, grouped in the guide's cards, and which fields the last
// check found ready.
type filter struct {
	groups []group
	// ready is the last check's verdict by field number; nil before a
	// check and after a failed one, when every row is shown: a row whose
	// state is unknown must not vanish.
	ready map[int]bool
	none  *widget.Label // "Alle felter er klar", when the filter hides all
}

// group is one of the guide's cards and its rows.
type group struct {
	card *widget.Card
	rows []member
}

type member struct {
	no  int
	row fyne.CanvasObject
}

// showAdvice writes each field's advice under its description in the
// window's language, hides it for a ready field, and filters again.
// results nil (the check failed) hides every advice.
func (v *View) showAdvice(results []fieldsetup.Result) {
	for _, l := range v.Advice {
		l.Hide()
	}
	v.list.ready = nil
	if results != nil {
		v.list.ready = map[int]bool{}
	}
	for _, r := range results {
		v.list.ready[r.Field.No] = r.Status == fieldsetup.Present
		l := v.Advice[r.Field.No]
		if a := r.Advice(); a.Code != "" {
			l.SetText(a.Text(i18n.Lang()))
			l.Show()
		}
	}
	v.applyFilter()
}

// applyFilter shows every row, or with the filter on only those not ready;
// a card with no row left is hidden.
func (v *View) applyFilter() {
	only := v.OnlyMissing.Checked && v.list.ready != nil
	shown := 0
	for _, g := range v.list.groups {
		inCard := 0
		for _, m := range g.rows {
			if only && v.list.ready[m.no] {
				m.row.Hide()
				continue
			}
			m.row.Show()
			inCard++
		}
		if inCard == 0 {
			g.card.Hide()
		} else {
			g.card.Show()
		}
		shown += inCard
	}
	if only && shown == 0 {
		v.list.none.Show()
	} else {
		v.list.none.Hide()
	}
	v.Scroll.Content.Refresh()
	v.Scroll.Refresh()
}
