package batchui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// leadsFake is the queue's side of the app: it loads leads and records
// every match dialog opened and every status change a decision made.
type leadsFake struct {
	loaded  []int64
	opened  []int64
	status  map[int64]store.Status
	pending func() // the open match dialog's "synced", nil when none
}

func newLeadsFake(ids ...int64) *leadsFake {
	f := &leadsFake{status: map[int64]store.Status{}}
	for _, id := range ids {
		f.status[id] = store.StatusReview
	}
	return f
}

func (f *leadsFake) load(id int64) (store.LeadRow, error) {
	f.loaded = append(f.loaded, id)
	if id == 99 {
		return store.LeadRow{}, fmt.Errorf("lead %d findes ikke", id)
	}
	return store.LeadRow{LocalID: id, CompanyName: fmt.Sprintf("Firma %d", id), CVR: "12345678", Status: f.status[id]}, nil
}

// decide opens the "match dialog": the test syncs it with sync().
func (f *leadsFake) decide(r store.LeadRow, decided func()) {
	f.opened = append(f.opened, r.LocalID)
	f.pending = func() { f.status[r.LocalID] = store.StatusSynced; decided() }
}

func (f *leadsFake) sync() {
	f.pending()
	f.pending = nil
}

func TestQueueShowsPlaceSkipsAndGoesBack(t *testing.T) {
	w := uitest.Setup(t)
	f := newLeadsFake(11, 12, 13)
	q := OpenQueue(w, []int64{11, 12, 13}, f.load, f.decide)
	if q.Position.Text != "1 af 3" || q.Company.Text != "Firma 11\nCVR 12345678" {
		t.Fatalf("shows %q / %q", q.Position.Text, q.Company.Text)
	}
	if !q.Back.Disabled() || q.Skip.Disabled() {
		t.Errorf("at the first lead back disabled=%v skip disabled=%v", q.Back.Disabled(), q.Skip.Disabled())
	}
	test.Tap(q.Skip)
	if q.Position.Text != "2 af 3" || q.Company.Text != "Firma 12\nCVR 12345678" || q.Back.Disabled() {
		t.Errorf("after Spring over: %q / %q", q.Position.Text, q.Company.Text)
	}
	test.Tap(q.Skip)
	if q.Position.Text != "3 af 3" || !q.Skip.Disabled() {
		t.Errorf("at the last lead: %q, skip disabled=%v", q.Position.Text, q.Skip.Disabled())
	}
	test.Tap(q.Back)
	test.Tap(q.Back)
	if q.Position.Text != "1 af 3" || q.Company.Text != "Firma 11\nCVR 12345678" {
		t.Errorf("after Tilbage twice: %q / %q", q.Position.Text, q.Company.Text)
	}
	if len(f.opened) != 0 {
		t.Errorf("skipping opened match dialogs for %v", f.opened)
	}
	if got := q.Left(); len(got) != 3 {
		t.Errorf("skipping dropped leads: %v", got)
	}
}

// A decision drops the lead; cancelling the match dialog keeps it; the
// next lead takes its place.
func TestQueueDecidedLeadLeaves(t *testing.T) {
	w := uitest.Setup(t)
	f := newLeadsFake(11, 12, 13)
	q := OpenQueue(w, []int64{11, 12, 13}, f.load, f.decide)
	test.Tap(q.Skip)
	test.Tap(q.Decide)
	f.pending = nil // the user cancelled the match dialog
	if q.Position.Text != "2 af 3" || len(q.Left()) != 3 {
		t.Errorf("a cancelled match dialog changed the queue: %q %v", q.Position.Text, q.Left())
	}
	test.Tap(q.Decide)
	f.sync()
	if q.Position.Text != "2 af 2" || q.Company.Text != "Firma 13\nCVR 12345678" {
		t.Errorf("after syncing 12: %q / %q", q.Position.Text, q.Company.Text)
	}
	if got := q.Left(); len(got) != 2 || got[0] != 11 || got[1] != 13 {
		t.Errorf("left %v", got)
	}
	test.Tap(q.Back)
	test.Tap(q.Decide)
	f.sync()
	test.Tap(q.Decide)
	f.sync()
	if q.Position.Text != "Alle leads er gennemset." || !q.Decide.Disabled() || !q.Skip.Disabled() || !q.Back.Disabled() {
		t.Errorf("empty queue: %q", q.Position.Text)
	}
}

// Closing the queue (Luk or Esc) after deciding one lead keeps the rest in
// review: nothing is opened or changed for the leads not decided.
func TestQueueCloseKeepsTheRest(t *testing.T) {
	for _, how := range []string{"Luk", "Esc"} {
		t.Run(how, func(t *testing.T) {
			w := uitest.Setup(t)
			f := newLeadsFake(11, 12, 13, 14)
			q := OpenQueue(w, []int64{11, 12, 13, 14}, f.load, f.decide)
			test.Tap(q.Decide)
			f.sync()
			if how == "Luk" {
				test.Tap(q.Close)
			} else {
				uitest.Press(w, fyne.KeyEscape)
			}
			if uitest.Top(w) != nil {
				t.Fatal("the queue is still shown")
			}
			if len(f.opened) != 1 || f.opened[0] != 11 {
				t.Errorf("match dialogs opened for %v", f.opened)
			}
			for _, id := range []int64{12, 13, 14} {
				if f.status[id] != store.StatusReview {
					t.Errorf("lead %d is %q after closing, want review", id, f.status[id])
				}
			}
			if f.status[11] != store.StatusSynced {
				t.Errorf("decided lead is %q", f.status[11])
			}
		})
	}
}

// Enter decides the current lead; a lead that cannot be read can only be
// skipped.
func TestQueueEnterAndUnreadableLead(t *testing.T) {
	w := uitest.Setup(t)
	f := newLeadsFake(99, 12)
	q := OpenQueue(w, []int64{99, 12}, f.load, f.decide)
	if !q.Decide.Disabled() || q.Company.Text != "lead 99 findes ikke" {
		t.Errorf("unreadable lead: %q, decide disabled=%v", q.Company.Text, q.Decide.Disabled())
	}
	uitest.Press(w, fyne.KeyReturn)
	if len(f.opened) != 0 {
		t.Errorf("Enter opened %v for an unreadable lead", f.opened)
	}
	test.Tap(q.Skip)
	uitest.Press(w, fyne.KeyReturn)
	if len(f.opened) != 1 || f.opened[0] != 12 {
		t.Errorf("Enter opened %v", f.opened)
	}
}
