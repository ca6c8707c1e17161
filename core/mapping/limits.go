package mapping

import (
	"sort"
	"strings"

	"github.com/rabitiq/superoffice-sync/core/fields"
)

// The documented maximum lengths of SuperOffice's custom text fields
// (docs/superoffice-api.md §4.1: a ShortText udef holds 39 characters, a
// LongText 199). They apply when the tenant did not tell us a field's own
// TextLength, e.g. in the offline preview; the guide's "100-250" and
// "2000" are what a tenant may be configured for, not what it is.
const (
	maxCustomText     = 39
	maxCustomLongText = 199
)

// fallbackLength is the documented limit of a standard field, by the names
// TenantInfo.Lengths uses. Address2 and Address3 share Address1's limit.
func fallbackLength(name string) int {
	switch name {
	case "Name", "Department":
		return 219
	case "OrgNr":
		return 49
	case "Address1", "Address2", "Address3", "City":
		return 79
	case "Zipcode":
		return 11
	case "State":
		return 5
	case "Url":
		return 1023
	case "Email", "Phone", "Title":
		return 239
	case "Description":
		return 2000
	case "Firstname", "MiddleName", "Lastname":
		return 99
	}
	return 0
}

// limits resolves the length limit of every value the mapping writes.
type limits struct {
	t     *TenantInfo
	lower map[string]int // TenantInfo.Lengths by lower-case name
}

func newLimits(t *TenantInfo) limits {
	lm := limits{t: t, lower: map[string]int{}}
	names := make([]string, 0, len(t.Lengths))
	for k := range t.Lengths {
		names = append(names, k)
	}
	sort.Strings(names) // the first spelling wins, whatever the map order
	for _, k := range names {
		lk := strings.ToLower(strings.TrimSpace(k))
		if _, dup := lm.lower[lk]; !dup && t.Lengths[k] > 0 {
			lm.lower[lk] = t.Lengths[k]
		}
	}
	return lm
}

// std returns the limit of a standard field: the tenant's (matched without
// regard to case, as FieldProperties keys vary), else the documented one.
func (lm limits) std(name string) int {
	if v := lm.t.Lengths[name]; v > 0 {
		return v
	}
	if v := lm.lower[strings.ToLower(name)]; v > 0 {
		return v
	}
	if name == "Address2" || name == "Address3" {
		return lm.std("Address1")
	}
	return fallbackLength(name)
}

// custom returns the limit of a custom text field of the given type: the
// field's own TextLength always wins.
func (lm limits) custom(no int, typ fields.Type) int {
	if v := lm.t.FieldLengths[no]; v > 0 {
		return v
	}
	if typ == fields.LongText {
		return maxCustomLongText
	}
	return maxCustomText
}
