package match

import "testing"

func TestDomain(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"bare", "jensen.dk", "jensen.dk"},
		{"www", "www.jensen.dk", "jensen.dk"},
		{"https www path", "https://www.jensen.dk/kontakt", "jensen.dk"},
		{"http upper-case port query fragment", "HTTP://WWW.Jensen.DK:8080/a/b?x=1#top", "jensen.dk"},
		{"trailing slash and dot", "jensen.dk./", "jensen.dk"},
		{"scheme-relative", "//jensen.dk/", "jensen.dk"},
		{"user info", "https://user:pw@jensen.dk/", "jensen.dk"},
		{"e-mail", "Info@Jensen.dk", "jensen.dk"},
		{"mailto", "mailto:info@jensen.dk", "jensen.dk"},
		{"subdomain kept", "https://shop.jensen.dk", "shop.jensen.dk"},
		{"two sites, first wins", "jensen.dk, jensen.com", "jensen.dk"},
		{"surrounding space", "  jensen.dk  ", "jensen.dk"},
		{"idn unicode kept", "https://www.SØBYG.dk/", "søbyg.dk"},
		{"idn punycode decoded", "xn--sbyg-gra.dk", "søbyg.dk"},
		{"full-width", "ｊｅｎｓｅｎ．ｄｋ", "jensen.dk"},
		{"www is the name", "www.dk", "www.dk"},
		{"no dot", "localhost", ""},
		{"ipv4", "http://192.168.1.1/", ""},
		{"ipv6", "http://[::1]:80/", ""},
		{"public suffix only", "co.uk", ""},
		{"not a domain", "Jensen ApS", ""},
		{"underscore", "jensen_dk.dk", ""},
		{"empty", "", ""},
		{"empty label", "jensen..dk", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Domain(tt.in)
			if got != tt.want {
				t.Fatalf("Domain(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Domain(got); again != got {
				t.Errorf("not idempotent: %q → %q", got, again)
			}
		})
	}
}

func TestIsGenericDomain(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"gmail", "gmail.com", true},
		{"hotmail", "https://www.hotmail.com", true},
		{"outlook", "outlook.com", true},
		{"live.dk e-mail", "kontakt@live.dk", true},
		{"yahoo", "yahoo.com", true},
		{"example.com", "example.com", true},
		{"example.dk", "http://example.dk/x", true},
		{"facebook page", "https://www.facebook.com/jensensbofhus", true},
		{"linkedin subdomain", "dk.linkedin.com", true},
		{"bare platform", "wixsite.com", true},
		{"site on a platform", "jensen.wixsite.com", false},
		{"company", "jensen.dk", false},
		{"empty", "", true},
		{"not a domain", "ukendt", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isGenericDomain(tt.in); got != tt.want {
				t.Fatalf("isGenericDomain(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestSameSite(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"equal", "jensen.dk", "jensen.dk", true},
		{"www and path", "https://www.jensen.dk/om-os", "jensen.dk", true},
		{"subdomain of same company", "shop.jensen.dk", "jensen.dk", true},
		{"idn forms", "xn--sbyg-gra.dk", "søbyg.dk", true},
		{"other tld", "jensen.dk", "jensen.com", false},
		{"other company", "jensen.dk", "hansen.dk", false},
		{"both gmail", "gmail.com", "gmail.com", false},
		{"platform siblings", "jensen.squarespace.com", "hansen.squarespace.com", false},
		{"same platform site", "jensen.squarespace.com", "jensen.squarespace.com", true},
		{"psl private suffix siblings", "jensen.blogspot.com", "hansen.blogspot.com", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := domainASCII(tt.a), domainASCII(tt.b)
			if got := sameSite(a, b); got != tt.want {
				t.Fatalf("sameSite(%q, %q) = %v, want %v", a, b, got, tt.want)
			}
			if got := sameSite(b, a); got != tt.want {
				t.Errorf("not symmetric")
			}
		})
	}
}
