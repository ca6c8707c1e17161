package cli

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// refreshChanges is `refresh --json` with the owner ids a change of
// owner carries besides the names.
type refreshChanges struct {
	Leads []struct {
		ID      string `json:"id"`
		State   string `json:"state"`
		Changes []struct {
			Field              string `json:"field"`
			Local              string `json:"local"`
			SuperOffice        string `json:"superOffice"`
			LocalOwnerID       int    `json:"localOwnerId"`
			SuperOfficeOwnerID int    `json:"superOfficeOwnerId"`
		} `json:"changes"`
	} `json:"leads"`
}

// TestRefreshAfterSyncOntoKeptName syncs a lead onto an existing company
// whose name the sync keeps ("Vesterhav Foods" in SuperOffice, "Vesterhav
// Foods A/S" in the lead) with the CLI: `refresh --json` says same. A
// user then renames the company and hands it to another salesperson:
// changed, local being what SuperOffice had after our sync, the owner by
// name (and id), also in the table. A re-sync makes it the same again.
func TestRefreshAfterSyncOntoKeptName(t *testing.T) {
	s := startSim(t, &sotest.Seed{ContactFields: sotest.RabitIQFields(),
		Companies: []sotest.SeedCompany{{ID: 41, Name: "Vesterhav Foods", OrgNr: "38112759", OwnerID: 6}}})
	env := staticEnv(s, filepath.Join(t.TempDir(), "leads.db"))
	env["RABITIQ_LANG"] = "da"
	if r := run(t, env, "import", writeFile(t, "l.json", `[{"id":"vh","companyName":"Vesterhav Foods A/S","cvr":"38112759","website":"vesterhavfoods.dk"}]`)); r.code != 0 {
		t.Fatal(r.stderr)
	}
	refresh := func(when string) refreshChanges {
		t.Helper()
		r := run(t, env, "refresh", "vh", "--json")
		var out refreshChanges
		if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || r.code != 0 || len(out.Leads) != 1 {
			t.Fatalf("%s: refresh exit %d, %v: %s %s", when, r.code, err, r.stdout, r.stderr)
		}
		return out
	}
	if r := run(t, env, "sync", "vh", "--contact", "41", "--json"); r.code != 0 || !strings.Contains(r.stdout, `"contactId": 41`) {
		t.Fatalf("sync: exit %d %s %s", r.code, r.stdout, r.stderr)
	}
	if out := refresh("right after the sync"); out.Leads[0].State != "same" || len(out.Leads[0].Changes) != 0 {
		t.Errorf("right after the sync: %+v, want same: nothing changed in SuperOffice", out.Leads[0])
	}

	api := &simAPI{t: t, s: s}
	api.do(http.MethodPatch, "v1/Contact/41", `[{"op":"replace","path":"Name","value":"Vesterhav Fisk"},{"op":"replace","path":"Associate/AssociateId","value":7}]`, 200)
	l := refresh("after a user's edit").Leads[0]
	if l.State != "changed" || len(l.Changes) != 2 {
		t.Fatalf("after a rename and a new owner: %+v, want two changes", l)
	}
	if c := l.Changes[0]; c.Field != "Name" || c.Local != "Vesterhav Foods" || c.SuperOffice != "Vesterhav Fisk" {
		t.Errorf("name change %+v, want Vesterhav Foods → Vesterhav Fisk", c)
	}
	if c := l.Changes[1]; c.Field != "Owner" || c.Local != "Mette Kjær Lund" || c.SuperOffice != "Jonas Berg" || c.LocalOwnerID != 6 || c.SuperOfficeOwnerID != 7 {
		t.Errorf("owner change %+v, want Mette Kjær Lund (6) → Jonas Berg (7)", c)
	}
	tbl := run(t, env, "refresh", "vh")
	if !strings.Contains(tbl.stdout, "Vores kontakt: Mette Kjær Lund → Jonas Berg") || !strings.Contains(tbl.stdout, "Firmanavn: Vesterhav Foods → Vesterhav Fisk") {
		t.Errorf("refresh table:\n%s%s", tbl.stdout, tbl.stderr)
	}

	if r := run(t, env, "sync", "vh", "--contact", "41", "--json"); r.code != 0 {
		t.Fatalf("re-sync: exit %d %s", r.code, r.stderr)
	}
	if out := refresh("after a re-sync"); out.Leads[0].State != "same" {
		t.Errorf("after a re-sync: %+v, want same", out.Leads[0])
	}
}
