package exportui

import (
	"context"
	"errors"
	"fmt"
	"github.com/rabitiq/superoffice-sync/core/msg"
	"net/http"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/match"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
	"github.com/rabitiq/superoffice-sync/ui/uitest"
)

// fakeService records the choices it was asked to sync.
type fakeService struct {
	mu       sync.Mutex
	cands    []match.Candidate
	matchErr error
	syncErrs []error
	choices  []export.Choice
}

func (f *fakeService) Match(context.Context, int64) ([]match.Candidate, error) {
	return f.cands, f.matchErr
}

func (f *fakeService) Sync(_ context.Context, _ int64, ch export.Choice) (*export.Result, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.choices = append(f.choices, ch)
	if len(f.syncErrs) > 0 {
		err := f.syncErrs[0]
		f.syncErrs = f.syncErrs[1:]
		if err != nil {
			return nil, err
		}
	}
	id := ch.ContactID
	if ch.Create {
		id = 777
	}
	return &export.Result{ContactID: id, Created: ch.Create, CompanyName: "Firma", Kept: []string{"Department"},
		CustomFields: export.CustomFieldResult{Written: []string{"RabitIQ:1"}, Skipped: []string{"RabitIQ:9"}}}, nil
}

func (f *fakeService) synced() []export.Choice {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]export.Choice{}, f.choices...)
}

var (
	certain  = match.Candidate{Company: match.Company{ContactID: 10, Name: "Alfa A/S", OrgNr: "29935181"}, Score: 0.99, OrgNrMatch: true, Reasons: []msg.Message{msg.New(match.ReasonCVRMatch)}}
	nameOnly = match.Candidate{Company: match.Company{ContactID: 11, Name: "Alfa ApS"}, Score: 0.9, Reasons: []msg.Message{msg.New(match.ReasonName, "pct", 100)}}
)

func start(t *testing.T, svc Service, lead store.LeadRow) (*Flow, chan *export.Result) {
	w := uitest.Setup(t)
	done := make(chan *export.Result, 1)
	f := Start(svc, w, lead, Opts{Done: func(r *export.Result) { done <- r }})
	<-f.Ready()
	return f, done
}

func TestPreselectsOnlyACVRMatch(t *testing.T) {
	f, _ := start(t, &fakeService{cands: []match.Candidate{certain, nameOnly}}, store.LeadRow{LocalID: 1, CompanyName: "Alfa"})
	if f.Selected != 0 || f.SyncChosen.Disabled() {
		t.Errorf("CVR match not preselected: selected %d", f.Selected)
	}
	g, _ := start(t, &fakeService{cands: []match.Candidate{nameOnly}}, store.LeadRow{LocalID: 1, CompanyName: "Alfa"})
	if g.Selected != -1 || !g.SyncChosen.Disabled() {
		t.Errorf("a name-only guess was preselected: %d", g.Selected)
	}
	linked := int64(11)
	h, _ := start(t, &fakeService{cands: []match.Candidate{certain, nameOnly}}, store.LeadRow{LocalID: 1, SOContactID: &linked})
	if h.Selected != 1 {
		t.Errorf("the company the lead is linked to was not preselected: %d", h.Selected)
	}
}

func TestSyncToSelectedAndCreateCallTheRightService(t *testing.T) {
	svc := &fakeService{cands: []match.Candidate{certain, nameOnly}}
	f, done := start(t, svc, store.LeadRow{LocalID: 1})
	test.Tap(f.Rows[1])
	test.Tap(f.SyncChosen)
	r := <-done
	if got := svc.synced(); len(got) != 1 || got[0].ContactID != 11 || got[0].Create || r.ContactID != 11 {
		t.Fatalf("Sync til valgte called %+v", got)
	}
	text := strings.Join(uitest.Texts(uitest.Top(f.win)), "\n")
	for _, want := range []string{"Synkroniseret", "(firma 11) blev opdateret i SuperOffice", "Intent Signaler (RabitIQ:9)", "Eksisterende værdier beholdt: Afdeling"} {
		if !strings.Contains(text, want) {
			t.Errorf("confirmation lacks %q:\n%s", want, text)
		}
	}
	svc2 := &fakeService{}
	g, done2 := start(t, svc2, store.LeadRow{LocalID: 2})
	if !g.SyncChosen.Disabled() || !strings.Contains(strings.Join(uitest.Texts(uitest.Top(g.win)), " "), "blev ikke fundet") {
		t.Errorf("no-match dialog wrong")
	}
	test.Tap(g.Create)
	if r := <-done2; !r.Created || !svc2.synced()[0].Create {
		t.Errorf("Opret & Sync called %+v", svc2.synced())
	}
}

// soError is what the engine returns when SuperOffice fails a create:
// catalogue steps around the REST client's error.
func soError(status int) error {
	er := &so.ErrorResponse{Response: &http.Response{StatusCode: status}, Method: "POST", Path: "v1/Contact", ErrorType: "SoException", ErrorMessage: `{"OrgNr": bad}`}
	return msg.Errorf(msg.Errorf(fmt.Errorf("attempt: %w", er), msg.ExportCreateCompany), msg.ExportSyncFailed, "name", "Alfa A/S")
}

