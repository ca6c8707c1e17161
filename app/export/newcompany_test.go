package export

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// setting stores a tenant setting for the env's tenant.
func (e *env) setting(t *testing.T, key, value string) {
	t.Helper()
	if err := e.db.SetTenantSetting(context.Background(), e.sim.Ctx(), key, value, time.Now()); err != nil {
		t.Fatal(err)
	}
}

// listsOf reads a company back and returns its category and business names.
func (e *env) listsOf(t *testing.T, id int) (category, business string) {
	t.Helper()
	c, _, err := e.client.Contacts.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return refText(c.Category), refText(c.Business)
}

// Creates over real HTTP: the chosen category, the business the industry
// names (case and accents aside), else the chosen default business, and
// without choices what GET Contact/default gives; owner the signed-in user.
func TestCreateUsesChosenCategoryAndIndustryBusiness(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	ids := e.importLeads(t, `[`+leadJSON("a", "Alfa Data ApS", "", "alfa-data.dk", `,"industry":"it"`)+`,`+
		leadJSON("b", "Beta Service ApS", "", "beta-service.dk", `,"industry":"IT-services"`)+`,`+
		leadJSON("c", "Gamma Raad ApS", "", "gamma-raad.dk", `,"industry":"Radgivning"`)+`]`)
	e.setting(t, store.SettingNewCategory, "1")  // Kunde
	e.setting(t, store.SettingNewBusiness, "11") // Andet
	for _, c := range []struct{ lead, category, business string }{
		{"a", "Kunde", "IT"}, {"b", "Kunde", "Andet"},
	} {
		res, err := e.eng.Sync(ctx, ids[c.lead], Choice{Create: true})
		if err != nil || !res.Created {
			t.Fatalf("sync %s: %+v, %v", c.lead, res, err)
		}
		if cat, biz := e.listsOf(t, res.ContactID); cat != c.category || biz != c.business {
			t.Errorf("lead %s: category %q, business %q; want %q, %q", c.lead, cat, biz, c.category, c.business)
		}
		got, _ := e.sim.Company(res.ContactID)
		if got.AssociateId == 0 {
			t.Errorf("lead %s: no owner", c.lead)
		}
	}
	// Without choices: the tenant's default category (Contact/default),
	// the industry's business all the same.
	e.setting(t, store.SettingNewCategory, "")
	e.setting(t, store.SettingNewBusiness, "")
	res, err := e.eng.Sync(ctx, ids["c"], Choice{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if cat, biz := e.listsOf(t, res.ContactID); cat != "Prospekt" || biz != "Rådgivning" {
		t.Errorf("without choices: category %q, business %q; want Prospekt, Rådgivning", cat, biz)
	}
}

// An update never sends Category or Business: what users set stays.
func TestUpdateKeepsCategoryAndBusiness(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	made, _, err := e.client.Contacts.Create(ctx, &so.ContactEntity{Name: "Delta Byg ApS", Category: &so.ListRef{Id: 4}, Business: &so.ListRef{Id: 5}})
	if err != nil {
		t.Fatal(err)
	}
	ids := e.importLeads(t, `[`+leadJSON("d", "Delta Byg ApS", "", "delta-byg.dk", `,"industry":"IT"`)+`]`)
	e.setting(t, store.SettingNewCategory, "1")
	e.setting(t, store.SettingNewBusiness, "11")
	d, err := e.eng.Diff(ctx, ids["d"], Choice{ContactID: made.ContactId})
	if err != nil {
		t.Fatal(err)
	}
	for _, fd := range d.Fields {
		if (fd.Field == "Category" && (fd.Current != "Partner" || fd.Action != ActionKeep)) || (fd.Field == "Business" && (fd.Current != "Byggeri" || fd.Action != ActionKeep)) {
			t.Errorf("preview of an update: %+v", fd)
		}
	}
	if _, err := e.eng.Sync(ctx, ids["d"], Choice{ContactID: made.ContactId}); err != nil {
		t.Fatal(err)
	}
	if cat, biz := e.listsOf(t, made.ContactId); cat != "Partner" || biz != "Byggeri" {
		t.Errorf("after the update: category %q, business %q; want Partner, Byggeri", cat, biz)
	}
	for _, r := range e.sim.Requests() {
		if r.Method != "GET" && r.Method != "POST" && (strings.Contains(r.Body, "Category") || strings.Contains(r.Body, "Business")) {
			t.Errorf("%s %s sent a list item: %s", r.Method, r.Path, r.Body)
		}
	}
}

// The preview of a create names the category and business it will get.
func TestPreviewOfACreateNamesCategoryAndBusiness(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	ids := e.importLeads(t, `[`+leadJSON("p", "Pi Handel ApS", "", "pi-handel.dk", `,"industry":"Handel"`)+`]`)
	e.setting(t, store.SettingNewCategory, "3") // Leverandør
	d, err := e.eng.Diff(ctx, ids["p"], Choice{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]FieldDiff{}
	for _, fd := range d.Fields {
		got[fd.Field] = fd
	}
	if c := got["Category"]; c.Incoming != "Leverandør" || c.Action != ActionWrite {
		t.Errorf("Category row = %+v", c)
	}
	if b := got["Business"]; b.Incoming != "Handel" || b.Action != ActionWrite {
		t.Errorf("Business row = %+v", b)
	}
	// The match dialog's "Vis ændringer" (HumanChanges) shows both names.
	shown := map[string]string{}
	for _, c := range HumanChanges(d, msg.Danish).Changes {
		shown[c.Field] = c.Incoming
	}
	if shown["Category"] != "Leverandør" || shown["Business"] != "Handel" {
		t.Errorf("the inline preview shows category %q and business %q", shown["Category"], shown["Business"])
	}
	if n := e.requests("POST", "v1/Contact"); n != 0 {
		t.Errorf("the preview wrote %d companies", n)
	}
}

// A stored item the admin deleted since is reported, and the tenant's
// default is sent instead: the strict tenant would refuse the old id.
func TestDeletedChoiceFallsBackToTheDefault(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	ids := e.importLeads(t, `[`+leadJSON("g", "Gone Kat ApS", "", "gone-kat.dk", `,"industry":"Ukendt"`)+`]`)
	e.setting(t, store.SettingNewCategory, "1")
	e.setting(t, store.SettingNewBusiness, "4")
	for _, l := range []struct {
		list string
		id   int
	}{{"Category", 1}, {"Business", 4}} {
		if err := e.sim.DeleteListItem(l.list, l.id); err != nil {
			t.Fatal(err)
		}
	}
	res, err := e.eng.Sync(ctx, ids["g"], Choice{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if !hasWarning(res, msg.NewCompanyCategoryGone) || !hasWarning(res, msg.NewCompanyBusinessGone) {
		t.Errorf("warnings = %v", res.Warnings)
	}
	if cat, biz := e.listsOf(t, res.ContactID); cat != "Prospekt" || biz != "" {
		t.Errorf("category %q, business %q; want the default Prospekt and none", cat, biz)
	}
	ch, err := e.eng.ListChoices(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ch[0].GoneID != 1 || ch[0].Chosen.ID != 0 || ch[0].Effective().Name != "Prospekt" {
		t.Errorf("category choice = %+v", ch[0])
	}
}

// Integrationer's lists: defaults, stored choices by id or name, unknown
// items refused without storing anything.
func TestListChoicesAndChoose(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	ch, err := e.eng.ListChoices(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ch) != 3 || ch[0].Default.Name != "Prospekt" || ch[1].Default.ID != 0 || ch[2].Default.Name != "Telefonsamtale" {
		t.Fatalf("choices = %+v", ch)
	}
	if it, err := e.eng.Choose(ctx, store.SettingNewBusiness, "rådgivning", ch[1].Items); err != nil || it.ID != 3 {
		t.Errorf("choose by name = %+v, %v", it, err)
	}
	if it, err := e.eng.Choose(ctx, store.SettingFollowUpTask, "2", ch[2].Items); err != nil || it.Name != "Møde" {
		t.Errorf("choose by id = %+v, %v", it, err)
	}
	for _, bad := range []string{"Tidligere kunde", "99", "Ingenting"} { // "Tidligere kunde" is deleted
		_, err := e.eng.Choose(ctx, store.SettingNewCategory, bad, ch[0].Items)
		if m, ok := msg.Of(err); !ok || m.Code != msg.NewCompanyUnknownItem {
			t.Errorf("choose %q: %v", bad, err)
		}
	}
	if _, ok, _ := e.db.TenantSetting(ctx, e.sim.Ctx(), store.SettingNewCategory); ok {
		t.Error("an unknown item was stored")
	}
	ch, err = e.eng.ListChoices(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ch[1].Chosen.Name != "Rådgivning" || ch[2].Effective().Name != "Møde" {
		t.Errorf("stored choices = %+v / %+v", ch[1].Chosen, ch[2].Chosen)
	}
}

// A batch with --create-missing creates each company the same way, reading
// the tenant's lists once for the whole batch.
func TestBatchCreatesUseTheChoices(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	ids := e.importLeads(t, `[`+leadJSON("b1", "Batch Et ApS", "", "batch-et.dk", `,"industry":"Fødevarer"`)+`,`+
		leadJSON("b2", "Batch To ApS", "", "batch-to.dk", `,"industry":"Kunst"`)+`]`)
	e.setting(t, store.SettingNewCategory, "4")  // Partner
	e.setting(t, store.SettingNewBusiness, "10") // Software
	sum := e.eng.Batch(ctx, []int64{ids["b1"], ids["b2"]}, BatchOptions{CreateMissing: true, Concurrency: 2}, nil)
	if sum.Created != 2 {
		t.Fatalf("summary = %+v", sum)
	}
	for name, want := range map[string][2]string{"Batch Et ApS": {"Partner", "Fødevarer"}, "Batch To ApS": {"Partner", "Software"}} {
		got := e.companiesNamed(name)
		if len(got) != 1 {
			t.Fatalf("%s: %d companies", name, len(got))
		}
		if cat, biz := e.listsOf(t, got[0].ContactId); cat != want[0] || biz != want[1] {
			t.Errorf("%s: category %q, business %q; want %v", name, cat, biz, want)
		}
	}
	if n := e.requests("GET", "List/Category/Items"); n != 1 {
		t.Errorf("the batch read the Category list %d times, want once", n)
	}
}
