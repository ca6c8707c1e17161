package sotest

import "strings"

// associate is a SuperOffice user (AssociateEntity) of the simulated
// tenant. A real tenant has many, and a company's owner ("Vores kontakt")
// is often someone else than the signed-in user: the match dialog shows
// whose account a candidate is, so the simulator must have owners that
// differ.
type associate struct {
	id       int
	fullName string
	email    string
}

// otherAssociates are the tenant's users besides the signed-in one
// (principalAssociateID, whose name is Config.UserName). Ids and names
// are fixed so tests and the demo can name them.
var otherAssociates = []associate{
	{6, "Mette Kjær Lund", "mette@demo.example"},
	{7, "Jonas Berg", "jonas@demo.example"},
	{8, "Sofie Holm Andersen", "sofie@demo.example"},
}

// associateName is an associate's full name ("" for an unknown id); the
// signed-in user's comes from the config.
func (s *Server) associateName(id int) string {
	if id == principalAssociateID {
		return s.cfg.UserName
	}
	for _, a := range otherAssociates {
		if a.id == id {
			return a.fullName
		}
	}
	return ""
}

// knownAssociate reports whether id is a user of the tenant.
func knownAssociate(id int) bool {
	if id == principalAssociateID {
		return true
	}
	for _, a := range otherAssociates {
		if a.id == id {
			return true
		}
	}
	return false
}

// otherAssociateJSON is the AssociateEntity reference of a user other
// than the signed-in one, as the Contact carrier's Associate shows it.
func otherAssociateJSON(id int) map[string]any {
	for _, a := range otherAssociates {
		if a.id == id {
			return map[string]any{
				"AssociateId": a.id, "Name": initials(a.fullName), "Rank": 1, "Tooltip": a.email,
				"Type": "InternalAssociate", "GroupIdx": 1, "FullName": a.fullName, "FormalName": a.fullName,
				"Deleted": false, "EjUserId": 0, "UserName": a.email,
			}
		}
	}
	return map[string]any{"AssociateId": id}
}

// categoryRef is the stored Category reference of a seeded company by the
// name of an item of the tenant's own Category list (lists.go; "the GUI
// forces the user to enter" one, API.md §9); ok is false for a name the
// list does not have or has deleted. The caller holds s.mu.
func (s *Server) categoryRef(value string) (map[string]any, bool) {
	if strings.TrimSpace(value) == "" {
		return nil, true
	}
	for _, it := range s.lists[ListCategory] {
		if !it.Deleted && strings.EqualFold(it.Name, value) {
			return map[string]any{"Id": jnum(it.ID), "Value": it.Name}, true
		}
	}
	return nil, false
}

// undocumentedColumn reports an archive column the simulator serves but
// SuperOffice documents only as "streetAddress/..." (API.md §2.6): a
// strict tenant refuses it, so the app must not depend on it.
func undocumentedColumn(p *provider, name string) bool {
	return p == simpleContact && strings.HasPrefix(strings.ToLower(name), "streetaddress/")
}
