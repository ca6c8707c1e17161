package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rabitiq/superoffice-sync/app/export"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

const followUpLeads = `[{"id":"fu1","companyName":"Fjord Finans ApS","cvr":"29403473","score":87,"reasonForFit":"Hiring sellers.","contacts":[{"name":"Jane Fjord","email":"jane@fjord.dk"}]},
{"id":"fu2","companyName":"Nordlys Data ApS","score":55,"conversationStarters":"Ask about their CRM."}]`

type followUpJSON struct {
	AppointmentID int    `json:"appointmentId"`
	StartDate     string `json:"startDate"`
	Existing      bool   `json:"existing"`
}

func TestSyncFollowUpJSONAndNeverTwice(t *testing.T) {
	s := startSim(t, nil)
	env := staticEnv(s, filepath.Join(t.TempDir(), "leads.db"))
	if r := run(t, env, "import", writeFile(t, "l.json", followUpLeads)); r.code != 0 {
		t.Fatal(r.stderr)
	}
	want := export.FollowUpStart(time.Now(), 2).Format(so.AppointmentTimeLayout)

	r := run(t, env, "sync", "fu1", "--create", "--follow-up", "2", "--json")
	var res struct {
		ContactID int           `json:"contactId"`
		FollowUp  *followUpJSON `json:"followUp"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || r.code != 0 {
		t.Fatalf("sync: %v exit %d %s", err, r.code, r.stderr)
	}
	if res.FollowUp == nil || res.FollowUp.AppointmentID == 0 || res.FollowUp.StartDate != want || res.FollowUp.Existing {
		t.Fatalf("followUp = %+v, want a new one at %s:\n%s", res.FollowUp, want, r.stdout)
	}
	// A re-sync reports the follow-up it already booked and books none.
	r = run(t, env, "sync", "fu1", "--contact", itoa(res.ContactID), "--follow-up", "2")
	if r.code != 0 || !strings.Contains(r.stdout, "Opfølgning findes allerede: ") {
		t.Fatalf("re-sync text: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// Without the flag the JSON has no followUp at all.
	r = run(t, env, "sync", "fu1", "--contact", itoa(res.ContactID), "--json")
	if r.code != 0 || strings.Contains(r.stdout, "followUp") {
		t.Fatalf("sync without --follow-up: exit %d\n%s", r.code, r.stdout)
	}

	// sync --all books one per created or updated lead, and a re-run none.
	for run_ := 0; run_ < 2; run_++ {
		r = run(t, env, "sync", "--all", "--create-missing", "--follow-up", "2", "--json")
		if r.code != 0 {
			t.Fatalf("sync --all: exit %d %s", r.code, r.stderr)
		}
		booked := 0
		for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
			var it struct {
				Outcome string `json:"outcome"`
				Result  *struct {
					FollowUp *followUpJSON `json:"followUp"`
				} `json:"result"`
			}
			if err := json.Unmarshal([]byte(line), &it); err != nil {
				t.Fatal(err)
			}
			if it.Result != nil && it.Result.FollowUp != nil && it.Result.FollowUp.AppointmentID > 0 {
				booked++
			}
		}
		if booked != 2 {
			t.Errorf("run %d: %d items with a follow-up, want 2:\n%s", run_+1, booked, r.stdout)
		}
	}
	if n := len(s.Appointments()); n != 2 {
		t.Fatalf("%d appointments after a sync, a re-sync and two batch runs, want one per lead", n)
	}
}

func TestSyncFollowUpBadValue(t *testing.T) {
	s := startSim(t, &sotest.Seed{})
	env := staticEnv(s, filepath.Join(t.TempDir(), "leads.db"))
	for _, v := range []string{"x", "-1", "61"} {
		if r := run(t, env, "sync", "a", "--create", "--follow-up", v); r.code != ExitUsage || !strings.Contains(r.stderr, "--follow-up") {
			t.Errorf("--follow-up %s: exit %d %s", v, r.code, r.stderr)
		}
	}
}
