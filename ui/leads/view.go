// Package leads is the lead list: a virtualised list that pages leads from
// the store as it scrolls, a search box, and the drop target for lead
// files. It holds no business logic: it calls its Service.
package leads

import (
	"context"
	"image/color"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/importer"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/errdialog"
)

// Service is what the lead list needs from the app.
type Service interface {
	CountLeads(ctx context.Context, query string) (int, error)
	// CountLeadsWithStatus counts the leads a status chip shows.
	CountLeadsWithStatus(ctx context.Context, query string, st store.Status) (int, error)
	// StatusCounts counts all leads by status, for the chips.
	StatusCounts(ctx context.Context) (map[store.Status]int, error)
	ListLeads(ctx context.Context, opt store.ListOptions) ([]store.LeadRow, error)
	ImportFiles(ctx context.Context, paths []string, progress importer.Progress) []importer.FileReport
	// DeleteLeads deletes leads from this computer only, all or none.
	DeleteLeads(ctx context.Context, ids []int64) error
}

const pageSize = 100

// maxPages bounds the list's page cache: 8 pages are 800 rows, a tall
// window's worth plus room to scroll back and forth without re-reading,
// while scrolling through 100,000 leads no longer keeps every page it
// passed (about 20 MB at 100k). Row evicts the page farthest from the one
// it reads, so the pages around the visible rows stay.
const maxPages = 8

// View is the lead list screen. Its widgets are exported so tests can drive
// them like a user would.
type View struct {
	// OnChecked is called when the set of ticked leads changes.
	OnChecked func(ids []int64)
	checked   map[int64]bool

	Search *widget.Entry
	// List selects with the arrow keys; Enter is OnEnter (keylist.go).
	List   *List
	Status *widget.Label
	Import *widget.Button
	// ImportDir is "Importér mappe…": every lead file in a folder, as
	// Fyne's file dialog picks one file at a time.
	ImportDir *widget.Button
	// Sort is the sortable headers (sort.go).
	Sort *Sorter
	// Chips filter the list by status (chips.go).
	Chips *Chips
	// Start is the guided start shown instead of the list while there
	// are no leads (start.go).
	Start *Start
	// Progress shows how much of the files an import has read.
	Progress *widget.ProgressBar
	// Cancel stops a running import; the file being imported rolls back.
	Cancel *widget.Button
	// Delete asks, then deletes the ticked leads from this computer
	// (delete.go); the window places it beside "Eksportér flere…".
	Delete *widget.Button
	// OnDeleted is called with the leads Delete removed.
	OnDeleted func(ids []int64)
	// Debounce is how long the search waits after the last keystroke
	// before it queries, so typing "jensen" runs one search, not six.
	// Tests set it to 0 to search on every change.
	Debounce time.Duration

	// OnSelect is called with the lead the user selected.
	OnSelect func(store.LeadRow)
	// OnEnter is called with the selected lead when the user presses
	// Enter in the list: the window starts its export.
	OnEnter func(store.LeadRow)
	// ChooseFiles opens a file chooser; the window sets it (tests replace it).
	ChooseFiles func(func(paths []string))
	// ChooseFolder opens a folder chooser; the window sets it (tests
	// replace it).
	ChooseFolder func(func(dir string))
	// pick is the last "Vælg leadfiler" picker shown, for tests.
	pick *Picker
	// OnConnect and OnCheckFields are the guided start's "Forbind
	// SuperOffice" and "Tjek felter": the window opens Integrationer and
	// Feltopsætning.
	OnConnect, OnCheckFields func()
	// OnEmpty is told whether the guided start shows (no leads at all),
	// so the window can give it the whole width: the lead pane beside it
	// has no lead to show.
	OnEmpty func(empty bool)

	svc    Service
	win    fyne.Window
	query  string
	count  int
	pages  map[int][]store.LeadRow // by page number; at most maxPages
	root   fyne.CanvasObject
	header fyne.CanvasObject
	timer  *time.Timer
	// searchGen counts keystrokes in the search field (searchChanged).
	searchGen atomic.Int64
	cancel    context.CancelFunc
	// stop cancels the running count of a search; seq numbers the
	// searches, so that a count that was overtaken is dropped.
	stop context.CancelFunc
	seq  uint64
}

// searchDelay is the default Debounce: short enough to feel instant,
// long enough to span the gap between keystrokes.
const searchDelay = 200 * time.Millisecond

