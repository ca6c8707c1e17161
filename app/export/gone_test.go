package export

import (
	"context"
	"net/http"
	"strconv"
	"testing"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// TestBatchLeavesGoneCompanyForReview checks that a batch never
// re-creates a company a user deleted or merged away in SuperOffice, even
// with --create-missing: the lead is left for review with the reason,
// whether a read-back found it gone first or the sync itself does.
func TestBatchLeavesGoneCompanyForReview(t *testing.T) {
	for _, readBackFirst := range []bool{true, false} {
		e := newEnv(t, nil)
		ctx := context.Background()
		id := e.importLeads(t, leadJSON("rq-g", "Forsvundet ApS", "38112759", "forsvundet.dk", ""))["rq-g"]
		res, err := e.eng.Sync(ctx, id, Choice{Create: true})
		if err != nil {
			t.Fatal(err)
		}
		req, _ := e.client.NewRequest(http.MethodDelete, "v1/Contact/"+strconv.Itoa(res.ContactID), nil)
		if _, _, err := e.client.BareDo(ctx, req); err != nil {
			t.Fatal(err)
		}
		if readBackFirst {
			if err := e.db.SaveRefreshes(ctx, []store.Refresh{{LeadID: id, Tenant: e.sim.Ctx(), ContactID: int64(res.ContactID),
				State: store.RefreshGone, CheckedAt: e.eng.now()}}); err != nil {
				t.Fatal(err)
			}
		}
		e.sim.ResetLogs()
		sum := e.eng.Batch(ctx, []int64{id}, BatchOptions{CreateMissing: true}, nil)
		if sum.Review != 1 || sum.Created != 0 || sum.Failed != 0 {
			t.Errorf("readBackFirst=%v: summary %+v, want the lead left for review", readBackFirst, sum)
		}
		if n := e.requests("POST", "/v1/Contact"); n != 0 {
			t.Errorf("readBackFirst=%v: %d creates of a company the user deleted", readBackFirst, n)
		}
		det, _ := e.db.GetLead(ctx, id)
		if det.Row.Status != store.StatusReview || det.Row.SOContactID == nil || int(*det.Row.SOContactID) != res.ContactID {
			t.Errorf("readBackFirst=%v: lead after the batch %+v, want review, still linked to %d", readBackFirst, det.Row, res.ContactID)
		}
		want := msg.New(msg.RefreshGoneReview, "id", res.ContactID).Text(msg.Language())
		if len(det.Row.LastError) < len(want) || det.Row.LastError[:len(want)] != want {
			t.Errorf("readBackFirst=%v: reason %q, want it to start with %q", readBackFirst, det.Row.LastError, want)
		}
	}
}

// TestResyncKeepsWhatAUserChangedInSuperOffice checks the promise behind
// "I SuperOffice nu": after the first sync a user renames the company,
// changes its OrgNr and web address in SuperOffice; a re-sync (the lead
// re-imported with new content, then batch-synced) keeps all three,
// because the sync builds its writes from a fresh GET and fills only
// blanks.
func TestResyncKeepsWhatAUserChangedInSuperOffice(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	id := e.importLeads(t, leadJSON("rq-u", "Fjordlys Energi ApS", "38112759", "fjordlys.dk", ""))["rq-u"]
	res, err := e.eng.Sync(ctx, id, Choice{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.client.Contacts.Patch(ctx, res.ContactID, []so.PatchOp{
		so.PatchReplace("Name", "Fjordlys Holding A/S"),
		so.PatchReplace("OrgNr", "12345674"),
		so.PatchReplace("Urls", []so.EntityElement{{Value: "https://fjordlys-holding.dk"}}),
	}); err != nil {
		t.Fatal(err)
	}
	// A new export of the lead brings a new score: status changed.
	e.importLeads(t, `{"id":"rq-u","companyName":"Fjordlys Energi ApS","cvr":"38112759","website":"fjordlys.dk","location":"Aarhus, Danmark","score":95}`)
	sum := e.eng.Batch(ctx, []int64{id}, BatchOptions{}, nil)
	if sum.Updated != 1 {
		t.Fatalf("re-sync summary %+v, want one update", sum)
	}
	if _, err := e.eng.Sync(ctx, id, Choice{ContactID: res.ContactID}); err != nil {
		t.Fatal(err)
	}
	c, ok := e.sim.Company(res.ContactID)
	if !ok {
		t.Fatal("the company is gone")
	}
	if c.Name != "Fjordlys Holding A/S" || c.OrgNr != "12345674" || len(c.Urls) != 1 || c.Urls[0].Value != "https://fjordlys-holding.dk" {
		t.Errorf("after re-sync: name %q, OrgNr %q, Urls %+v; want the user's values kept", c.Name, c.OrgNr, c.Urls)
	}
	if c.CustomFields["RabitIQ:1"] != "[I:95]" {
		t.Errorf("the re-sync did not write the new score: %q", c.CustomFields["RabitIQ:1"])
	}
}
