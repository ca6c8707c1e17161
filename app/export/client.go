package export

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"

	"github.com/rabitiq/superoffice-sync/app/buildinfo"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// NewClient builds the SuperOffice client for a connected tenant. resolve,
// when not nil, finds the tenant's API again after a 421 (it moved host).
// hc may be nil. All requests of the client back off together on 429/503.
func NewClient(apiURL string, src oauth2.TokenSource, resolve func(context.Context) (string, error), hc *http.Client) (*so.Client, error) {
	opts := []so.Option{so.WithTokenSource(src), so.WithUserAgent(buildinfo.UserAgent())}
	if resolve != nil {
		opts = append(opts, so.WithResolver(resolve))
	}
	base := &http.Client{Timeout: 0}
	if hc != nil {
		c := *hc
		base = &c
	}
	base.Transport = SharedBackoff(base.Transport)
	opts = append(opts, so.WithHTTPClient(base))
	return so.NewClient(apiURL, opts...)
}
