package leads

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

func leadFile(t *testing.T, dir, name string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte("[]"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// Several lead files in one go: after the file dialog's one pick, the
// folder's other lead files are offered with checkboxes (the pick
// ticked), "Tilføj flere filer…" adds a file from another folder, and
// "Importér (n)" imports exactly the ticked files, once.
func TestPickSeveralFilesFromTheFolderAndAnother(t *testing.T) {
	v, svc, w := setup(t, nil)
	dir, other := t.TempDir(), t.TempDir()
	a, _, c := leadFile(t, dir, "a.json"), leadFile(t, dir, "b.json"), leadFile(t, dir, "c.ndjson")
	leadFile(t, dir, "notes.txt")
	x := leadFile(t, other, "x.jsonl")
	picks := [][]string{{a}, {x}}
	v.ChooseFiles = func(done func([]string)) { done(picks[0]); picks = picks[1:] }

	test.Tap(v.Import)
	top := uitest.Top(w)
	if top == nil {
		t.Fatal("no picker after picking a.json in a folder with more lead files")
	}
	p := v.pick
	if !slices.Equal(p.Files, []string{a, filepath.Join(dir, "b.json"), c}) || !slices.Equal(p.Ticked(), []string{a}) || p.Import.Text != "Importér (1)" {
		t.Fatalf("files %v ticked %v button %q", p.Files, p.Ticked(), p.Import.Text)
	}
	if len(svc.imported) != 0 {
		t.Fatalf("imported before Importér: %v", svc.imported)
	}
	test.Tap(p.Checks[2]) // c.ndjson
	test.Tap(uitest.Button(top, "Tilføj flere filer…"))
	if !slices.Equal(p.Ticked(), []string{a, c, x}) || p.Import.Text != "Importér (3)" {
		t.Fatalf("after adding x: ticked %v, %q", p.Ticked(), p.Import.Text)
	}
	if got := p.Checks[3].Text; got != filepath.Join(filepath.Base(other), "x.jsonl") {
		t.Errorf("a file from a second folder is labelled %q, want its folder too", got)
	}
	test.Tap(p.Import)
	if len(svc.imported) != 1 || !slices.Equal(svc.imported[0], []string{a, c, x}) {
		t.Errorf("imported %v, want one import of a, c and x", svc.imported)
	}
	if uitest.Top(w) != nil && uitest.Button(uitest.Top(w), "Tilføj flere filer…") != nil {
		t.Error("the picker is still open after Importér")
	}
}

// "Importér mappe…" lists the folder's lead files all ticked; unticking
// every one leaves nothing to import.
func TestPickFolderTicksAllAndNeedsOne(t *testing.T) {
	v, svc, w := setup(t, nil)
	dir := t.TempDir()
	a, b := leadFile(t, dir, "a.json"), leadFile(t, dir, "b.json")
	v.ChooseFolder = func(done func(string)) { done(dir) }
	test.Tap(v.ImportDir)
	p := v.pick
	if p == nil || uitest.Top(w) == nil || !slices.Equal(p.Ticked(), []string{a, b}) {
		t.Fatalf("picker %v", p)
	}
	test.Tap(p.Checks[0])
	test.Tap(p.Checks[1])
	if !p.Import.Disabled() || p.Import.Text != "Importér (0)" {
		t.Errorf("nothing ticked: button %q disabled=%v", p.Import.Text, p.Import.Disabled())
	}
	test.Tap(p.Checks[1])
	test.Tap(p.Import)
	if len(svc.imported) != 1 || !slices.Equal(svc.imported[0], []string{b}) {
		t.Errorf("imported %v, want b only", svc.imported)
	}
}
