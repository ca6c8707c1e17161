package fieldsui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/core/fieldsetup"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// visible reports whether target is drawn below root: it and every
// container on its way are shown (Fyne leaves a hidden card's children
// marked visible).
func visible(root, target fyne.CanvasObject) bool {
	found := false
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found || o == nil || !o.Visible() {
			return
		}
		if o == target {
			found = true
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, k := range x.Objects {
				walk(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(x).Objects() {
				walk(k)
			}
		}
	}
	walk(root)
	return found
}

// shownRows is the field numbers whose status label is drawn.
func shownRows(v *View) map[int]bool {
	out := map[int]bool{}
	for no, l := range v.Status {
		if visible(v.Content(), l) {
			out[no] = true
		}
	}
	return out
}

func TestSummaryAndRecheckStayAboveTheScrollingList(t *testing.T) {
	w := uitest.Setup(t)
	v := New(fakeService{rep: report()}, w)
	w.SetContent(v.Content())
	v.Check()
	for name, o := range map[string]fyne.CanvasObject{"summary": v.Summary, "Tjek igen": v.Recheck, "filter": v.OnlyMissing} {
		inScroll := false
		uitest.Walk(v.Scroll, func(x fyne.CanvasObject) { inScroll = inScroll || x == o })
		if inScroll || !visible(v.Content(), o) {
			t.Errorf("%s: in the scroll container = %v, drawn = %v", name, inScroll, visible(v.Content(), o))
		}
	}
	d := fyne.CurrentApp().Driver()
	before := d.AbsolutePositionForObject(v.Summary)
	v.Scroll.ScrollToBottom()
	if v.Scroll.Offset.Y <= 0 {
		t.Fatalf("the list did not scroll (offset %v): the test proves nothing", v.Scroll.Offset)
	}
	for _, o := range []fyne.CanvasObject{v.Summary, v.Recheck} {
		p := d.AbsolutePositionForObject(o)
		if p.Y < 0 || p.Y+o.Size().Height > w.Canvas().Size().Height || p.Y > d.AbsolutePositionForObject(v.Scroll).Y {
			t.Errorf("after scrolling, %T is at %v (window %v)", o, p, w.Canvas().Size())
		}
	}
	if after := d.AbsolutePositionForObject(v.Summary); after != before {
		t.Errorf("the summary moved from %v to %v while scrolling", before, after)
	}
	if v.Summary.Text != "34 af 37 felter klar" || v.Recheck.Text != "Tjek igen" {
		t.Errorf("header = %q / %q", v.Summary.Text, v.Recheck.Text)
	}
}

func TestShowOnlyTheMissingOnes(t *testing.T) {
	w := uitest.Setup(t)
	svc := &fakeService{rep: report()}
	v := New(svc, w)
	w.SetContent(v.Content())
	if v.OnlyMissing.Text != "Vis kun dem der mangler" {
		t.Errorf("filter = %q", v.OnlyMissing.Text)
	}
	// Before a check nothing is known: the filter hides nothing.
	test.Tap(v.OnlyMissing)
	if n := len(shownRows(v)); n != 37 {
		t.Errorf("unchecked tenant, filter on: %d rows, want 37", n)
	}
	v.Check()
	got := shownRows(v)
	if len(got) != 3 || !got[9] || !got[18] || !got[34] {
		t.Errorf("filter on: rows %v, want 9, 18 and 34", got)
	}
	all := strings.Join(texts(v.Content()), "\n")
	if strings.Contains(all, "Grundlæggende") || !strings.Contains(all, "Salgsintelligens") || !strings.Contains(all, "Noter & metadata") {
		t.Errorf("cards shown with the filter on:\n%s", all)
	}
	test.Tap(v.OnlyMissing)
	if n := len(shownRows(v)); n != 37 {
		t.Errorf("filter off: %d rows, want 37", n)
	}

	// Every field ready: the filter says so instead of an empty page.
	rep := report()
	for i := range rep.Results {
		rep.Results[i].Status = fieldsetup.Present
	}
	*svc = fakeService{rep: rep}
	test.Tap(v.OnlyMissing)
	v.Check()
	if n := len(shownRows(v)); n != 0 || !visible(v.Content(), v.list.none) || v.list.none.Text != "Alle felter er klar." {
		t.Errorf("all ready, filter on: %d rows, message shown = %v", n, visible(v.Content(), v.list.none))
	}
	// A failed check shows every row again: unknown is not ready.
	*svc = fakeService{err: errors.New("SuperOffice er ikke forbundet")}
	v.Check()
	if n := len(shownRows(v)); n != 37 || visible(v.Content(), v.list.none) {
		t.Errorf("failed check, filter on: %d rows, want 37", n)
	}
}

// texts is uitest.Texts of what is drawn only.
func texts(root fyne.CanvasObject) []string {
	var out []string
	uitest.Walk(root, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text != "" && visible(root, l) {
			out = append(out, l.Text)
		}
		if c, ok := o.(*widget.Card); ok && visible(root, c) {
			out = append(out, c.Title)
		}
	})
	return out
}

