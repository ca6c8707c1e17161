package integrations

import (
	"context"
	"path/filepath"
	"testing"

	"golang.org/x/oauth2"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// listService is the screen's Service with the tenant's lists read over
// real HTTP from a simulated tenant; switching tenants switches engines.
type listService struct {
	fakeService
	eng map[string]*export.Engine
}

func (l *listService) ListChoices(ctx context.Context) ([]export.ListChoice, error) {
	return l.eng[l.st.Tenant.Ctx].ListChoices(ctx)
}
func (l *listService) Choose(ctx context.Context, key, value string, items []so.ListItem) (so.ListItem, error) {
	return l.eng[l.st.Tenant.Ctx].Choose(ctx, key, value, items)
}

// newListService connects to two simulated tenants sharing one database.
func newListService(t *testing.T, tenants ...string) (*listService, *store.DB) {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "leads.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	l := &listService{eng: map[string]*export.Engine{}}
	for _, ctx := range tenants {
		s, err := sotest.New(sotest.Config{Ctx: ctx, Strict: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Start("127.0.0.1:0"); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = s.Close() })
		cl, err := so.NewClient(s.APIURL(), so.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: s.AccessToken()})))
		if err != nil {
			t.Fatal(err)
		}
		l.eng[ctx] = export.New(db, cl, export.Tenant{Ctx: ctx}, nil)
	}
	l.connect(tenants[0])
	return l, db
}

func (l *listService) connect(ctx string) {
	l.st = Status{Connected: true, Tenant: auth.Tenant{Ctx: ctx, CompanyName: "Firma " + ctx}}
}

func stored(t *testing.T, db *store.DB, tenant, key string) string {
	t.Helper()
	v, _, err := db.TenantSetting(context.Background(), tenant, key)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// The selects show the tenant's lists with its default marked, store a
// choice per tenant, and show each tenant its own choice again.
func TestListSelectsStorePerTenant(t *testing.T) {
	w := uitest.Setup(t)
	svc, db := newListService(t, "Cust111", "Cust222")
	v := New(svc, w)
	w.SetContent(v.Content())
	c := v.Choices
	if c == nil {
		t.Fatal("no list selects for a Service that reads lists")
	}
	uitest.Eventually(t, "lists loaded", func() bool { return !c.Category.Disabled() })
	if c.Category.Selected != "Prospekt (standard)" || c.Business.Selected != "Ingen (SuperOffice bestemmer)" || c.Task.Selected != "Telefonsamtale (standard)" {
		t.Fatalf("initial: %q / %q / %q", c.Category.Selected, c.Business.Selected, c.Task.Selected)
	}
	for _, o := range c.Category.Options {
		if o == "Tidligere kunde" {
			t.Error("a deleted category is offered")
		}
	}
	c.Category.SetSelected("Kunde")
	c.Business.SetSelected("Rådgivning")
	c.Task.SetSelected("Møde")
	uitest.Eventually(t, "stored for Cust111", func() bool {
		return stored(t, db, "Cust111", store.SettingNewCategory) == "1" && stored(t, db, "Cust111", store.SettingNewBusiness) == "3" &&
			stored(t, db, "Cust111", store.SettingFollowUpTask) == "2"
	})

	svc.connect("Cust222")
	v.Refresh()
	uitest.Eventually(t, "Cust222 loaded", func() bool { return !c.Category.Disabled() && c.Category.Selected == "Prospekt (standard)" })
	c.Category.SetSelected("Partner")
	uitest.Eventually(t, "stored for Cust222", func() bool { return stored(t, db, "Cust222", store.SettingNewCategory) == "4" })
	if got := stored(t, db, "Cust111", store.SettingNewCategory); got != "1" {
		t.Errorf("Cust222's choice changed Cust111's: %q", got)
	}

	svc.connect("Cust111")
	v.Refresh()
	uitest.Eventually(t, "Cust111 again", func() bool { return !c.Category.Disabled() && c.Category.Selected == "Kunde" })
	if c.Business.Selected != "Rådgivning" || c.Task.Selected != "Møde" {
		t.Errorf("Cust111 again: %q / %q", c.Business.Selected, c.Task.Selected)
	}
	// The default option forgets the choice: the tenant's default applies.
	c.Category.SetSelected("Prospekt (standard)")
	uitest.Eventually(t, "choice forgotten", func() bool { return stored(t, db, "Cust111", store.SettingNewCategory) == "" })

	svc.st = Status{}
	v.Refresh()
	if c.box.Visible() {
		t.Error("the lists are shown while not connected")
	}
}
