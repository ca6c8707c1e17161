package leads

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// An empty window shows the guide's three steps and a drop zone instead of
// an empty list; each step's button calls the window's hook for it, and
// importing replaces the steps by the list.
func TestEmptyListShowsGuidedStartWhoseButtonsCallTheHooks(t *testing.T) {
	v, svc, w := setup(t, nil)
	if !v.Empty() || v.List.Visible() || !v.Start.root.Visible() {
		t.Fatalf("no leads: Empty=%v list visible=%v start visible=%v", v.Empty(), v.List.Visible(), v.Start.root.Visible())
	}
	text := strings.Join(uitest.Texts(w.Content()), "\n")
	for _, want := range []string{"Kom i gang i tre trin", "Træk leadfiler hertil", "Ikke forbundet endnu", "Ikke tjekket endnu", "Ingen leads endnu"} {
		if !strings.Contains(text, want) {
			t.Errorf("guided start lacks %q", want)
		}
	}
	var connects, checks int
	var chosen int
	v.OnConnect = func() { connects++ }
	v.OnCheckFields = func() { checks++ }
	only := leadFile(t, t.TempDir(), "leads.json")
	v.ChooseFiles = func(done func([]string)) { chosen++; done([]string{only}) }
	for _, name := range []string{"Forbind SuperOffice", "Tjek felter", "Importér leads"} {
		b := uitest.Button(w.Content(), name)
		if b == nil {
			t.Fatalf("no %q button", name)
		}
		test.Tap(b)
	}
	if connects != 1 || checks != 1 || chosen != 1 {
		t.Errorf("hooks: connect %d, check fields %d, choose files %d; want 1 each", connects, checks, chosen)
	}
	if len(svc.imported) != 1 || svc.imported[0][0] != only {
		t.Fatalf("imported %v", svc.imported)
	}
	if v.Empty() || !v.List.Visible() || v.List.Length() != 1 {
		t.Errorf("after the import: Empty=%v list visible=%v length=%d", v.Empty(), v.List.Visible(), v.List.Length())
	}
	if !strings.HasPrefix(v.Start.ImportState.Text, "✓") {
		t.Errorf("import step = %q, want ✓", v.Start.ImportState.Text)
	}
}

// Each step shows ✓ once done: connected, every field ready, leads in.
func TestGuidedStartMarksDoneSteps(t *testing.T) {
	v, _, _ := setup(t, nil)
	for _, tc := range []struct {
		set   func()
		label func() string
		want  string
	}{
		{func() { v.SetConnected(true) }, func() string { return v.Start.ConnectState.Text }, "✓ Forbundet"},
		{func() { v.SetConnected(false) }, func() string { return v.Start.ConnectState.Text }, "Ikke forbundet endnu"},
		{func() { v.SetFieldsReady(32, 37) }, func() string { return v.Start.FieldsState.Text }, "32 af 37 felter klar"},
		{func() { v.SetFieldsReady(37, 37) }, func() string { return v.Start.FieldsState.Text }, "✓ 37 af 37 felter klar"},
	} {
		tc.set()
		if got := tc.label(); got != tc.want {
			t.Errorf("state %q, want %q", got, tc.want)
		}
	}
	v.SetConnected(true)
	if v.Start.Connect.Importance == v.Start.Fields.Importance {
		t.Error("once connected, Forbind SuperOffice is still the primary button")
	}
}

// With leads, or with a search that finds none, the list shows, not the
// guided start.
func TestLeadsShowTheListNotTheGuidedStart(t *testing.T) {
	v, _, _ := setup(t, []store.LeadRow{{LocalID: 1, CompanyName: "Ask A/S"}})
	if v.Empty() || !v.List.Visible() {
		t.Fatalf("with a lead: Empty=%v list visible=%v", v.Empty(), v.List.Visible())
	}
	if !strings.HasPrefix(v.Start.ImportState.Text, "✓") {
		t.Errorf("import step = %q, want ✓", v.Start.ImportState.Text)
	}
	test.Type(v.Search, "zzz")
	if v.Empty() || v.List.Length() != 0 {
		t.Errorf("search with no hits: Empty=%v length=%d", v.Empty(), v.List.Length())
	}
}

// "Importér…" goes straight to the window's file chooser: no "Én fil /
// En mappe" question first.
func TestImportButtonOpensTheFileChooserDirectly(t *testing.T) {
	v, svc, w := setup(t, []store.LeadRow{{LocalID: 1, CompanyName: "Ask A/S"}})
	dir := t.TempDir()
	a, b := leadFile(t, dir, "a.json"), leadFile(t, dir, "b.json")
	var chosen int
	v.ChooseFiles = func(done func([]string)) {
		chosen++
		if top := w.Canvas().Overlays().Top(); top != nil {
			t.Errorf("a dialog (%T) came before the file chooser", top)
		}
		done([]string{a, b})
	}
	test.Tap(v.Import)
	// The folder holds nothing else: no picker, the import starts.
	if chosen != 1 || len(svc.imported) != 1 || !slices.Equal(svc.imported[0], []string{a, b}) {
		t.Errorf("chosen %d times, imported %v", chosen, svc.imported)
	}
}

// A folder without lead files, chosen by "Importér mappe…" or dropped,
// says so instead of doing nothing; one with lead files imports them.
func TestFolderWithNoLeadFilesSaysSo(t *testing.T) {
	const msg = "Mappen indeholder ingen leadfiler (.json, .ndjson, .jsonl)"
	empty := t.TempDir()
	if err := os.WriteFile(filepath.Join(empty, "notes.txt"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "a.json"), []byte("[]"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, how := range []string{"button", "drop"} {
		t.Run(how, func(t *testing.T) {
			v, svc, w := setup(t, nil)
			open := func(dir string) {
				if how == "drop" {
					v.HandleDrop(fyne.NewPos(1, 1), []fyne.URI{storage.NewFileURI(dir)})
					return
				}
				v.ChooseFolder = func(done func(string)) { done(dir) }
				test.Tap(v.ImportDir)
			}
			open(empty)
			top := w.Canvas().Overlays().Top()
			if top == nil || !slices.Contains(uitest.Texts(top), msg) {
				t.Fatalf("no dialog saying %q", msg)
			}
			if v.Status.Text != msg || len(svc.imported) != 0 {
				t.Errorf("status %q, imported %v", v.Status.Text, svc.imported)
			}
			w.Canvas().Overlays().Remove(top)
			if how == "button" {
				open(full)
				top := uitest.Top(w)
				if top == nil || uitest.Button(top, "Importér (1)") == nil {
					t.Fatalf("no picker with Importér (1): %q", uitest.Texts(top))
				}
				test.Tap(uitest.Button(top, "Importér (1)"))
				if len(svc.imported) != 1 || !slices.Equal(svc.imported[0], []string{filepath.Join(full, "a.json")}) {
					t.Errorf("folder with a lead file: imported %v", svc.imported)
				}
			}
		})
	}
}

// The window is told when the guided start shows and when the list
// replaces it, to give the start the whole width.
func TestOnEmptyFollowsTheGuidedStart(t *testing.T) {
	v, svc, _ := setup(t, nil)
	var got []bool
	v.OnEmpty = func(e bool) { got = append(got, e) }
	v.Reload()
	svc.rows = []store.LeadRow{{LocalID: 1, CompanyName: "Ask A/S"}}
	v.Reload()
	if len(got) < 2 || !got[0] || got[len(got)-1] {
		t.Errorf("OnEmpty calls %v, want true (empty) then false (a lead)", got)
	}
}
