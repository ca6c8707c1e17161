package lead

import (
	"strings"
	"testing"
)

// one decodes a single lead object given as its members (without braces)
// and returns it with the warnings, failing if it was not imported.
func one(t *testing.T, members string) (*Lead, []string) {
	t.Helper()
	res := decodeOK(t, "t.json", "{"+members+"}")
	if len(res.Leads) != 1 {
		t.Fatalf("lead not imported: %v", rejections(res))
	}
	return res.Leads[0].Lead, warnTexts(res.Warnings)
}

func TestAliases(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		get       func(*Lead) string
		want      string
	}{
		{"snake_case company", `"company_name": "A"`, func(l *Lead) string { return l.CompanyName }, "A"},
		{"PascalCase company", `"CompanyName": "A"`, func(l *Lead) string { return l.CompanyName }, "A"},
		{"name for companyName", `"name": "A"`, func(l *Lead) string { return l.CompanyName }, "A"},
		{"canonical wins, alias first", `"name": "Alias", "companyName": "Canon"`, func(l *Lead) string { return l.CompanyName }, "Canon"},
		{"canonical wins, alias last", `"companyName": "Canon", "name": "Alias"`, func(l *Lead) string { return l.CompanyName }, "Canon"},
		{"canonical wins over snake", `"company_name": "Snake", "companyName": "Canon", "name": "Alias"`, func(l *Lead) string { return l.CompanyName }, "Canon"},
		{"snake wins over alias", `"name": "Alias", "company_name": "Snake"`, func(l *Lead) string { return l.CompanyName }, "Snake"},
		{"blank canonical lets alias fill", `"companyName": " ", "name": "Alias"`, func(l *Lead) string { return l.CompanyName }, "Alias"},
		{"null canonical lets alias fill", `"companyName": null, "name": "Alias"`, func(l *Lead) string { return l.CompanyName }, "Alias"},
		{"reason_for_fit", `"name": "A", "reason_for_fit": "fits"`, func(l *Lead) string { return l.ReasonForFit }, "fits"},
		{"sales_playbook", `"name": "A", "sales_playbook": ["a", "b"]`, func(l *Lead) string { return l.SalesPlaybook }, "• a\n• b"},
		{"created_at", `"name": "A", "created_at": "2024-12-09"`, func(l *Lead) string { return l.CreatedAt }, "2024-12-09"},
		{"userNotes", `"name": "A", "userNotes": "ring i morgen"`, func(l *Lead) string { return l.Notes }, "ring i morgen"},
		{"user_notes", `"name": "A", "user_notes": "x"`, func(l *Lead) string { return l.Notes }, "x"},
		{"notes beats userNotes", `"name": "A", "notes": "n", "userNotes": "u"`, func(l *Lead) string { return l.Notes }, "n"},
		{"flat strengths", `"name": "A", "strengths": ["brand"]`, func(l *Lead) string { return l.Strengths }, "• brand"},
		{"flat threats snake", `"name": "A", "threats": "war"`, func(l *Lead) string { return l.Threats }, "war"},
		{"swot beats flat", `"name": "A", "weaknesses": "flat", "swot": {"weaknesses": "nested"}`, func(l *Lead) string { return l.Weaknesses }, "nested"},
		{"swot snake keys", `"name": "A", "SWOT": {"Opportunities": ["DE"]}`, func(l *Lead) string { return l.Opportunities }, "• DE"},
		{"cvr_number is unknown", `"name": "A", "cvr_number": "29935181"`, func(l *Lead) string { return l.CVR }, ""},
		{"unknown keys ignored", `"name": "A", "foo": {"bar": [1, {"x": null}]}`, func(l *Lead) string { return l.CompanyName }, "A"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, w := one(t, tc.src)
			eq(t, "value", tc.get(l), tc.want)
			eqList(t, "warnings", w, nil)
		})
	}
}

