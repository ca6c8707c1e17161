package integrations

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/export"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/ui/async"
)

// Lists is the optional part of the Service that reads the tenant's
// Category, Business and Task lists and stores the user's choices per
// tenant (tenant.Service has it); without it the screen shows no lists.
type Lists interface {
	ListChoices(ctx context.Context) ([]export.ListChoice, error)
	Choose(ctx context.Context, key, value string, items []so.ListItem) (so.ListItem, error)
}

// Choices are the three selects shown while connected: "Kategori for nye
// firmaer", "Branche for nye firmaer" and "Opgavetype for opfølgning".
// The tenant's default is an option of its own, marked "(standard)";
// choosing it forgets the choice, so the tenant's default keeps applying
// even if the admin changes it.
type Choices struct {
	Category, Business, Task *widget.Select
	// Gone says, per select, that a stored item was deleted in the tenant.
	Gone   [3]*widget.Label
	Status *widget.Label

	svc     Lists
	win     fyne.Window
	box     *fyne.Container
	choices []export.ListChoice
	options [3][]option
	loading bool
}

// option is one entry of a select: the item it stores, "" for the default.
type option struct {
	label, value string
}

func newChoices(svc Lists, win fyne.Window) *Choices {
	c := &Choices{svc: svc, win: win}
	c.Category, c.Business, c.Task = widget.NewSelect(nil, nil), widget.NewSelect(nil, nil), widget.NewSelect(nil, nil)
	c.Status = widget.NewLabel("")
	c.Status.Wrapping = fyne.TextWrapWord
	for i := range c.Gone {
		c.Gone[i] = widget.NewLabel("")
		c.Gone[i].Wrapping = fyne.TextWrapWord
		c.Gone[i].Importance = widget.WarningImportance
		c.Gone[i].Hide()
	}
	rule := widget.NewLabel(lang.L("A lead's industry is used when it has the same name as an item of the list."))
	rule.Wrapping = fyne.TextWrapWord
	rule.Importance = widget.LowImportance
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Category for new companies"), container.NewVBox(c.Category, c.Gone[0])),
		widget.NewFormItem(lang.L("Business for new companies"), container.NewVBox(c.Business, rule, c.Gone[1])),
		widget.NewFormItem(lang.L("Task type for follow-ups"), container.NewVBox(c.Task, c.Gone[2])),
	)
	c.box = container.NewVBox(widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("New companies and follow-ups"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		c.Status, form)
	c.box.Hide()
	return c
}

func (c *Choices) selects() [3]*widget.Select {
	return [3]*widget.Select{c.Category, c.Business, c.Task}
}

// show loads the lists off the UI goroutine when connected, and hides the
// selects otherwise.
func (c *Choices) show(connected bool) {
	if !connected {
		c.box.Hide()
		return
	}
	c.box.Show()
	c.Status.SetText(lang.L("Loading the lists from SuperOffice…"))
	c.Status.Show()
	for _, s := range c.selects() {
		s.Disable()
	}
	type result struct {
		ch  []export.ListChoice
		err error
	}
	async.Run(func() result {
		ch, err := c.svc.ListChoices(context.Background())
		return result{ch, err}
	}, func(r result) {
		if r.err != nil || len(r.ch) != 3 {
			if r.err != nil {
				c.Status.SetText(lang.L("The lists could not be read from SuperOffice: {{.Error}}", map[string]any{"Error": r.err.Error()}))
			}
			return
		}
		c.fill(r.ch)
	})
}

// fill puts the lists into the selects without storing anything.
func (c *Choices) fill(ch []export.ListChoice) {
	c.loading = true
	defer func() { c.loading = false }()
	c.choices = ch
	c.Status.Hide()
	for i, s := range c.selects() {
		lc := ch[i]
		opts := []option{}
		if lc.Default.ID == 0 {
			opts = append(opts, option{label: lang.L("None (SuperOffice decides)")})
		}
		selected := ""
		for _, it := range lc.Items {
			o := option{label: it.Name, value: strconv.Itoa(it.ID)}
			if it.ID == lc.Default.ID {
				o = option{label: lang.L("{{.Name}} (default)", map[string]any{"Name": it.Name})}
			}
			opts = append(opts, o)
			if (lc.Chosen.ID != 0 && it.ID == lc.Chosen.ID) || (lc.Chosen.ID == 0 && o.value == "") {
				selected = o.label
			}
		}
		if selected == "" && len(opts) > 0 && opts[0].value == "" {
			selected = opts[0].label
		}
		c.options[i] = opts
		labels := make([]string, len(opts))
		for j, o := range opts {
			labels[j] = o.label
		}
		s.Options = labels
		i := i
		s.OnChanged = func(string) { c.choose(i) }
		s.SetSelected(selected)
		s.Enable()
		if lc.GoneID > 0 {
			c.Gone[i].SetText(lang.L("The stored item (id {{.ID}}) no longer exists in SuperOffice; the default is used until you choose another.", map[string]any{"ID": lc.GoneID}))
			c.Gone[i].Show()
		} else {
			c.Gone[i].Hide()
		}
	}
}

// choose stores the selection of select i for this tenant, off the UI
// goroutine.
func (c *Choices) choose(i int) {
	if c.loading {
		return
	}
	s := c.selects()[i]
	idx := s.SelectedIndex()
	if idx < 0 || idx >= len(c.options[i]) {
		return
	}
	lc, value := c.choices[i], c.options[i][idx].value
	c.Gone[i].Hide()
	async.Run(func() error {
		_, err := c.svc.Choose(context.Background(), lc.Key, value, lc.Items)
		return err
	}, func(err error) {
		if err != nil {
			dialog.ShowError(err, c.win)
		}
	})
}
