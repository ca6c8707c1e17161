package mapping

import (
	"strings"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

func TestNormalizeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.klitrose.dk":         "https://www.klitrose.dk",
		"www.Klitrose.DK/":                "https://www.klitrose.dk",
		"klitrose.dk/Om-Os?x=1":           "https://klitrose.dk/Om-Os?x=1",
		"HTTP://WWW.Solsikke.SE/":         "https://www.solsikke.se",
		"http://acme.dk:8080/a":           "https://acme.dk:8080/a",
		"//acme.dk":                       "https://acme.dk",
		"https//acme.dk":                  "https://acme.dk",
		" <https://acme.dk>. ":            "https://acme.dk",
		"www.a.dk, www.b.dk":              "https://www.a.dk",
		"https://blåbær.dk":               "https://blåbær.dk",
		"xn--blbr-roa.dk":                 "https://xn--blbr-roa.dk",
		"N/A":                             "",
		"-":                               "",
		"ukendt":                          "",
		"info@acme.dk":                    "",
		"mailto:info@acme.dk":             "",
		"ftp://acme.dk":                   "",
		"https://localhost":               "",
		"https://192.168.1.1":             "",
		"acme.d":                          "",
		"https://-acme.dk":                "",
		"":                                "",
		"https://www.acme.dk/sti med mel": "https://www.acme.dk/sti",
	} {
		if got := normalizeURL(in); got != want {
			t.Errorf("normalizeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWebsiteLimit: a URL is never cut with "…"; it loses its query, or is
// not sent.
func TestWebsiteLimit(t *testing.T) {
	site := "https://www.acme.dk/" + strings.Repeat("a", 20) // 40
	for _, tc := range []struct {
		website string
		limit   int
		want    string
	}{
		{site, 40, site},
		{site + "?utm_source=rabitiq", 40, site},
		{site + "b", 40, ""},
	} {
		p, ws := Map(&lead.Lead{CompanyName: "X", Location: "DK", Website: tc.website}, TenantInfo{Lengths: map[string]int{"Url": tc.limit}})
		got := ""
		if len(p.Contact.Urls) == 1 {
			got = p.Contact.Urls[0].Value
		}
		if got != tc.want || (got != tc.website) != (len(ws) == 1) {
			t.Errorf("%q at %d → %q, warnings %v", tc.website, tc.limit, got, warningStrings(ws))
		}
	}
}

func TestNormalizeEmail(t *testing.T) {
	for in, want := range map[string]string{
		"lars.hansen@klitrose.dk":         "lars.hansen@klitrose.dk",
		" Lars.Hansen@KLITROSE.DK ":       "Lars.Hansen@klitrose.dk",
		"mailto:ole@acme.dk":              "ole@acme.dk",
		"Lars Hansen <lars@acme.dk>":      "lars@acme.dk",
		"lars+crm@acme.co.uk":             "lars+crm@acme.co.uk",
		"søren@rødkilde.dk":               "søren@rødkilde.dk",
		"lars@acme.dk.":                   "lars@acme.dk",
		"lars@acme":                       "",
		"lars@@acme.dk":                   "",
		"lars@acme..dk":                   "",
		".lars@acme.dk":                   "",
		"la..rs@acme.dk":                  "",
		"lars hansen@acme.dk":             "",
		"lars@acme.dk; mette@acme.dk":     "",
		"@acme.dk":                        "",
		"lars@":                           "",
		"ikke-en-mail":                    "",
		strings.Repeat("a", 65) + "@x.dk": "",
	} {
		if got := normalizeEmail(in); got != want {
			t.Errorf("normalizeEmail(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEmailLimit: an address at the limit is sent; one over is not.
func TestEmailLimit(t *testing.T) {
	at := strings.Repeat("a", 20) + "@acme.dk" // 28
	for limit, want := range map[int]string{28: at, 27: ""} {
		p, ws := Map(&lead.Lead{CompanyName: "X", Location: "DK", Contacts: []lead.Contact{{Name: "A B", Email: at}}}, TenantInfo{Lengths: map[string]int{"Email": limit}})
		if got := p.Persons[0].Email; got != want || (want == "") != (len(ws) == 1) {
			t.Errorf("limit %d: %q, warnings %v", limit, got, warningStrings(ws))
		}
	}
}

// TestPhones records how phone texts become office and mobile numbers, in
// the lead's country and with explicit country codes: testdata/phones.json.
func TestPhones(t *testing.T) {
	type input struct{ Country, Phone string }
	inputs := []input{
		{"DK", "+45 47 14 21 65"}, {"DK", "+45 22 64 17 82"}, {"DK", "0045 73 28 79 25"}, {"DK", "40 12 34 56"},
		{"DK", "70 10 20 30"}, {"DK", "+4533123456"}, {"DK", "Mobil: 33 12 34 56"}, {"DK", "Tlf. 20 30 40 50"},
		{"DK", "Mobil: 40 12 34 56 / Tlf. 70 10 20 30"}, {"DK", "33 12 34 56; 86 12 34 56, 20 30 40 50"},
		{"DK", "tel:+4533123456"}, {"DK", "ukendt"}, {"DK", "1234"}, {"DK", "Fax: 33 12 34 56"}, {"DK", ""},
		{"NO", "+47 912 34 567"}, {"NO", "22 12 34 56"}, {"NO", "412 34 567"},
		{"SE", "+46 70 123 45 67"}, {"SE", "08-123 456 78"}, {"SE", "070-123 45 67"},
		{"DE", "+49 30 1234567"}, {"DE", "+49 (0)151 23456789"}, {"DE", "0171 2345678"},
		{"GB", "+44 (0)20 7946 0958"}, {"GB", "07700 900123"}, {"GB", "+44 7700 900123"},
		{"FI", "+358 40 1234567"}, {"IS", "+354 612 3456"}, {"US", "+1 (512) 555-0100"}, {"US", "512.555.0100"},
	}
	type result struct {
		input
		Office   []string `json:"office"`
		Mobile   []string `json:"mobile"`
		Warnings []string `json:"warnings"`
	}
	var out []result
	for _, in := range inputs {
		p, ws := Map(&lead.Lead{CompanyName: "X", Location: in.Country, Contacts: []lead.Contact{{Name: "A B", Phone: in.Phone}}}, TenantInfo{})
		r := result{input: in, Warnings: warningStrings(ws)}
		for _, e := range p.Persons[0].Person.OfficePhones {
			r.Office = append(r.Office, e.Value)
		}
		for _, e := range p.Persons[0].Person.MobilePhones {
			r.Mobile = append(r.Mobile, e.Value)
		}
		for _, v := range append(append([]string{}, r.Office...), r.Mobile...) {
			if strings.Count(in.Phone, "+") > 0 && !strings.HasPrefix(v, "+") && !strings.Contains(in.Phone, ";") && !strings.Contains(in.Phone, "/") {
				t.Errorf("%q lost its + and country code: %q", in.Phone, v)
			}
		}
		out = append(out, r)
	}
	goldenJSON(t, "phones.json", out)
}
