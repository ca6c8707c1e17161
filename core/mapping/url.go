package mapping

import (
	"strings"
	"unicode"
)

// normalizeURL turns a website as AI exports write it ("www.acme.dk",
// "HTTP://Acme.dk/", "acme.dk/om-os") into "https://…" with a lower-case
// host and no lone trailing slash. An http:// address is upgraded to
// https://, as the issue asks: SuperOffice opens the link as written, and
// practically every company site serves https. Only the first of several
// addresses is kept. It returns "" when s does not look like a web address
// ("N/A", an e-mail address, another scheme), so junk never becomes a link.
func normalizeURL(s string) string {
	s = oneLine(s)
	if i := strings.IndexAny(s, " ,;"); i >= 0 {
		s = s[:i]
	}
	s = strings.Trim(s, "<>\"'()[].,:;!")
	lower := strings.ToLower(s)
	for _, p := range []string{"https://", "http://", "https//", "http//", "https:", "http:", "//"} {
		if strings.HasPrefix(lower, p) {
			s, lower = s[len(p):], lower[len(p):]
			break
		}
	}
	if strings.Contains(lower, "://") || strings.HasPrefix(lower, "mailto:") {
		return ""
	}
	end := strings.IndexAny(s, "/?#")
	if end < 0 {
		end = len(s)
	}
	host, rest := strings.ToLower(s[:end]), s[end:]
	host = strings.TrimSuffix(host, ".")
	if !validHost(host) {
		return ""
	}
	if rest == "/" {
		rest = ""
	}
	return "https://" + host + rest
}

// validHost reports a plausible DNS host name with an optional port: at
// least two labels of letters, digits and hyphens (letters may be non-ASCII,
// as in "blåbær.dk"), and a top-level domain of two or more letters or a
// punycode one.
func validHost(host string) bool {
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		if !isDigits(host[i+1:]) {
			return false
		}
		host = host[:i]
	}
	labels := strings.Split(host, ".")
	if len(labels) < 2 || len(host) > 253 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	if strings.HasPrefix(tld, "xn--") {
		return true
	}
	if len([]rune(tld)) < 2 {
		return false
	}
	for _, r := range tld {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// stripQuery drops the query and fragment of a URL, the part that is
// usually tracking and the only part that can go without changing the page.
func stripQuery(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		return u[:i]
	}
	return u
}
