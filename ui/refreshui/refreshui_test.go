package refreshui

import (
	"context"
	"errors"
	"image/png"
	"os"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/refresh"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// fake records the calls and answers with rep/err; due says whether the
// daily run is due.
type fake struct {
	mu    sync.Mutex
	calls [][]int64
	autos int
	due   bool
	rep   *refresh.Report
	err   error
}

func (f *fake) Refresh(_ context.Context, ids []int64) (*refresh.Report, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, ids)
	return f.rep, f.err
}

func (f *fake) RefreshIfDue(context.Context) (*refresh.Report, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.autos++
	if !f.due {
		return nil, false, nil
	}
	return f.rep, true, nil
}

var found = &refresh.Report{Leads: []refresh.Lead{{LocalID: 1, State: store.RefreshSame}, {LocalID: 2, State: store.RefreshChanged}, {LocalID: 3, State: store.RefreshGone}}}

// dialogTexts are the texts of the dialog shown on w, if any.
func dialogTexts(w fyne.Window) []string {
	top := uitest.Top(w)
	if top == nil {
		return nil
	}
	return uitest.Texts(top)
}

// The button works only while connected; it reads back the shown leads,
// says what it found and lets the window reload.
func TestRunReadsBackTheShownLeads(t *testing.T) {
	w := uitest.Setup(t)
	f := &fake{rep: found}
	a := New(f, w)
	var done []*refresh.Report
	a.OnDone = func(r *refresh.Report) { done = append(done, r) }
	a.Shown = func() Scope {
		return func(context.Context) ([]int64, error) { return []int64{1, 2, 3}, nil }
	}
	w.SetContent(a.Button)
	if !a.Button.Disabled() || a.Button.Text != "Opdater fra SuperOffice" {
		t.Fatalf("before connecting: %q disabled=%v, want disabled \"Opdater fra SuperOffice\"", a.Button.Text, a.Button.Disabled())
	}
	test.Tap(a.Button)
	if len(f.calls) != 0 {
		t.Fatal("a disabled button read back")
	}
	a.SetConnected(true)
	test.Tap(a.Button)
	if len(f.calls) != 1 || len(f.calls[0]) != 3 || len(done) != 1 {
		t.Fatalf("calls %v, done %d; want one read-back of the 3 shown leads and one reload", f.calls, len(done))
	}
	texts := dialogTexts(w)
	want := "3 leads kontrolleret i SuperOffice: 1 uændrede, 1 ændret, 1 findes ikke længere"
	if !contains(texts, want) {
		t.Errorf("dialog says %q, want %q", texts, want)
	}
	if a.Button.Disabled() || a.Button.Text != "Opdater fra SuperOffice" {
		t.Errorf("after the run: %q disabled=%v", a.Button.Text, a.Button.Disabled())
	}
}

// No synced lead shown: nothing is asked, and the user is told.
func TestRunWithNoSyncedLeadAsksNothing(t *testing.T) {
	w := uitest.Setup(t)
	f := &fake{rep: found}
	a := New(f, w)
	a.Shown = func() Scope { return func(context.Context) ([]int64, error) { return []int64{}, nil } }
	a.SetConnected(true)
	f.calls = nil
	a.Run()
	if len(f.calls) != 0 {
		t.Errorf("an empty scope read back %v (empty would mean all leads)", f.calls)
	}
	if texts := dialogTexts(w); !contains(texts, "Ingen synkroniserede leads at kontrollere") {
		t.Errorf("dialog says %q", texts)
	}
}

// A fault is shown as an error, and the leads read before it still
// reload the window.
func TestRunShowsTheFault(t *testing.T) {
	w := uitest.Setup(t)
	f := &fake{rep: &refresh.Report{Leads: found.Leads[:1]}, err: errors.New("stoppede efter 1 af 3 leads; de øvrige er ikke kontrolleret")}
	a := New(f, w)
	reloads := 0
	a.OnDone = func(*refresh.Report) { reloads++ }
	a.SetConnected(true)
	a.Run()
	if reloads != 1 || a.Last == nil {
		t.Fatalf("reloads %d, dialog %v", reloads, a.Last)
	}
	if texts := dialogTexts(w); !containsPart(texts, "stoppede efter 1 af 3 leads") || !contains(texts, "Kunne ikke opdatere fra SuperOffice") {
		t.Errorf("error dialog says %q", texts)
	}
}

// Connecting runs the daily read-back once (the service decides whether
// it is due); staying connected does not run it again, and a run that was
// not due reloads nothing.
func TestConnectingRunsTheDailyReadBack(t *testing.T) {
	w := uitest.Setup(t)
	f := &fake{rep: found}
	a := New(f, w)
	reloads := 0
	a.OnDone = func(*refresh.Report) { reloads++ }
	a.SetConnected(true)
	a.SetConnected(true)
	if f.autos != 1 || reloads != 0 || len(f.calls) != 0 {
		t.Errorf("autos %d reloads %d calls %v; want one due-check, nothing due, no reload", f.autos, reloads, f.calls)
	}
	a.SetConnected(false)
	f.due = true
	a.SetConnected(true)
	if f.autos != 2 || reloads != 1 {
		t.Errorf("after reconnecting with a due run: autos %d reloads %d; want 2 and 1", f.autos, reloads)
	}
	a.SetConnected(false)
	a.Auto()
	if f.autos != 2 {
		t.Error("the daily read-back ran while not connected")
	}
}

// TestCaptureToolbar writes the button beside the list's other actions,
// in Danish and English, for a look at 1024x640.
func TestCaptureToolbar(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		w := uitest.Setup(t)
		if err := i18n.Load(lang); err != nil {
			t.Fatal(err)
		}
		a := New(&fake{rep: found}, w)
		a.SetConnected(true)
		w.SetContent(container.NewBorder(container.NewHBox(widget.NewButton("Eksportér flere…", nil), widget.NewButton("Slet…", nil), a.Button), nil, nil, nil, widget.NewLabel("")))
		w.Resize(fyne.NewSize(1024, 640))
		a.Run()
		if f, err := os.Create("/tmp/h-refresh-toolbar-" + lang + ".png"); err == nil {
			_ = png.Encode(f, w.Canvas().Capture())
			f.Close()
		}
		want := map[string]string{"da": "Opdater fra SuperOffice", "en": "Update from SuperOffice"}[lang]
		if a.Button.Text != want {
			t.Errorf("%s: button %q, want %q", lang, a.Button.Text, want)
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func containsPart(ss []string, part string) bool {
	for _, x := range ss {
		if strings.Contains(strings.ToLower(x), strings.ToLower(part)) {
			return true
		}
	}
	return false
}
