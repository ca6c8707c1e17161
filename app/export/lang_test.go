package export

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/msg"
	"github.com/rabitiq/superoffice-sync/core/superoffice/sotest"
)

// english makes the test speak English and puts Danish back after it.
func english(t *testing.T) {
	t.Helper()
	old := msg.Language()
	msg.SetLanguage(msg.English)
	t.Cleanup(func() { msg.SetLanguage(old) })
}

// A sync in English says its warnings in English, carries them as codes
// index for index, and the window can say the same codes in Danish.
func TestResultWarningsFollowTheLanguage(t *testing.T) {
	english(t)
	e := newEnv(t, &sotest.Seed{ContactFields: sotest.RabitIQFields()[:6]})
	id := e.importLeads(t, fullLead)["rq-1"]
	res, err := e.eng.Sync(context.Background(), id, Choice{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.WarningCodes) != len(res.Warnings) || len(res.Warnings) == 0 {
		t.Fatalf("%d warning codes for %d warnings", len(res.WarningCodes), len(res.Warnings))
	}
	for i, w := range res.WarningCodes {
		if w.Code == "" || w.Text(msg.English) != res.Warnings[i] {
			t.Errorf("warning %d: code %+v renders %q, warnings say %q", i, w, w.Text(msg.English), res.Warnings[i])
		}
	}
	all := strings.Join(res.Warnings, "\n")
	if !strings.Contains(all, "fields not created in SuperOffice are skipped") || strings.Contains(all, "springes over") {
		t.Errorf("English warnings:\n%s", all)
	}
	if da := strings.Join(res.OtherWarnings(msg.Danish), "\n"); strings.Contains(da, " skipped") || strings.Contains(da, " cut from") {
		t.Errorf("Danish warnings for the window speak English:\n%s", da)
	}
	b, err := json.Marshal(res)
	if err != nil || !strings.Contains(string(b), `"warningCodes":[{`) || !strings.Contains(string(b), `"code":"export.skip-missing"`) {
		t.Errorf("sync --json = %s, %v", b, err)
	}
}

// The engine's errors are said in the chosen language and still match
// errors.Is and errors.As.
func TestErrorsFollowTheLanguage(t *testing.T) {
	english(t)
	e := newEnv(t, tenantWith(sotest.SeedCompany{ID: 30, Name: "Kollegas Fjordlys", OrgNr: "38 11 27 59"}))
	id := e.importLeads(t, fullLead)["rq-1"]
	ctx := context.Background()
	_, err := e.eng.Sync(ctx, id, Choice{ContactID: 999})
	if !errors.Is(err, ErrCompanyGone) || !strings.Contains(err.Error(), "company 999: the company no longer exists in SuperOffice") {
		t.Errorf("sync to a deleted company = %v", err)
	}
	_, err = e.eng.Sync(ctx, id, Choice{Create: true})
	var ex *ExistsError
	if !errors.As(err, &ex) || !strings.Contains(err.Error(), `a company with the same CVR is already in SuperOffice: Kollegas Fjordlys (id 30)`) {
		t.Errorf("create with a CVR already in SuperOffice = %v", err)
	}
	if da := ex.Message().Text(msg.Danish); !strings.Contains(da, "der findes allerede et firma") {
		t.Errorf("Danish = %q", da)
	}
	if _, err := e.eng.Sync(ctx, id, Choice{}); err == nil || err.Error() != "choose a company or create a new one" {
		t.Errorf("sync without a choice = %v", err)
	}
	for _, l := range []msg.Lang{msg.Danish, msg.English} {
		if m, ok := msg.Of(ErrCompanyGone); !ok || m.Text(l) == "" {
			t.Errorf("ErrCompanyGone carries no message in %s", l)
		}
	}
}

// A failed or reviewed lead of a batch carries its reason's most specific
// code beside the text.
func TestBatchItemsCarryTheirErrorCode(t *testing.T) {
	wrapped := msg.Errorf(msg.Errorf(ErrCompanyGone, msg.ExportCompany, "id", 5), msg.ExportSyncFailed, "name", "X")
	for _, c := range []struct {
		err  error
		want string
	}{
		{wrapped, msg.ExportCompanyGone},
		{msg.Errorf(&ExistsError{ContactID: 3, Name: "Y"}, msg.ExportSyncFailed, "name", "Y"), msg.ExportExists},
		{msg.Errorf(errors.New("HTTP 500"), msg.ExportCreateCompany), msg.ExportCreateCompany},
		{errors.New("disk full"), ""},
	} {
		var it BatchItem
		it.setError(c.err)
		if it.ErrorCode != c.want || it.Error != c.err.Error() {
			t.Errorf("%v: item = %+v, want code %q", c.err, it, c.want)
		}
	}
	// A batch whose tenant metadata cannot be read fails each lead with
	// the code of that step.
	e := newEnv(t, nil)
	ids := e.importLeads(t, `[`+leadJSON("a", "Fejl Alfa ApS", "29935181", "alfa.dk", "")+`]`)
	e.sim.Faults().FailNextMatching("GET", "Country/Items", 50, http.StatusInternalServerError, 0)
	var items []BatchItem
	sum := e.eng.Batch(context.Background(), []int64{ids["a"]}, BatchOptions{CreateMissing: true, Concurrency: 1}, func(_, _ int, it BatchItem) {
		items = append(items, it)
	})
	if sum.Failed != 1 || len(items) != 1 || items[0].ErrorCode != msg.ExportReadCountries {
		t.Errorf("summary %+v, items %+v", sum, items)
	}
}
