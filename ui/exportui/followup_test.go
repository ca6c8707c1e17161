package exportui

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/match"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// followUpService books a follow-up on Tuesday 8 December when asked to.
type followUpService struct{ *fakeService }

func (f followUpService) Sync(ctx context.Context, id int64, ch export.Choice) (*export.Result, error) {
	r, err := f.fakeService.Sync(ctx, id, ch)
	if err == nil && ch.FollowUpDays > 0 {
		r.FollowUp = &export.FollowUpResult{AppointmentID: 31, StartDate: "2026-12-08T09:00:00"}
	}
	return r, err
}

// storedFollowUp is the window's own settings, in a real database, on
// tenant Cust1.
func storedFollowUp(t *testing.T) (StoredFollowUp, *store.DB) {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "leads.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return StoredFollowUp{DB: db, Tenant: func(context.Context) string { return "Cust1" }}, db
}

func setting(t *testing.T, db *store.DB) string {
	v, _, err := db.TenantSetting(context.Background(), "Cust1", store.SettingFollowUpDays)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestFollowUpCheckboxRemembersNPerTenant(t *testing.T) {
	w := uitest.Setup(t)
	settings, db := storedFollowUp(t)
	fu := NewFollowUp(settings)
	svc := followUpService{&fakeService{cands: []match.Candidate{certain}}}
	flow := func() (*Flow, chan *export.Result) {
		done := make(chan *export.Result, 1)
		f := Start(svc, w, store.LeadRow{LocalID: 1, CompanyName: "Alfa"}, Opts{FollowUp: fu, Done: func(r *export.Result) { done <- r }})
		<-f.Ready()
		return f, done
	}

	f, done := flow()
	text := strings.Join(uitest.Texts(uitest.Top(w)), " ")
	if !strings.Contains(text, "Opret opfølgning om") || !strings.Contains(text, "arbejdsdage") || fu.Check.Checked || fu.Days.Text != "3" {
		t.Fatalf("first dialog: checked %v, N %q:\n%s", fu.Check.Checked, fu.Days.Text, text)
	}
	test.Tap(fu.Check)
	fu.Days.SetText("5")
	if v := setting(t, db); v != "5" {
		t.Fatalf("stored %q, want 5", v)
	}
	test.Tap(f.SyncChosen) // the CVR match is preselected
	<-done
	if got := svc.synced(); len(got) != 1 || got[0].FollowUpDays != 5 {
		t.Fatalf("synced %+v, want FollowUpDays 5", got)
	}

	// The next export starts ticked with N = 5; unticking it is remembered.
	g, done := flow()
	if !fu.Check.Checked || fu.Days.Text != "5" {
		t.Fatalf("second dialog: checked %v, N %q", fu.Check.Checked, fu.Days.Text)
	}
	test.Tap(fu.Check)
	if v := setting(t, db); v != "0" {
		t.Fatalf("stored %q after unticking, want 0", v)
	}
	fu.Days.SetText("abc") // not a number: nothing is stored, nothing booked
	test.Tap(g.SyncChosen)
	<-done
	if got := svc.synced(); len(got) != 2 || got[1].FollowUpDays != 0 {
		t.Fatalf("synced %+v, want no follow-up", got)
	}
	if _, _ = flow(); fu.Check.Checked {
		t.Error("the unticked choice was not remembered")
	}
}

func TestBannerSaysWhatWasBooked(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"da", "Opfølgning oprettet: tir. 8. dec. kl. 09:00"},
		{"en", "Follow-up booked: Tue 8 Dec at 09:00"},
	} {
		w := uitest.Setup(t)
		if err := i18n.Load(c.lang); err != nil {
			t.Fatal(err)
		}
		settings, _ := storedFollowUp(t)
		if err := settings.SetFollowUpDays(context.Background(), 1); err != nil {
			t.Fatal(err)
		}
		b := NewBanner(w)
		w.SetContent(b.Content())
		done := make(chan *export.Result, 1)
		f := Start(followUpService{&fakeService{cands: []match.Candidate{certain}}}, w, store.LeadRow{LocalID: 1, CompanyName: "Alfa"},
			Opts{Banner: b, FollowUp: NewFollowUp(settings), Done: func(r *export.Result) { done <- r }})
		<-f.Ready()
		capture(t, w, "dialog-"+c.lang)
		test.Tap(f.SyncChosen)
		<-done
		if text := strings.Join(uitest.Texts(b.Content()), "\n"); !strings.Contains(text, c.want) {
			t.Errorf("%s banner lacks %q:\n%s", c.lang, c.want, text)
		}
		if text := ResultText(&export.Result{FollowUp: &export.FollowUpResult{AppointmentID: 31, StartDate: "2026-12-08T09:00:00"}}); !strings.Contains(text, c.want) {
			t.Errorf("%s details lack %q:\n%s", c.lang, c.want, text)
		}
		capture(t, w, "banner-"+c.lang)
	}
}

// capture writes the window at 1024x640 to $RABITIQ_CAPTURE_DIR, when set,
// to look at the screen without a display.
func capture(t *testing.T, w fyne.Window, name string) {
	dir := os.Getenv("RABITIQ_CAPTURE_DIR")
	if dir == "" {
		return
	}
	w.Resize(fyne.NewSize(1024, 640))
	f, err := os.Create(filepath.Join(dir, "h-followup-"+name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
