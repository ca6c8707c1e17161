package batchui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/async"
)

// choice is one option of "which leads": its text, the statuses it exports
// (none: all leads) and, once counted, how many leads it covers, so the
// user sees what "Alle nye" means before starting it.
type choice struct {
	label    string
	statuses []store.Status
	ticked   bool
	n        int // -1 until counted
}

// choices are the options of the batch; the ticked leads come first when
// there are any.
func choices(ticked bool) []choice {
	cs := []choice{
		{label: lang.L("All new"), statuses: []store.Status{store.StatusNew}, n: -1},
		{label: lang.L("All changed"), statuses: []store.Status{store.StatusChanged}, n: -1},
		{label: lang.L("All failed"), statuses: []store.Status{store.StatusFailed}, n: -1},
		{label: lang.L("All leads"), n: -1},
	}
	if ticked {
		cs = append([]choice{{ticked: true}}, cs...)
	}
	return cs
}

// labels are the radio's texts: "Markerede (2)", "Alle nye (12)"; a count not
// known yet is left out rather than shown as 0.
func (f *Flow) labels() []string {
	out := make([]string, len(f.choices))
	for i, c := range f.choices {
		switch {
		case c.ticked:
			out[i] = lang.L("Selected ({{.N}})", map[string]any{"N": len(f.selected)})
		case c.n >= 0:
			out[i] = fmt.Sprintf("%s (%d)", c.label, c.n)
		default:
			out[i] = c.label
		}
	}
	return out
}

// chosen is the choice behind the radio's selection.
func (f *Flow) chosen() choice {
	for i, l := range f.Which.Options {
		if l == f.Which.Selected && i < len(f.choices) {
			return f.choices[i]
		}
	}
	return f.choices[0]
}

// count asks for each option's number of leads off the UI goroutine (it
// reads the whole list) and then relabels the options, keeping the
// selection. A failed count leaves the option without a number.
func (f *Flow) count() {
	type counted struct{ n []int }
	cs := append([]choice(nil), f.choices...)
	async.Run(func() counted {
		n := make([]int, len(cs))
		for i, c := range cs {
			n[i] = -1
			if c.ticked {
				continue
			}
			if ids, err := f.svc.LeadsByStatus(context.Background(), c.statuses...); err == nil {
				n[i] = len(ids)
			}
		}
		return counted{n}
	}, func(r counted) {
		sel := 0
		for i, l := range f.Which.Options {
			if l == f.Which.Selected {
				sel = i
			}
		}
		for i := range f.choices {
			f.choices[i].n = r.n[i]
		}
		f.Which.Options = f.labels()
		f.Which.Selected = f.Which.Options[sel]
		f.Which.Refresh()
	})
}

// minDoneForEstimate is how many leads must be finished before the time
// left is estimated: the first lead also waits for the sign-in and the
// tenant's field list, so one or two leads say little about the pace.
const minDoneForEstimate = 3

// ProgressText is the progress line: "3 af 19: Firma – ca. 12s tilbage".
// The time left is the elapsed time per finished lead times the leads
// left; it is left out until minDoneForEstimate leads are done and when
// nothing is left, so the line never says "ca. 0s tilbage".
func ProgressText(done, total int, company string, elapsed time.Duration) string {
	line := lang.L("{{.Done}} of {{.Total}}: {{.Company}}", map[string]any{"Done": done, "Total": total, "Company": company})
	if done < minDoneForEstimate || done >= total || elapsed <= 0 {
		return line
	}
	left := elapsed / time.Duration(done) * time.Duration(total-done)
	if left < time.Second {
		return line + " – " + lang.L("less than a second left")
	}
	return line + " – " + lang.L("about {{.Left}} left", map[string]any{"Left": left.Round(time.Second).String()})
}
