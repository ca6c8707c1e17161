package about

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/ui/errdialog/errtest"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

type fakeData struct {
	calls int
	err   error
}

func (f *fakeData) DeleteAllLocalData(context.Context) error {
	f.calls++
	return f.err
}

func TestDeleteAllLocalDataAsksFirst(t *testing.T) {
	w := uitest.Setup(t)
	svc := &fakeData{}
	done := 0
	w.SetContent(New(Info{Version: "1.0", DBPath: "/tmp/leads.db", DeleteAll: DeleteAll(w, svc, func() { done++ })}))
	b := uitest.Button(w.Content(), "Slet alle lokale data…")
	if b == nil {
		t.Fatalf("no \"Slet alle lokale data…\" in Om: %v", uitest.Texts(w.Content()))
	}

	test.Tap(b)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no confirmation")
	}
	text := strings.Join(uitest.Texts(top), " ")
	if !strings.Contains(text, "SuperOffice røres ikke") || !strings.Contains(text, "nøgleringen") {
		t.Errorf("the confirmation does not say what stays: %q", text)
	}
	test.Tap(uitest.Button(top, "Annuller"))
	if svc.calls != 0 || done != 0 {
		t.Fatalf("Annuller deleted: %d calls", svc.calls)
	}

	test.Tap(b)
	top = w.Canvas().Overlays().Top()
	test.Tap(uitest.Button(top, "Slet alt"))
	if svc.calls != 1 || done != 1 {
		t.Errorf("after Slet alt: %d calls, done %d times", svc.calls, done)
	}

	// A failure is shown in plain words with the error report, and the
	// lists are not told the data is gone.
	errtest.WithReport(t, "RAPPORT disk full")
	svc.err = fmt.Errorf("delete all: exec DELETE FROM leads: %w", errors.New("sqlite: disk full (13)"))
	test.Tap(b)
	test.Tap(uitest.Button(w.Canvas().Overlays().Top(), "Slet alt"))
	if done != 1 {
		t.Error("done ran after a failed delete")
	}
	text = strings.Join(uitest.Texts(w.Canvas().Overlays().Top()), " ")
	if !strings.Contains(text, "De lokale data kunne ikke slettes") {
		t.Errorf("the error is not shown: %q", text)
	}
	errtest.AssertPlain(t, "delete-all error", text, "sqlite", "DELETE FROM", "disk full")
	errtest.AssertCopiesReport(t, w.Canvas().Overlays().Top(), "RAPPORT disk full")
}

func TestAboutLeavesDeleteAllOutWithoutIt(t *testing.T) {
	w := uitest.Setup(t)
	w.SetContent(New(Info{Version: "1.0", DBPath: "/tmp/leads.db"}))
	if uitest.Button(w.Content(), "Slet alle lokale data…") != nil {
		t.Error("a delete button without a service")
	}
}