func TestErrorShowsReasonAndRetry(t *testing.T) {
	svc := &fakeService{syncErrs: []error{soError(503)}}
	f, done := start(t, svc, store.LeadRow{LocalID: 1})
	test.Tap(f.Create)
	uitest.Eventually(t, "the error", func() bool { return uitest.Button(uitest.Top(f.win), "Prøv igen") != nil })
	top := uitest.Top(f.win)
	txt := strings.Join(uitest.Texts(top), " ")
	for _, want := range []string{`Synkronisering af "Alfa A/S"`, "opret firmaet i SuperOffice", "fejl 503"} {
		if !strings.Contains(txt, want) {
			t.Errorf("error dialog lacks %q: %s", want, txt)
		}
	}
	// The Go chain (paths, JSON field names) is for the log and report.
	for _, not := range []string{"superoffice:", "v1/Contact", "OrgNr", "SoException", "attempt"} {
		if strings.Contains(txt, not) {
			t.Errorf("error dialog shows %q: %s", not, txt)
		}
	}
	retry := uitest.Button(top, "Prøv igen")
	if retry == nil {
		t.Fatal("no Prøv igen button")
	}
	test.Tap(retry)
	if r := <-done; !r.Created || len(svc.synced()) != 2 {
		t.Errorf("retry did not sync again: %+v", svc.synced())
	}
	m, _ := start(t, &fakeService{matchErr: errors.New("ikke forbundet")}, store.LeadRow{LocalID: 1})
	if m.Last == nil || uitest.Button(uitest.Top(m.win), "Prøv igen") == nil {
		t.Error("a failed search shows no retry")
	}
}

func TestRevokedSignInOffersConnectAgain(t *testing.T) {
	w := uitest.Setup(t)
	svc := &fakeService{matchErr: fmt.Errorf("SuperOffice no longer accepts the sign-in: %w", auth.ErrNotConnected)}
	asked := 0
	f := Start(svc, w, store.LeadRow{LocalID: 1}, Opts{Reconnect: func() { asked++ }})
	<-f.Ready()
	top := uitest.Top(w)
	if txt := strings.Join(uitest.Texts(top), " "); !strings.Contains(txt, "SuperOffice er ikke forbundet") {
		t.Errorf("error text: %s", txt)
	}
	b := uitest.Button(top, "Forbind igen")
	if b == nil || uitest.Button(top, "Prøv igen") != nil {
		t.Fatal("no Forbind igen instead of Prøv igen")
	}
	test.Tap(b)
	if asked != 1 {
		t.Errorf("Forbind igen called reconnect %d times", asked)
	}
}

// "Kopiér fejlrapport" in the error dialog copies the report; a dialog
// without a report has no such button.
func TestErrorDialogCopiesReport(t *testing.T) {
	w := uitest.Setup(t)
	svc := &fakeService{matchErr: soError(500)}
	f := Start(svc, w, store.LeadRow{LocalID: 1}, Opts{Report: func() string { return "RAPPORT med fejl 500" }})
	<-f.Ready()
	b := uitest.Button(uitest.Top(w), "Kopiér fejlrapport")
	if b == nil {
		t.Fatalf("no Kopiér fejlrapport: %v", uitest.Texts(uitest.Top(w)))
	}
	test.Tap(b)
	if got := fyne.CurrentApp().Clipboard().Content(); got != "RAPPORT med fejl 500" {
		t.Errorf("clipboard = %q", got)
	}
	m, _ := start(t, &fakeService{matchErr: soError(500)}, store.LeadRow{LocalID: 1})
	if uitest.Button(uitest.Top(m.win), "Kopiér fejlrapport") != nil {
		t.Error("a copy button without a report")
	}
}

func TestPlainError(t *testing.T) {
	uitest.Setup(t)
	cases := []struct {
		err  error
		want string
	}{
		{soError(500), "Synkronisering af \"Alfa A/S\"\n– opret firmaet i SuperOffice\nSuperOffice havde et problem i sin ende (fejl 500). Prøv igen om lidt."},
		{soError(429), "SuperOffice har travlt (fejl 429)"},
		{soError(412), "SuperOffice afviste forespørgslen (fejl 412)."},
		{fmt.Errorf("x: %w", &so.AmbiguousError{Method: "POST", Path: "v1/Contact", Err: context.DeadlineExceeded}), "SuperOffice kunne ikke nås"},
		{errors.New("set RABITIQ_SO_API_URL"), "Der skete en uventet fejl."},
		{msg.Errorf(errors.New("sql: no rows"), msg.ExportCompanyGone), "Firmaet findes ikke længere i SuperOffice"},
	}
	for _, c := range cases {
		got := PlainError(c.err)
		if !strings.Contains(got, c.want) || strings.Contains(got, "RABITIQ_") || strings.Contains(got, "sql") {
			t.Errorf("PlainError(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}
