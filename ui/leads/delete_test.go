package leads

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

func TestDeleteTickedLeadsAfterConfirmation(t *testing.T) {
	v, svc, w := setup(t, []store.LeadRow{{LocalID: 1, CompanyName: "Glemmes ApS"}, {LocalID: 2, CompanyName: "Bliver A/S"}, {LocalID: 3, CompanyName: "Også væk I/S"}})
	if !v.Delete.Disabled() {
		t.Error("Slet is enabled with nothing ticked")
	}
	var deleted, ticked []int64
	v.OnDeleted = func(ids []int64) { deleted = ids }
	v.OnChecked = func(ids []int64) { ticked = ids }
	v.SetChecked(1, true)
	v.SetChecked(3, true)
	if v.Delete.Disabled() || v.Delete.Text != "Slet (2)…" {
		t.Fatalf("Slet button = %q, disabled %v", v.Delete.Text, v.Delete.Disabled())
	}

	// Annuller deletes nothing.
	test.Tap(v.Delete)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no confirmation")
	}
	if text := strings.Join(uitest.Texts(top), " "); !strings.Contains(text, "Slet 2 leads fra denne computer?") || !strings.Contains(text, "SuperOffice røres ikke") {
		t.Errorf("the confirmation does not say SuperOffice is untouched: %q", text)
	}
	test.Tap(uitest.Button(top, "Annuller"))
	if len(svc.deleted) != 0 || v.List.Length() != 3 {
		t.Fatalf("Annuller deleted %v", svc.deleted)
	}

	test.Tap(v.Delete)
	top = w.Canvas().Overlays().Top()
	b := uitest.Button(top, "Slet")
	if b == nil {
		t.Fatalf("no Slet in the confirmation: %v", uitest.Texts(top))
	}
	test.Tap(b)
	if len(svc.deleted) != 2 || svc.deleted[0] != 1 || svc.deleted[1] != 3 {
		t.Errorf("deleted %v, want [1 3]", svc.deleted)
	}
	if v.List.Length() != 1 || v.Status.Text != "1 lead" {
		t.Errorf("after delete: %d rows, status %q", v.List.Length(), v.Status.Text)
	}
	if r, _ := v.Row(0); r.LocalID != 2 {
		t.Errorf("row 0 = %+v, want the kept lead", r)
	}
	if len(v.Checked()) != 0 || len(ticked) != 0 || !v.Delete.Disabled() || v.Delete.Text != "Slet…" {
		t.Errorf("after delete: ticked %v (told %v), button %q disabled %v", v.Checked(), ticked, v.Delete.Text, v.Delete.Disabled())
	}
	if len(deleted) != 2 {
		t.Errorf("OnDeleted got %v", deleted)
	}
}

func TestHistoryLineOfADeletedLead(t *testing.T) {
	setup(t, nil)
	if got := HistoryLine(store.HistoryEntry{Action: store.ActionDeleted}); !strings.Contains(got, "Slettet fra denne computer") || strings.Contains(got, "Opdateret") {
		t.Errorf("line = %q", got)
	}
}
