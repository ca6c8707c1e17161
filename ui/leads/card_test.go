package leads

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// cardLeads serves a lead per local id, each with its own status.
type cardLeads map[int64]store.LeadDetail

func (f cardLeads) GetLead(_ context.Context, id int64) (*store.LeadDetail, error) {
	d := f[id]
	return &d, nil
}
func (f cardLeads) History(context.Context, store.HistoryFilter) ([]store.HistoryEntry, error) {
	return nil, nil
}
func (f cardLeads) CompanyURL(int64) *url.URL { return nil }

func cardLead(status store.Status, contacts ...lead.Contact) store.LeadDetail {
	l := lead.Lead{CompanyName: "Klitrose Byg P/S", CVR: "12345678", CVRValid: true, Website: "https://klitrose.dk",
		Score: lead.Number{Value: 87, Valid: true}, ReasonForFit: "Vokser hurtigt i Jylland",
		BuyingSignals: "Søger projektleder", ConversationStarters: "Spørg til nybyggeriet i Esbjerg",
		RevenueDKK: lead.Number{Value: 58600000, Valid: true}, Contacts: contacts}
	return store.LeadDetail{Row: store.LeadRow{LocalID: 1, CompanyName: l.CompanyName, Status: status}, Lead: l}
}

// showCard puts a detail pane showing lead 1 in a tall window, so every
// part of it is laid out.
func showCard(t *testing.T, leads cardLeads) (*Detail, fyne.Window) {
	t.Helper()
	w := uitest.Setup(t)
	d := NewDetail(leads)
	w.SetContent(d.Content())
	w.Resize(fyne.NewSize(1000, 3000))
	d.Show(1)
	return d, w
}

func find[T fyne.CanvasObject](o fyne.CanvasObject, ok func(T) bool) []T {
	var out []T
	uitest.Walk(o, func(x fyne.CanvasObject) {
		if v, is := x.(T); is && ok(v) {
			out = append(out, v)
		}
	})
	return out
}

func labelY(t *testing.T, o fyne.CanvasObject, text string) float32 {
	t.Helper()
	ls := find(o, func(l *widget.Label) bool { return l.Text == text })
	if len(ls) == 0 {
		t.Fatalf("no label %q in the pane", text)
	}
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(ls[0]).Y
}

// The card reads top-down as a seller works: the company and its score,
// why it fits and how to open, whom to call, then the 37 fields.
func TestLeadCardOrder(t *testing.T) {
	d, w := showCard(t, cardLeads{1: cardLead(store.StatusNew, lead.Contact{Name: "Mette Hansen", Email: "mette@klitrose.dk"})})
	root := w.Content()
	if d.Score.Text != "Score 87" {
		t.Errorf("score beside the name = %q", d.Score.Text)
	}
	name := fyne.CurrentApp().Driver().AbsolutePositionForObject(d.Title).Y
	if d.Title.Text != "Klitrose Byg P/S" {
		t.Errorf("title %q", d.Title.Text)
	}
	fit := labelY(t, root, "Vokser hurtigt i Jylland")
	signals := labelY(t, root, "Søger projektleder")
	starters := labelY(t, root, "Spørg til nybyggeriet i Esbjerg")
	contact := labelY(t, root, "Mette Hansen")
	accs := find(root, func(*widget.Accordion) bool { return true })
	if len(accs) != 1 {
		t.Fatalf("want one accordion of field groups, found %d", len(accs))
	}
	groups := fyne.CurrentApp().Driver().AbsolutePositionForObject(accs[0]).Y
	if !(name < fit && fit < signals && signals < starters && starters < contact && contact < groups) {
		t.Errorf("order by y: name %v, fit %v, signals %v, starters %v, contact %v, field groups %v", name, fit, signals, starters, contact, groups)
	}
}