func TestEachFieldNotReadySaysWhatToDo(t *testing.T) {
	for _, tc := range []struct {
		lang  string
		rows  map[int]string
		wrong string
	}{
		{"da", map[int]string{
			9:  `Opret feltet på Firma: Tilføj → navn "Intent Signaler", type Text (Long), Prog ID RabitIQ:9 → Publicér`,
			18: `Forkert type: feltet er Text, vælg Number. Giv det gamle felt et andet Prog ID (eller slet det), og opret feltet på Firma: Tilføj → navn "Antal ansatte", type Number, Prog ID RabitIQ:18 → Publicér`,
			34: `Feltet er oprettet på Person (RabitIQ:34) – opret det på Firma: Tilføj → navn "Brugernoter", type Text (Long), Prog ID RabitIQ:34 → Publicér`,
		}, "⚠ forkert type (Text)"},
		{"en", map[int]string{
			9:  `Create the field on Company: Add → name "Intent Signals", type Text (Long), Prog ID RabitIQ:9 → Publish`,
			18: `Wrong type: the field is Text, choose Number. Give the old field another Prog ID (or delete it), then create the field on Company: Add → name "Employees", type Number, Prog ID RabitIQ:18 → Publish`,
			34: `The field was created on Person (RabitIQ:34) – create it on Company: Add → name "User Notes", type Text (Long), Prog ID RabitIQ:34 → Publish`,
		}, "⚠ wrong type (Text)"},
	} {
		w := uitest.Setup(t)
		if err := i18n.Load(tc.lang); err != nil {
			t.Fatal(err)
		}
		rep := report()
		rep.Results[4].Status, rep.Results[4].TenantKey, rep.Results[4].MatchedBy = fieldsetup.Suggested, "SuperOffice:8", fieldsetup.ByLabel
		svc := &fakeService{rep: rep}
		v := New(svc, w)
		w.SetContent(v.Content())
		for no, l := range v.Advice {
			if visible(v.Content(), l) {
				t.Errorf("%s: field %d shows advice before a check", tc.lang, no)
			}
		}
		v.Check()
		for no, l := range v.Advice {
			want, advised := tc.rows[no]
			if shown := visible(v.Content(), l); shown != advised || (advised && l.Text != want) {
				t.Errorf("%s: field %d advice shown=%v %q, want %v %q", tc.lang, no, shown, l.Text, advised, want)
			}
		}
		if v.Status[18].Text != tc.wrong {
			t.Errorf("%s: field 18 status %q, want %q", tc.lang, v.Status[18].Text, tc.wrong)
		}
		// A suggestion keeps its button, not advice.
		if !visible(v.Content(), v.Use[5]) || visible(v.Content(), v.Advice[5]) {
			t.Errorf("%s: suggested field 5: button shown=%v, advice shown=%v", tc.lang, visible(v.Content(), v.Use[5]), visible(v.Content(), v.Advice[5]))
		}
		// Fixed in SuperOffice and checked again: the advice goes.
		svc.rep = report()
		svc.rep.Results[8].Status = fieldsetup.Present
		v.Check()
		if visible(v.Content(), v.Advice[9]) || !visible(v.Content(), v.Advice[34]) {
			t.Errorf("%s: after fixing field 9, its advice is still shown (or 34's is gone)", tc.lang)
		}
	}
}
