package exportui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/match"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

var weak = match.Candidate{Company: match.Company{ContactID: 12, Name: "Alfabet Bogtryk"}, Score: 0.4, Reasons: []msg.Message{msg.New(match.ReasonName, "pct", 44)}}

// primary names the button the dialog made primary.
func primary(f *Flow) string {
	switch {
	case f.Create.Importance == widget.HighImportance && f.SyncChosen.Importance != widget.HighImportance:
		return "create"
	case f.SyncChosen.Importance == widget.HighImportance && f.Create.Importance != widget.HighImportance:
		return "sync"
	}
	return "both or none"
}

func TestPrimaryButtonRules(t *testing.T) {
	// A CVR match is preselected and "Sync til valgte" is the primary.
	f, _ := start(t, &fakeService{cands: []match.Candidate{certain, nameOnly}}, store.LeadRow{LocalID: 1})
	if primary(f) != "sync" || f.SyncChosen.Disabled() || f.Selected != 0 || !f.Rows[0].Selected() || f.Hint.Visible() {
		t.Errorf("CVR match: %v, primary %s, hint %v", f, primary(f), f.Hint.Visible())
	}
	// Nothing found: "Opret & Sync" is the primary, and the disabled
	// "Sync til valgte" says why.
	g, _ := start(t, &fakeService{}, store.LeadRow{LocalID: 1})
	if primary(g) != "create" || !g.SyncChosen.Disabled() || !g.Hint.Visible() || g.Hint.Text != "Intet firma at vælge" {
		t.Errorf("no candidates: %v, primary %s, hint %q", g, primary(g), g.Hint.Text)
	}
	// Only a weak candidate: nothing resembles the lead, so create.
	h, _ := start(t, &fakeService{cands: []match.Candidate{weak}}, store.LeadRow{LocalID: 1})
	if primary(h) != "create" || !h.SyncChosen.Disabled() || !strings.HasPrefix(h.Hint.Text, "Vælg et firma") {
		t.Errorf("weak candidate: %v, primary %s, hint %q", h, primary(h), h.Hint.Text)
	}
	// Choosing the weak one anyway makes its sync the primary.
	test.Tap(h.Rows[0])
	if primary(h) != "sync" || h.SyncChosen.Disabled() || h.Hint.Visible() {
		t.Errorf("weak candidate chosen: %v, primary %s", h, primary(h))
	}
	// A name-only guess resembles the lead but is not chosen for the
	// user: "Sync til valgte" stays primary, disabled, with the hint.
	k, _ := start(t, &fakeService{cands: []match.Candidate{nameOnly}}, store.LeadRow{LocalID: 1})
	if primary(k) != "sync" || !k.SyncChosen.Disabled() || !k.Hint.Visible() || !strings.HasPrefix(k.Hint.Text, "Vælg et firma") {
		t.Errorf("name-only: %v, primary %s, hint %q", k, primary(k), k.Hint.Text)
	}
}

// Enter is the primary button: "Opret & Sync" when nothing resembles the
// lead.
func TestEnterCreatesWhenNothingResembles(t *testing.T) {
	svc := &fakeService{cands: []match.Candidate{weak}}
	f, done := start(t, svc, store.LeadRow{LocalID: 1})
	uitest.Press(f.win, fyne.KeyReturn)
	if r := <-done; !r.Created || len(svc.synced()) != 1 || !svc.synced()[0].Create {
		t.Errorf("Enter synced %+v", svc.synced())
	}
}

// "Opret & Sync" beside a company with the lead's CVR asks first, naming
// the company; Annuller is the default, so Enter makes no duplicate.
func TestCreateBesideSameCVRAsksFirst(t *testing.T) {
	svc := &fakeService{cands: []match.Candidate{certain}}
	f, done := start(t, svc, store.LeadRow{LocalID: 1})
	test.Tap(f.Create)
	if f.Ask == nil || uitest.Top(f.win) == nil {
		t.Fatal("no question before creating a duplicate")
	}
	text := strings.Join(uitest.Texts(uitest.Top(f.win)), " ")
	if !strings.Contains(text, "Alfa A/S (firma 10)") || !strings.Contains(text, "samme CVR") {
		t.Errorf("the question does not name the company: %s", text)
	}
	uitest.Press(f.win, fyne.KeyReturn)
	if len(svc.synced()) != 0 {
		t.Fatalf("Enter in the question created: %+v", svc.synced())
	}
	if uitest.Button(uitest.Top(f.win), "Sync til valgte") == nil {
		t.Fatal("Annuller did not return to the match dialog")
	}
	test.Tap(f.Create)
	yes := uitest.Button(uitest.Top(f.win), "Opret alligevel")
	if yes == nil {
		t.Fatal("no Opret alligevel")
	}
	test.Tap(yes)
	if r := <-done; !r.Created || !svc.synced()[0].Create || svc.synced()[0].ContactID != 0 {
		t.Errorf("Opret alligevel synced %+v", svc.synced())
	}
	// Without a same-CVR company there is nothing to ask.
	g, done2 := start(t, &fakeService{cands: []match.Candidate{nameOnly}}, store.LeadRow{LocalID: 2})
	test.Tap(g.Create)
	if r := <-done2; !r.Created || g.Ask != nil {
		t.Errorf("asked without a same-CVR company")
	}
}

