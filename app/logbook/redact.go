package logbook

import (
	"regexp"
	"strings"
)

// The secrets a log line must never hold, recognised by their shape: the
// OAuth tokens, the authorization code and the PKCE verifier in a query,
// a form, a JSON body or an Authorization header, and JWTs anywhere.
// core/superoffice already removes the access token's exact value from
// SuperOffice's error texts (it knows the token); this rule catches the
// shapes no single component knows the value of.
var (
	bearerRE = regexp.MustCompile(`(?i)\b(bearer|basic)\s+[A-Za-z0-9\-._~+/]+=*`)
	queryRE  = regexp.MustCompile(`(?i)\b(access_token|refresh_token|id_token|code|code_verifier|client_secret|password|assertion)=[^&\s"',;]+`)
	jsonRE   = regexp.MustCompile(`(?i)"(access_?token|refresh_?token|id_?token|code|code_?verifier|client_?secret|password)"\s*:\s*"(?:[^"\\]|\\.)*"`)
	jwtRE    = regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*`)
)

// Redacted replaces a secret.
const Redacted = "[redacted]"

// Redact removes every secret of a known shape from s, and every exact
// value in secrets (the static token of RABITIQ_SO_ACCESS_TOKEN, say).
func Redact(s string, secrets ...string) string {
	for _, v := range secrets {
		if len(v) >= 6 {
			s = strings.ReplaceAll(s, v, Redacted)
		}
	}
	s = bearerRE.ReplaceAllString(s, "$1 "+Redacted)
	s = queryRE.ReplaceAllString(s, "$1="+Redacted)
	s = jsonRE.ReplaceAllString(s, `"$1":"`+Redacted+`"`)
	return jwtRE.ReplaceAllString(s, Redacted)
}