func TestFinancialAliases(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		get       func(*Lead) Number
		want      float64
	}{
		{"nested canonical", `"financials": {"revenueDkk": 5}`, func(l *Lead) Number { return l.RevenueDKK }, 5},
		{"nested alias", `"financials": {"revenue": 5}`, func(l *Lead) Number { return l.RevenueDKK }, 5},
		{"nested snake", `"financials": {"revenue_dkk": 5}`, func(l *Lead) Number { return l.RevenueDKK }, 5},
		{"flat revenueDkk", `"revenueDkk": 6`, func(l *Lead) Number { return l.RevenueDKK }, 6},
		{"flat revenue", `"revenue": "6 mio."`, func(l *Lead) Number { return l.RevenueDKK }, 6e6},
		{"flat profit", `"profit": -7`, func(l *Lead) Number { return l.ProfitDKK }, -7},
		{"flat profitDkk", `"profit_dkk": -7`, func(l *Lead) Number { return l.ProfitDKK }, -7},
		{"flat employeeCount", `"employeeCount": 12`, func(l *Lead) Number { return l.Employees }, 12},
		{"flat employees", `"employees": "ca. 250"`, func(l *Lead) Number { return l.Employees }, 250},
		{"flat growthRate", `"growthRate": "12,5 %"`, func(l *Lead) Number { return l.GrowthRatePct }, 12.5},
		{"flat growthRatePct", `"growthRatePct": 3`, func(l *Lead) Number { return l.GrowthRatePct }, 3},
		{"flat profitMargin", `"profitMargin": "-3,1%"`, func(l *Lead) Number { return l.ProfitMarginPct }, -3.1},
		{"flat profitMarginPct", `"profit_margin_pct": 4`, func(l *Lead) Number { return l.ProfitMarginPct }, 4},
		{"nested beats flat canonical", `"revenueDkk": 1, "financials": {"revenue": 2}`, func(l *Lead) Number { return l.RevenueDKK }, 2},
		{"nested beats flat, flat last", `"financials": {"revenueDkk": 2}, "revenueDkk": 1`, func(l *Lead) Number { return l.RevenueDKK }, 2},
		{"canonical beats alias in financials", `"financials": {"revenueDkk": 2, "revenue": 3}`, func(l *Lead) Number { return l.RevenueDKK }, 2},
		{"flat canonical beats flat alias", `"revenue": 3, "revenueDkk": 2`, func(l *Lead) Number { return l.RevenueDKK }, 2},
		{"null financials", `"financials": null, "revenue": 3`, func(l *Lead) Number { return l.RevenueDKK }, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, w := one(t, `"name": "A", `+tc.src)
			eq(t, "value", tc.get(l), Number{Value: tc.want, Valid: true})
			eqList(t, "warnings", w, nil)
		})
	}
}