// searchService also searches SuperOffice by name.
type searchService struct {
	*fakeService
	texts []string
	found []match.Candidate
}

func (s *searchService) SearchCompanies(_ context.Context, _ int64, text string) ([]match.Candidate, error) {
	s.texts = append(s.texts, text)
	return s.found, nil
}

func (s *searchService) LeadCompany(context.Context, int64) (match.Company, error) {
	return match.Company{Name: "Alfa A/S", OrgNr: "29935181", Address: "Vestergade 1", Zip: "8000", City: "Aarhus C", Country: "Norge", Website: "https://alfa.dk"}, nil
}

// The search field looks up another company; what it finds becomes a
// candidate in the same dialog, to choose and sync to.
func TestManualSearchAddsCandidates(t *testing.T) {
	other := match.Candidate{Company: match.Company{ContactID: 55, Name: "Alfa Holding", Owner: "Jonas Berg"}, Score: 0.3}
	svc := &searchService{fakeService: &fakeService{cands: []match.Candidate{nameOnly}}, found: []match.Candidate{nameOnly, other}}
	f, done := start(t, svc, store.LeadRow{LocalID: 1})
	if f.Search == nil || len(f.Rows) != 1 {
		t.Fatalf("no search field or rows %d", len(f.Rows))
	}
	test.Type(f.Search, "Alfa Hold")
	test.Tap(f.SearchButton)
	if strings.Join(svc.texts, "|") != "Alfa Hold" || len(f.Rows) != 2 {
		t.Fatalf("search %v gave rows %d", svc.texts, len(f.Rows))
	}
	text := strings.Join(uitest.Texts(uitest.Top(f.win)), "|")
	for _, want := range []string{"Alfa Holding", "Jonas Berg", "Tilføjet fra søgningen: 1."} {
		if !strings.Contains(text, want) {
			t.Errorf("dialog lacks %q: %s", want, text)
		}
	}
	test.Tap(f.Rows[1])
	test.Tap(f.SyncChosen)
	if r := <-done; r.ContactID != 55 {
		t.Errorf("synced %+v, want the company found by the search", svc.synced())
	}
	svc.found = nil
	g, _ := start(t, svc, store.LeadRow{LocalID: 1})
	g.Search.SetText("Zebra")
	g.Search.OnSubmitted("Zebra") // Enter in the field searches
	if !strings.Contains(strings.Join(uitest.Texts(uitest.Top(g.win)), "|"), "Intet firma i SuperOffice passer til “Zebra”.") {
		t.Errorf("an empty search says nothing: %v", uitest.Texts(uitest.Top(g.win)))
	}
}

// The lead and each candidate stand side by side; a value that differs
// from the lead's is marked with a sign, not by colour alone.
func TestSideBySideMarksDifferences(t *testing.T) {
	odense := match.Candidate{Company: match.Company{ContactID: 104, Name: "Alfa A/S", OrgNr: "29935181", Address: "Havnegade 9", Zip: "5000", City: "Odense C", Country: "Danmark",
		Website: "https://alfa-fyn.dk", Owner: "Mette Kjær Lund", Category: "Kunde", Number: "10104"}, Score: 0.99, OrgNrMatch: true}
	svc := &searchService{fakeService: &fakeService{cands: []match.Candidate{odense}}}
	f, _ := start(t, svc, store.LeadRow{LocalID: 1})
	if got := f.Rows[0].Differs; !slices.Equal(got, []string{match.FieldAddress, match.FieldCity, match.FieldCountry, match.FieldWebsite}) {
		t.Errorf("differs %v", got)
	}
	text := strings.Join(uitest.Texts(uitest.Top(f.win)), "|")
	for _, want := range []string{"Vores kontakt", "Kategori", "Mette Kjær Lund", "Kunde", "≠ 5000 Odense C, Danmark", "≠ alfa-fyn.dk", "8000 Aarhus C, Norge", "Leadet", "nr. 10104", "≠ afviger fra leadet"} {
		if !strings.Contains(text, want) {
			t.Errorf("dialog lacks %q: %s", want, text)
		}
	}
	if strings.Contains(text, "≠ Alfa A/S") || strings.Contains(text, "≠ 29935181") {
		t.Errorf("equal values marked: %s", text)
	}
}

