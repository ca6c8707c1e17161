package leads

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/store"
)

// chipOrder is the order a user meets the statuses in (issue 19).
var chipOrder = []store.Status{store.StatusNew, store.StatusChanged, store.StatusReview, store.StatusFailed, store.StatusSynced}

// Chips is the status filter above the list: one chip per status with its
// count; tapping a chip shows only its leads, tapping it again all leads.
type Chips struct {
	// Buttons are the chips by status, exported for tests.
	Buttons  map[store.Status]*widget.Button
	active   store.Status
	counts   map[store.Status]int
	root     *fyne.Container
	onChange func()
}

func newChips(onChange func()) *Chips {
	c := &Chips{Buttons: map[store.Status]*widget.Button{}, onChange: onChange}
	// The chips wrap onto a second row in a narrow pane rather than
	// widening the list's minimum (and so squeezing the split).
	c.root = container.New(layout.NewRowWrapLayout())
	for _, st := range chipOrder {
		b := widget.NewButton("", func() { c.Tap(st) })
		c.Buttons[st] = b
		c.root.Add(b)
	}
	c.refresh()
	return c
}

// Tap is a tap on the chip of st.
func (c *Chips) Tap(st store.Status) {
	if c.active == st {
		c.active = ""
	} else {
		c.active = st
	}
	c.refresh()
	if c.onChange != nil {
		c.onChange()
	}
}

// Active is the status the list is filtered by; "" = all.
func (c *Chips) Active() store.Status { return c.active }

func (c *Chips) setCounts(counts map[store.Status]int) {
	c.counts = counts
	c.refresh()
}

func (c *Chips) refresh() {
	for _, st := range chipOrder {
		b := c.Buttons[st]
		b.SetText(lang.L("{{.Status}} ({{.Count}})", map[string]any{"Status": StatusText(st), "Count": c.counts[st]}))
		if st == c.active {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		b.Refresh()
	}
}
