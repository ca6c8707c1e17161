package superoffice

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// The tenant lists a new company or a follow-up takes an item from.
const (
	ListCategory = "Category"
	ListBusiness = "Business"
	ListTask     = "Task"
)

// ListRef is how a company carries a list item (OpenAPI
// SuperOffice.CRM.Services.Category and Business); writes send only Id.
type ListRef struct {
	Id      int    `json:"Id"`
	Value   string `json:"Value,omitempty"`
	Tooltip string `json:"Tooltip,omitempty"`
}

// ListItem is one item of a tenant list. Category and Business answer
// with ListItemEntity (Id, Name), Task with TaskListItem (TaskListItemId,
// Value); both decode into this one shape, so callers need not care.
type ListItem struct {
	ID      int
	Name    string
	Tooltip string
	Rank    int
	Deleted bool
}

// UnmarshalJSON reads either carrier.
func (it *ListItem) UnmarshalJSON(b []byte) error {
	var raw struct {
		Id             int    `json:"Id"`
		TaskListItemId int    `json:"TaskListItemId"`
		Name           string `json:"Name"`
		Value          string `json:"Value"`
		Tooltip        string `json:"Tooltip"`
		Rank           int    `json:"Rank"`
		Deleted        bool   `json:"Deleted"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*it = ListItem{ID: raw.Id, Name: raw.Name, Tooltip: raw.Tooltip, Rank: raw.Rank, Deleted: raw.Deleted}
	if it.ID == 0 {
		it.ID = raw.TaskListItemId
	}
	if it.Name == "" {
		it.Name = raw.Value
	}
	return nil
}

// Ref is the reference a write sends for the item.
func (it ListItem) Ref() *ListRef { return &ListRef{Id: it.ID} }

// listPath checks a list name (a single path segment of letters) and
// returns v1/List/<name>/Items.
func listPath(name string) (string, error) {
	if name == "" || strings.IndexFunc(name, func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') }) >= 0 {
		return "", fmt.Errorf("superoffice: invalid list name %q", name)
	}
	return "v1/List/" + url.PathEscape(name) + "/Items", nil
}

// Items returns the items of a tenant list (GET v1/List/<name>/Items),
// without the deleted ones: a deleted item may not be set on a write, so
// it is never offered.
func (s *ListsService) Items(ctx context.Context, list string) ([]ListItem, *Response, error) {
	p, err := listPath(list)
	if err != nil {
		return nil, nil, err
	}
	items, resp, err := callList[ListItem](ctx, s.client, p, nil)
	if err != nil {
		return nil, resp, err
	}
	out := items[:0]
	for _, it := range items {
		if !it.Deleted && it.ID != 0 {
			out = append(out, it)
		}
	}
	return out, resp, nil
}

// Default returns the list's default item (GET v1/List/<name>/Items/Default).
// ok is false when the answer names no item (id 0): the operation is called
// CreateDefault… in the OpenAPI file, and whether it answers with the
// configured default or a blank template is UNCONFIRMED, so a blank answer
// means "no default", never an item to send.
func (s *ListsService) Default(ctx context.Context, list string) (item ListItem, ok bool, err error) {
	p, err := listPath(list)
	if err != nil {
		return ListItem{}, false, err
	}
	it, _, err := call[ListItem](ctx, s.client, http.MethodGet, p+"/Default", nil, nil)
	if err != nil {
		return ListItem{}, false, err
	}
	return *it, it.ID != 0 && !it.Deleted, nil
}