func TestLongText(t *testing.T) {
	for _, tc := range []struct{ name, value, want string }{
		{"string", `"  Vokser hurtigt.\nNy CFO.  "`, "Vokser hurtigt.\nNy CFO."},
		{"array of strings", `["AWS", " Salesforce ", "", null]`, "• AWS\n• Salesforce"},
		{"empty array", `[]`, ""},
		{"array of blanks", `["", "  ", null]`, ""},
		{"null", `null`, ""},
		{"number", `42.5`, "42.5"},
		{"bool", `true`, "true"},
		{"numbers and bools in a list", `[1, 2.5, false]`, "• 1\n• 2.5\n• false"},
		{"competitors", `[{"name": "Granit Finans", "website": "https://granit.dk"}, {"name": "Solo"}, {"website": "https://x.dk"}]`,
			"• Granit Finans (https://granit.dk)\n• Solo\n• website: https://x.dk"},
		{"competitor with url", `[{"name": "A", "url": "https://a.dk"}]`, "• A (https://a.dk)"},
		{"job postings", `[{"title": "Key Account Manager", "url": "https://k.dk/job/1", "postedAt": "2024-11-20"}, {"title": "CFO"}]`,
			"• Key Account Manager – 2024-11-20 – https://k.dk/job/1\n• CFO"},
		{"job posting keys in any order and snake_case", `[{"posted_at": "2024-11-20", "url": "u", "title": "T"}]`, "• T – 2024-11-20 – u"},
		{"job posting with date", `[{"title": "T", "date": "2024-11-20"}]`, "• T – 2024-11-20"},
		{"signals", `[{"signal": "Besøgte prisside", "source": "web", "date": "2024-11-09"}, {"signal": "Ny CFO"}, {"signal": "S", "date": "d"}]`,
			"• Besøgte prisside (web, 2024-11-09)\n• Ny CFO\n• S (d)"},
		{"unknown object", `[{"platform": "Trustpilot", "rating": 4.3, "count": 212}]`, "• platform: Trustpilot, rating: 4.3, count: 212"},
		{"known shape with extra fields", `[{"name": "A", "website": "a.dk", "note": "pris"}]`, "• A (a.dk); note: pris"},
		{"object fields that are empty are left out", `[{"name": "A", "website": "", "note": null}]`, "• A"},
		{"nested list in object", `[{"tool": "ERP", "vendors": ["SAP", "Visma"]}]`, "• tool: ERP, vendors: SAP, Visma"},
		{"nested object in object", `[{"who": {"name": "Lars", "role": "CEO"}}]`, "• who: Lars; role: CEO"},
		{"list in list", `[["a", "b"], "c"]`, "• a, b\n• c"},
		{"single object", `{"street": "Vestergade 1", "city": "København"}`, "street: Vestergade 1, city: København"},
		{"empty object", `{}`, ""},
		{"object with control chars in key", `[{"a\u0000b": "x"}]`, "• ab: x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, w := one(t, `"name": "A", "buyingSignals": `+tc.value)
			eq(t, "BuyingSignals", l.BuyingSignals, tc.want)
			eqList(t, "warnings", w, nil)
		})
	}
	// Every long text field renders lists.
	var members []string
	for f := range numFields {
		if fieldTable[f].Kind == KindLong {
			members = append(members, `"`+fieldTable[f].name+`": ["x"]`)
		}
	}
	l, _ := one(t, `"name": "A", `+strings.Join(members, ", "))
	for _, v := range []string{l.Address, l.ReasonForFit, l.Description, l.Technologies, l.BuyingSignals, l.IntentSignals,
		l.ConversationStarters, l.RedFlags, l.Competitors, l.CompetitiveAnalysis, l.MarketAnalysis, l.CustomerReviews,
		l.EmployeeReviews, l.GrowthSignals, l.IndustryPainPoints, l.JobPostings, l.SalesPlaybook, l.Notes} {
		eq(t, "long field", v, "• x")
	}
	eq(t, "count of long fields", len(members), 18+4)
}

// Short text fields (SuperOffice Text, one line) join lists with ", ".
func TestShortText(t *testing.T) {
	l, w := one(t, `"name": " A ", "industry": ["Software", "SaaS"], "size": 51, "location": {"city": "Aarhus"},
		"businessModel": "B2B", "targetAudience": ["SMV"], "website": " https://a.dk "`)
	eq(t, "Industry", l.Industry, "Software, SaaS")
	eq(t, "Size", l.Size, "51")
	eq(t, "Location", l.Location, "city: Aarhus")
	eq(t, "TargetAudience", l.TargetAudience, "SMV")
	eq(t, "CompanyName trimmed", l.CompanyName, "A")
	eq(t, "Website trimmed", l.Website, "https://a.dk")
	eqList(t, "warnings", w, nil)
	l, _ = one(t, `"name": "A", "id": 12345`)
	eq(t, "numeric id", l.ID, "12345")
}

