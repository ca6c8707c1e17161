package sotest

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	jose "github.com/go-jose/go-jose/v4"
)

// Claim names: every SuperOffice claim carries this prefix (API.md §1.6).
const claimPrefix = "http://schemes.superoffice.net/identity/"

// Claim names of the SuperOffice id_token.
const (
	ClaimCtx          = claimPrefix + "ctx"
	ClaimWebAPIURL    = claimPrefix + "webapi_url"
	ClaimNetServerURL = claimPrefix + "netserver_url"
	ClaimCompanyName  = claimPrefix + "company_name"
	ClaimEmail        = claimPrefix + "email"
	ClaimUPN          = claimPrefix + "upn"
	ClaimAssociateID  = claimPrefix + "associateid"
	ClaimIsAdmin      = claimPrefix + "is_administrator"
	ClaimSerial       = claimPrefix + "serial"
	ClaimInitials     = claimPrefix + "initials"
	ClaimPrimaryEmail = claimPrefix + "so_primary_email_address"
	ClaimIdentityProv = claimPrefix + "identityprovider"
)

// idTokenLifetime follows the documented example (exp = iat + 300).
const idTokenLifetime = 300 * time.Second

// principalAssociateID is the signed-in user's associate id.
const principalAssociateID = 5

// signingKeys is the RSA key, its self-signed certificate and thumbprint.
type signingKeys struct {
	key  *rsa.PrivateKey
	cert *x509.Certificate
	x5t  string // base64url SHA-1 of the certificate (also used as kid)
}

var (
	keysOnce sync.Once
	keysVal  *signingKeys
	keysErr  error
)

// sharedKeys generates one key per process; every simulated tenant in the
// process signs with it unless Config.SigningKey is set (2048-bit key
// generation can take seconds on a slow machine, and tests start many).
func sharedKeys() (*signingKeys, error) {
	keysOnce.Do(func() {
		key, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			keysErr = err
			return
		}
		keysVal, keysErr = newSigningKeys(key)
	})
	return keysVal, keysErr
}

