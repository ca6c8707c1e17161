package exportui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/match"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// In the match dialog Enter is "Sync til valgte" (only once a company is
// chosen) and Esc is Annuller; in the confirmation both close it.
func TestMatchDialogKeys(t *testing.T) {
	svc := &fakeService{cands: []match.Candidate{nameOnly}}
	f, _ := start(t, svc, store.LeadRow{LocalID: 1})
	uitest.Press(f.win, fyne.KeyReturn) // nothing chosen: nothing synced
	if len(svc.synced()) != 0 || uitest.Top(f.win) == nil {
		t.Fatalf("Enter with no company chosen synced %v or closed the dialog", svc.synced())
	}
	uitest.Press(f.win, fyne.KeyEscape)
	if uitest.Top(f.win) != nil || len(svc.synced()) != 0 {
		t.Fatalf("Esc did not cancel: top %v, synced %v", uitest.Top(f.win), svc.synced())
	}

	svc2 := &fakeService{cands: []match.Candidate{certain, nameOnly}}
	g, done := start(t, svc2, store.LeadRow{LocalID: 1})
	uitest.Press(g.win, fyne.KeyReturn) // the CVR match is preselected
	r := <-done
	if got := svc2.synced(); len(got) != 1 || got[0].ContactID != 10 || r.ContactID != 10 {
		t.Fatalf("Enter synced %+v, want the chosen company 10", got)
	}
	if g.Last == nil || uitest.Top(g.win) == nil {
		t.Fatal("no confirmation shown")
	}
	uitest.Press(g.win, fyne.KeyReturn)
	if uitest.Top(g.win) != nil {
		t.Error("Enter did not close the confirmation")
	}
}

// In the error dialog Enter is "Prøv igen" and Esc is Luk.
func TestErrorDialogKeys(t *testing.T) {
	svc := &fakeService{syncErrs: []error{soError(503), soError(503)}}
	f, done := start(t, svc, store.LeadRow{LocalID: 1})
	f.Create.OnTapped()
	uitest.Eventually(t, "the error", func() bool { return uitest.Button(uitest.Top(f.win), "Prøv igen") != nil })
	uitest.Press(f.win, fyne.KeyReturn)
	uitest.Eventually(t, "the second error", func() bool { return len(svc.synced()) == 2 && uitest.Button(uitest.Top(f.win), "Prøv igen") != nil })
	uitest.Press(f.win, fyne.KeyEscape)
	if uitest.Top(f.win) != nil || len(svc.synced()) != 2 {
		t.Errorf("Esc: top %v, synced %d times", uitest.Top(f.win), len(svc.synced()))
	}
	select {
	case r := <-done:
		t.Errorf("a failed sync reported done: %+v", r)
	default:
	}
}

// With the changes shown, Enter still syncs the chosen company and Esc
// still cancels: the preview is part of the one dialog.
func TestKeysWithChangesShown(t *testing.T) {
	w := uitest.Setup(t)
	svc := &previewService{fakeService: &fakeService{cands: []match.Candidate{certain}}}
	done := make(chan *export.Result, 1)
	f := Start(svc, w, store.LeadRow{LocalID: 1}, Opts{Done: func(r *export.Result) { done <- r }})
	<-f.Ready()
	test.Tap(f.ShowChanges)
	if len(svc.asked) != 1 {
		t.Fatalf("Vis ændringer asked %v", svc.asked)
	}
	uitest.Press(w, fyne.KeyEscape)
	if uitest.Top(w) != nil || len(svc.synced()) != 0 {
		t.Fatalf("Esc with the changes shown: top %v, synced %v", uitest.Top(w), svc.synced())
	}
	g := Start(svc, w, store.LeadRow{LocalID: 2}, Opts{Done: func(r *export.Result) { done <- r }})
	<-g.Ready()
	test.Tap(g.ShowChanges)
	uitest.Press(w, fyne.KeyReturn)
	if r := <-done; r.ContactID != 10 || len(svc.synced()) != 1 {
		t.Errorf("Enter with the changes shown synced %+v", svc.synced())
	}
}

// Choosing the company with the mouse, by a tap on its row; Enter syncs it.
func TestEnterAfterClickingACandidate(t *testing.T) {
	svc := &fakeService{cands: []match.Candidate{nameOnly, certain}}
	f, done := start(t, svc, store.LeadRow{LocalID: 1})
	test.Tap(f.Rows[0])
	uitest.Press(f.win, fyne.KeyReturn)
	select {
	case r := <-done:
		if r.ContactID != 11 {
			t.Errorf("Enter synced %+v, want company 11", svc.synced())
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("Enter after a tap on a row did not sync: %v", svc.synced())
	}
}
