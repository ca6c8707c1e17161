package refresh

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// TestRefreshFindsGoneChangedAndSame syncs four leads over real HTTP,
// then acts as a user in SuperOffice: deletes one company, merges another
// away, edits a third's OrgNr. One read-back query tells all four apart,
// stores the outcome with the time, and writes nothing to SuperOffice.
func TestRefreshFindsGoneChangedAndSame(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	ids := e.importLeads(t, "["+strings.Join([]string{
		leadJSON("del", "Slettet ApS", "", "slettet.dk"),
		leadJSON("mrg", "Flettet ApS", "", ""),
		leadJSON("org", "Fjordlys Energi ApS", "DK 38112759", "https://www.fjordlys.dk/"),
		leadJSON("same", "Uændret A/S", "", "uaendret.dk"),
	}, ",")+"]")
	contact := map[string]int{}
	for ref, id := range ids {
		res, err := e.eng.Sync(ctx, id, export.Choice{Create: true})
		if err != nil {
			t.Fatalf("sync %s: %v", ref, err)
		}
		contact[ref] = res.ContactID
	}
	// What a user does in SuperOffice.
	req, _ := e.client.NewRequest(http.MethodDelete, "v1/Contact/"+itoa(contact["del"]), nil)
	if _, _, err := e.client.BareDo(ctx, req); err != nil {
		t.Fatal(err)
	}
	req, _ = e.client.NewRequest(http.MethodPost, "v1/Agents/Contact/Merge", map[string]any{
		"SourceContactId": contact["mrg"], "DestinationContactId": contact["same"], "MergeIdenticalPersons": true, "ReplaceEmptyFieldsOnDestination": false})
	if _, _, err := e.client.BareDo(ctx, req); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.client.Contacts.Patch(ctx, contact["org"], []so.PatchOp{so.PatchReplace("OrgNr", "12345674")}); err != nil {
		t.Fatal(err)
	}
	e.sim.ResetLogs()

	rep, err := e.svc.Run(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"del": store.RefreshGone, "mrg": store.RefreshGone, "org": store.RefreshChanged, "same": store.RefreshSame}
	if len(rep.Leads) != 4 {
		t.Fatalf("report has %d leads, want 4: %+v", len(rep.Leads), rep.Leads)
	}
	for _, l := range rep.Leads {
		if l.State != want[l.ID] || l.ContactID != int64(contact[l.ID]) || l.LocalID != ids[l.ID] {
			t.Errorf("lead %s: %+v, want state %s on %d", l.ID, l, want[l.ID], contact[l.ID])
		}
		if l.ID == "org" && (len(l.Changes) != 1 || l.Changes[0] != store.RefreshChange{Field: FieldOrgNr, Local: "38112759", SuperOffice: "12345674"}) {
			t.Errorf("changes of the edited company = %+v, want OrgNr 38112759 → 12345674", l.Changes)
		}
		if l.ID != "org" && len(l.Changes) != 0 {
			t.Errorf("lead %s has changes %+v", l.ID, l.Changes)
		}
		st, ok, err := e.db.RefreshOf(ctx, l.LocalID, e.sim.Ctx())
		if err != nil || !ok || st.State != l.State || !st.CheckedAt.Equal(now) {
			t.Errorf("stored for %s: %+v %v %v, want %s at %s", l.ID, st, ok, err, l.State, now)
		}
	}
	if w := e.writes(); len(w) != 0 {
		t.Errorf("the read-back wrote to SuperOffice: %v", w)
	}
	if q := e.queries(); q != 1 || rep.Queries != 1 {
		t.Errorf("%d company queries (report says %d) for 4 leads, want 1", q, rep.Queries)
	}
	for _, r := range e.sim.Requests() {
		if strings.Contains(r.Path, "/v1/Contact/") {
			t.Errorf("a GET per company: %s %s", r.Method, r.Path)
		}
	}

	// A user puts the OrgNr back: the next read-back says same again.
	if _, _, err := e.client.Contacts.Patch(ctx, contact["org"], []so.PatchOp{so.PatchReplace("OrgNr", "38112759")}); err != nil {
		t.Fatal(err)
	}
	rep, err = e.svc.Run(ctx, []int64{ids["org"]})
	if err != nil || len(rep.Leads) != 1 || rep.Leads[0].State != store.RefreshSame {
		t.Errorf("after the OrgNr was put back: %+v, %v; want one lead, same", rep, err)
	}
}

