package lead

import (
	"strings"
	"testing"
)

func TestIdentityKey(t *testing.T) {
	for _, tc := range []struct {
		name string
		l    Lead
		want string
	}{
		{"id wins", Lead{ID: " lead_1 ", CVR: "29935181", CompanyName: "A"}, "id:lead_1"},
		{"valid cvr", Lead{CVR: "29935181", CVRValid: true, CompanyName: "A"}, "cvr:29935181"},
		{"cvr re-checked, not trusted", Lead{CVR: "29935182", CVRValid: true, CompanyName: "A", Website: "a.dk"}, "name:a|a.dk"},
		{"invalid cvr never matches", Lead{CVR: "1234", CompanyName: "Klitrose Byg P/S", Website: "https://www.Klitrose.dk/om-os"}, "name:klitrose byg p s|klitrose.dk"},
		{"name only", Lead{CompanyName: "  Bøgeskov   Finans A/S. "}, "name:bøgeskov finans a s|"},
		{"host forms", Lead{CompanyName: "X", Website: "HTTP://user@WWW.x.dk:8080?q=1"}, "name:x|x.dk"},
		{"bare host", Lead{CompanyName: "X", Website: "x.dk/"}, "name:x|x.dk"},
		{"NFKC", Lead{CompanyName: "Cafe\u0301 Ｎord"}, "name:café nord|"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			eq(t, "IdentityKey", tc.l.IdentityKey(), tc.want)
		})
	}
}

func TestContentHash(t *testing.T) {
	base := `{"id": "l1", "companyName": "Klitrose", "score": 43, "financials": {"revenueDkk": 58600000},
		"technologies": ["AWS", "SAP"], "swot": {"strengths": ["brand"]}, "contacts": [{"name": "Lars", "email": "l@k.dk"}]}`
	hash := func(src string) string {
		t.Helper()
		res := decodeOK(t, "h.json", src)
		if len(res.Leads) != 1 {
			t.Fatalf("not imported: %v", rejections(res))
		}
		return res.Leads[0].Lead.ContentHash()
	}
	h := hash(base)
	eq(t, "length", len(h), 64)
	same := map[string]string{
		"compact": strings.Join(strings.Fields(base), " "),
		"reordered and snake_case": `{"contacts": [{"e-mail": "l@k.dk", "full_name": "Lars"}], "swot": {"strengths": "• brand"},
			"technologies": "• AWS\n• SAP", "revenue_dkk": "58,6 mio.", "score": "43", "company_name": "Klitrose", "id": "l1"}`,
		"unknown keys": `{"x": 1, ` + base[1:],
	}
	for name, src := range same {
		eq(t, name, hash(src), h)
	}
	differ := map[string]string{
		"score":      strings.Replace(base, "43", "44", 1),
		"contact":    strings.Replace(base, `"Lars"`, `"Lars H"`, 1),
		"list order": strings.Replace(base, `["AWS", "SAP"]`, `["SAP", "AWS"]`, 1),
		"no contact": strings.Replace(base, `[{"name": "Lars", "email": "l@k.dk"}]`, `[]`, 1),
		"text moved": strings.Replace(base, `"id": "l1"`, `"id": "l1", "notes": "brand"`, 1),
	}
	for name, src := range differ {
		if hash(src) == h {
			t.Errorf("%s: hash unchanged", name)
		}
	}
	// Fields next to each other must not run together.
	a := Lead{CompanyName: "ab", Website: "c"}
	b := Lead{CompanyName: "a", Website: "bc"}
	if a.ContentHash() == b.ContentHash() {
		t.Error("length prefix missing")
	}
	// Raw is not content.
	a2 := a
	a2.Raw = []byte(`{"companyName":"ab"}`)
	eq(t, "Raw ignored", a2.ContentHash(), a.ContentHash())
}

// The hash is stored; a change of encoding must be deliberate (bump
// contentHashVersion and update this value).
func TestContentHashStable(t *testing.T) {
	res, err := DecodeFile("../../testdata/samples/one-lead.json")
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "hash", res.Leads[0].Lead.ContentHash(), "7b34415cde97b32e5ba37b1699017962cbcf686ece6ef702cc6ab02880bfbd71")
}