// previewService also previews, for "Vis ændringer".
type previewService struct {
	*fakeService
	asked []export.Choice
}

func (p *previewService) Diff(_ context.Context, _ int64, ch export.Choice) (*export.Diff, error) {
	p.asked = append(p.asked, ch)
	cur := func(s string) string {
		if ch.Create {
			return ""
		}
		return s
	}
	d := &export.Diff{Countries: []so.Country{{CountryId: 578, Name: "Norge", EnglishName: "Norway"}, {CountryId: 208, Name: "Danmark"}},
		Fields: []export.FieldDiff{
			{Field: "Name", Current: cur("Alfa A/S"), Incoming: "Alfa A/S", Action: map[bool]string{true: export.ActionWrite, false: export.ActionKeep}[ch.Create]},
			{Field: "Department", Current: cur("Salg Vest"), Incoming: "Energi", Action: map[bool]string{true: export.ActionWrite, false: export.ActionKeep}[ch.Create]},
			{Field: "Country", Current: cur("Danmark"), Incoming: "578", Action: export.ActionWrite},
			{Field: "RabitIQ:1", Label: "RabitIQ Score", Current: cur("[I:10]"), Incoming: "[I:87]", Action: export.ActionWrite},
			{Field: "RabitIQ:7", Incoming: strings.Repeat("k", 199), Action: export.ActionTruncate, FullLength: 212, KeptLength: 199},
			{Field: "RabitIQ:9", Label: "Intent Signaler", Incoming: "• x", Action: export.ActionSkip}},
		Persons: []export.PersonDiff{{Email: "a@b.dk", Name: "Ann", Action: export.PersonCreate}, {Email: "c@d.dk", Name: "Carl", Action: export.PersonUnchanged}}}
	if ch.Create {
		d.Fields[0].Action = export.ActionWrite
	}
	return d, nil
}

type memPolicy struct{ fields []string }

func (m *memPolicy) Overwrite() []string     { return m.fields }
func (m *memPolicy) SetOverwrite(f []string) { m.fields = f }

// previewText opens "Vis ændringer" and returns the dialog's text.
func previewText(t *testing.T, f *Flow) string {
	t.Helper()
	test.Tap(f.ShowChanges)
	return strings.Join(uitest.Texts(uitest.Top(f.win)), "|")
}