func TestNumbersInLead(t *testing.T) {
	l, w := one(t, `"name": "A", "score": "87", "intentScore": 140,
		"financials": {"revenueDkk": "12,5 mio.", "profitDkk": "n/a", "employees": true, "growthRatePct": null, "profitMarginPct": "-3,1%"}`)
	eq(t, "Score", l.Score, Number{Value: 87, Valid: true})
	eq(t, "IntentScore kept", l.IntentScore, Number{Value: 140, Valid: true})
	eq(t, "Revenue", l.RevenueDKK, Number{Value: 12.5e6, Valid: true})
	eq(t, "Profit kept as text", l.ProfitDKK, Number{Text: "n/a"})
	eq(t, "Employees kept as text", l.Employees, Number{Text: "true"})
	eq(t, "Growth unset", l.GrowthRatePct, Number{})
	eq(t, "Margin", l.ProfitMarginPct, Number{Value: -3.1, Valid: true})
	eqList(t, "warnings", w, []string{
		`t.json: lead 1 (line 1): financials.profitDkk: cannot read "n/a" as a number; kept as text, field left empty`,
		`t.json: lead 1 (line 1): financials.employees: cannot read "true" as a number; kept as text, field left empty`,
		`t.json: lead 1 (line 1): intentScore: 140 is outside 0–100; kept as is`,
	})
	_, w = one(t, `"name": "A", "score": -1`)
	eqList(t, "negative score", w, []string{"t.json: lead 1 (line 1): score: -1 is outside 0–100; kept as is"})
	// Overflowing JSON numbers are kept as text, not as infinity.
	l, w = one(t, `"name": "A", "revenue": 1e999`)
	eq(t, "overflow", l.RevenueDKK, Number{Text: "1e999"})
	eq(t, "overflow warnings", len(w), 1)
}

func TestDates(t *testing.T) {
	for _, tc := range []struct{ in, day, text string }{
		{"2024-12-09T09:16:00Z", "2024-12-09", ""},
		{"2024-12-09T23:30:00-05:00", "2024-12-09", ""},
		{"2024-12-09T09:16:00.123+01:00", "2024-12-09", ""},
		{"2024-12-09 09:16", "2024-12-09", ""},
		{"2024-12-09", "2024-12-09", ""},
		{"2024-1-9", "2024-01-09", ""},
		{"09-12-2024", "2024-12-09", ""},
		{"9.12.2024", "2024-12-09", ""},
		{"09/12/2024", "2024-12-09", ""},
		{"31-02-2024", "", "31-02-2024"},
		{"i går", "", "i går"},
		{"12/31/2024", "", "12/31/2024"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			l, w := one(t, `"name": "A", "createdAt": "`+tc.in+`"`)
			eq(t, "CreatedAt", l.CreatedAt, tc.day)
			eq(t, "CreatedAtText", l.CreatedAtText, tc.text)
			if tc.text == "" {
				eqList(t, "warnings", w, nil)
			} else {
				eqList(t, "warnings", w, []string{`t.json: lead 1 (line 1): createdAt: cannot read "` + tc.in +
					`" as a date (want YYYY-MM-DD, DD-MM-YYYY or RFC 3339); kept as text`})
			}
		})
	}
}

