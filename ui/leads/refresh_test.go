package leads

import (
	"context"
	"image/png"
	"os"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// readBackLeads is a card service that also knows the last read-back.
type readBackLeads struct {
	cardLeads
	st store.Refresh
}

func (f readBackLeads) RefreshOf(_ context.Context, id int64) (store.Refresh, bool, error) {
	return f.st, f.st.State != "" && id == f.st.LeadID, nil
}

func readBackCard(t *testing.T, lang string, st store.Refresh) (*Detail, fyne.Window) {
	t.Helper()
	w := uitest.Setup(t)
	if err := i18n.Load(lang); err != nil {
		t.Fatal(err)
	}
	l := cardLead(store.StatusSynced)
	id := int64(4711)
	l.Row.SOContactID = &id
	st.LeadID, st.ContactID, st.CheckedAt = 1, id, time.Date(2026, 12, 2, 7, 30, 0, 0, time.Local)
	d := NewDetail(readBackLeads{cardLeads{1: l}, st})
	d.SetConnected(true)
	w.SetContent(d.Content())
	w.Resize(fyne.NewSize(1024, 640))
	d.Show(1)
	return d, w
}

func capture(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	f, err := os.Create("/tmp/h-refresh-" + name + ".png")
	if err != nil {
		t.Skip("no /tmp to write the capture to")
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// A lead whose company is gone says so on its card, in both languages,
// and its export button finds the company again (the match dialog).
func TestCardShowsCompanyGone(t *testing.T) {
	for _, c := range []struct{ lang, gone, button string }{
		{"da", "Findes ikke længere i SuperOffice", "Find firmaet igen"},
		{"en", "No longer exists in SuperOffice", "Find the company again"},
	} {
		d, w := readBackCard(t, c.lang, store.Refresh{State: store.RefreshGone})
		texts := uitest.Texts(w.Content())
		if !slices.Contains(texts, c.gone) {
			t.Errorf("%s: the card lacks %q: %q", c.lang, c.gone, texts)
		}
		if d.Export.Text != c.button || d.Export.Disabled() {
			t.Errorf("%s: export button %q (disabled %v), want %q", c.lang, d.Export.Text, d.Export.Disabled(), c.button)
		}
		if d.Export.Size().Width < d.Export.MinSize().Width {
			t.Errorf("%s: the button is %.0f wide, its label needs %.0f: cut at the edges", c.lang, d.Export.Size().Width, d.Export.MinSize().Width)
		}
		var exported []store.LeadRow
		d.OnExport = func(r store.LeadRow) { exported = append(exported, r) }
		test.Tap(d.Export)
		if len(exported) != 1 || exported[0].LocalID != 1 {
			t.Errorf("%s: the button exported %+v, want lead 1 (the match dialog)", c.lang, exported)
		}
		capture(t, w, "gone-"+c.lang)
	}
}

// A company a user changed in SuperOffice shows "I SuperOffice nu" lines
// with the new values; an owner change is named without an id.
func TestCardShowsWhatChangedInSuperOffice(t *testing.T) {
	st := store.Refresh{State: store.RefreshChanged, Changes: []store.RefreshChange{
		{Field: "OrgNr", Local: "12345678", SuperOffice: "12345674"},
		{Field: "Website", Local: "https://klitrose.dk", SuperOffice: ""},
		{Field: "Owner", Local: "5", SuperOffice: "9"},
	}}
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"da", []string{"I SuperOffice nu: CVR-nr. (OrgNr): 12345674", "I SuperOffice nu: Hjemmeside: (tom)", "I SuperOffice nu: en anden Vores kontakt (ejer)", "Kontrolleret i SuperOffice 02-12-2026 07:30"}},
		{"en", []string{"In SuperOffice now: CVR no. (OrgNr): 12345674", "In SuperOffice now: Website: (empty)", "In SuperOffice now: another Our contact (owner)", "Checked in SuperOffice 02-12-2026 07:30"}},
	} {
		d, w := readBackCard(t, c.lang, st)
		texts := uitest.Texts(w.Content())
		for _, want := range c.want {
			if !slices.Contains(texts, want) {
				t.Errorf("%s: the card lacks %q", c.lang, want)
			}
		}
		if d.Export.Text == "Find firmaet igen" || d.Export.Text == "Find the company again" {
			t.Errorf("%s: a changed company is not re-matched: button %q", c.lang, d.Export.Text)
		}
		capture(t, w, "changed-"+c.lang)
	}
}

// A company that is the same shows only when it was checked; a service
// without read-backs shows nothing of it.
func TestCardSameAndNoReadBack(t *testing.T) {
	_, w := readBackCard(t, "da", store.Refresh{State: store.RefreshSame})
	texts := uitest.Texts(w.Content())
	if !slices.Contains(texts, "Kontrolleret i SuperOffice 02-12-2026 07:30") {
		t.Errorf("same: no checked line in %q", texts)
	}
	for _, s := range texts {
		if s == "Findes ikke længere i SuperOffice" || len(s) > 17 && s[:17] == "I SuperOffice nu:" {
			t.Errorf("same: the card says %q", s)
		}
	}
	_, w2 := showCard(t, cardLeads{1: cardLead(store.StatusSynced)})
	for _, s := range uitest.Texts(w2.Content()) {
		if len(s) >= 14 && s[:14] == "Kontrolleret i" {
			t.Errorf("a service without read-backs shows %q", s)
		}
	}
}