// New builds the lead list for win.
func New(svc Service, win fyne.Window) *View {
	v := &View{svc: svc, win: win, pages: map[int][]store.LeadRow{}, Debounce: searchDelay}
	v.Search = widget.NewEntry()
	v.Search.SetPlaceHolder(lang.L("Search name, CVR, industry or location"))
	v.Search.OnChanged = v.searchChanged
	v.Status = widget.NewLabel("")
	v.Import = widget.NewButtonWithIcon(lang.L("Import…"), theme.FileIcon(), v.chooseFiles)
	v.ImportDir = widget.NewButtonWithIcon(lang.L("Import folder…"), theme.FolderOpenIcon(), v.chooseFolder)
	v.Delete = v.newDeleteButton()
	v.List = newList(func() int { return v.count }, newRow, v.updateRow)
	v.List.OnSelected = func(id widget.ListItemID) {
		prev := v.List.selected
		v.List.selected = id
		if prev >= 0 {
			v.List.RefreshItem(prev)
		}
		v.List.RefreshItem(id)
		if r, ok := v.Row(id); ok && v.OnSelect != nil {
			v.OnSelect(r)
		}
	}
	v.List.OnUnselected = func(id widget.ListItemID) {
		v.List.selected = -1
		v.List.RefreshItem(id)
	}
	v.List.OnEnter = func(id widget.ListItemID) {
		if r, ok := v.Row(id); ok && v.OnEnter != nil {
			v.OnEnter(r)
		}
	}
	// The header leaves room for the rows' check boxes.
	pad := canvas.NewRectangle(color.Transparent)
	pad.SetMinSize(widget.NewCheck("", nil).MinSize())
	v.Sort = newSorter(v.resort)
	v.header = container.NewBorder(nil, nil, pad, nil,
		container.New(columns{rowWidths}, v.Sort.nameHeader(), v.Sort.ByScore, bold(lang.L("CVR")), v.Sort.ByStatus))
	v.Chips = newChips(v.Reload)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(v.Import, v.ImportDir), v.Search), v.Chips.root, v.header)
	v.Progress = widget.NewProgressBar()
	v.Cancel = widget.NewButton(lang.L("Cancel"), v.CancelImport)
	progress := container.NewBorder(nil, nil, nil, v.Cancel, v.Progress)
	v.Progress.Hide()
	v.Cancel.Hide()
	v.Start = v.newStart()
	v.Start.root.Hide()
	v.root = container.NewBorder(top, container.NewVBox(progress, v.Status), nil, nil, container.NewStack(v.List, v.Start.root))
	v.Reload()
	return v
}

// Content returns the screen's root object.
func (v *View) Content() fyne.CanvasObject { return v.root }

// searchChanged runs the search once the user pauses typing. A search
// still running is for text the user has moved on from: it is cancelled
// at once, so a slow search never holds the next one up. The timer fires
// on its own goroutine, so the reload goes through async.Do.
func (v *View) searchChanged(s string) {
	v.stopSearch()
	if v.timer != nil {
		v.timer.Stop()
	}
	if v.Debounce <= 0 {
		v.query = s
		v.Reload()
		return
	}
	// A keystroke's generation, not the entry's text, says whether a later
	// keystroke came: the timer's goroutine must not read the widget.
	gen := v.searchGen.Add(1)
	v.timer = time.AfterFunc(v.Debounce, func() {
		async.Do(func() {
			if v.searchGen.Load() == gen { // a later keystroke has its own timer
				v.query = s
				v.Reload()
			}
		})
	})
}

// SetChecked ticks or unticks a lead for "Eksportér markerede".
func (v *View) SetChecked(localID int64, on bool) {
	if v.checked == nil {
		v.checked = map[int64]bool{}
	}
	if on {
		v.checked[localID] = true
	} else {
		delete(v.checked, localID)
	}
	v.updateDelete()
	if v.OnChecked != nil {
		v.OnChecked(v.Checked())
	}
}