// The company name is the largest text on the card: no section heading
// outshouts it, as the 28 px card titles did over a 14 px name.
func TestLeadCardNameIsTheLargestText(t *testing.T) {
	_, w := showCard(t, cardLeads{1: cardLead(store.StatusSynced, lead.Contact{Name: "Mette Hansen"})})
	var nameSize float32
	var others []*canvas.Text
	for _, tx := range find(w.Content(), func(*canvas.Text) bool { return true }) {
		if tx.Text == "Klitrose Byg P/S" { // the title, and the Name row below it
			nameSize = max(nameSize, tx.TextSize)
		} else if tx.Text != "" {
			others = append(others, tx)
		}
	}
	if nameSize <= theme.TextSize() {
		t.Fatalf("company name size %v, want larger than body text %v", nameSize, theme.TextSize())
	}
	for _, tx := range others {
		if tx.TextSize >= nameSize {
			t.Errorf("%q is %v px, not smaller than the company name's %v", tx.Text, tx.TextSize, nameSize)
		}
	}
}

func copyButtons(o fyne.CanvasObject) []*widget.Button {
	return find(o, func(b *widget.Button) bool { return b.Icon == theme.ContentCopyIcon() })
}

func TestContactCopiesToClipboard(t *testing.T) {
	_, w := showCard(t, cardLeads{1: cardLead(store.StatusNew, lead.Contact{Name: "Mette Hansen", Email: "mette@klitrose.dk", Phone: "+45 12 34 56 78"})})
	bs := copyButtons(w.Content())
	if len(bs) != 2 {
		t.Fatalf("want a copy button for the e-mail and one for the phone, found %d", len(bs))
	}
	clip := fyne.CurrentApp().Clipboard()
	test.Tap(bs[0])
	if got := clip.Content(); got != "mette@klitrose.dk" {
		t.Errorf("after copying the e-mail the clipboard holds %q", got)
	}
	test.Tap(bs[1])
	if got := clip.Content(); got != "+45 12 34 56 78" {
		t.Errorf("after copying the phone the clipboard holds %q", got)
	}
}

func links(o fyne.CanvasObject) map[string]string {
	out := map[string]string{}
	for _, h := range find(o, func(h *widget.Hyperlink) bool { return h.URL != nil }) {
		out[h.Text] = h.URL.String()
	}
	return out
}

func TestContactLinksOnlyForValidValues(t *testing.T) {
	_, w := showCard(t, cardLeads{1: cardLead(store.StatusNew,
		lead.Contact{Name: "Mette Hansen", Email: "mette@klitrose.dk", Phone: "+45 12 34 56 78"},
		lead.Contact{Name: "Ole Ask", Email: "ole at klitrose", Phone: "ring efter kl. 10"})})
	got := links(w.Content())
	if got["mette@klitrose.dk"] != "mailto:mette@klitrose.dk" || got["+45 12 34 56 78"] != "tel:+4512345678" {
		t.Errorf("valid e-mail and phone are not mailto:/tel: links: %v", got)
	}
	for _, bad := range []string{"ole at klitrose", "ring efter kl. 10"} {
		if u, ok := got[bad]; ok {
			t.Errorf("%q is a link to %q, want plain text", bad, u)
		}
		if len(find(w.Content(), func(l *widget.Label) bool { return l.Text == bad })) == 0 {
			t.Errorf("%q is not shown", bad)
		}
	}
	if n := len(copyButtons(w.Content())); n != 4 {
		t.Errorf("invalid values can still be copied: want 4 copy buttons, found %d", n)
	}
}

func TestFieldGroupsStartCollapsed(t *testing.T) {
	_, w := showCard(t, cardLeads{1: cardLead(store.StatusNew)})
	accs := find(w.Content(), func(*widget.Accordion) bool { return true })
	if len(accs) != 1 || len(accs[0].Items) != 9 {
		t.Fatalf("want one accordion with the guide's 9 groups, found %d", len(accs))
	}
	for _, it := range accs[0].Items {
		if it.Open {
			t.Errorf("group %q is open", it.Title)
		}
	}
	if !strings.HasPrefix(accs[0].Items[0].Title, "Grundlæggende") {
		t.Errorf("first group %q", accs[0].Items[0].Title)
	}
}

