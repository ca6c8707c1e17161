package export

import (
	"context"
	"strconv"
	"sync"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/mapping"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// tenantLists is what a create takes from the tenant: the default entity
// (owner and category from the user's preferences, API.md §9) and the
// Category and Business lists that every id we send is checked against.
type tenantLists struct {
	def      *so.ContactEntity
	category []so.ListItem
	business []so.ListItem
}

// listCache keeps the tenant's lists for the engine's life, so a batch of
// creates reads them once; Integrationer reads them fresh (ListChoices)
// and ForgetMeta drops them.
type listCache struct {
	mu    sync.Mutex
	l     *tenantLists
	tasks *taskList
}

func (c *listCache) forget() {
	c.mu.Lock()
	c.l, c.tasks = nil, nil
	c.mu.Unlock()
}

// taskList is the tenant's Task list and its default item, which a
// follow-up's task type is checked against.
type taskList struct {
	items []so.ListItem
	def   so.ListItem // the list's default if it is an active item; ID 0 for none
}

// readTasks reads the Task list and its default together (one round
// trip); a default the list does not offer as active counts as none.
func (e *Engine) readTasks(ctx context.Context) (*taskList, error) {
	var (
		t          taskList
		ok         bool
		iErr, dErr error
		wg         sync.WaitGroup
	)
	wg.Add(2)
	go func() { defer wg.Done(); t.items, _, iErr = e.client.Lists.Items(ctx, so.ListTask) }()
	go func() { defer wg.Done(); t.def, ok, dErr = e.client.Lists.Default(ctx, so.ListTask) }()
	wg.Wait()
	for _, err := range []error{iErr, dErr} {
		if err != nil {
			return nil, msg.Errorf(err, msg.NewCompanyReadLists)
		}
	}
	if ok {
		t.def, ok = itemByID(t.items, t.def.ID)
	}
	if !ok {
		t.def = so.ListItem{}
	}
	return &t, nil
}

// taskList returns the Task list, read once per engine, so a batch of
// follow-ups reads it once.
func (e *Engine) taskList(ctx context.Context) (*taskList, error) {
	e.lists.mu.Lock()
	defer e.lists.mu.Unlock()
	if e.lists.tasks == nil {
		t, err := e.readTasks(ctx)
		if err != nil {
			return nil, err
		}
		e.lists.tasks = t
	}
	return e.lists.tasks, nil
}

// tenantLists returns the cached lists, reading them when fresh or none
// are cached. The three reads go together: one round trip.
func (e *Engine) tenantLists(ctx context.Context, fresh bool) (*tenantLists, error) {
	e.lists.mu.Lock()
	defer e.lists.mu.Unlock()
	if e.lists.l != nil && !fresh {
		return e.lists.l, nil
	}
	var (
		l                tenantLists
		dErr, cErr, bErr error
		wg               sync.WaitGroup
	)
	wg.Add(3)
	go func() { defer wg.Done(); l.def, _, dErr = e.client.Contacts.Default(ctx) }()
	go func() { defer wg.Done(); l.category, _, cErr = e.client.Lists.Items(ctx, so.ListCategory) }()
	go func() { defer wg.Done(); l.business, _, bErr = e.client.Lists.Items(ctx, so.ListBusiness) }()
	wg.Wait()
	for _, err := range []error{dErr, cErr, bErr} {
		if err != nil {
			return nil, msg.Errorf(err, msg.NewCompanyReadLists)
		}
	}
	e.lists.l = &l
	return &l, nil
}

// NewCompany is what "Opret & Sync" gives a new company besides the
// lead's data: the owner GET Contact/default names (the signed-in user),
// and a Category and Business that are items of the tenant's lists. An
// item with ID 0 is not sent.
type NewCompany struct {
	Owner    int
	Category so.ListItem
	Business so.ListItem
	// Warnings say that a stored choice is gone from the tenant's list.
	Warnings []mapping.Warning
}

// NewCompany works out the category and business of a company created for
// a lead with this industry:
//
//   - Category: the one chosen in Integrationer, else the default entity's.
//   - Business: the item whose name is the industry (mapping.BusinessFor),
//     else the one chosen in Integrationer, else the default entity's.
//
// Only an item the tenant's list has and has not deleted is ever sent: a
// stored choice the tenant deleted is reported and the default applies.
func (e *Engine) NewCompany(ctx context.Context, industry string) (NewCompany, error) {
	l, err := e.tenantLists(ctx, false)
	if err != nil {
		return NewCompany{}, err
	}
	var nc NewCompany
	if l.def.Associate != nil {
		nc.Owner = l.def.Associate.AssociateId
	}
	warn := func(w mapping.Warning) { nc.Warnings = append(nc.Warnings, w) }
	if nc.Category, err = e.chosenItem(ctx, store.SettingNewCategory, l.category, refItem(l.def.Category, l.category), msg.NewCompanyCategoryGone, warn); err != nil {
		return NewCompany{}, err
	}
	if biz, ok := mapping.BusinessFor(industry, l.business); ok {
		nc.Business = biz
		return nc, nil
	}
	if nc.Business, err = e.chosenItem(ctx, store.SettingNewBusiness, l.business, refItem(l.def.Business, l.business), msg.NewCompanyBusinessGone, warn); err != nil {
		return NewCompany{}, err
	}
	return nc, nil
}

// apply sets what nc carries on a create body.
func (nc NewCompany) apply(c *so.ContactEntity) {
	if nc.Owner != 0 {
		c.Associate = &so.Associate{AssociateId: nc.Owner}
	}
	if nc.Category.ID != 0 {
		c.Category = nc.Category.Ref()
	}
	if nc.Business.ID != 0 {
		c.Business = nc.Business.Ref()
	}
}

// storedItem returns the item stored under key for this tenant when the
// list still has it; gone is a stored id the list no longer has.
func (e *Engine) storedItem(ctx context.Context, key string, items []so.ListItem) (it so.ListItem, gone int, err error) {
	v, ok, err := e.db.TenantSetting(ctx, e.tenant.Ctx, key)
	if err != nil || !ok {
		return so.ListItem{}, 0, err
	}
	id, convErr := strconv.Atoi(v)
	if convErr != nil || id <= 0 {
		return so.ListItem{}, 0, nil // not an id we stored: as if none were
	}
	if it, ok := itemByID(items, id); ok {
		return it, 0, nil
	}
	return so.ListItem{}, id, nil
}

// chosenItem is the item stored under key for this tenant when items
// still has it, else fallback. A stored id the list no longer has is
// reported with warn (message goneCode, argument id) and never sent.
func (e *Engine) chosenItem(ctx context.Context, key string, items []so.ListItem, fallback so.ListItem, goneCode string, warn func(mapping.Warning)) (so.ListItem, error) {
	it, gone, err := e.storedItem(ctx, key, items)
	if err != nil {
		return so.ListItem{}, err
	}
	if gone != 0 {
		warn(mapping.Warning{Msg: msg.New(goneCode, "id", gone)})
	}
	if it.ID == 0 {
		return fallback, nil
	}
	return it, nil
}

// refItem is the list item a reference of the default entity names, if
// the list has it.
func refItem(ref *so.ListRef, items []so.ListItem) so.ListItem {
	if ref == nil || ref.Id == 0 {
		return so.ListItem{}
	}
	it, _ := itemByID(items, ref.Id)
	return it
}

func itemByID(items []so.ListItem, id int) (so.ListItem, bool) {
	for _, it := range items {
		if it.ID == id && !it.Deleted {
			return it, true
		}
	}
	return so.ListItem{}, false
}

// newCompanyBody sets the owner, category and business of a create body
// and reports on res a stored choice the tenant no longer has.
func (e *Engine) newCompanyBody(ctx context.Context, localID int64, body *so.ContactEntity, res *Result) error {
	det, err := e.db.GetLead(ctx, localID)
	if err != nil {
		return err
	}
	nc, err := e.NewCompany(ctx, det.Lead.Industry)
	if err != nil {
		return err
	}
	nc.apply(body)
	for _, w := range nc.Warnings {
		res.warn(w)
	}
	return nil
}

// listDiff adds the Category and Business rows to a preview: what a create
// sets (by name), or what an update keeps, since an update never changes
// a company's category or business (a user may have set them).
func (e *Engine) listDiff(ctx context.Context, industry string, cur *so.ContactEntity, create bool, d *Diff) error {
	if !create {
		d.Fields = append(d.Fields,
			FieldDiff{Field: "Category", Current: refText(cur.Category), Action: ActionKeep},
			FieldDiff{Field: "Business", Current: refText(cur.Business), Action: ActionKeep})
		return nil
	}
	nc, err := e.NewCompany(ctx, industry)
	if err != nil {
		return err
	}
	for _, r := range []struct {
		field string
		it    so.ListItem
	}{{"Category", nc.Category}, {"Business", nc.Business}} {
		fd := FieldDiff{Field: r.field, Incoming: r.it.Name, Action: ActionKeep}
		if r.it.ID != 0 {
			fd.Action = ActionWrite
		}
		d.Fields = append(d.Fields, fd)
	}
	return nil
}

func refText(r *so.ListRef) string {
	if r == nil {
		return ""
	}
	return r.Value
}
