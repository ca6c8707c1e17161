package fieldsui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/fieldsetup"
	"github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/ui/errdialog/errtest"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// tenantService checks a tenant with RabitIQ:1 and an unrelated "Branche"
// (SuperOffice:5) through the real field check, with the confirmations the
// screen stores.
type tenantService struct {
	conf    fieldsetup.Confirmed
	saveErr error
}

func (s *tenantService) CheckFields(context.Context) (fieldsetup.Report, error) {
	cu := []struct{ key, label, typ string }{{"RabitIQ:1", "RabitIQ Score", "Number"}, {"SuperOffice:5", "Branche", "ShortText"}}
	var c []superoffice.FieldInfo
	for _, f := range cu {
		c = append(c, superoffice.FieldInfo{FieldName: f.key, DisplayName: f.label, FieldType: f.typ})
	}
	return fieldsetup.CheckConfirmed(s.conf, c, nil, nil, nil), nil
}

func (s *tenantService) ConfirmField(_ context.Context, progID, key string) error {
	if s.saveErr != nil {
		return s.saveErr
	}
	s.conf[progID] = key
	return nil
}

func (s *tenantService) UnconfirmField(_ context.Context, progID string) error {
	delete(s.conf, progID)
	return nil
}

func TestUseThisFieldConfirmsASuggestionAndUndoForgetsIt(t *testing.T) {
	w := uitest.Setup(t)
	svc := &tenantService{conf: fieldsetup.Confirmed{}}
	v := New(svc, w)
	w.SetContent(v.Content())
	v.Check()
	if got := v.Status[3].Text; got != "? foreslået (SuperOffice:5)" || v.Status[3].Importance != widget.WarningImportance {
		t.Errorf("field 3 = %q, want suggested", got)
	}
	if !strings.Contains(v.Summary.Text, "1 af 37 felter klar · 1 fundet på navn venter på din bekræftelse") {
		t.Errorf("summary = %q", v.Summary.Text)
	}
	use, undo := v.Use[3], v.Undo[3]
	if use.Hidden || use.Text != "Brug dette felt" || !undo.Hidden {
		t.Fatalf("field 3: use hidden=%v %q, undo hidden=%v", use.Hidden, use.Text, undo.Hidden)
	}
	for no := range fields.All() {
		if no+1 != 3 && (!v.Use[no+1].Hidden || !v.Undo[no+1].Hidden) {
			t.Errorf("field %d offers a confirmation", no+1)
		}
	}
	onScreen := false
	uitest.Walk(v.Content(), func(o fyne.CanvasObject) { onScreen = onScreen || o == use })
	if !onScreen {
		t.Fatal("the button is not on the screen")
	}

	test.Tap(use)
	if svc.conf["RabitIQ:3"] != "SuperOffice:5" {
		t.Fatalf("stored confirmations = %v", svc.conf)
	}
	if got := v.Status[3].Text; got != "✓ bekræftet (SuperOffice:5)" || !use.Hidden || undo.Hidden || undo.Text != "Fortryd" {
		t.Errorf("after confirming: %q, use hidden=%v, undo hidden=%v", got, use.Hidden, undo.Hidden)
	}
	if !strings.HasPrefix(v.Summary.Text, "2 af 37 felter klar") {
		t.Errorf("summary = %q", v.Summary.Text)
	}

	test.Tap(undo)
	if len(svc.conf) != 0 || v.Status[3].Text != "? foreslået (SuperOffice:5)" || use.Hidden || !undo.Hidden {
		t.Errorf("after undo: %v %q", svc.conf, v.Status[3].Text)
	}

	errtest.WithReport(t, "RAPPORT valg")
	svc.saveErr = fmt.Errorf("confirm field: upsert confirmed_fields: %w", errors.New("sqlite: disk fuld"))
	test.Tap(use)
	if !strings.Contains(v.Summary.Text, "Kunne ikke gemme valget:") || use.Disabled() || len(svc.conf) != 0 {
		t.Errorf("failed save: %q, disabled=%v", v.Summary.Text, use.Disabled())
	}
	errtest.AssertPlain(t, "confirm error", v.Summary.Text, "sqlite", "confirmed_fields", "disk fuld")
	errtest.AssertCopiesReport(t, v.Content(), "RAPPORT valg")
}
