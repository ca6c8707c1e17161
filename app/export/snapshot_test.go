package export

import (
	"context"
	"net/http"
	"strconv"
	"testing"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// snapshotIs checks the lead's sync snapshot against the company as the
// simulator holds it: name, OrgNr, first web address and owner (whose
// name is the simulator's for that associate).
func (e *env) snapshotIs(t *testing.T, when string, id int64, contactID int, ownerName string) {
	t.Helper()
	c, ok := e.sim.Company(contactID)
	if !ok {
		t.Fatalf("%s: no company %d in the simulator", when, contactID)
	}
	got, ok, err := e.db.SnapshotOf(context.Background(), id, e.sim.Ctx())
	if err != nil || !ok {
		t.Fatalf("%s: no snapshot (%v)", when, err)
	}
	want := store.Snapshot{LeadID: id, Tenant: e.sim.Ctx(), ContactID: int64(contactID), Name: c.Name, OrgNr: c.OrgNr,
		OwnerID: c.AssociateId, OwnerName: ownerName, TakenAt: e.eng.now()}
	if len(c.Urls) > 0 {
		want.Website = c.Urls[0].Value
	}
	if !got.TakenAt.Equal(want.TakenAt) || want.Website == "" {
		t.Errorf("%s: snapshot %+v, want %+v (with a website)", when, got, want)
	}
	got.TakenAt = want.TakenAt
	if got != want {
		t.Errorf("%s: snapshot %+v, want the company as SuperOffice holds it: %+v", when, got, want)
	}
}

// TestSyncTakesSnapshot checks that every sync stores the company as
// SuperOffice holds it after the write, from the write's own answer: a
// create, an update that keeps the company's own name (fill-if-blank),
// and a re-sync with nothing to send, each with no request more than the
// sync needs (one read of the company per update, none after a create).
func TestSyncTakesSnapshot(t *testing.T) {
	e := newEnv(t, &sotest.Seed{ContactFields: sotest.RabitIQFields(),
		Companies: []sotest.SeedCompany{{ID: 41, Name: "Vesterhav Foods", OrgNr: "38112759", OwnerID: 6}}})
	ctx := context.Background()
	ids := e.importLeads(t, "["+leadJSON("new", "Nordlys Solceller ApS", "12345674", "https://nordlys-sol.dk", "")+","+
		leadJSON("vh", "Vesterhav Foods A/S", "38112759", "vesterhavfoods.dk", "")+"]")

	res, err := e.eng.Sync(ctx, ids["new"], Choice{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	e.snapshotIs(t, "create", ids["new"], res.ContactID, "Demo Bruger")
	if n := e.requests(http.MethodGet, "/v1/Contact/"+strconv.Itoa(res.ContactID)); n != 0 {
		t.Errorf("a create read its company %d times after the POST, want 0", n)
	}

	for _, when := range []string{"update keeping the name", "re-sync with nothing to send"} {
		e.sim.ResetLogs()
		if _, err := e.eng.Sync(ctx, ids["vh"], Choice{ContactID: 41}); err != nil {
			t.Fatal(err)
		}
		e.snapshotIs(t, when, ids["vh"], 41, "Mette Kjær Lund")
		if got, _, _ := e.db.SnapshotOf(ctx, ids["vh"], e.sim.Ctx()); got.Name != "Vesterhav Foods" {
			t.Errorf("%s: snapshot name %q, want the kept Vesterhav Foods", when, got.Name)
		}
		if patches := e.requests(http.MethodPatch, "/v1/Contact/41"); (patches == 0) != (when == "re-sync with nothing to send") {
			t.Errorf("%s: %d PATCHes", when, patches)
		}
		if n := e.requests(http.MethodGet, "/v1/Contact/41"); n != 1 {
			t.Errorf("%s: the company was read %d times, want 1 (the read before the write)", when, n)
		}
	}
}
