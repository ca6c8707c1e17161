package leads

import (
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/apptheme"
	"github.com/rabitiq/superoffice-sync/ui/shell"
)

// findLabel walks the rendered tree for the label showing text.
func findLabel(o fyne.CanvasObject, text string) *widget.Label {
	switch x := o.(type) {
	case *widget.Label:
		if x.Text == text {
			return x
		}
		return nil
	case *fyne.Container:
		for _, c := range x.Objects {
			if l := findLabel(c, text); l != nil {
				return l
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if l := findLabel(c, text); l != nil {
				return l
			}
		}
	}
	return nil
}

// fullWidth is what l needs to show its text uncut: a truncating label's
// own MinSize is only the ellipsis.
func fullWidth(l *widget.Label) float32 {
	ref := widget.NewLabel(l.Text)
	ref.TextStyle, ref.SizeName = l.TextStyle, l.SizeName
	return ref.MinSize().Width
}

// Issue 19: at 1024×640 (half a laptop screen) with the window's default
// split, a typical company name (30 characters) must show in full, not
// "Bøgeskov En…".
func TestThirtyCharacterNameShowsInFullAt1024(t *testing.T) {
	const name = "Vestjyllands Maskinstation A/S"
	if n := utf8.RuneCountInString(name); n != 30 {
		t.Fatalf("test name has %d characters", n)
	}
	v, _, w := setup(t, []store.LeadRow{{LocalID: 1, CompanyName: name, Score: score(87), CVR: "29935181", CVRValid: true, Status: store.StatusReview}})
	fyne.CurrentApp().Settings().SetTheme(apptheme.New()) // the window's theme and its text sizes
	detail := widget.NewLabel("detail")
	w.SetContent(shell.LeadsLayout(v.Content(), detail, widget.NewButton("Eksporter flere…", nil)))
	w.Resize(fyne.NewSize(1024, 640))
	l := findLabel(w.Canvas().Content(), name)
	if l == nil {
		t.Fatal("the name is not rendered in the list")
	}
	if got, need := l.Size().Width, fullWidth(l); got < need {
		t.Errorf("name cell is %.0f px wide, the name needs %.0f px: it is cut", got, need)
	}
	for _, b := range []*widget.Button{v.Sort.ByName, v.Sort.ByScore, v.Sort.ByImported} {
		if b.Size().Width < b.MinSize().Width {
			t.Errorf("header %q is %.0f px wide, needs %.0f px", b.Text, b.Size().Width, b.MinSize().Width)
		}
	}
	st := findLabel(w.Canvas().Content(), "Skal gennemses")
	if st == nil {
		t.Fatal("the review status is not rendered")
	}
	if got, need := st.Size().Width, fullWidth(st); got < need {
		t.Errorf("status badge is %.0f px wide, %q needs %.0f px", got, st.Text, need)
	}
}
