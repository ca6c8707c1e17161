package superoffice_test

import (
	"context"
	"testing"

	"golang.org/x/oauth2"

	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// simClient starts the simulator and a client signed in to it.
func simClient(t *testing.T, strict bool) (*sotest.Server, *so.Client) {
	t.Helper()
	s, err := sotest.New(sotest.Config{Seed: sotest.DemoSeed(), Strict: strict})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	c, err := so.NewClient(s.APIURL(), so.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: s.AccessToken(), TokenType: "Bearer"})))
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

func itemNames(items []so.ListItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Name)
	}
	return out
}

// Category and Task answer with different carriers (Id/Name versus
// TaskListItemId/Value); both come back as ListItem, deleted items left out.
func TestListsItemsAndDefaultOverHTTP(t *testing.T) {
	ctx := context.Background()
	s, c := simClient(t, true)
	if err := s.DeleteListItem("Business", 2); err != nil { // "Produktion"
		t.Fatal(err)
	}
	cats, _, err := c.Lists.Items(ctx, so.ListCategory)
	if err != nil || len(cats) < 4 || cats[0].ID != 1 || cats[0].Name != "Kunde" {
		t.Fatalf("Category items = %+v, %v", cats, err)
	}
	biz, _, err := c.Lists.Items(ctx, so.ListBusiness)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range biz {
		if it.Name == "Produktion" || it.Name == "Landbrug" || it.Deleted {
			t.Errorf("deleted business offered: %+v", it)
		}
	}
	tasks, _, err := c.Lists.Items(ctx, so.ListTask)
	if err != nil || len(tasks) == 0 || tasks[0].ID != 1 || tasks[0].Name != "Telefonsamtale" {
		t.Fatalf("Task items = %v, %v", itemNames(tasks), err)
	}
	if d, ok, err := c.Lists.Default(ctx, so.ListCategory); err != nil || !ok || d.Name != "Prospekt" {
		t.Errorf("Category default = %+v %v %v", d, ok, err)
	}
	if d, ok, err := c.Lists.Default(ctx, so.ListTask); err != nil || !ok || d.ID != 1 {
		t.Errorf("Task default = %+v %v %v", d, ok, err)
	}
	if d, ok, err := c.Lists.Default(ctx, so.ListBusiness); err != nil || ok {
		t.Errorf("Business has no default, got %+v %v %v", d, ok, err)
	}
	if _, _, err := c.Lists.Items(ctx, "Category/../Contact"); err == nil {
		t.Error("a list name with a path in it was sent")
	}
	if v := s.Violations(); len(v) > 0 {
		t.Errorf("violations: %+v", v)
	}
}

// A create carrying Category and Business reads back with their names.
func TestContactCategoryBusinessRoundTrip(t *testing.T) {
	ctx := context.Background()
	_, c := simClient(t, true)
	def, _, err := c.Contacts.Default(ctx)
	if err != nil || def.Category == nil || def.Category.Value != "Prospekt" || def.Associate == nil || def.Associate.AssociateId == 0 {
		t.Fatalf("Contact/default = %+v, %v", def, err)
	}
	created, _, err := c.Contacts.Create(ctx, &so.ContactEntity{Name: "Rund ApS", Category: &so.ListRef{Id: 4}, Business: &so.ListRef{Id: 1}})
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := c.Contacts.Get(ctx, created.ContactId)
	if err != nil || got.Category == nil || got.Category.Value != "Partner" || got.Business == nil || got.Business.Value != "IT" {
		t.Fatalf("GET = %+v / %+v, %v", got.Category, got.Business, err)
	}
	if _, _, err := c.Contacts.Create(ctx, &so.ContactEntity{Name: "Forkert ApS", Category: &so.ListRef{Id: 77}}); err == nil {
		t.Error("the strict tenant accepted an unknown category")
	}
}
