// Package export is the heart of the product: it finds a lead's company in
// the connected SuperOffice tenant and writes the lead, its 37 custom
// fields and its people there exactly once. A create is guarded by an
// intent row written before the POST, so a timeout, a crash or a retry
// never leaves a second company behind.
package export

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/fieldsetup"
	"github.com/rabitiq/superoffice-sync/core/mapping"
	"github.com/rabitiq/superoffice-sync/core/msg"
	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// Tenant identifies the tenant and the user the engine writes as.
type Tenant struct {
	Ctx  string // e.g. Cust12345; history and intents are kept per tenant
	User string
}

// Engine matches and syncs leads against one tenant.
type Engine struct {
	db     *store.DB
	client *superoffice.Client
	tenant Tenant
	now    func() time.Time

	mu    sync.Mutex
	meta  *Meta
	lists listCache // the tenant's Category and Business lists (newcompany.go)
}

// New returns an engine for one tenant. now may be nil.
func New(db *store.DB, client *superoffice.Client, tenant Tenant, now func() time.Time) *Engine {
	if now == nil {
		now = time.Now
	}
	return &Engine{db: db, client: client, tenant: tenant, now: now}
}

// Meta is what the engine knows about the tenant: the field check and the
// mapping's inputs. It is fetched once per engine and reused, because the
// tenant's configuration changes rarely and every lead needs it.
type Meta struct {
	Fields fieldsetup.Report
	Info   mapping.TenantInfo
}

// Meta returns the tenant metadata, fetching it on first use.
func (e *Engine) Meta(ctx context.Context) (*Meta, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.meta != nil {
		return e.meta, nil
	}
	// Only exact Prog ID matches and the admin's confirmed fields reach
	// the key map: a field found by label alone may be someone else's.
	conf, err := e.db.FieldConfirmations(ctx, e.tenant.Ctx)
	if err != nil {
		return nil, err
	}
	// The reads are independent: sent together they cost one round trip
	// (and under a 429 burst one Retry-After wait), not one each, before
	// the first lead of a batch can go.
	var (
		rep                  fieldsetup.Report
		countries            []superoffice.CountryItem
		def                  *superoffice.ContactEntity
		repErr, cErr, defErr error
		wg                   sync.WaitGroup
	)
	wg.Add(3)
	go func() { defer wg.Done(); rep, repErr = fieldsetup.FetchConfirmed(ctx, e.client, conf) }()
	go func() { defer wg.Done(); countries, _, cErr = e.client.Lists.Countries(ctx) }()
	go func() { defer wg.Done(); def, _, defErr = e.client.Contacts.Default(ctx) }()
	wg.Wait()
	if repErr != nil {
		return nil, msg.Errorf(repErr, msg.ExportReadFields)
	}
	if cErr != nil {
		return nil, msg.Errorf(cErr, msg.ExportReadCountries)
	}
	info := mapping.TenantInfo{FieldKeys: rep.KeyMap(), FieldTypes: rep.Types(), FieldLengths: rep.Lengths(), Lengths: map[string]int{}}
	for _, c := range countries {
		info.Countries = append(info.Countries, superoffice.Country{CountryId: c.CountryId, Name: c.Name, EnglishName: c.EnglishName,
			TwoLetterISOCountry: c.TwoLetterISOCountry, ThreeLetterISOCountry: c.ThreeLetterISOCountry})
	}
	// The default entity's FieldProperties carry the tenant's real limits;
	// without them the documented ones apply.
	if defErr == nil {
		for name, fp := range def.FieldProperties {
			if fp.FieldLength > 0 {
				info.Lengths[name] = fp.FieldLength
			}
		}
	}
	e.meta = &Meta{Fields: rep, Info: info}
	return e.meta, nil
}

// ForgetMeta drops the cached metadata, e.g. after the admin created
// fields ("Tjek igen") or when a write was refused for an unknown field.
func (e *Engine) ForgetMeta() {
	e.mu.Lock()
	e.meta = nil
	e.mu.Unlock()
	e.lists.forget()
}

