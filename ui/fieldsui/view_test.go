package fieldsui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/fieldsetup"
	"github.com/rabitiq/superoffice-sync/ui/errdialog/errtest"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

type fakeService struct {
	rep fieldsetup.Report
	err error
}

func (f fakeService) CheckFields(context.Context) (fieldsetup.Report, error) { return f.rep, f.err }
func (f fakeService) ConfirmField(context.Context, string, string) error     { return f.err }
func (f fakeService) UnconfirmField(context.Context, string) error           { return f.err }

func report() fieldsetup.Report {
	var r fieldsetup.Report
	for _, f := range fields.All() {
		res := fieldsetup.Result{Field: f, Status: fieldsetup.Present, TenantKey: f.ProgID, TenantType: "ShortText"}
		switch f.No {
		case 9:
			res = fieldsetup.Result{Field: f, Status: fieldsetup.Missing}
		case 18:
			res.Status, res.TenantType = fieldsetup.WrongType, "ShortText"
		case 34:
			res.Status = fieldsetup.OnPerson
		case 3:
			res.TenantKey = "x_rabitiq_industry"
		}
		r.Results = append(r.Results, res)
	}
	return r
}

func TestChecklistShowsEveryStatus(t *testing.T) {
	w := uitest.Setup(t)
	v := New(fakeService{rep: report()}, w)
	w.SetContent(v.Content())
	if len(v.Status) != 37 {
		t.Fatalf("%d rows, want 37", len(v.Status))
	}
	v.Check()
	want := map[int]string{1: "✓ oprettet", 3: "✓ oprettet (x_rabitiq_industry)", 9: "✗ mangler", 18: "⚠ forkert type (Text)", 34: "⚠ oprettet på Person"}
	for no, text := range want {
		if got := v.Status[no].Text; got != text {
			t.Errorf("field %d = %q, want %q", no, got, text)
		}
	}
	if v.Status[9].Importance != widget.DangerImportance || v.Status[1].Importance != widget.SuccessImportance {
		t.Error("status colours wrong")
	}
	if v.Summary.Text != "34 af 37 felter klar" {
		t.Errorf("summary = %q", v.Summary.Text)
	}
	all := strings.Join(uitest.Texts(v.Content()), "\n")
	for _, s := range []string{"Grundlæggende", "Virksomhedsinfo", "Noter & metadata", "Indstillinger og vedligeholdelse → Felter → Firma → Tilføj", "Publicér", "Fit Begrundelse", "Text (Long) · AI-begrundelse"} {
		if !strings.Contains(all, s) {
			t.Errorf("checklist lacks %q", s)
		}
	}
}

func TestChecklistWhenNotConnectedAndCopy(t *testing.T) {
	w := uitest.Setup(t)
	errtest.WithReport(t, "RAPPORT felter")
	v := New(fakeService{err: fmt.Errorf("check fields: read RABITIQ_SO_TENANT token: %w", auth.ErrNotConnected)}, w)
	w.SetContent(v.Content())
	v.Check()
	if !strings.Contains(v.Summary.Text, "SuperOffice er ikke forbundet") || v.Status[1].Text != "–" || v.Recheck.Disabled() {
		t.Errorf("not connected: %q / %q", v.Summary.Text, v.Status[1].Text)
	}
	errtest.AssertPlain(t, "field check error", v.Summary.Text, "check fields", "token")
	errtest.AssertCopiesReport(t, v.Content(), "RAPPORT felter")
	var copies []*widget.Button
	uitest.Walk(v.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "" {
			copies = append(copies, b)
		}
	})
	if len(copies) != 74 {
		t.Fatalf("%d copy buttons, want 2 × 37", len(copies))
	}
	got := map[string]bool{}
	for _, b := range copies[:2] {
		test.Tap(b)
		got[fyne.CurrentApp().Clipboard().Content()] = true
	}
	if !got["RabitIQ:1"] || !got["RabitIQ Score"] {
		t.Errorf("the first row's copy buttons copied %v", got)
	}
}
