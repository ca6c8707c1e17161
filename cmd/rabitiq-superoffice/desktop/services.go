package desktop

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/importer"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/app/tenant"
	"github.com/rabitiq/superoffice-sync/core/fieldsetup"
	"github.com/rabitiq/superoffice-sync/core/match"
	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/errdialog"
	"github.com/rabitiq/superoffice-sync/ui/integrations"
	"github.com/rabitiq/superoffice-sync/ui/leads"
)

// Services implements every view's Service over the store and the
// tenant connection. Views get it through their own small interfaces, so
// each can be tested with a fake.
type Services struct {
	DB *store.DB
	// Tenant builds the client and export engine once and settles
	// interrupted creates first, as the CLI's commands do.
	Tenant *tenant.Service
	// Config returns the auth configuration for env and client id; demo
	// mode points it at the in-process simulator.
	Config func(env auth.Environment, clientID string) auth.Config
	// DefaultClientID prefills the Integrationer screen.
	DefaultClientID string
	Now             func() time.Time
}

// CountLeads implements leads.Service.
func (s *Services) CountLeads(ctx context.Context, q string) (int, error) {
	return s.DB.CountLeads(ctx, q)
}

// CountLeadsWithStatus implements leads.Service.
func (s *Services) CountLeadsWithStatus(ctx context.Context, q string, st store.Status) (int, error) {
	return s.DB.CountLeadsWithStatus(ctx, q, st)
}

// StatusCounts implements leads.Service.
func (s *Services) StatusCounts(ctx context.Context) (map[store.Status]int, error) {
	return s.DB.StatusCounts(ctx)
}

// ListLeads implements leads.Service.
func (s *Services) ListLeads(ctx context.Context, opt store.ListOptions) ([]store.LeadRow, error) {
	return s.DB.ListLeads(ctx, opt)
}

// ImportFiles implements leads.Service. A dropped folder imports the
// lead files in it.
func (s *Services) ImportFiles(ctx context.Context, paths []string, progress importer.Progress) []importer.FileReport {
	return importer.FilesWithProgress(ctx, s.DB, importer.Expand(paths), s.Now, progress)
}

// DeleteLeads implements leads.Service: from this computer only, nothing
// is sent to SuperOffice.
func (s *Services) DeleteLeads(ctx context.Context, ids []int64) error {
	_, err := s.DB.DeleteLeads(ctx, ids, s.Now())
	return err
}

// DeleteAllLocalData implements about.LocalData: the database is
// emptied, confirmed fields included, so the export engine reads the
// (now empty) confirmations again; the sign-in in the keyring stays.
func (s *Services) DeleteAllLocalData(ctx context.Context) error {
	if err := s.DB.DeleteAll(ctx); err != nil {
		return err
	}
	if s.Tenant != nil {
		s.Tenant.ForgetMeta()
	}
	return nil
}

// GetLead implements leads.DetailService.
func (s *Services) GetLead(ctx context.Context, id int64) (*store.LeadDetail, error) {
	return s.DB.GetLead(ctx, id)
}

// History implements leads.DetailService.
func (s *Services) History(ctx context.Context, f store.HistoryFilter) ([]store.HistoryEntry, error) {
	return s.DB.History(ctx, f)
}

// CompanyURL implements leads.DetailService: the company's page in the
// SuperOffice web client, next to the tenant's API.
func (s *Services) CompanyURL(id int64) *url.URL {
	c, err := s.Tenant.Mgr.Stored()
	if err != nil {
		return nil
	}
	return webClientURL(c.Tenant.APIURL, id)
}

// webClientURL is company id's card in the web client of the tenant whose
// REST API is at apiURL (…/Cust12345/api/): the web client's SoProtocol,
// default.aspx?contact.main?contact_id=N, as SuperOffice documents it for
// links into the client. nil when apiURL is not a URL.
func webClientURL(apiURL string, id int64) *url.URL {
	base := strings.TrimSuffix(strings.TrimSuffix(apiURL, "/"), "/api")
	u, err := url.Parse(base + "/default.aspx")
	if err != nil || u.Host == "" {
		return nil
	}
	u.RawQuery = "contact.main?contact_id=" + strconv.FormatInt(id, 10)
	return u
}

// Match implements exportui.Service.
func (s *Services) Match(ctx context.Context, id int64) ([]match.Candidate, error) {
	return s.Tenant.Match(ctx, id)
}

// Sync implements exportui.Service.
func (s *Services) Sync(ctx context.Context, id int64, ch export.Choice) (*export.Result, error) {
	return s.Tenant.Sync(ctx, id, ch)
}

