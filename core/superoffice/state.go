package superoffice

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// TenantStateName is a tenant's life-cycle state. The State API sends the
// name ("Running"); a numeric value is mapped to its documented name.
type TenantStateName string

// The documented tenant states; the API answers only in Running and
// OnlineMaintenance.
const (
	StateUnknown            TenantStateName = "Unknown"
	StateProvisioning       TenantStateName = "Provisioning"
	StateRunning            TenantStateName = "Running"
	StateDeleted            TenantStateName = "Deleted"
	StateSuspended          TenantStateName = "Suspended"
	StateOnlineMaintenance  TenantStateName = "OnlineMaintenance"
	StateOfflineMaintenance TenantStateName = "OfflineMaintenance"
	StateProvisioningFailed TenantStateName = "ProvisioningFailed"
	StateDeleting           TenantStateName = "Deleting"
	StateDeleteFailed       TenantStateName = "DeleteFailed"
	StateMigrationPending   TenantStateName = "MigrationPending"
)

// UnmarshalJSON accepts the state as a name or as its documented number.
func (s *TenantStateName) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err == nil {
		*s = TenantStateName(name)
		return nil
	}
	var n int
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("superoffice: tenant state %s is neither a name nor a number", clip(string(b), 40))
	}
	names := map[int]TenantStateName{0: StateUnknown, 1: StateProvisioning, 2: StateRunning, 3: StateDeleted,
		4: StateSuspended, 5: StateOnlineMaintenance, 6: StateOfflineMaintenance, 8: StateProvisioningFailed,
		10: StateDeleting, 11: StateDeleteFailed, 12: StateMigrationPending}
	if v, ok := names[n]; ok {
		*s = v
	} else {
		*s = TenantStateName(strconv.Itoa(n))
	}
	return nil
}

// TenantStatus is the State API's answer for one tenant, e.g.
//
//	{"ContextIdentifier":"Cust12345","Endpoint":"https://online2.superoffice.com/Cust12345",
//	 "State":"Running","IsRunning":true,"ValidUntil":"2026-02-23T09:52:01.93Z",
//	 "Api":"https://online2.superoffice.com/Cust12345/api","Version":"Release_11.10_..."}
type TenantStatus struct {
	ContextIdentifier string          `json:"ContextIdentifier"`
	Endpoint          string          `json:"Endpoint"`
	State             TenantStateName `json:"State"`
	IsRunning         bool            `json:"IsRunning"`
	ValidUntil        string          `json:"ValidUntil,omitempty"`
	Api               string          `json:"Api"`
	Version           string          `json:"Version,omitempty"`
}

// APIBase is Api with the trailing slash the client needs.
func (t *TenantStatus) APIBase() string {
	if t.Api == "" || strings.HasSuffix(t.Api, "/") {
		return t.Api
	}
	return t.Api + "/"
}

// Available reports whether the tenant's API answers in this state.
func (t *TenantStatus) Available() bool {
	return t.IsRunning || t.State == StateRunning || t.State == StateOnlineMaintenance
}

// StateURL is the State API address for tenant ctxID in environment env
// ("sod", "qaonline" or "online"): https://{env}.superoffice.com/api/state/{ctx}.
func StateURL(env, ctxID string) (string, error) {
	for _, r := range env {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return "", fmt.Errorf("superoffice: bad environment %q", env)
		}
	}
	if env == "" || ctxID == "" {
		return "", fmt.Errorf("superoffice: environment and tenant are required")
	}
	return "https://" + env + ".superoffice.com/api/state/" + url.PathEscape(ctxID), nil
}

// TenantState asks the State API where a tenant lives and whether it is
// running (GET https://{env}.superoffice.com/api/state/{ctx}). It needs no
// token. hc may be nil for a default client with a 30 s timeout.
func TenantState(ctx context.Context, hc *http.Client, stateURL string) (*TenantStatus, error) {
	if hc == nil {
		hc = &http.Client{Timeout: DefaultTimeout}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, stateURL, nil)
	if err != nil {
		return nil, fmt.Errorf("superoffice: tenant state: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", DefaultUserAgent)
	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("superoffice: tenant state: %w", err)
	}
	defer resp.Body.Close()
	if err := checkResponse(resp, time.Now()); err != nil {
		return nil, err
	}
	var st TenantStatus
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxErrorBody)).Decode(&st); err != nil {
		return nil, fmt.Errorf("superoffice: tenant state: decode: %w", err)
	}
	return &st, nil
}

// StateResolver returns a WithResolver function that looks the tenant up
// in the State API after a 421 and answers its current API base, or an
// error when the tenant is not available (suspended, in offline
// maintenance, deleted...).
func StateResolver(hc *http.Client, stateURL string) func(ctx context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		st, err := TenantState(ctx, hc, stateURL)
		if err != nil {
			return "", err
		}
		if !st.Available() {
			return "", fmt.Errorf("superoffice: tenant %s is %s", st.ContextIdentifier, st.State)
		}
		if st.Api == "" {
			return "", fmt.Errorf("superoffice: tenant %s: state has no Api address", st.ContextIdentifier)
		}
		return st.APIBase(), nil
	}
}