func TestCVRInLead(t *testing.T) {
	l, w := one(t, `"name": "A", "cvr": 29935181`)
	eq(t, "number CVR", l.CVR+"/"+boolStr(l.CVRValid), "29935181/true")
	eqList(t, "warnings", w, nil)
	l, _ = one(t, `"name": "A", "cvr": "DK 29 93 51 81"`)
	eq(t, "DK CVR", l.CVR+"/"+boolStr(l.CVRValid), "29935181/true")
	l, w = one(t, `"name": "A", "cvr": "29935182"`)
	eq(t, "bad check digit", l.CVR+"/"+boolStr(l.CVRValid), "29935182/false")
	eqList(t, "warnings", w, []string{`t.json: lead 1 (line 1): cvr: "29935182" is not a valid CVR number (8 digits, modulus 11); kept but not used for matching`})
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func TestContacts(t *testing.T) {
	res := decodeOK(t, "c.json", `[{"name": "A", "contacts": [
		{"fullName": " Lars Hansen ", "jobTitle": "CEO", "e-mail": "lars@a.dk", "phoneNumber": 4512345678, "linkedin": "in/lars"},
		{"email": "info@a.dk"},
		{"mail": "m@a.dk", "mobile": "+45 1", "job_title": "CFO"},
		"Ole Larsen, CTO",
		null,
		{"title": "Nameless"},
		{"name": "Mette", "name_": "x", "full_name": "Mette Jensen", "email": ["a", "b"], "phone": "+45 2", "phone_number": "+45 3"},
		{"Name": "Søren", "LinkedIn": "in/s", "linkedinUrl": "in/other"}
	]}, {"name": "B"}]`)
	eqList(t, "names", names(res), []string{"A", "B"})
	got := res.Leads[0].Lead.Contacts
	want := []Contact{
		{Name: "Lars Hansen", Title: "CEO", Email: "lars@a.dk", Phone: "4512345678", LinkedIn: "in/lars"},
		{Email: "info@a.dk"},
		{Title: "CFO", Email: "m@a.dk", Phone: "+45 1"},
		{Name: "Mette", Phone: "+45 2"},
		{Name: "Søren", LinkedIn: "in/s"},
	}
	eq(t, "contacts", len(got), len(want))
	for i := range min(len(got), len(want)) {
		eq(t, "contact", got[i], want[i])
	}
	eqList(t, "warnings", warnTexts(res.Warnings), []string{
		"c.json: lead 1 (line 1): contacts[3]: want object, got string; contact dropped",
		"c.json: lead 1 (line 1): contacts[5]: contact has neither name nor e-mail; dropped",
		"c.json: lead 1 (line 1): contacts[6].email: want string, got array; ignored",
	})
}

func TestInvalidUTF8(t *testing.T) {
	src := "[\n{\"companyName\": \"Good\"},\n" +
		"{\"companyName\": \"Bj\xf8rn ApS\", \"description\": [\"ok\", \"bad \xff\xfe byte\"], \"industry\": \"\\ud800 lone\"," +
		" \"contacts\": [{\"name\": \"S\xf8ren\"}], \"unknown\": \"\xff ignored\"}\n]"
	res := decodeOK(t, "u.json", src)
	eqList(t, "names", names(res), []string{"Good", "Bj\ufffdrn ApS"})
	l := res.Leads[1].Lead
	eq(t, "Description", l.Description, "• ok\n• bad \ufffd\ufffd byte")
	eq(t, "Industry", l.Industry, "\ufffd lone")
	eq(t, "contact", l.Contacts[0].Name, "S\ufffdren")
	eqList(t, "warnings", warnTexts(res.Warnings), []string{
		"u.json: lead 2 (line 3): companyName: invalid UTF-8 replaced by U+FFFD",
		"u.json: lead 2 (line 3): industry: invalid UTF-8 replaced by U+FFFD",
		"u.json: lead 2 (line 3): description: invalid UTF-8 replaced by U+FFFD",
		"u.json: lead 2 (line 3): contacts[0].name: invalid UTF-8 replaced by U+FFFD",
	})
	eq(t, "Raw keeps the bytes", strings.Contains(string(l.Raw), "Bj\xf8rn"), true)
}

func TestControlCharacters(t *testing.T) {
	l, w := one(t, `"name": "A\u0000B\u0007C\rD\u007fE\u0085F\u009fG", "notes": "line 1\nline 2\ttab\r\nline 3\u0000",
		"website": "\u0000", "contacts": [{"name": "x\u001by"}]`)
	eq(t, "CompanyName", l.CompanyName, "ABCDEFG")
	eq(t, "Notes keeps newline and tab", l.Notes, "line 1\nline 2\ttab\nline 3")
	eq(t, "Website only control chars is empty", l.Website, "")
	eq(t, "contact", l.Contacts[0].Name, "xy")
	eqList(t, "warnings", w, nil)
	// Raw (not escaped) DEL and C1 characters are dropped as well.
	l, _ = one(t, "\"name\": \"A\x7fB\xc2\x85C\"")
	eq(t, "raw DEL and C1", l.CompanyName, "ABC")
}

// Escapes decode exactly as encoding/json decodes them.
func TestEscapes(t *testing.T) {
	l, w := one(t, `"name": "\"q\" \\ \/ \u00e6\u00F8\u00e5 \ud83d\ude00 \ud83d x"`)
	eq(t, "CompanyName", l.CompanyName, `"q" \ / æøå 😀 `+"\ufffd x")
	eq(t, "warnings", len(w), 1)
}