// Plan maps a stored lead with the tenant's metadata: what a sync would
// send, without sending it.
func (e *Engine) Plan(ctx context.Context, localID int64) (*store.LeadDetail, mapping.Plan, error) {
	det, err := e.db.GetLead(ctx, localID)
	if err != nil {
		return nil, mapping.Plan{}, err
	}
	meta, err := e.Meta(ctx)
	if err != nil {
		return nil, mapping.Plan{}, err
	}
	plan, _ := mapping.Map(&det.Lead, meta.Info)
	plan.Warnings = append(plan.Warnings, unconfirmed(plan.Skipped, meta.Fields)...)
	return det, plan, nil
}

// unconfirmed explains each skipped field that the tenant has a suggested
// field for: it is not missing, it waits for the admin's confirmation.
func unconfirmed(skipped []string, rep fieldsetup.Report) []mapping.Warning {
	var out []mapping.Warning
	for _, id := range skipped {
		if r, ok := rep.Result(id); ok && r.Status == fieldsetup.Suggested {
			out = append(out, mapping.Warning{Field: id, Msg: msg.New(msg.ExportFieldUnconfirmed, "key", r.TenantKey)})
		}
	}
	return out
}

// ErrCompanyGone means the chosen company no longer exists in SuperOffice
// (deleted or merged since the match).
var ErrCompanyGone error = msg.Errorf(nil, msg.ExportCompanyGone)

// ExistsError means "Opret & Sync" was chosen but a company with the same
// valid org number is already in the tenant, e.g. created by a colleague
// since the match: syncing to it is the right choice, not a second company.
type ExistsError struct {
	ContactID int
	Name      string
}

func (e *ExistsError) Error() string {
	return e.Message().String()
}

// Message is the error as a code, for the window's and the CLI's language.
func (e *ExistsError) Message() msg.Message {
	return msg.New(msg.ExportExists, "name", e.Name, "id", e.ContactID)
}

// SignInRefused reports whether err means SuperOffice refused the sign-in
// itself: a 401 after the client already tried a fresh token (or had none
// to try, as with a static token), or a refresh token it no longer
// accepts. Every further request would be refused the same way, so a
// batch stops and the user is told to connect again.
func SignInRefused(err error) bool {
	var ae *superoffice.AuthError
	if errors.As(err, &ae) && ae.StatusCode() == http.StatusUnauthorized {
		return true
	}
	return errors.Is(err, auth.ErrNotConnected)
}

// recordFailure saves a failed attempt on the lead and in the history, so
// that `sync --all --status failed` finds the lead again. A refused
// sign-in is the connection's failure, not the lead's: the lead keeps its
// status (a company already created stays linked to it all the same).
func (e *Engine) recordFailure(ctx context.Context, localID int64, err error) {
	if SignInRefused(err) {
		return
	}
	ctx, at := context.WithoutCancel(ctx), e.now()
	_ = e.db.MarkFailed(ctx, localID, reason(err), at)
	_, _ = e.db.AddHistory(ctx, store.HistoryEntry{LeadID: localID, At: at, Tenant: e.tenant.Ctx, User: e.tenant.User, Action: "failed", Error: reason(err)})
}

// reasonCode is the most specific catalogue code in err's chain: "sync
// X: company 5: the company no longer exists" gives export.company-gone.
// Empty when no part of the chain carries a message.
func reasonCode(err error) string {
	code := ""
	for e := err; e != nil; e = errors.Unwrap(e) {
		switch x := e.(type) {
		case *msg.Error:
			code = x.Code
		case *ExistsError:
			code = x.Message().Code
		}
	}
	return code
}

// reason turns an error into the one line stored on a failed lead and shown
// to the user.
func reason(err error) string {
	s := err.Error()
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) > 1000 {
		s = s[:1000] + "…"
	}
	return s
}
