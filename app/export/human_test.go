package export

import (
	"context"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

func TestHumanValue(t *testing.T) {
	countries := []so.Country{{CountryId: 578, Name: "Norge", EnglishName: "Norway"}, {CountryId: 208, Name: "Danmark", EnglishName: "Denmark"}}
	for _, c := range []struct {
		field, raw string
		l          msg.Lang
		want       string
	}{
		{"Country", "578", msg.Danish, "Norge"},
		{"Country", "578", msg.English, "Norway"},
		{"Country", "Danmark", msg.English, "Denmark"},
		{"Country", "999", msg.Danish, "999"}, // not in the list: as it is
		{"RabitIQ:1", "[I:98]", msg.Danish, "98"},
		{"RabitIQ:17", "[I:1250000]", msg.Danish, "1.250.000"},
		{"RabitIQ:17", "[I:1250000]", msg.English, "1,250,000"},
		{"RabitIQ:20", "[F:12.5]", msg.Danish, "12,5"},
		{"RabitIQ:20", "[F:-1234.25]", msg.English, "-1,234.25"},
		{"RabitIQ:30", "[D:2020.08.27]", msg.Danish, "27.08.2020"},
		{"RabitIQ:30", "[D:2020.08.27]", msg.English, "2020-08-27"},
		{"RabitIQ:1", "[I:abc]", msg.Danish, "[I:abc]"},
		{"Name", "[nothing encoded]", msg.Danish, "[nothing encoded]"},
		{"Name", "Alfa A/S", msg.Danish, "Alfa A/S"},
	} {
		if got := HumanValue(c.field, c.raw, c.l, countries); got != c.want {
			t.Errorf("HumanValue(%s, %q, %s) = %q, want %q", c.field, c.raw, c.l, got, c.want)
		}
	}
}

func TestHumanChangesShowsRealChangesOnly(t *testing.T) {
	d := &Diff{Countries: []so.Country{{CountryId: 578, Name: "Norge", EnglishName: "Norway"}},
		Fields: []FieldDiff{
			{Field: "Name", Current: "Alfa A/S", Incoming: "Alfa A/S", Action: ActionKeep},                 // same: hidden
			{Field: "Department", Current: "", Incoming: "", Action: ActionKeep},                           // nothing: hidden
			{Field: "OrgNr", Current: "1234", Incoming: "29935181", Action: ActionKeep},                    // theirs differs: a choice
			{Field: "Country", Current: "Danmark", Incoming: "578", Action: ActionWrite},                   // overwrite chosen
			{Field: "RabitIQ:1", Current: "[I:0]", Incoming: "[I:98]", Action: ActionWrite},                // number
			{Field: "RabitIQ:12", Incoming: "x", Action: ActionTruncate, FullLength: 212, KeptLength: 199}, // cut
			{Field: "RabitIQ:9", Incoming: "signal", Action: ActionSkip},                                   // tenant lacks it
		},
		Persons: []PersonDiff{{Email: "a@x.dk", Action: PersonUnchanged}, {Email: "b@x.dk", Action: PersonCreate}},
	}
	p := HumanChanges(d, msg.Danish)
	var got []string
	for _, c := range p.Changes {
		got = append(got, c.Field)
	}
	if strings.Join(got, ",") != "OrgNr,Country,RabitIQ:1,RabitIQ:12" || p.Same != 2 || p.Skipped != 1 {
		t.Fatalf("changes %v, same %d, skipped %d", got, p.Same, p.Skipped)
	}
	if c := p.Changes[0]; !c.Overwritable || c.Action != ActionKeep {
		t.Errorf("OrgNr: %+v", c)
	}
	if c := p.Changes[1]; c.Incoming != "Norge" || !c.Overwritable {
		t.Errorf("Country: %+v", c)
	}
	if c := p.Changes[2]; c.Current != "0" || c.Incoming != "98" || c.Label != "RabitIQ Score" || c.Overwritable {
		t.Errorf("score: %+v", c)
	}
	if c := p.Changes[3]; c.Note != "212 tegn, 199 gemmes" {
		t.Errorf("cut note: %+v", c)
	}
	if len(p.Persons) != 1 || p.Persons[0].Email != "b@x.dk" {
		t.Errorf("persons %+v", p.Persons)
	}
	if e := HumanChanges(d, msg.English); e.Changes[1].Incoming != "Norway" || e.Changes[3].Note != "212 characters, 199 stored" {
		t.Errorf("English: %+v", e.Changes)
	}
}

// Against the simulator, the preview of a create and of an update names
// the country, writes numbers plainly and tells the cut text's length.
func TestDiffInHumanValues(t *testing.T) {
	e := newEnv(t, tenantWith(sotest.SeedCompany{ID: 30, Name: "Fjordhuset AS", CountryID: 208}))
	long := strings.Repeat("Vi bygger huse. ", 14)[:212]
	ids := e.importLeads(t, `[{"id":"n1","companyName":"Fjordhuset AS","location":"Bergen, Norge","score":98,"fitReason":"x",
		"buyingSignals":"`+long+`","financials":{"revenueDkk":1250000}}]`)
	ctx := context.Background()
	for _, ch := range []Choice{{Create: true}, {ContactID: 30, Overwrite: []string{"Country"}}} {
		d, err := e.eng.Diff(ctx, ids["n1"], ch)
		if err != nil {
			t.Fatal(err)
		}
		p := HumanChanges(d, msg.Danish)
		by := map[string]Change{}
		for _, c := range p.Changes {
			by[c.Field] = c
		}
		if c := by["Country"]; c.Incoming != "Norge" {
			t.Errorf("%+v: country %+v", ch, c)
		}
		if c := by["RabitIQ:1"]; c.Incoming != "98" {
			t.Errorf("%+v: score %+v", ch, c)
		}
		if c := by["RabitIQ:16"]; c.Incoming != "1.250.000" {
			t.Errorf("%+v: revenue %+v", ch, c)
		}
		if c := by["RabitIQ:7"]; c.Action != ActionTruncate || c.Note != "212 tegn, 199 gemmes" {
			t.Errorf("%+v: buying signals %+v", ch, c)
		}
		if ch.Create && (p.Same == 0 && len(p.Changes) == 0) {
			t.Errorf("create preview empty")
		}
		if !ch.Create {
			if c := by["Country"]; c.Current != "Danmark" || !c.Overwritable {
				t.Errorf("update: country %+v", c)
			}
		}
	}
}
