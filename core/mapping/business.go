package mapping

import (
	"strings"

	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// BusinessFor returns the tenant's Business item a lead's industry names.
//
// The rule is exact, never fuzzy: an item matches when its name and the
// industry are equal after fold (case, accents, æ/ø/å and punctuation
// ignored: "it" matches "IT", "Radgivning" matches "Rådgivning"). When the
// whole industry names no item, each part of a list ("IT, Software",
// "Handel/Transport", separated by , ; / or |) is tried in the order
// written, and the first part that names an item wins. Anything else
// ("IT-services", "Byg") names no item, so the chosen default applies:
// a guessed business is worse than the user's default. Items come in the
// tenant's order, so the first of two equally named items wins.
func BusinessFor(industry string, items []superoffice.ListItem) (superoffice.ListItem, bool) {
	find := func(s string) (superoffice.ListItem, bool) { return ItemNamed(s, items) }
	if it, ok := find(industry); ok {
		return it, true
	}
	parts := strings.FieldsFunc(industry, func(r rune) bool { return r == ',' || r == ';' || r == '/' || r == '|' })
	if len(parts) < 2 {
		return superoffice.ListItem{}, false
	}
	for _, p := range parts {
		if it, ok := find(p); ok {
			return it, true
		}
	}
	return superoffice.ListItem{}, false
}

// ItemNamed returns the first item that is not deleted whose name equals
// name after fold: the one name comparison for list items, used for a
// lead's industry and for an item a user names in a script.
func ItemNamed(name string, items []superoffice.ListItem) (superoffice.ListItem, bool) {
	want := fold(name)
	if want == "" {
		return superoffice.ListItem{}, false
	}
	for _, it := range items {
		if !it.Deleted && it.ID != 0 && fold(it.Name) == want {
			return it, true
		}
	}
	return superoffice.ListItem{}, false
}
