package match

import (
	"strings"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// maxDomainText bounds the text read as a website; a URL's host comes first.
const maxDomainText = 2048

// Domain extracts the host a company's website or e-mail address names, in
// one canonical form so that equal sites compare equal: scheme, user,
// "www.", port, path, query and trailing dot are dropped and the name is
// lower-cased. "https://WWW.Jensen.dk:443/kontakt?x=1", "jensen.dk/" and
// "info@jensen.dk" all give "jensen.dk".
//
// International names are kept readable in Unicode, whichever form came
// in: "xn--sbyg-gra.dk" and "SØBYG.dk" both give "søbyg.dk" (IDNA 2008
// lookup mapping, so full-width letters and dots are unified too).
//
// It returns "" for text that is no usable host name: no dot, an IP
// address, a bare public suffix ("co.uk"), invalid characters. Domain is
// idempotent: Domain(Domain(s)) == Domain(s).
func Domain(s string) string {
	ascii := domainASCII(s)
	if ascii == "" {
		return ""
	}
	u, err := idna.Lookup.ToUnicode(ascii)
	if err != nil {
		return ""
	}
	return u
}

// domainASCII is Domain in its punycode (ASCII) form, the form the public
// suffix list and comparisons use.
func domainASCII(s string) string {
	if len(s) > maxDomainText {
		s = s[:maxDomainText]
	}
	s = strings.ToValidUTF8(s, "")
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " \t\r\n,;"); i >= 0 {
		s = s[:i] // "jensen.dk, jensen.com": the first one
	}
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	} else if len(s) >= 7 && strings.EqualFold(s[:7], "mailto:") {
		s = s[7:]
	}
	s = strings.TrimPrefix(s, "//")
	if i := strings.IndexAny(s, "/?#\\"); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		s = s[i+1:] // user info in a URL, or an e-mail address
	}
	if strings.HasPrefix(s, "[") {
		return "" // IPv6 literal
	}
	if i := strings.IndexByte(s, ':'); i >= 0 {
		s = s[:i]
	}
	ascii, err := idna.Lookup.ToASCII(s)
	if err != nil {
		return ""
	}
	ascii = strings.TrimSuffix(strings.ToLower(ascii), ".")
	dot := strings.LastIndexByte(ascii, '.')
	if dot < 0 || allDigits(ascii[dot+1:]) {
		return "" // no TLD, or an IPv4 address
	}
	if ascii[0] == '.' || ascii[len(ascii)-1] == '.' || strings.Contains(ascii, "..") {
		return "" // an empty label
	}
	if rest, ok := strings.CutPrefix(ascii, "www."); ok && !isPublicSuffix(rest) {
		ascii = rest
	}
	if isPublicSuffix(ascii) {
		return ""
	}
	return ascii
}

// allDigits reports a non-empty ASCII digit string.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isPublicSuffix reports a name under which anyone registers ("dk",
// "co.uk", "blogspot.com"): it names no company.
func isPublicSuffix(ascii string) bool {
	ps, _ := publicsuffix.PublicSuffix(ascii)
	return ps == ascii
}

// registrable is the registered domain of a host (eTLD+1): "shop.jensen.dk"
// → "jensen.dk". A company's subdomains are the company's.
func registrable(ascii string) string {
	r, err := publicsuffix.EffectiveTLDPlusOne(ascii)
	if err != nil {
		return ascii
	}
	return r
}

// mailboxDomains are free mail, social and example domains: countless
// unrelated companies list them as website or e-mail, so sharing one proves
// nothing. Subdomains count too ("dk.linkedin.com").
var mailboxDomains = map[string]bool{
	"gmail.com": true, "googlemail.com": true, "google.com": true,
	"hotmail.com": true, "hotmail.dk": true, "hotmail.no": true, "hotmail.se": true,
	"hotmail.co.uk": true, "outlook.com": true, "outlook.dk": true,
	"live.com": true, "live.dk": true, "live.no": true, "live.se": true, "msn.com": true,
	"yahoo.com": true, "yahoo.dk": true, "yahoo.no": true, "yahoo.se": true, "ymail.com": true,
	"icloud.com": true, "me.com": true, "mac.com": true, "aol.com": true,
	"gmx.com": true, "gmx.net": true, "gmx.de": true, "web.de": true,
	"protonmail.com": true, "proton.me": true, "mail.com": true,
	"mail.dk": true, "jubii.dk": true, "ofir.dk": true, "sol.dk": true,
	"get2net.dk": true, "tele.dk": true, "stofanet.dk": true, "youmail.dk": true,
	"online.no": true, "telia.com": true, "bredband.net": true,
	"example.com": true, "example.dk": true, "example.org": true, "example.net": true,
	"facebook.com": true, "fb.com": true, "instagram.com": true, "linkedin.com": true,
	"twitter.com": true, "x.com": true, "youtube.com": true, "tiktok.com": true,
	"proff.dk": true, "proff.no": true, "proff.se": true, "virk.dk": true,
	"cvrapi.dk": true, "krak.dk": true, "degulesider.dk": true, "brreg.no": true,
}

// platformDomains host many companies' sites as subdomains, and the public
// suffix list does not separate them all: "jensen.squarespace.com" is
// Jensen's, "squarespace.com" and its other subdomains are not.
var platformDomains = map[string]bool{
	"wixsite.com": true, "squarespace.com": true, "business.site": true,
	"webnode.dk": true, "webnode.com": true, "wordpress.com": true,
	"blogspot.com": true, "github.io": true, "myshopify.com": true,
	"simplesite.com": true, "one.com": true, "weebly.com": true,
	"jimdo.com": true, "jimdofree.com": true, "jimdosite.com": true,
	"netlify.app": true, "vercel.app": true, "site123.me": true,
}

// isGenericDomain reports a domain that must not be used to match or to
// search: free mail ("gmail.com", "live.dk"), social networks, directory
// and example domains, and bare site-builder platforms. It accepts any
// text Domain accepts; "" and non-domains are generic too.
func isGenericDomain(s string) bool {
	return genericASCII(domainASCII(s))
}

// genericASCII is isGenericDomain on a domainASCII result.
func genericASCII(ascii string) bool {
	if ascii == "" || platformDomains[ascii] {
		return true
	}
	return mailboxDomains[ascii] || mailboxDomains[registrable(ascii)]
}

// sameSite reports two non-generic domainASCII results as the same
// company's site: equal, or sharing a registered domain that is not a
// hosting platform ("shop.jensen.dk" and "jensen.dk").
func sameSite(a, b string) bool {
	if genericASCII(a) || genericASCII(b) {
		return false
	}
	if a == b {
		return true
	}
	ra, rb := registrable(a), registrable(b)
	return ra == rb && !platformDomains[ra]
}
