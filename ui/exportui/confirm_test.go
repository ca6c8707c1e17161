package exportui

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// bannerSync runs one "Opret & Sync" through a flow that confirms in b.
func bannerSync(t *testing.T, b *Banner) *Flow {
	t.Helper()
	done := make(chan *export.Result, 1)
	f := Start(&fakeService{}, b.win, store.LeadRow{LocalID: 1, CompanyName: "Firma"}, Opts{Banner: b, Done: func(r *export.Result) { done <- r }})
	<-f.Ready()
	test.Tap(f.Create)
	<-done
	return f
}

func TestConfirmationIsABannerNotADialog(t *testing.T) {
	w := uitest.Setup(t)
	b := NewBanner(w)
	w.SetContent(b.Content())
	var opened []string
	b.CompanyURL = func(id int64) *url.URL {
		return &url.URL{Scheme: "https", Host: "online.superoffice.com", Path: "/Cust1/default.aspx", RawQuery: "contact.main?contact_id=" + strconv.FormatInt(id, 10)}
	}
	b.OpenURL = func(u *url.URL) error { opened = append(opened, u.String()); return nil }
	setup := 0
	b.OnFieldSetup = func() { setup++ }

	f := bannerSync(t, b)
	if top := uitest.Top(w); top != nil {
		t.Fatalf("the confirmation is an overlay: %v", uitest.Texts(top))
	}
	if f.Last != nil {
		t.Errorf("a result dialog was made")
	}
	text := strings.Join(uitest.Texts(b.Content()), "\n")
	for _, want := range []string{"✓ Synkroniseret: Firma (firma 777)", "1 felter skrevet, 1 sprunget over", "Intent Signaler (RabitIQ:9)"} {
		if !strings.Contains(text, want) {
			t.Errorf("confirmation lacks %q:\n%s", want, text)
		}
	}
	if uitest.Button(b.Content(), "Åbn i SuperOffice") == nil {
		t.Fatalf("no Åbn i SuperOffice:\n%s", text)
	}
	test.Tap(b.Open)
	if len(opened) != 1 || !strings.HasSuffix(opened[0], "contact_id=777") {
		t.Errorf("Åbn i SuperOffice opened %v", opened)
	}
	test.Tap(uitest.Button(b.Content(), "Feltopsætning"))
	if setup != 1 {
		t.Errorf("Feltopsætning hook called %d times", setup)
	}
	test.Tap(uitest.Button(b.Content(), "Detaljer"))
	details := strings.Join(uitest.Texts(uitest.Top(w)), "\n")
	if b.Last == nil || !strings.Contains(details, "(firma 777) blev oprettet i SuperOffice") || !strings.Contains(details, "Eksisterende værdier beholdt: Afdeling") {
		t.Errorf("Detaljer does not show the full result:\n%s", details)
	}
}

func TestSkippedNoteOncePerSession(t *testing.T) {
	w := uitest.Setup(t)
	b := NewBanner(w)
	w.SetContent(b.Content())
	b.OnFieldSetup = func() {}
	bannerSync(t, b)
	if text := strings.Join(uitest.Texts(b.Content()), "\n"); !strings.Contains(text, "RabitIQ:9") {
		t.Fatalf("first sync lacks the skipped note:\n%s", text)
	}
	bannerSync(t, b)
	text := strings.Join(uitest.Texts(b.Content()), "\n")
	if strings.Contains(text, "RabitIQ:9") {
		t.Errorf("the skipped note repeats:\n%s", text)
	}
	if !strings.Contains(text, "1 sprunget over") || uitest.Button(b.Content(), "Feltopsætning") == nil {
		t.Errorf("the later sync lacks the count or the Feltopsætning link:\n%s", text)
	}
}

func TestBannerWithoutLinkDisablesOpen(t *testing.T) {
	w := uitest.Setup(t)
	b := NewBanner(w)
	w.SetContent(b.Content())
	b.Show(&export.Result{ContactID: 5, CompanyName: "X"})
	if !b.Open.Disabled() {
		t.Errorf("Åbn i SuperOffice enabled without a link")
	}
	test.Tap(uitest.Button(b.Content(), ""))
	if b.Content().Visible() {
		t.Errorf("the close button left the confirmation")
	}
}
