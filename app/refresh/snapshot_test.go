package refresh

import (
	"context"
	"testing"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// vesterhav is a company a salesperson keeps under its own name: a sync
// of the lead "Vesterhav Foods A/S" onto it fills in what is blank and
// keeps the name (fill-if-blank).
var vesterhav = sotest.SeedCompany{Name: "Vesterhav Foods", OrgNr: "38112759", OwnerID: 6}

const vesterhavLead = `{"id":"vh","companyName":"Vesterhav Foods A/S","cvr":"38112759","website":"https://vesterhavfoods.dk","location":"Esbjerg, Danmark","score":80}`

// refreshOne reads back one lead and returns its outcome.
func (e *env) refreshOne(t *testing.T, id int64) Lead {
	t.Helper()
	rep, err := e.svc.Run(context.Background(), []int64{id})
	if err != nil || len(rep.Leads) != 1 {
		t.Fatalf("refresh of lead %d: %+v, %v; want one lead", id, rep, err)
	}
	return rep.Leads[0]
}

// TestRefreshMeasuresAgainstTheSync syncs a lead onto an existing company
// whose name the sync keeps, over real HTTP, and reads it back: nothing
// changed in SuperOffice, so it is the same, though the lead's name is
// another. Then a user renames the company and gives it another owner
// there: changed, with what SuperOffice had after our sync against what
// it has now, the owner by name. A re-sync takes that as the new
// yardstick: the same again.
func TestRefreshMeasuresAgainstTheSync(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	cid, err := e.sim.AddCompany(vesterhav)
	if err != nil {
		t.Fatal(err)
	}
	id := e.importLeads(t, vesterhavLead)["vh"]
	res, err := e.eng.Sync(ctx, id, export.Choice{ContactID: cid})
	if err != nil {
		t.Fatal(err)
	}
	if res.CompanyName != vesterhav.Name {
		t.Fatalf("the sync renamed the company to %q: the test needs a kept name", res.CompanyName)
	}
	e.sim.ResetLogs()
	if l := e.refreshOne(t, id); l.State != store.RefreshSame || len(l.Changes) != 0 {
		t.Errorf("right after the sync: %s %+v, want same: nobody changed anything in SuperOffice", l.State, l.Changes)
	}
	if w := e.writes(); len(w) != 0 {
		t.Errorf("the read-back wrote to SuperOffice: %v", w)
	}

	// A user renames the company in SuperOffice.
	if _, _, err := e.client.Contacts.Patch(ctx, cid, []so.PatchOp{so.PatchReplace("Name", "Vesterhav Fisk")}); err != nil {
		t.Fatal(err)
	}
	l := e.refreshOne(t, id)
	want := store.RefreshChange{Field: FieldName, Local: vesterhav.Name, SuperOffice: "Vesterhav Fisk"}
	if l.State != store.RefreshChanged || len(l.Changes) != 1 || l.Changes[0] != want {
		t.Errorf("after a rename: %s %+v, want changed %+v", l.State, l.Changes, want)
	}

	// And gives it to another salesperson.
	if _, _, err := e.client.Contacts.Patch(ctx, cid, []so.PatchOp{so.PatchReplace("Associate/AssociateId", 7)}); err != nil {
		t.Fatal(err)
	}
	l = e.refreshOne(t, id)
	owner := store.RefreshChange{Field: FieldOwner, Local: "Mette Kjær Lund", SuperOffice: "Jonas Berg", LocalOwnerID: 6, SuperOfficeOwnerID: 7}
	if l.State != store.RefreshChanged || len(l.Changes) != 2 || l.Changes[0] != want || l.Changes[1] != owner {
		t.Errorf("after a rename and a new owner: %s %+v, want changed %+v and %+v", l.State, l.Changes, want, owner)
	}
	st, ok, err := e.db.RefreshOf(ctx, id, e.sim.Ctx())
	if err != nil || !ok || len(st.Changes) != 2 || st.Changes[1] != owner {
		t.Errorf("stored read-back %+v, %v, %v; want the owner change with names and ids", st, ok, err)
	}

	// A re-sync keeps the user's name and owner and moves the yardstick.
	if _, err := e.eng.Sync(ctx, id, export.Choice{ContactID: cid}); err != nil {
		t.Fatal(err)
	}
	if l := e.refreshOne(t, id); l.State != store.RefreshSame || len(l.Changes) != 0 {
		t.Errorf("after a re-sync: %s %+v, want same", l.State, l.Changes)
	}
}

// TestRefreshAfterBatchSync checks the batch takes the snapshot too: a
// lead matched by its CVR number onto a company whose name it keeps reads
// back the same.
func TestRefreshAfterBatchSync(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	cid, err := e.sim.AddCompany(vesterhav)
	if err != nil {
		t.Fatal(err)
	}
	id := e.importLeads(t, vesterhavLead)["vh"]
	var items []export.BatchItem
	sum := e.eng.Batch(ctx, []int64{id}, export.BatchOptions{}, func(_, _ int, it export.BatchItem) { items = append(items, it) })
	if sum.Updated != 1 || len(items) != 1 || items[0].ContactID != cid {
		t.Fatalf("batch: %+v %+v, want the lead updated on %d", sum, items, cid)
	}
	if l := e.refreshOne(t, id); l.State != store.RefreshSame || len(l.Changes) != 0 {
		t.Errorf("right after the batch: %s %+v, want same", l.State, l.Changes)
	}
	if _, _, err := e.client.Contacts.Patch(ctx, cid, []so.PatchOp{so.PatchReplace("OrgNr", "12345674")}); err != nil {
		t.Fatal(err)
	}
	l := e.refreshOne(t, id)
	want := store.RefreshChange{Field: FieldOrgNr, Local: vesterhav.OrgNr, SuperOffice: "12345674"}
	if l.State != store.RefreshChanged || len(l.Changes) != 1 || l.Changes[0] != want {
		t.Errorf("after an OrgNr edit: %s %+v, want changed %+v", l.State, l.Changes, want)
	}
}

// TestRefreshLeadSyncedBeforeSnapshots covers a lead synced before syncs
// took snapshots: its first read-back takes one from SuperOffice and
// says same (the lead's own name is no yardstick), the next one measures
// against it; an owner an earlier read-back saw stays the owner's
// yardstick, so a change of owner already found is still shown.
func TestRefreshLeadSyncedBeforeSnapshots(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	cid, err := e.sim.AddCompany(vesterhav)
	if err != nil {
		t.Fatal(err)
	}
	ids := e.importLeads(t, "["+vesterhavLead+`,{"id":"old","companyName":"Klitrose ApS"}]`)
	if err := e.db.MarkSynced(ctx, ids["vh"], int64(cid), e.sim.Ctx(), now); err != nil {
		t.Fatal(err)
	}
	if l := e.refreshOne(t, ids["vh"]); l.State != store.RefreshSame {
		t.Errorf("first read-back of a lead without a snapshot: %s %+v, want same", l.State, l.Changes)
	}
	snap, ok, err := e.db.SnapshotOf(ctx, ids["vh"], e.sim.Ctx())
	if err != nil || !ok || snap.Name != vesterhav.Name || snap.OwnerID != 6 || snap.OwnerName != "Mette Kjær Lund" || !snap.TakenAt.Equal(now) {
		t.Fatalf("the first read-back took %+v, %v, %v; want the company as read", snap, ok, err)
	}
	if _, _, err := e.client.Contacts.Patch(ctx, cid, []so.PatchOp{so.PatchReplace("Name", "Vesterhav Fisk")}); err != nil {
		t.Fatal(err)
	}
	l := e.refreshOne(t, ids["vh"])
	if want := (store.RefreshChange{Field: FieldName, Local: vesterhav.Name, SuperOffice: "Vesterhav Fisk"}); l.State != store.RefreshChanged || len(l.Changes) != 1 || l.Changes[0] != want {
		t.Errorf("after a rename: %s %+v, want changed %+v", l.State, l.Changes, want)
	}

	// An earlier read-back (before snapshots) saw owner 6; it is 7 now.
	kr, err := e.sim.AddCompany(sotest.SeedCompany{Name: "Klitrose ApS", OwnerID: 7})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.db.MarkSynced(ctx, ids["old"], int64(kr), e.sim.Ctx(), now); err != nil {
		t.Fatal(err)
	}
	if err := e.db.SaveRefreshes(ctx, []store.Refresh{{LeadID: ids["old"], Tenant: e.sim.Ctx(), ContactID: int64(kr), State: store.RefreshSame, OwnerID: 6, CheckedAt: now}}); err != nil {
		t.Fatal(err)
	}
	l = e.refreshOne(t, ids["old"])
	owner := store.RefreshChange{Field: FieldOwner, Local: "", SuperOffice: "Jonas Berg", LocalOwnerID: 6, SuperOfficeOwnerID: 7}
	if l.State != store.RefreshChanged || len(l.Changes) != 1 || l.Changes[0] != owner {
		t.Errorf("owner 6 seen before, 7 now: %s %+v, want changed %+v", l.State, l.Changes, owner)
	}
}
