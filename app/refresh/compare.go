package refresh

import (
	"strconv"
	"strings"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/match"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// The field names of a change, as `refresh --json` reports them.
const (
	FieldName    = "Name"
	FieldOrgNr   = "OrgNr"
	FieldWebsite = "Website"
	FieldOwner   = "Owner"
)

// local is what a sync of the lead writes (or fills in) on its company:
// the values a user's change in SuperOffice is measured against.
type local struct {
	Name, OrgNr, Website string
}

// compare judges a company read back against the lead. A value the lead
// lacks is not compared (a sync never wrote one). The owner, which the
// lead does not hold, is compared with ownerBefore, the owner first seen
// on the company (0: none seen, nothing to compare).
func compare(l local, c so.LinkedCompany, ownerBefore int) (string, []store.RefreshChange) {
	var out []store.RefreshChange
	add := func(field, lv, sv string) {
		out = append(out, store.RefreshChange{Field: field, Local: lv, SuperOffice: sv})
	}
	if l.Name != "" && !sameText(l.Name, c.Name) {
		add(FieldName, l.Name, c.Name)
	}
	if d := digits(l.OrgNr); d != "" && d != digits(c.OrgNr) {
		add(FieldOrgNr, l.OrgNr, c.OrgNr)
	}
	if l.Website != "" && !sameSite(l.Website, c.URL) {
		add(FieldWebsite, l.Website, c.URL)
	}
	if ownerBefore != 0 && c.AssociateID != 0 && c.AssociateID != ownerBefore {
		add(FieldOwner, strconv.Itoa(ownerBefore), strconv.Itoa(c.AssociateID))
	}
	if len(out) == 0 {
		return store.RefreshSame, nil
	}
	return store.RefreshChanged, out
}

// sameText compares names as a person would: case and spacing aside.
func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// digits keeps an organisation number's digits, so "DK 12 34 56 78" and
// "12345678" are the same number.
func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sameSite compares web addresses by their domain, so a scheme, "www."
// or a trailing slash added in SuperOffice is no change.
func sameSite(a, b string) bool {
	da, db := match.Domain(a), match.Domain(b)
	if da == "" || db == "" {
		return sameText(a, b)
	}
	return da == db
}

// FieldCode is the catalogue code (core/msg) of a changed field's name,
// as the card and the CLI table show it.
func FieldCode(field string) string {
	switch field {
	case FieldName:
		return msg.RefreshFieldName
	case FieldOrgNr:
		return msg.RefreshFieldOrgNr
	case FieldWebsite:
		return msg.RefreshFieldWebsite
	}
	return msg.RefreshFieldOwner
}
