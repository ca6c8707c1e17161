package leads

import (
	"image/png"
	"os"
	"slices"
	"testing"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// A change of owner read back with names says who owned the company
// after our sync and who owns it now, in both languages; with only the
// new owner's name it names that one.
func TestCardNamesTheOwners(t *testing.T) {
	st := store.Refresh{State: store.RefreshChanged, Changes: []store.RefreshChange{
		{Field: "Name", Local: "Vesterhav Foods", SuperOffice: "Vesterhav Fisk"},
		{Field: "Owner", Local: "Mette Kjær Lund", SuperOffice: "Jonas Berg", LocalOwnerID: 6, SuperOfficeOwnerID: 7},
	}}
	onlyNew := store.Refresh{State: store.RefreshChanged, Changes: []store.RefreshChange{
		{Field: "Owner", Local: "", SuperOffice: "Jonas Berg", LocalOwnerID: 6, SuperOfficeOwnerID: 7},
	}}
	for _, c := range []struct {
		lang            string
		st              store.Refresh
		want, forbidden string
	}{
		{"da", st, "I SuperOffice nu: Vores kontakt: Mette Kjær Lund → Jonas Berg", "I SuperOffice nu: en anden Vores kontakt (ejer)"},
		{"en", st, "In SuperOffice now: Our contact: Mette Kjær Lund → Jonas Berg", "In SuperOffice now: another Our contact (owner)"},
		{"da", onlyNew, "I SuperOffice nu: Vores kontakt: Jonas Berg", "I SuperOffice nu: en anden Vores kontakt (ejer)"},
	} {
		_, w := readBackCard(t, c.lang, c.st)
		texts := uitest.Texts(w.Content())
		if !slices.Contains(texts, c.want) {
			t.Errorf("%s: the card lacks %q: %q", c.lang, c.want, texts)
		}
		if slices.Contains(texts, c.forbidden) {
			t.Errorf("%s: the card says %q though it knows the names", c.lang, c.forbidden)
		}
		if len(c.st.Changes) == 2 {
			if f, err := os.Create("/tmp/h-snap-owner-" + c.lang + ".png"); err == nil {
				_ = png.Encode(f, w.Canvas().Capture())
				f.Close()
			}
		}
	}
}
