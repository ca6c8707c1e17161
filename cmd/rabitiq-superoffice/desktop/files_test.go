package desktop

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// "Importér…" opens the file dialog itself, not a "Én fil / En mappe"
// question first, and "Importér mappe…" the folder dialog; both start in
// the folder of the last import.
func TestChoosersOpenTheirDialogDirectlyInTheLastFolder(t *testing.T) {
	w := uitest.Setup(t)
	prefs := fyne.CurrentApp().Preferences()
	last := filepath.Join(t.TempDir(), "h-t-leadfolder")
	if err := os.Mkdir(last, 0o700); err != nil {
		t.Fatal(err)
	}
	prefs.SetString(prefImportFolder, last)
	for _, tc := range []struct {
		title string
		open  func()
	}{
		{"Open File", func() { chooseFiles(w, prefs, func([]string) {}) }},
		{"Open Folder", func() { chooseFolder(w, prefs, func(string) {}) }},
	} {
		tc.open()
		top := w.Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("%s: no dialog", tc.title)
		}
		texts := uitest.Texts(top)
		if !slices.Contains(texts, tc.title) || uitest.Button(top, "Én fil") != nil || uitest.Button(top, "En mappe") != nil {
			t.Errorf("%s: not the dialog straight away: %q", tc.title, texts)
		}
		if !slices.Contains(texts, "h-t-leadfolder") {
			t.Errorf("%s: does not start in the last folder: %q", tc.title, texts)
		}
		w.Canvas().Overlays().Remove(top)
	}
}

// The choosers start in the last folder used; a folder that is gone, or
// none remembered, leaves the dialog's default.
func TestLastFolderIsRememberedAndForgottenWhenGone(t *testing.T) {
	uitest.Setup(t)
	prefs := fyne.CurrentApp().Preferences()
	if lastFolder(prefs) != nil {
		t.Fatal("a folder before any import")
	}
	dir := t.TempDir()
	prefs.SetString(prefImportFolder, dir)
	if l := lastFolder(prefs); l == nil || l.Path() != dir {
		t.Fatalf("lastFolder = %v, want %s", l, dir)
	}
	prefs.SetString(prefImportFolder, filepath.Join(dir, "gone"))
	if l := lastFolder(prefs); l != nil {
		t.Errorf("lastFolder of a removed folder = %v, want nil", l)
	}
}
