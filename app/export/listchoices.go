package export

import (
	"context"
	"strconv"
	"strings"
	"sync"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/mapping"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// ListChoice is one of the tenant lists the user chooses an item from in
// Integrationer (and with `settings`): its items, the tenant's default and
// what is stored for this tenant.
type ListChoice struct {
	// Key is the tenant setting the choice is stored under
	// (store.SettingNewCategory, SettingNewBusiness, SettingFollowUpTask).
	Key string
	// List is the SuperOffice list (so.ListCategory, ListBusiness, ListTask).
	List  string
	Items []so.ListItem
	// Default is what applies without a choice: the category and business
	// of GET Contact/default, the Task list's default item; ID 0 for none.
	Default so.ListItem
	// Chosen is the stored item when the list still has it; ID 0 for none.
	Chosen so.ListItem
	// GoneID is a stored id the list no longer has (deleted in the tenant);
	// the default applies until the user chooses again.
	GoneID int
}

// Effective is the item that applies: the choice, else the default.
func (c ListChoice) Effective() so.ListItem {
	if c.Chosen.ID != 0 {
		return c.Chosen
	}
	return c.Default
}

// listOf is the tenant list behind a setting key.
func listOf(key string) (string, bool) {
	switch key {
	case store.SettingNewCategory:
		return so.ListCategory, true
	case store.SettingNewBusiness:
		return so.ListBusiness, true
	case store.SettingFollowUpTask:
		return so.ListTask, true
	}
	return "", false
}

// ListChoices reads the tenant's Category, Business and Task lists afresh
// (the admin may just have changed them; creates then use the fresh ones
// too) and returns them with the defaults and stored choices, in that
// order.
func (e *Engine) ListChoices(ctx context.Context) ([]ListChoice, error) {
	var (
		l          *tenantLists
		tasks      *taskList
		lErr, tErr error
		wg         sync.WaitGroup
	)
	wg.Add(2)
	go func() { defer wg.Done(); l, lErr = e.tenantLists(ctx, true) }()
	go func() { defer wg.Done(); tasks, tErr = e.readTasks(ctx) }()
	wg.Wait()
	for _, err := range []error{lErr, tErr} {
		if err != nil {
			return nil, err
		}
	}
	out := []ListChoice{
		{Key: store.SettingNewCategory, List: so.ListCategory, Items: l.category, Default: refItem(l.def.Category, l.category)},
		{Key: store.SettingNewBusiness, List: so.ListBusiness, Items: l.business, Default: refItem(l.def.Business, l.business)},
		{Key: store.SettingFollowUpTask, List: so.ListTask, Items: tasks.items, Default: tasks.def},
	}
	for i := range out {
		it, gone, err := e.storedItem(ctx, out[i].Key, out[i].Items)
		if err != nil {
			return nil, err
		}
		out[i].Chosen, out[i].GoneID = it, gone
	}
	return out, nil
}

// Choose stores the item value names (its id or its name, compared as
// mapping.ItemNamed does) as this tenant's choice for key; an empty value
// forgets the choice, so the default applies. An item the list does not
// have is refused with msg.NewCompanyUnknownItem and nothing is stored.
func (e *Engine) Choose(ctx context.Context, key, value string, items []so.ListItem) (so.ListItem, error) {
	if _, ok := listOf(key); !ok {
		return so.ListItem{}, msg.Errorf(nil, msg.NewCompanyUnknownItem, "value", key)
	}
	value = strings.TrimSpace(value)
	if value == "" {
		return so.ListItem{}, e.db.SetTenantSetting(ctx, e.tenant.Ctx, key, "", e.now())
	}
	it, ok := ResolveItem(value, items)
	if !ok {
		return so.ListItem{}, msg.Errorf(nil, msg.NewCompanyUnknownItem, "value", strconv.Quote(value))
	}
	return it, e.db.SetTenantSetting(ctx, e.tenant.Ctx, key, strconv.Itoa(it.ID), e.now())
}

// ResolveItem finds the item value names: a number is an id, anything
// else a name compared as mapping.ItemNamed does. Deleted items are never
// found.
func ResolveItem(value string, items []so.ListItem) (so.ListItem, bool) {
	value = strings.TrimSpace(value)
	if id, err := strconv.Atoi(value); err == nil {
		return itemByID(items, id)
	}
	return mapping.ItemNamed(value, items)
}