// newSigningKeys wraps key in a self-signed certificate for x5c/x5t.
func newSigningKeys(key *rsa.PrivateKey) (*signingKeys, error) {
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "SuperOffice simulator id_token signing"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().AddDate(10, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	sum := sha1.Sum(der)
	return &signingKeys{key: key, cert: cert, x5t: base64.RawURLEncoding.EncodeToString(sum[:])}, nil
}

// handleLogin routes /login/...
func (s *Server) handleLogin(rc *reqCtx, segs []string) {
	if s.applyRule(rc, false) {
		return
	}
	switch {
	case len(segs) == 2 && segs[0] == ".well-known" && segs[1] == "openid-configuration":
		s.handleDiscovery(rc)
	case len(segs) == 2 && segs[0] == ".well-known" && segs[1] == "jwks":
		s.handleJWKS(rc)
	case len(segs) == 3 && segs[1] == "oauth" && s.tenantSeg(segs[0]):
		switch segs[2] {
		case "authorize":
			s.handleAuthorize(rc)
		case "tokens":
			s.handleToken(rc)
		case "revoke":
			s.handleRevoke(rc)
		default:
			rc.violate(KindOAuth, "", "no such login endpoint: "+rc.r.URL.Path)
			http.NotFound(rc.w, rc.r)
		}
	case len(segs) == 1 && segs[0] == "logout":
		target := rc.r.URL.Query().Get("redirect_uri")
		if target == "" || !s.redirectRE.MatchString(target) {
			rc.w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = rc.w.Write([]byte("<!doctype html><title>SuperOffice</title><p>Du er logget ud.</p>"))
			return
		}
		http.Redirect(rc.w, rc.r, target, http.StatusFound)
	default:
		rc.violate(KindOAuth, "", "no such login endpoint: "+rc.r.URL.Path)
		http.NotFound(rc.w, rc.r)
	}
}

// tenantSeg accepts "common" or this tenant's ctx (a pre-selected tenant,
// API.md §1.2).
func (s *Server) tenantSeg(seg string) bool {
	return seg == "common" || strings.EqualFold(seg, s.cfg.Ctx)
}

// handleDiscovery serves the discovery document. Its issuer is the host
// root, NOT the /login authority it is served under (the real quirk).
func (s *Server) handleDiscovery(rc *reqCtx) {
	base := s.base(rc.r)
	writeJSON(rc.w, http.StatusOK, map[string]any{
		"issuer":                                base,
		"authorization_endpoint":                base + "/login/common/oauth/authorize",
		"token_endpoint":                        base + "/login/common/oauth/tokens",
		"jwks_uri":                              base + "/login/.well-known/jwks",
		"end_session_endpoint":                  base + "/login/logout",
		"revocation_endpoint":                   base + "/login/common/oauth/revoke",
		"scopes_supported":                      []string{"openid"},
		"response_modes_supported":              []string{"form_post", "fragment", "query"},
		"response_types_supported":              []string{"code", "id_token", "code id_token", "token id_token", "token"},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"token_endpoint_auth_methods_supported": []string{"client_secret_post", "client_secret_basic"},
		"grant_types_supported":                 []string{"implicit", "authorization_code", "refresh_token"},
	})
}

// handleJWKS serves the signing key with its certificate (x5c, x5t).
func (s *Server) handleJWKS(rc *reqCtx) {
	k := s.auth.keys
	sum := sha1.Sum(k.cert.Raw)
	jwk := jose.JSONWebKey{
		Key: &k.key.PublicKey, KeyID: k.x5t, Algorithm: string(jose.RS256), Use: "sig",
		Certificates: []*x509.Certificate{k.cert}, CertificateThumbprintSHA1: sum[:],
	}
	writeJSON(rc.w, http.StatusOK, jose.JSONWebKeySet{Keys: []jose.JSONWebKey{jwk}})
}

// idToken signs an RS256 id_token with the SuperOffice claims. iat is a
// JSON string, exp and nbf are numbers, as in the documented example.
func (s *Server) idToken(base, aud, nonce string) (string, error) {
	now := time.Now()
	claims := map[string]any{
		"sub":             s.cfg.UserEmail,
		ClaimAssociateID:  strconv.Itoa(principalAssociateID),
		ClaimIdentityProv: "central-superid",
		ClaimEmail:        s.cfg.UserEmail,
		ClaimUPN:          s.cfg.UserEmail,
		ClaimIsAdmin:      "True",
		ClaimCtx:          s.cfg.Ctx,
		ClaimCompanyName:  s.cfg.CompanyName,
		ClaimSerial:       "1801550193",
		ClaimNetServerURL: s.apiRoot(base) + "/" + s.cfg.Ctx + "/Remote/Services86/",
		ClaimWebAPIURL:    s.apiRoot(base) + "/" + s.cfg.Ctx + "/api/",
		ClaimInitials:     initials(s.cfg.UserName),
		ClaimPrimaryEmail: s.cfg.UserEmail,
		"iat":             strconv.FormatInt(now.Unix(), 10),
		"nbf":             now.Add(-time.Minute).Unix(),
		"exp":             now.Add(idTokenLifetime).Unix(),
		"iss":             base,
		"aud":             aud,
	}
	if nonce != "" {
		claims["nonce"] = nonce
	}
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	opts := (&jose.SignerOptions{}).WithType("JWT").WithHeader("x5t", s.auth.keys.x5t)
	if !s.cfg.OmitKid {
		opts = opts.WithHeader(jose.HeaderKey("kid"), s.auth.keys.x5t)
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: s.auth.keys.key}, opts)
	if err != nil {
		return "", err
	}
	jws, err := signer.Sign(payload)
	if err != nil {
		return "", err
	}
	return jws.CompactSerialize()
}

// initials returns "DB" for "Demo Bruger".
func initials(name string) string {
	var b strings.Builder
	for _, f := range strings.Fields(name) {
		r := []rune(f)
		b.WriteString(strings.ToUpper(string(r[0])))
	}
	return b.String()
}
