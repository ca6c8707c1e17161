package refresh

import (
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

// compare judges a company read back against its snapshot: what
// SuperOffice held right after our last sync. Every field is compared,
// a blank one too (a user may fill in what the sync left blank), but only
// by meaning: spelling, "www." or spaces in a number are no change. The
// owner is compared by associate id (0 on either side: unknown, nothing
// to compare) and reported with both names.
func compare(was store.Snapshot, c so.LinkedCompany) (string, []store.RefreshChange) {
	var out []store.RefreshChange
	add := func(field, lv, sv string) {
		out = append(out, store.RefreshChange{Field: field, Local: lv, SuperOffice: sv})
	}
	if !sameText(was.Name, c.Name) {
		add(FieldName, was.Name, c.Name)
	}
	if !sameOrgNr(was.OrgNr, c.OrgNr) {
		add(FieldOrgNr, was.OrgNr, c.OrgNr)
	}
	if !stillSite(was.Website, c) {
		add(FieldWebsite, was.Website, c.URL)
	}
	if was.OwnerID != 0 && c.AssociateID != 0 && c.AssociateID != was.OwnerID {
		out = append(out, store.RefreshChange{Field: FieldOwner, Local: was.OwnerName, SuperOffice: c.Owner,
			LocalOwnerID: was.OwnerID, SuperOfficeOwnerID: c.AssociateID})
	}
	if len(out) == 0 {
		return store.RefreshSame, nil
	}
	return store.RefreshChanged, out
}

// sameOrgNr compares organisation numbers by their digits, so
// "DK 12 34 56 78" and "12345678" are the same number; one without any
// digits is compared as text.
func sameOrgNr(a, b string) bool {
	if da, db := match.Digits(a), match.Digits(b); da != "" || db != "" {
		return da == db
	}
	return sameText(a, b)
}

// stillSite reports whether the company still has the web address it had
// after our sync. It need not be the first any more: with several
// addresses the order of the search's rows is UNCONFIRMED, so any of
// them will do.
func stillSite(was string, c so.LinkedCompany) bool {
	if sameSite(was, c.URL) {
		return true
	}
	if was == "" {
		return false
	}
	for _, u := range c.URLs {
		if sameSite(was, u) {
			return true
		}
	}
	return false
}

// sameText compares names as a person would: case and spacing aside.
func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
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
