package mapping

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/lead"
	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

// FuzzMapLead maps arbitrary leads for a default and a tight tenant and
// checks that Map never panics, is deterministic (same plan, same bytes),
// keeps every value within its limit and valid UTF-8, and builds bodies
// with only OpenAPI property names.
func FuzzMapLead(f *testing.F) {
	f.Add("Klitrose Byg P/S", "www.klitrose.dk", "Sundhed", "København K, Danmark", "29935181",
		"Vestergade 145, 1150 København K", "Vokser hurtigt.", "• AWS\n• Shopify", "2024-12-09",
		"Lars Løkke Rasmussen", "Indkøbschef", "lars@klitrose.dk", "+45 47 14 21 65 / mobil 22 33 44 55",
		43.0, 58600000.0, 7.1, false)
	f.Add("Æ👨‍👩‍👧Ø", "http://blåbær.dk/?x=1", "ø", "Oslo NO", "NO 923 609 016 MVA",
		"10 Downing Street, London SW1A 2AA", strings.Repeat("å", 2100), "e\u0301", "2024-02-30",
		"Rasmussen, Lars, Jr.", strings.Repeat("é", 300), "Lars <LARS@X.DK>", "0045 20 30 40 50; ukendt",
		math.Inf(1), -2147483648.6, math.NaN(), true)
	f.Add("", "", "", "", "", "", "", "", "", "", "", "", "", 0.0, 0.0, 0.0, true)
	f.Add("\xff\x00", "\x00", "\t", ",,,", "DK-", "8000", "\u2028", "\r\n", "T", ",", "(", "@", "+", -0.5, 1e300, 2.5, false)

	cdefs := loadDefinitions(f, "Swagger-v1-Contact.json")
	pdefs := loadDefinitions(f, "Swagger-v1-Person.json")
	tight := TenantInfo{
		FieldKeys:    map[int]string{1: "SuperOffice:1", 2: "RabitIQ:2", 5: "x_location", 16: "RabitIQ:16", 34: "RabitIQ:34", 35: "RabitIQ:35", 36: "RabitIQ:36"},
		FieldTypes:   map[int]fields.Type{16: fields.Decimal, 36: fields.Number, 5: fields.LongText},
		FieldLengths: map[int]int{2: 7, 34: 1, 5: 3},
		Lengths: map[string]int{"Name": 3, "Department": 1, "OrgNr": 2, "Address1": 4, "Address2": 1, "City": 2, "Zipcode": 3,
			"State": 1, "Url": 15, "Email": 10, "Phone": 9, "Description": 5, "Firstname": 2, "MiddleName": 1, "Lastname": 2, "Title": 3},
		Countries: []superoffice.Country{{CountryId: 1, TwoLetterISOCountry: "DK"}, {CountryId: 2, TwoLetterISOCountry: "no"}},
	}

	f.Fuzz(func(t *testing.T, company, website, industry, location, cvr, address, reason, text, created,
		name, title, email, phone string, score, revenue, growth float64, tightTenant bool) {
		l := &lead.Lead{
			CompanyName: company, Website: website, Industry: industry, Location: location, CVR: cvr,
			Address: address, ReasonForFit: reason, Description: text, Notes: text, Size: text, CreatedAt: created,
			CreatedAtText: created, ID: name,
			Score: num(score), RevenueDKK: num(revenue),
			GrowthRatePct: lead.Number{Value: growth, Valid: growth > 0, Text: title},
			Contacts: []lead.Contact{
				{Name: name, Title: title, Email: email, Phone: phone},
				{Name: title, Email: email, Phone: phone},
				{Name: name, Title: title, Email: email, Phone: text},
			},
		}
		tenant := TenantInfo{}
		if tightTenant {
			tenant = tight
		}
		p1, w1 := Map(l, tenant)
		p2, w2 := Map(l, tenant)
		if !reflect.DeepEqual(p1, p2) || !reflect.DeepEqual(w1, w2) {
			t.Fatalf("Map is not deterministic")
		}
		j1, err1 := p1.PreviewJSON()
		j2, err2 := p2.PreviewJSON()
		if err1 != nil || err2 != nil || !bytes.Equal(j1, j2) || !json.Valid(j1) {
			t.Fatalf("PreviewJSON: %v %v", err1, err2)
		}
		for _, v := range limitViolations(p1, tenant) {
			t.Errorf("limit: %s", v)
		}
		for k, v := range p1.CustomFields {
			if !utf8.ValidString(k) || !utf8.ValidString(v) {
				t.Errorf("invalid UTF-8 in %q", k)
			}
		}
		if len(p1.Written) != len(p1.CustomFields) || len(p1.Written) != len(p1.WrittenKeys) {
			t.Errorf("Written %d, WrittenKeys %d, CustomFields %d", len(p1.Written), len(p1.WrittenKeys), len(p1.CustomFields))
		}
		conformBody(t, cdefs, contactEntity, p1.ContactBody())
		for _, pp := range p1.Persons {
			conformBody(t, pdefs, personEntity, pp.Person)
		}
	})
}

// FuzzTruncate checks the cut on its own, far faster than FuzzMapLead: never
// over the limit, the kept text is a prefix of the input, and a value that
// fits is returned unchanged.
func FuzzTruncate(f *testing.F) {
	for _, s := range []string{"Rødkilde", "a👍🏽b", "👨‍👩‍👧👨‍👩‍👧", "e\u0301\u0301\u0301", "to ord  ", "\xff\xfe", ""} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		got, cut := Truncate(s, limit)
		if !cut {
			if got != s || Length(s) > limit {
				t.Fatalf("Truncate(%q, %d) = %q without a cut", s, limit, got)
			}
			return
		}
		if Length(got) > max(limit, 0) || (limit > 0 && !strings.HasSuffix(got, Ellipsis)) {
			t.Fatalf("Truncate(%q, %d) = %q", s, limit, got)
		}
		if !strings.HasPrefix(s, strings.TrimSuffix(got, Ellipsis)) {
			t.Fatalf("Truncate(%q, %d) = %q is no prefix", s, limit, got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Truncate(%q, %d) = %q split a character", s, limit, got)
		}
	})
}
