// Package auth connects the app to one SuperOffice CRM Online tenant with
// OAuth 2.0 authorization code + PKCE over a loopback redirect (RFC 8252),
// verifies the id_token, keeps the refresh token in the OS keyring and
// hands out an oauth2.TokenSource that refreshes on its own.
package auth

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/rabitiq/superoffice-sync/app/buildinfo"
)

// Environment is a SuperOffice Online environment.
type Environment string

// The SuperOffice Online environments. Stage signs in on qaonline, the
// host SuperOffice's docs give for Stage.
const (
	EnvSOD    Environment = "sod"
	EnvStage  Environment = "stage"
	EnvOnline Environment = "online"
)

// ParseEnvironment reads an --env value; empty means online.
func ParseEnvironment(s string) (Environment, error) {
	switch Environment(strings.ToLower(strings.TrimSpace(s))) {
	case "", EnvOnline:
		return EnvOnline, nil
	case EnvSOD:
		return EnvSOD, nil
	case EnvStage:
		return EnvStage, nil
	}
	return "", fmt.Errorf("unknown environment %q (use sod, stage or online)", s)
}

func (e Environment) host() string {
	if e == EnvStage {
		return "qaonline.superoffice.com"
	}
	return string(e) + ".superoffice.com"
}

// Authority is the environment's OIDC authority, e.g. https://online.superoffice.com/login.
func (e Environment) Authority() string { return "https://" + e.host() + "/login" }

// Config says which app signs in where.
type Config struct {
	Environment Environment
	// Authority overrides the environment's (RABITIQ_SO_AUTHORITY): the
	// simulator and tests. Plain http is accepted only on loopback.
	Authority    string
	ClientID     string
	ClientSecret string // optional: native apps rely on PKCE
	// RedirectPath is appended to http://127.0.0.1:<port> for tenants whose
	// app registration has a path; empty matches SuperOffice's native-app
	// pattern ^http://127\.0\.0\.1:\d{4,10}$.
	RedirectPath string
}

// ErrNoClientID means there is no SuperOffice client id to sign in with:
// the build was made without SO_CLIENT_ID and none was set or typed. The
// CLI and the window turn it into "this build is not registered with
// SuperOffice".
var ErrNoClientID = errors.New("this build is not registered with SuperOffice (no client id): set RABITIQ_SO_CLIENT_ID")

// ConfigFromEnv builds a Config from RABITIQ_SO_* variables over the
// build's defaults: the client id stamped into a release build
// (buildinfo.SOClientID), which RABITIQ_SO_CLIENT_ID overrides, so a
// developer or a test can point one binary at another app registration.
func ConfigFromEnv(getenv func(string) string, env Environment) Config {
	c := Config{Environment: env, ClientID: buildinfo.SOClientID}
	if v := getenv("RABITIQ_SO_AUTHORITY"); v != "" {
		c.Authority = v
	}
	if v := getenv("RABITIQ_SO_CLIENT_ID"); v != "" {
		c.ClientID = v
	}
	if v := getenv("RABITIQ_SO_CLIENT_SECRET"); v != "" {
		c.ClientSecret = v
	}
	return c
}

// authority returns the authority URL to use, validated.
func (c Config) authority() (*url.URL, error) {
	a := c.Authority
	if a == "" {
		env := c.Environment
		if env == "" {
			env = EnvOnline
		}
		a = env.Authority()
	}
	return CheckSecureURL("SuperOffice authority", strings.TrimRight(a, "/"))
}

// CheckSecureURL is the one rule for every URL the app sends a token or a
// sign-in to: https, or plain http only on this machine (127.0.0.0/8, ::1,
// localhost), where nothing crosses a network. what names the setting in
// the error.
func CheckSecureURL(what, raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("invalid %s %q", what, raw)
	}
	switch {
	case u.Scheme == "https":
	case u.Scheme == "http" && isLoopbackHost(u.Hostname()):
	default:
		u.User = nil
		return nil, fmt.Errorf("%s %q must use https (plain http only on 127.0.0.1, ::1 or localhost, so no token crosses a network in clear)", what, u.Redacted())
	}
	return u, nil
}

// issuer is the host root of the authority: SuperOffice's id_tokens carry
// iss = https://{env}.superoffice.com, not the /login authority.
func issuerFor(authority *url.URL) string {
	return authority.Scheme + "://" + authority.Host
}

func (c Config) validate() error {
	if strings.TrimSpace(c.ClientID) == "" {
		return ErrNoClientID
	}
	_, err := c.authority()
	return err
}

func isLoopbackHost(h string) bool {
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}