// Every label/value row, in every section and group, has the same
// label width, so the values line up in one column.
func TestOneLabelWidth(t *testing.T) {
	_, w := showCard(t, cardLeads{1: cardLead(store.StatusNew, lead.Contact{Name: "Mette Hansen", Email: "mette@klitrose.dk"})})
	accs := find(w.Content(), func(*widget.Accordion) bool { return true })
	if len(accs) != 1 {
		t.Fatalf("want one accordion of field groups, found %d", len(accs))
	}
	accs[0].OpenAll()
	xs := map[float32][]string{}
	for _, l := range find(w.Content(), func(l *widget.Label) bool { return l.TextStyle.Bold }) {
		switch l.Text {
		case "Navn", "Hjemmeside", "E-mail", "Omsætning DKK", "RabitIQ Score":
			xs[rowValueX(t, w.Content(), l)] = append(xs[rowValueX(t, w.Content(), l)], l.Text)
		}
	}
	var found int
	for _, ls := range xs {
		found += len(ls)
	}
	if found != 5 || len(xs) != 1 {
		t.Errorf("want the 5 rows' values at one x, got %v", xs)
	}
}

// rowValueX is where the value beside a row's label starts.
func rowValueX(t *testing.T, root fyne.CanvasObject, label *widget.Label) float32 {
	t.Helper()
	for _, c := range find(root, func(c *fyne.Container) bool { return len(c.Objects) == 2 && c.Objects[0] == label }) {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(c.Objects[1]).X
	}
	t.Fatalf("label %q is not in a row", label.Text)
	return 0
}

// After a sync the button says what it will do next: sync again.
func TestExportButtonSaysSyncAgainAfterSync(t *testing.T) {
	leads := cardLeads{1: cardLead(store.StatusSynced), 2: cardLead(store.StatusNew), 3: cardLead(store.StatusChanged), 4: cardLead(store.StatusFailed)}
	d, _ := showCard(t, leads)
	for _, c := range []struct {
		id   int64
		want string
	}{{1, "Synkronisér igen"}, {2, "Eksporter til SuperOffice"}, {3, "Synkronisér igen"}, {4, "Eksporter til SuperOffice"}} {
		d.Show(c.id)
		if d.Export.Text != c.want {
			t.Errorf("lead %d (%s): button %q, want %q", c.id, leads[c.id].Row.Status, d.Export.Text, c.want)
		}
	}
	d.Show(1)
	d.Clear()
	if d.Export.Text != "Eksporter til SuperOffice" || d.Score.Text != "" {
		t.Errorf("cleared pane: button %q, score %q", d.Export.Text, d.Score.Text)
	}
}

func TestContactURLs(t *testing.T) {
	for in, want := range map[string]string{
		"mette@klitrose.dk": "mailto:mette@klitrose.dk", " ole@ask.dk ": "mailto:ole@ask.dk",
		"Mette <mette@klitrose.dk>": "", "mette@klitrose": "", "a@b.dk, c@d.dk": "", "mette": "",
	} {
		got := ""
		if u := mailtoURL(in); u != nil {
			got = u.String()
		}
		if got != want {
			t.Errorf("mailtoURL(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"+45 12 34 56 78": "tel:+4512345678", "12-34-56-78": "tel:12345678", "(+45) 1234": "",
		"ring efter kl. 10": "", "123": "", "+45 12 34 56 78 90 12 34 56": "", "12+34 56 78": "",
	} {
		got := ""
		if u := telURL(in); u != nil {
			got = u.String()
		}
		if got != want {
			t.Errorf("telURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// A typical 30-character name is shown in full, large, beside the
// score, in a detail pane as wide as it is at 1024 px.
func TestLeadCardNameFitsInANarrowPane(t *testing.T) {
	const name = "Bøgeskov Energi Holding A/S 30"
	det := cardLead(store.StatusSynced)
	det.Lead.CompanyName = name
	d, w := showCard(t, cardLeads{1: det})
	w.Resize(fyne.NewSize(440, 640))
	var shown []string
	for _, tx := range find(test.WidgetRenderer(d.Title).Objects()[0], func(*canvas.Text) bool { return true }) {
		shown = append(shown, tx.Text)
	}
	if len(shown) != 1 || shown[0] != name || d.Score.Text != "Score 87" {
		t.Errorf("title shows %q beside %q, want %q in full", shown, d.Score.Text, name)
	}
}