// "Vis ændringer" expands the real changes inside the dialog in human
// values, with the overwrite choice, and the sync uses that choice.
func TestInlinePreviewOfAnUpdate(t *testing.T) {
	w := uitest.Setup(t)
	svc := &previewService{fakeService: &fakeService{cands: []match.Candidate{certain}}}
	pol := &memPolicy{}
	done := make(chan *export.Result, 1)
	f := Start(svc, w, store.LeadRow{LocalID: 1, CompanyName: "Alfa"}, Opts{Policy: pol, Done: func(r *export.Result) { done <- r }})
	<-f.Ready()
	before := len(w.Canvas().Overlays().List())
	text := previewText(t, f)
	if len(svc.asked) != 1 || svc.asked[0].ContactID != 10 || len(w.Canvas().Overlays().List()) != before {
		t.Fatalf("the preview was not shown inside the dialog: asked %v", svc.asked)
	}
	for _, want := range []string{"Ændringer i Alfa A/S (firma 10)", "Salg Vest", "Energi", "beholdes", "Norge", "Danmark", "RabitIQ Score (RabitIQ:1)",
		"|10|", "|87|", "(212 tegn, 199 gemmes)", "Ann", "oprettes", "Skjul ændringer", "Ikke vist: uændrede felter (1) og felter, der mangler i SuperOffice (1)."} {
		if !strings.Contains(text, want) {
			t.Errorf("preview lacks %q: %s", want, text)
		}
	}
	for _, not := range []string{"[I:87]", "578", "Carl", "Intent Signaler"} {
		if strings.Contains(text, not) {
			t.Errorf("preview shows %q: %s", not, text)
		}
	}
	box := f.Overwrites["Department"]
	if box == nil || box.Checked || f.Overwrites["RabitIQ:1"] != nil || f.Overwrites["Name"] != nil {
		t.Fatalf("overwrite boxes = %v", f.Overwrites)
	}
	box.SetChecked(true)
	if !strings.Contains(strings.Join(uitest.Texts(uitest.Top(w)), "|"), "Energi|Energi|skrives") {
		t.Errorf("the action does not follow the box: %v", uitest.Texts(uitest.Top(w)))
	}
	if len(pol.fields) != 0 {
		t.Errorf("the choice was remembered before any sync: %v", pol.fields)
	}
	test.Tap(f.SyncChosen)
	<-done
	got := svc.synced()
	if len(got) != 1 || got[0].ContactID != 10 || !slices.Contains(got[0].Overwrite, "Department") {
		t.Errorf("synced %+v", got)
	}
	if !slices.Contains(pol.fields, "Department") {
		t.Errorf("policy not remembered: %v", pol.fields)
	}
	// The next preview starts from the remembered choice.
	g := Start(svc, w, store.LeadRow{LocalID: 2}, Opts{Policy: pol})
	<-g.Ready()
	previewText(t, g)
	if !slices.Contains(svc.asked[len(svc.asked)-1].Overwrite, "Department") || !g.Overwrites["Department"].Checked {
		t.Errorf("remembered policy not applied: %+v", svc.asked[len(svc.asked)-1])
	}
}

// For a create, "Vis ændringer" shows what will be written, in the same
// human values; choosing a company afterwards shows that update instead.
func TestInlinePreviewOfACreate(t *testing.T) {
	w := uitest.Setup(t)
	svc := &previewService{fakeService: &fakeService{cands: []match.Candidate{weak}}}
	done := make(chan *export.Result, 1)
	f := Start(svc, w, store.LeadRow{LocalID: 1}, Opts{Done: func(r *export.Result) { done <- r }})
	<-f.Ready()
	text := previewText(t, f)
	if len(svc.asked) != 1 || !svc.asked[0].Create {
		t.Fatalf("asked %+v", svc.asked)
	}
	for _, want := range []string{"Skrives i det nye firma", "Alfa A/S", "Norge", "|87|", "(212 tegn, 199 gemmes)", "Ann"} {
		if !strings.Contains(text, want) {
			t.Errorf("create preview lacks %q: %s", want, text)
		}
	}
	if strings.Contains(text, "I SuperOffice") || strings.Contains(text, "578") || len(f.Overwrites) != 0 {
		t.Errorf("create preview shows SuperOffice's side or boxes: %s %v", text, f.Overwrites)
	}
	test.Tap(f.Rows[0]) // choose the company: the open preview follows
	if n := len(svc.asked); n != 2 || svc.asked[1].ContactID != 12 || svc.asked[1].Create {
		t.Errorf("the preview did not follow the choice: %+v", svc.asked)
	}
	test.Tap(f.Rows[0])
	test.Tap(f.Create)
	if r := <-done; !r.Created {
		t.Errorf("Opret & Sync with the preview open: %+v", svc.synced())
	}
}

// Ticking and reloading the preview, then Annuller, leaves the remembered
// overwrite choice as it was: only a sync remembers it.
func TestCancelKeepsTheRememberedOverwrite(t *testing.T) {
	w := uitest.Setup(t)
	svc := &previewService{fakeService: &fakeService{cands: []match.Candidate{certain, nameOnly}}}
	pol := &memPolicy{fields: []string{"Department"}}
	f := Start(svc, w, store.LeadRow{LocalID: 1}, Opts{Policy: pol})
	<-f.Ready()
	previewText(t, f)
	f.Overwrites["Department"].SetChecked(false)
	test.Tap(f.Rows[1]) // the preview reloads for the other company
	test.Tap(f.Rows[0])
	uitest.Press(w, fyne.KeyEscape)
	if strings.Join(pol.fields, ",") != "Department" || len(svc.synced()) != 0 {
		t.Errorf("policy %v after Annuller, synced %v", pol.fields, svc.synced())
	}
}
