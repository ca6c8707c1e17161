package leads

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/store"
)

// Sorter is the list's sortable headers: tapping one sorts the list by
// it, tapping it again turns the order around. Only orders the store reads
// from an index are offered, so a page stays as fast at 100k leads (the
// status's is an index on sync_state, migration 0012).
type Sorter struct {
	// ByName, ByScore, ByImported and ByStatus are the header buttons; the
	// active one carries ▲ (ascending) or ▼ (descending).
	ByName, ByScore, ByImported, ByStatus *widget.Button
	sort                                  store.Sort
	reverse                               bool
	onChange                              func()
}

// newSorter starts on the store's default order, best score first.
func newSorter(onChange func()) *Sorter {
	s := &Sorter{onChange: onChange}
	mk := func(by store.Sort) *widget.Button {
		b := widget.NewButton("", func() { s.Tap(by) })
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	s.ByName, s.ByScore, s.ByImported = mk(store.SortName), mk(store.SortScore), mk(store.SortImported)
	s.ByStatus = mk(store.SortStatus)
	s.refresh()
	return s
}

// Tap is a tap on the header of by.
func (s *Sorter) Tap(by store.Sort) {
	if by == s.sort {
		s.reverse = !s.reverse
	} else {
		s.sort, s.reverse = by, false
	}
	s.refresh()
	if s.onChange != nil {
		s.onChange()
	}
}

// Options is the current order for store.ListOptions.
func (s *Sorter) Options() (store.Sort, bool) { return s.sort, s.reverse }

// ascending says whether a sort's forward order goes up: names A–Z do,
// scores (best first) and import times (newest first) go down, and so
// does the status, from what needs the user most (failed) to what needs
// nothing (synced).
func ascending(by store.Sort, reverse bool) bool {
	return (by == store.SortName) != reverse
}

func (s *Sorter) refresh() {
	for _, h := range []struct {
		b    *widget.Button
		by   store.Sort
		text string
	}{{s.ByName, store.SortName, lang.L("Company")}, {s.ByScore, store.SortScore, lang.L("Score")}, {s.ByImported, store.SortImported, lang.L("Imported")}, {s.ByStatus, store.SortStatus, lang.L("Status")}} {
		t := h.text
		if h.by == s.sort {
			if ascending(s.sort, s.reverse) {
				t += " ▲"
			} else {
				t += " ▼"
			}
		}
		h.b.SetText(t)
	}
}

// nameHeader is the company column's heading: the name sort on the left,
// the import-time sort on the right (the list has no date column to
// carry it).
func (s *Sorter) nameHeader() fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, s.ByImported, s.ByName)
}

// resort shows the list in the order the headers now ask for: the count
// is the same, only the cached pages are stale.
func (v *View) resort() {
	v.pages = map[int][]store.LeadRow{}
	v.List.UnselectAll()
	v.List.ScrollToTop()
	v.List.Refresh()
}
