package leads

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

type fakeDetail struct{ det store.LeadDetail }

func (f fakeDetail) GetLead(context.Context, int64) (*store.LeadDetail, error) {
	d := f.det
	return &d, nil
}
func (f fakeDetail) History(context.Context, store.HistoryFilter) ([]store.HistoryEntry, error) {
	id := int64(4711)
	return []store.HistoryEntry{{At: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC), Action: "created", SOContactID: &id,
		Details: store.HistoryDetails{Created: true, FieldsWritten: []string{"RabitIQ:1", "RabitIQ:2"}, PersonsCreated: 2}}}, nil
}
func (f fakeDetail) CompanyURL(id int64) *url.URL {
	u, _ := url.Parse("https://online.superoffice.com/Cust1/default.aspx?contact.main?contact_id=4711")
	return u
}

func TestDetailGroupsLikeTheGuideAndGatesExport(t *testing.T) {
	uitest.Setup(t)
	id := int64(4711)
	l := lead.Lead{CompanyName: "Klitrose Byg P/S", CVR: "12345678", Score: lead.Number{Value: 87, Valid: true},
		RevenueDKK: lead.Number{Value: 58600000, Valid: true}, GrowthRatePct: lead.Number{Value: 7.1, Valid: true},
		Threats: "• Nye konkurrenter", Contacts: []lead.Contact{{Name: "Mette Hansen", Email: "mette@klitrose.dk"}}}
	d := NewDetail(fakeDetail{det: store.LeadDetail{Row: store.LeadRow{LocalID: 1, CompanyName: l.CompanyName, Status: store.StatusSynced, SOContactID: &id}, Lead: l}})
	if !d.Export.Disabled() || !strings.Contains(d.Hint.Text, "Vælg et lead") {
		t.Errorf("before a lead: disabled=%v hint=%q", d.Export.Disabled(), d.Hint.Text)
	}
	var exported []store.LeadRow
	d.OnExport = func(r store.LeadRow) { exported = append(exported, r) }
	d.Show(1)
	if !d.Export.Disabled() || d.Hint.Text != "Forbind til SuperOffice for at eksportere" {
		t.Errorf("not connected: disabled=%v hint=%q", d.Export.Disabled(), d.Hint.Text)
	}
	d.SetConnected(true)
	test.Tap(d.Export)
	if len(exported) != 1 || exported[0].LocalID != 1 {
		t.Errorf("export tapped: %+v", exported)
	}
	text := strings.Join(uitest.Texts(d.Content()), "\n")
	for _, want := range []string{"Grundlæggende", "Salgsintelligens", "Virksomhedsinfo", "Finansiel data", "Konkurrenter & marked", "SWOT",
		"Anmeldelser & signaler", "Jobopslag & playbook", "Noter & metadata", "58.600.000", "7,1", "• Nye konkurrenter", "ugyldigt CVR",
		"Mette Hansen", "Synkroniseret", "Oprettet i SuperOffice", "2 felter skrevet"} {
		if !strings.Contains(text, want) {
			t.Errorf("detail lacks %q", want)
		}
	}
}

// A disabled Export says why and offers the way out: an inline "Forbind"
// beside the reason, shown only while it applies.
func TestDisabledExportOffersForbind(t *testing.T) {
	w := uitest.Setup(t)
	d := NewDetail(fakeDetail{det: store.LeadDetail{Row: store.LeadRow{LocalID: 1, CompanyName: "Ask A/S"}, Lead: lead.Lead{CompanyName: "Ask A/S"}}})
	w.SetContent(d.Content())
	var connects int
	d.OnConnect = func() { connects++ }
	if d.Connect.Visible() {
		t.Error("Forbind shown before a lead is selected: the hint is about selecting")
	}
	d.Show(1)
	if !d.Export.Disabled() || !d.Connect.Visible() || d.Connect.Text != "Forbind" {
		t.Fatalf("not connected: export disabled=%v, Forbind visible=%v text=%q", d.Export.Disabled(), d.Connect.Visible(), d.Connect.Text)
	}
	if b := uitest.Button(w.Content(), "Forbind"); b != d.Connect {
		t.Fatal("Forbind is not in the pane")
	}
	if d.Hint.Importance == widget.LowImportance {
		t.Error("the reason is low-importance grey text")
	}
	test.Tap(d.Connect)
	if connects != 1 {
		t.Errorf("Forbind called OnConnect %d times, want 1", connects)
	}
	d.SetConnected(true)
	if d.Export.Disabled() || d.Connect.Visible() || d.Hint.Text != "" {
		t.Errorf("connected: export disabled=%v, Forbind visible=%v, hint=%q", d.Export.Disabled(), d.Connect.Visible(), d.Hint.Text)
	}
}

func TestFormatNumber(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 1234: "1.234", -2699700: "-2.699.700", 7.1: "7,1", 12500000.5: "12.500.000,5"} {
		if got := formatNumber(in); got != want {
			t.Errorf("formatNumber(%v) = %q, want %q", in, got, want)
		}
	}
}
