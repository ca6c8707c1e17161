package sotest

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// KindListItem: a Category or Business reference to an item the tenant's
// list does not have, or has deleted. A strict tenant refuses the write;
// the forgiving one saves the company without it.
const KindListItem = "invalid-list-item"

// The MDO lists the simulator serves under v1/List/<name>/Items.
const (
	ListCategory = "Category"
	ListBusiness = "Business"
	ListTask     = "Task"
)

// ListItem is one item of a tenant list (Category, Business, Task).
type ListItem struct {
	ID      int    `json:"id"`
	Name    string `json:"name"`
	Tooltip string `json:"tooltip,omitempty"`
	Rank    int    `json:"rank,omitempty"`
	// Deleted items stay known (old companies keep them) but are never
	// offered and may not be set on a write.
	Deleted bool `json:"deleted,omitempty"`
	// Default marks the item GET v1/List/<name>/Items/Default answers and
	// GET v1/Contact/default carries (Category only).
	Default bool `json:"default,omitempty"`
}

// SeedLists are the tenant's Category, Business and Task lists. Nil means
// the built-in Danish lists (DefaultLists).
type SeedLists struct {
	Category []ListItem `json:"category"`
	Business []ListItem `json:"business"`
	Task     []ListItem `json:"task"`
}

// DefaultLists returns a Danish tenant's lists: "Prospekt" is the default
// category and "Telefonsamtale" the default task; the Business list has
// no default, as in a fresh SuperOffice tenant, and one deleted item each
// so a client that offers or sends one is caught.
func DefaultLists() *SeedLists {
	return &SeedLists{
		Category: []ListItem{
			{ID: 1, Name: "Kunde", Rank: 1}, {ID: 2, Name: "Prospekt", Rank: 2, Default: true},
			{ID: 3, Name: "Leverandør", Rank: 3}, {ID: 4, Name: "Partner", Rank: 4},
			{ID: 5, Name: "Konkurrent", Rank: 5}, {ID: 6, Name: "Tidligere kunde", Rank: 6, Deleted: true},
		},
		Business: []ListItem{
			{ID: 1, Name: "IT", Rank: 1}, {ID: 2, Name: "Produktion", Rank: 2}, {ID: 3, Name: "Rådgivning", Rank: 3},
			{ID: 4, Name: "Handel", Rank: 4}, {ID: 5, Name: "Byggeri", Rank: 5}, {ID: 6, Name: "Fødevarer", Rank: 6},
			{ID: 7, Name: "Energi", Rank: 7}, {ID: 8, Name: "Finans", Rank: 8}, {ID: 9, Name: "Transport", Rank: 9},
			{ID: 10, Name: "Software", Rank: 10}, {ID: 11, Name: "Andet", Rank: 11}, {ID: 12, Name: "Landbrug", Rank: 12, Deleted: true},
		},
		Task: []ListItem{
			{ID: 1, Name: "Telefonsamtale", Rank: 1, Default: true}, {ID: 2, Name: "Møde", Rank: 2},
			{ID: 3, Name: "Opfølgning", Rank: 3}, {ID: 4, Name: "E-mail", Rank: 4}, {ID: 5, Name: "Demo", Rank: 5},
			{ID: 6, Name: "Fax", Rank: 6, Deleted: true},
		},
	}
}

// installLists copies the seed's lists into the tenant. The caller holds
// s.mu or runs before serving.
func (s *Server) installLists(l *SeedLists) {
	if l == nil {
		l = DefaultLists()
	}
	s.lists = map[string][]ListItem{
		ListCategory: slices.Clone(l.Category), ListBusiness: slices.Clone(l.Business), ListTask: slices.Clone(l.Task),
	}
}

// listName returns the canonical name of a served list, or "".
func listName(seg string) string {
	for _, n := range []string{ListCategory, ListBusiness, ListTask} {
		if strings.EqualFold(seg, n) {
			return n
		}
	}
	return ""
}

// activeItem returns the item id of list when it exists and is not
// deleted: the check every write of a list reference needs (the
// appointment code checks a Task id with it). The caller holds s.mu.
func (s *Server) activeItem(list string, id int) (ListItem, bool) {
	for _, it := range s.lists[list] {
		if it.ID == id && !it.Deleted {
			return it, true
		}
	}
	return ListItem{}, false
}

