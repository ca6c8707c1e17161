package leads

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Start is the guided start the lead list shows while there are no leads:
// the guide's three steps, each with the button that does it and a ✓ once
// it is done, over a large drop zone. A new user sees what to do first
// instead of an empty list and one grey line.
type Start struct {
	// Connect, Fields and Import are the steps' buttons: "Forbind
	// SuperOffice", "Tjek felter" and "Importér leads".
	Connect, Fields, Import *widget.Button
	// ImportFolder is the drop zone's second way in: every lead file in
	// a folder.
	ImportFolder *widget.Button
	// ConnectState, FieldsState and ImportState say each step's state;
	// a done step's text starts with "✓".
	ConnectState, FieldsState, ImportState *widget.Label

	root fyne.CanvasObject
}

// doneMark starts the text of a step that is done.
const doneMark = "✓ "

// newStart builds the guided start; the buttons call the view's hooks.
func (v *View) newStart() *Start {
	s := &Start{}
	s.Connect = widget.NewButtonWithIcon(lang.L("Connect SuperOffice"), theme.LoginIcon(), func() { call(v.OnConnect) })
	s.Fields = widget.NewButtonWithIcon(lang.L("Check fields"), theme.ViewRefreshIcon(), func() { call(v.OnCheckFields) })
	s.Import = widget.NewButtonWithIcon(lang.L("Import leads"), theme.FileIcon(), v.chooseFiles)
	s.ImportFolder = widget.NewButtonWithIcon(lang.L("Import folder…"), theme.FolderOpenIcon(), v.chooseFolder)
	s.ConnectState = stateLabel()
	s.FieldsState = stateLabel()
	s.ImportState = stateLabel()
	title := widget.NewLabelWithStyle(lang.L("Get started in three steps"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	steps := container.NewVBox(title,
		step("1", lang.L("Connect to your SuperOffice tenant. It takes under 2 minutes."), s.ConnectState, s.Connect),
		step("2", lang.L("Check that the RabitIQ fields exist in SuperOffice."), s.FieldsState, s.Fields),
		step("3", lang.L("Import the lead files from RabitIQ."), s.ImportState, s.Import))
	// It scrolls rather than make the window taller than 1024×640 allows;
	// taller windows give the drop zone the room that is left.
	s.root = container.NewVScroll(container.NewBorder(steps, nil, nil, nil, container.NewPadded(s.dropZone())))
	s.setConnected(false)
	s.setFields(0, 0)
	s.setImported(false)
	return s
}

func call(fn func()) {
	if fn != nil {
		fn()
	}
}

func stateLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// step is one numbered step: what to do, its state, its button.
func step(n, what string, state *widget.Label, b *widget.Button) fyne.CanvasObject {
	b.Importance = widget.HighImportance
	num := widget.NewLabelWithStyle(n+".", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := widget.NewLabel(what)
	text.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, num, container.NewCenter(b), container.NewVBox(text, state))
}

// dropZone is the large framed area that invites a drop; the whole window
// takes drops, the frame shows where to aim.
func (s *Start) dropZone() fyne.CanvasObject {
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeColor = theme.Color(theme.ColorNameForeground)
	frame.StrokeWidth = 2
	frame.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	frame.SetMinSize(fyne.NewSize(300, 140))
	big := canvas.NewText(lang.L("Drag lead files here"), theme.Color(theme.ColorNameForeground))
	big.TextSize = theme.TextHeadingSize()
	big.TextStyle.Bold = true
	big.Alignment = fyne.TextAlignCenter
	sub := widget.NewLabelWithStyle(lang.L("Files (.json, .ndjson, .jsonl) or a folder with them"), fyne.TextAlignCenter, fyne.TextStyle{})
	icon := widget.NewIcon(theme.DownloadIcon())
	return container.NewStack(frame, container.NewCenter(container.NewVBox(
		container.NewCenter(icon), big, sub, container.NewCenter(s.ImportFolder))))
}

func (s *Start) setConnected(ok bool) {
	if ok {
		s.Connect.Importance = widget.MediumImportance
		s.ConnectState.SetText(doneMark + lang.L("Connected"))
	} else {
		s.Connect.Importance = widget.HighImportance
		s.ConnectState.SetText(lang.L("Not connected yet"))
	}
	s.Connect.Refresh()
}

// setFields shows the last field check: ready of total fields ready; the
// step is done when all are. total 0 means not checked yet.
func (s *Start) setFields(ready, total int) {
	switch {
	case total == 0:
		s.FieldsState.SetText(lang.L("Not checked yet"))
	case ready == total:
		s.FieldsState.SetText(doneMark + lang.L("{{.N}} of {{.Total}} fields ready", map[string]any{"N": ready, "Total": total}))
	default:
		s.FieldsState.SetText(lang.L("{{.N}} of {{.Total}} fields ready", map[string]any{"N": ready, "Total": total}))
	}
}

func (s *Start) setImported(ok bool) {
	if ok {
		s.ImportState.SetText(doneMark + lang.L("Leads imported"))
	} else {
		s.ImportState.SetText(lang.L("No leads yet"))
	}
}

// SetConnected marks the "Forbind SuperOffice" step done or not.
func (v *View) SetConnected(ok bool) { v.Start.setConnected(ok) }

// SetFieldsReady shows the last field check's count on the "Tjek felter"
// step (ready of total; done when all are ready).
func (v *View) SetFieldsReady(ready, total int) { v.Start.setFields(ready, total) }

// chooseFiles opens the window's file chooser, straight away.
func (v *View) chooseFiles() {
	if v.ChooseFiles != nil {
		v.ChooseFiles(func(paths []string) { v.PickFiles(paths) })
	}
}

// chooseFolder opens the window's folder chooser and imports the lead
// files in the chosen folder.
func (v *View) chooseFolder() {
	if v.ChooseFolder != nil {
		v.ChooseFolder(func(dir string) { v.PickFolder(dir) })
	}
}

// showEmpty shows the guided start instead of the list, or the list.
func (v *View) showEmpty(empty bool) {
	if v.OnEmpty != nil {
		v.OnEmpty(empty)
	}
	if empty {
		v.List.Hide()
		v.header.Hide()
		v.Chips.root.Hide() // nothing to filter yet
		v.Start.root.Show()
		return
	}
	v.Start.root.Hide()
	v.header.Show()
	v.Chips.root.Show()
	v.List.Show()
}

// Empty reports whether the guided start is shown (no leads at all).
func (v *View) Empty() bool { return v.Start.root.Visible() }