// Checked returns the ticked leads' local ids, sorted.
func (v *View) Checked() []int64 {
	out := make([]int64, 0, len(v.checked))
	for id := range v.checked {
		out = append(out, id)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// stopSearch cancels the search that is counting, if any, and makes sure
// its result, should it still arrive, is dropped.
func (v *View) stopSearch() {
	v.seq++
	if v.stop != nil {
		v.stop()
		v.stop = nil
	}
}

// counted is what a search's count found.
type counted struct {
	n        int
	err      error
	statuses map[store.Status]int
}

// Reload re-counts the leads for the current search, off the UI goroutine
// so the window keeps taking keystrokes, and then drops cached rows. A
// later Reload or keystroke cancels it.
func (v *View) Reload() {
	v.stopSearch()
	ctx, cancel := context.WithCancel(context.Background())
	v.stop = cancel
	seq, q, st := v.seq, v.query, v.Chips.Active()
	async.Run(func() counted {
		// The chips' counts (one index read) come with the list's count,
		// so a sync or import that changed statuses shows on them too.
		statuses, _ := v.svc.StatusCounts(ctx) // on failure the chips keep their counts
		if st != "" {
			n, err := v.svc.CountLeadsWithStatus(ctx, q, st)
			return counted{n, err, statuses}
		}
		n, err := v.svc.CountLeads(ctx, q)
		return counted{n, err, statuses}
	}, func(c counted) {
		cancel()
		if seq != v.seq {
			return // overtaken by a newer search
		}
		v.stop = nil
		if c.statuses != nil {
			v.Chips.setCounts(c.statuses)
		}
		v.showCount(q, c.n, c.err)
	})
}

// showCount shows the leads that the search q found.
func (v *View) showCount(q string, n int, err error) {
	if err != nil {
		v.Status.SetText(lang.L("Could not read leads: {{.Err}}", map[string]any{"Err": errdialog.Plain(err)}))
		return
	}
	v.count = n
	v.pages = map[int][]store.LeadRow{}
	v.List.UnselectAll()
	v.List.Refresh()
	// A chip with no leads is an empty filter, not an empty database: the
	// guided start is for no leads at all.
	empty := strings.TrimSpace(q) == "" && v.Chips.Active() == ""
	if empty {
		v.Start.setImported(n > 0)
	}
	v.showEmpty(n == 0 && empty)
	if n == 0 && empty {
		v.Status.SetText("")
		return
	}
	status := lang.N("{{.Count}} leads", n, map[string]any{"Count": n})
	if _, capped := store.CapSearch(q); capped != 0 {
		status += " – " + lang.L("only the first {{.Words}} words ({{.Chars}} characters) are searched",
			map[string]any{"Words": store.MaxSearchWords, "Chars": store.MaxSearchRunes})
	}
	v.Status.SetText(status)
}

// Row returns the lead shown at list index id, loading its page if needed.
func (v *View) Row(id int) (store.LeadRow, bool) {
	if id < 0 || id >= v.count {
		return store.LeadRow{}, false
	}
	p := id / pageSize
	rows, ok := v.pages[p]
	if !ok {
		var err error
		by, reverse := v.Sort.Options()
		rows, err = v.svc.ListLeads(context.Background(), store.ListOptions{Query: v.query, Sort: by, Reverse: reverse, Status: v.Chips.Active(),
			Offset: p * pageSize, Limit: pageSize})
		if err != nil {
			v.Status.SetText(lang.L("Could not read leads: {{.Err}}", map[string]any{"Err": errdialog.Plain(err)}))
			return store.LeadRow{}, false
		}
		v.cachePage(p, rows)
	}
	if i := id - p*pageSize; i < len(rows) {
		return rows[i], true
	}
	return store.LeadRow{}, false
}

// cachePage keeps page p, first dropping the page farthest from p once
// maxPages are cached. The list asks for neighbouring rows as it scrolls,
// so the far pages are the ones least likely to be shown again soon.
func (v *View) cachePage(p int, rows []store.LeadRow) {
	if len(v.pages) >= maxPages {
		far, dist := -1, -1
		for q := range v.pages {
			d := q - p
			if d < 0 {
				d = -d
			}
			if d > dist || d == dist && q < far {
				far, dist = q, d
			}
		}
		delete(v.pages, far)
	}
	v.pages[p] = rows
}

// HandleDrop imports files dropped on the window. It is the window's
// SetOnDropped handler; tests call it directly because the test window
// ignores drops.
func (v *View) HandleDrop(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if emptyFolders(paths) {
		v.noLeadFiles()
		return
	}
	if len(paths) > 0 {
		v.ImportPaths(paths)
	}
}

// ImportPaths imports files in the background and shows the result.
func (v *View) ImportPaths(paths []string) {
	v.Status.SetText(lang.N("Importing {{.Count}} files…", len(paths), map[string]any{"Count": len(paths)}))
	v.Import.Disable()
	v.ImportDir.Disable()
	v.Progress.SetValue(0)
	v.Progress.Show()
	v.Cancel.Enable()
	v.Cancel.Show()
	ctx, cancel := context.WithCancel(context.Background())
	v.cancel = cancel
	// Progress arrives on the import's goroutine, once per batch of leads.
	progress := func(done, total int64) {
		if total > 0 {
			f := float64(done) / float64(total)
			async.Do(func() { v.Progress.SetValue(f) })
		}
	}
	async.Run(func() []importer.FileReport {
		return v.svc.ImportFiles(ctx, paths, progress)
	}, func(reports []importer.FileReport) {
		cancel()
		v.cancel = nil
		v.Import.Enable()
		v.ImportDir.Enable()
		v.Progress.Hide()
		v.Cancel.Hide()
		v.Reload()
		ShowImportResult(v.win, reports)
	})
}

// CancelImport stops the running import, if any. The file being imported
// stops; what it had committed stays, and its report says so
// (FileReport.Cancelled) with those counts.
func (v *View) CancelImport() {
	if v.cancel != nil {
		v.cancel()
		v.Cancel.Disable()
	}
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