// CheckFields implements fieldsui.Service.
func (s *Services) CheckFields(ctx context.Context) (fieldsetup.Report, error) {
	return s.Tenant.CheckFields(ctx)
}

// ConfirmField implements fieldsui.Service: "Brug dette felt".
func (s *Services) ConfirmField(ctx context.Context, progID, tenantKey string) error {
	return s.Tenant.ConfirmField(ctx, progID, tenantKey)
}

// UnconfirmField implements fieldsui.Service.
func (s *Services) UnconfirmField(ctx context.Context, progID string) error {
	return s.Tenant.UnconfirmField(ctx, progID)
}

// Status implements integrations.Service, from the stored sign-in and
// without a network call.
func (s *Services) Status(context.Context) integrations.Status {
	if cur := s.Tenant.Mgr.Current(); cur != nil {
		return integrations.Status{Connected: true, Tenant: cur.Tenant(), Environment: cur.Environment(), RunOnly: cur.RunOnly()}
	}
	c, err := s.Tenant.Mgr.Stored()
	if err != nil {
		st := integrations.Status{}
		if !errors.Is(err, auth.ErrNotConnected) {
			st.Problem = errdialog.Plain(err) // the chain is in the log and the report
		}
		return st
	}
	return integrations.Status{Connected: true, Tenant: c.Tenant, Environment: c.Environment}
}

// Connect implements integrations.Service.
func (s *Services) Connect(ctx context.Context, env auth.Environment, clientID string, showURL func(string)) (integrations.Status, error) {
	sess, err := s.Tenant.Connect(ctx, s.Config(env, clientID), showURL)
	if sess == nil {
		return integrations.Status{}, err
	}
	return integrations.Status{Connected: true, Tenant: sess.Tenant(), Environment: env, RunOnly: sess.RunOnly()}, err
}

// Disconnect implements integrations.Service.
func (s *Services) Disconnect() error { return s.Tenant.Disconnect() }

// ClientID implements integrations.Service.
func (s *Services) ClientID() string { return s.DefaultClientID }

// Diff implements exportui.Previewer.
func (s *Services) Diff(ctx context.Context, id int64, ch export.Choice) (*export.Diff, error) {
	return s.Tenant.Diff(ctx, id, ch)
}

// LeadsByStatus implements batchui.Service.
func (s *Services) LeadsByStatus(ctx context.Context, st ...store.Status) ([]int64, error) {
	return export.LeadsByStatus(ctx, s.DB, st...)
}

// Batch implements batchui.Service.
func (s *Services) Batch(ctx context.Context, ids []int64, opt export.BatchOptions, progress func(int, int, export.BatchItem)) export.BatchSummary {
	return s.Tenant.Batch(ctx, ids, opt, progress)
}

// fieldsReport is the Feltopsætning screen's service that also hands each
// successful check to report, so the lead list's guided start shows "N af
// 37 felter klar" on its "Tjek felter" step. report runs on the check's
// goroutine.
type fieldsReport struct {
	*Services
	report func(fieldsetup.Report)
}

// CheckFields implements fieldsui.Service.
func (f fieldsReport) CheckFields(ctx context.Context) (fieldsetup.Report, error) {
	r, err := f.Services.CheckFields(ctx)
	if err == nil && f.report != nil {
		f.report(r)
	}
	return r, err
}

// fieldsToStart is the Feltopsætning screen's service for the window: each
// check it makes also shows its count on list's "Tjek felter" step.
func fieldsToStart(svc *Services, list *leads.View) fieldsReport {
	return fieldsReport{svc, func(r fieldsetup.Report) {
		async.Do(func() { list.SetFieldsReady(r.Ready(), len(r.Results)) })
	}}
}

// prefPolicy remembers the preview's overwrite choices in Fyne preferences.
type prefPolicy struct{ prefs fyne.Preferences }

const prefOverwrite = "export.overwrite"

func (p prefPolicy) Overwrite() []string { return p.prefs.StringList(prefOverwrite) }

func (p prefPolicy) SetOverwrite(f []string) { p.prefs.SetStringList(prefOverwrite, f) }

// SearchCompanies implements exportui.Searcher.
func (s *Services) SearchCompanies(ctx context.Context, id int64, text string) ([]match.Candidate, error) {
	return s.Tenant.SearchCompanies(ctx, id, text)
}

// LeadCompany implements exportui.Comparer.
func (s *Services) LeadCompany(ctx context.Context, id int64) (match.Company, error) {
	return s.Tenant.LeadCompany(ctx, id)
}
