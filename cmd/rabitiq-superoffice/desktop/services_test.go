package desktop

import "testing"

func TestWebClientURLOpensTheCompanyCard(t *testing.T) {
	for api, want := range map[string]string{
		"https://online.superoffice.com/Cust12345/api/": "https://online.superoffice.com/Cust12345/default.aspx?contact.main?contact_id=4711",
		"https://sod.superoffice.com/Cust1/api":         "https://sod.superoffice.com/Cust1/default.aspx?contact.main?contact_id=4711",
		"http://127.0.0.1:8123/Cust9/api/":              "http://127.0.0.1:8123/Cust9/default.aspx?contact.main?contact_id=4711",
	} {
		u := webClientURL(api, 4711)
		if u == nil || u.String() != want {
			t.Errorf("webClientURL(%q) = %v, want %s", api, u, want)
		}
	}
	for _, bad := range []string{"", "not a url", "://x"} {
		if u := webClientURL(bad, 1); u != nil {
			t.Errorf("webClientURL(%q) = %v, want nil", bad, u)
		}
	}
}