// defaultItem returns the list's default item if it is not deleted. The
// caller holds s.mu.
func (s *Server) defaultItem(list string) (ListItem, bool) {
	for _, it := range s.lists[list] {
		if it.Default && !it.Deleted {
			return it, true
		}
	}
	return ListItem{}, false
}

// ListItems returns a copy of a list, deleted items included, for tests.
func (s *Server) ListItems(list string) []ListItem {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.lists[listName(list)])
}

// DeleteListItem marks an item deleted, as an administrator does in
// SuperOffice Settings and maintenance; companies that have it keep it.
func (s *Server) DeleteListItem(list string, id int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	items := s.lists[listName(list)]
	for i := range items {
		if items[i].ID == id {
			items[i].Deleted = true
			return nil
		}
	}
	return fmt.Errorf("simulator: no %s item %d", list, id)
}

// itemJSON renders an item as the endpoint's OpenAPI definition names
// it: ListItemEntity (Id, Name) for Category and Business, TaskListItem
// (TaskListItemId, Value) for Task.
func itemJSON(list string, it ListItem) map[string]any {
	if list == ListTask {
		return map[string]any{
			"TaskListItemId": it.ID, "Value": it.Name, "Direction": "Outgoing", "Type": "Appointment",
			"Tooltip": it.Tooltip, "Deleted": it.Deleted, "IntentId": 0, "Rank": it.Rank,
			"IsDefaultAlldayEvent": false, "IsDefaultFree": false, "IsDefaultPublished": false,
			"ColorIndex": "LightBlue", "DefaultVideomeetingStatus": "NoChange", "TableRight": tableRight,
		}
	}
	return map[string]any{"Id": it.ID, "Name": it.Name, "Tooltip": it.Tooltip, "Deleted": it.Deleted,
		"UdListDefinitionId": 0, "Rank": it.Rank, "TableRight": tableRight}
}

// handleListItems serves GET v1/List/<name>/Items[/{id}|/Default]. The
// list leaves deleted items out unless includeDeleted=true; Default is the
// configured default item, or a blank item (id 0) when the list has none,
// as the operation's name (CreateDefault…) suggests.
func (s *Server) handleListItems(rc *reqCtx, list string, rest []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(rest) == 1 {
		if strings.EqualFold(rest[0], "default") {
			it, _ := s.defaultItem(list)
			writeJSON(rc.w, http.StatusOK, itemJSON(list, it))
			return
		}
		id, err := strconv.Atoi(rest[0])
		for _, it := range s.lists[list] {
			if err == nil && it.ID == id {
				writeJSON(rc.w, http.StatusOK, itemJSON(list, it))
				return
			}
		}
		writeSOError(rc.w, http.StatusNotFound, "SoNotFoundException", list+" item "+rest[0]+" not found")
		return
	}
	all := strings.EqualFold(rc.r.URL.Query().Get("includeDeleted"), "true")
	out := []any{}
	items := slices.Clone(s.lists[list])
	slices.SortStableFunc(items, func(a, b ListItem) int { return a.Rank - b.Rank })
	for _, it := range items {
		if all || !it.Deleted {
			out = append(out, itemJSON(list, it))
		}
	}
	writeJSON(rc.w, http.StatusOK, out)
}

// listRef is how a company carries a list item ({Id, Value, Tooltip}).
func listRef(it ListItem) map[string]any {
	return map[string]any{"Id": jnum(it.ID), "Value": it.Name, "Tooltip": it.Tooltip}
}

// checkListRefs resolves the Category and Business a write sets to the
// tenant's items, so a GET shows their names. A reference the company
// already had is kept even if the item was deleted since (the user chose
// it); a new one must name an item that exists and is not deleted. old is
// the company before the write (nil for a create). The caller holds s.mu.
func (s *Server) checkListRefs(props, old map[string]any, report issueFunc) {
	for _, list := range []string{ListCategory, ListBusiness} {
		m, ok := props[list].(map[string]any)
		if !ok {
			continue
		}
		id := num(m["Id"])
		if old != nil && id == refID(old, list, "Id") {
			props[list] = deepCopy(old[list])
			continue
		}
		if id == 0 {
			props[list] = listRef(ListItem{})
			continue
		}
		it, found := s.activeItem(list, id)
		if !found {
			report(KindListItem, "/"+list+"/Id", fmt.Sprintf("no %s item %d in the tenant's list (or it is deleted)", list, id))
		}
		props[list] = listRef(it)
	}
}