// TestRefreshBatchesFiftyPerQuery checks the batching: 120 synced leads
// are read back with three queries of at most 50 ids, and nothing else.
func TestRefreshBatchesFiftyPerQuery(t *testing.T) {
	e := newEnv(t, nil)
	e.linkMany(t, 120)
	e.sim.ResetLogs()
	rep, err := e.svc.Run(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Leads) != 120 {
		t.Fatalf("%d leads checked, want 120", len(rep.Leads))
	}
	for _, l := range rep.Leads {
		if l.State != store.RefreshSame {
			t.Fatalf("lead %s: %s %+v, want same", l.ID, l.State, l.Changes)
		}
	}
	reqs := e.sim.Requests()
	if len(reqs) != 3 || e.queries() != 3 {
		t.Fatalf("%d requests, %d of them company queries; want 3 and 3", len(reqs), e.queries())
	}
	asked := 0
	for _, r := range reqs {
		q, _ := url.ParseQuery(r.Query)
		f := q.Get("$filter")
		n := strings.Count(f, ",") + 1
		if !strings.HasPrefix(f, "contactId in (") || n > so.MaxLinkedPerQuery {
			t.Errorf("query filter %q asks %d ids", f, n)
		}
		asked += n
	}
	if asked != 120 {
		t.Errorf("the queries asked %d ids, want 120", asked)
	}
}

// TestRefreshStopsAtFaultWritingNothingForUnchecked makes the second of
// three queries fail past the client's retries (429 after 429): the 50
// leads read are stored, the 70 others keep no state, and the error says
// how far it got.
func TestRefreshStopsAtFaultWritingNothingForUnchecked(t *testing.T) {
	var e *env
	var searches atomic.Int32
	e = newEnv(t, func(next http.RoundTripper) http.RoundTripper {
		return rtFunc(func(r *http.Request) (*http.Response, error) {
			if r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/v1/Contact") && searches.Add(1) == 2 {
				e.sim.Faults().FailNext(50, http.StatusTooManyRequests, 0)
			}
			return next.RoundTrip(r)
		})
	})
	ids := e.linkMany(t, 120)
	rep, err := e.svc.Run(context.Background(), nil)
	if err == nil {
		t.Fatal("no error when SuperOffice kept answering 429")
	}
	if m, ok := msg.Of(err); !ok || m.Code != msg.RefreshStopped {
		t.Errorf("error %v carries %v, want %s", err, m, msg.RefreshStopped)
	}
	if len(rep.Leads) != 50 {
		t.Errorf("%d leads reported, want the 50 read", len(rep.Leads))
	}
	stored := 0
	for _, id := range ids {
		if _, ok, _ := e.db.RefreshOf(context.Background(), id, e.sim.Ctx()); ok {
			stored++
		}
	}
	if stored != 50 {
		t.Errorf("%d leads have a stored read-back, want 50", stored)
	}
	e.sim.Faults().Reset()
}

// TestRefreshLeavesUnsyncedLeadsOut checks that a lead never synced is
// not asked about and gets no state.
func TestRefreshLeavesUnsyncedLeadsOut(t *testing.T) {
	e := newEnv(t, nil)
	ids := e.importLeads(t, leadJSON("new", "Ny ApS", "", ""))
	rep, err := e.svc.Run(context.Background(), []int64{ids["new"]})
	if err != nil || len(rep.Leads) != 0 || len(e.sim.Requests()) != 0 {
		t.Errorf("refresh of an unsynced lead: %+v, %v, %d requests; want nothing", rep, err, len(e.sim.Requests()))
	}
}

type rtFunc func(*http.Request) (*http.Response, error)

func (f rtFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func itoa(n int) string { return strconv.Itoa(n) }
