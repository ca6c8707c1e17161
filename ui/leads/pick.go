package leads

import (
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/importer"
	"github.com/rabitiq/superoffice-sync/ui/dialogkeys"
)

// Picker is "Vælg leadfiler": Fyne 2.7's file dialog picks one file, so
// after a pick (or a folder pick) the lead files of that folder are
// listed with checkboxes, the picked ones ticked, and "Tilføj flere
// filer…" picks from another folder; "Importér (n)" imports the ticked
// files in one go. Widgets are exported for tests.
type Picker struct {
	Files   []string
	Checks  []*dialogkeys.Check
	AddMore *widget.Button
	Import  *widget.Button

	v    *View
	box  *fyne.Container
	dlg  dialog.Dialog
	dirs map[string]bool
}

// PickFiles is what follows the file dialog: paths are the picked
// files. When their folder holds no other lead files they are imported
// at once; otherwise the picker offers the others too.
func (v *View) PickFiles(paths []string) *Picker {
	if len(paths) == 0 {
		return nil
	}
	others := false
	for _, f := range importer.LeadFiles(filepath.Dir(paths[0])) {
		if !slices.Contains(paths, f) {
			others = true
		}
	}
	if !others {
		v.ImportPaths(paths)
		return nil
	}
	p := v.newPicker()
	p.add(paths)
	p.show()
	return p
}

// PickFolder is what follows the folder dialog: the folder's lead files,
// all ticked, to untick what should not be imported; a folder without
// lead files says so.
func (v *View) PickFolder(dir string) *Picker {
	files := importer.LeadFiles(dir)
	if len(files) == 0 {
		v.noLeadFiles()
		return nil
	}
	p := v.newPicker()
	p.add(files)
	p.show()
	return p
}

func (v *View) newPicker() *Picker {
	p := &Picker{v: v, box: container.NewVBox(), dirs: map[string]bool{}}
	v.pick = p
	p.AddMore = widget.NewButton(lang.L("Add more files…"), func() {
		if v.ChooseFiles != nil {
			v.ChooseFiles(p.add)
		}
	})
	p.Import = widget.NewButton("", p.importTicked)
	p.Import.Importance = widget.HighImportance
	return p
}

// add ticks paths and lists, unticked, the other lead files of their
// folders; a file already listed is ticked, not listed twice.
func (p *Picker) add(paths []string) {
	for _, path := range paths {
		dir := filepath.Dir(path)
		if !p.dirs[dir] {
			p.dirs[dir] = true
			for _, f := range importer.LeadFiles(dir) {
				p.row(f)
			}
		}
		p.Checks[p.row(path)].SetChecked(true)
	}
	for i, c := range p.Checks {
		c.SetText(p.label(p.Files[i]))
	}
	p.count()
}

// row lists path once and returns its index.
func (p *Picker) row(path string) int {
	if i := slices.Index(p.Files, path); i >= 0 {
		return i
	}
	c := dialogkeys.NewCheck(p.label(path), func(bool) { p.count() })
	p.Files = append(p.Files, path)
	p.Checks = append(p.Checks, c)
	p.box.Add(c)
	return len(p.Files) - 1
}

// label is the file's name, with its folder's name when files from
// several folders are listed.
func (p *Picker) label(path string) string {
	if len(p.dirs) > 1 {
		return filepath.Join(filepath.Base(filepath.Dir(path)), filepath.Base(path))
	}
	return filepath.Base(path)
}

// Ticked returns the ticked files, in the listed order.
func (p *Picker) Ticked() []string {
	var out []string
	for i, c := range p.Checks {
		if c.Checked {
			out = append(out, p.Files[i])
		}
	}
	return out
}

func (p *Picker) count() {
	n := len(p.Ticked())
	p.Import.SetText(lang.L("Import ({{.N}})", map[string]any{"N": n}))
	if n == 0 {
		p.Import.Disable()
	} else {
		p.Import.Enable()
	}
}

func (p *Picker) show() {
	intro := widget.NewLabel(lang.L("Tick the lead files to import. The folder's other lead files are listed too."))
	intro.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(p.box)
	scroll.SetMinSize(fyne.NewSize(460, 220))
	d := dialog.NewCustomWithoutButtons(lang.L("Choose lead files"), container.NewBorder(intro, nil, nil, nil, scroll), p.v.win)
	cancel := widget.NewButton(lang.L("Cancel"), d.Hide)
	d.SetButtons([]fyne.CanvasObject{cancel, p.AddMore, p.Import})
	p.dlg = d
	d.Show()
	dialogkeys.Bind(p.v.win, d.Hide, dialogkeys.Tap(p.Import))
}

func (p *Picker) importTicked() {
	files := p.Ticked()
	if len(files) == 0 {
		return
	}
	p.dlg.Hide()
	p.v.ImportPaths(files)
}
