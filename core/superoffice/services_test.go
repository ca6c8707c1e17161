package superoffice

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// TestMethods checks every typed method's request line, headers, body and
// decoded answer against a real HTTP server.
func TestMethods(t *testing.T) {
	ctx := context.Background()
	contactJSON := `{"ContactId":42,"Name":"Jensen's Bøfhus ApS","OrgNr":"12345678","CustomFields":{"RabitIQ:1":"[I:80]"},"_Links":{"Self":"x"}}`
	personJSON := `{"PersonId":7,"Firstname":"Jane","Lastname":"Doe","Contact":{"ContactId":42}}`
	slim := `{"odata.metadata":"m","odata.nextLink":null,"value":[{"PrimaryKey":42,"EntityName":"contact","contactId":42,"name":"Jensen's Bøfhus ApS","orgnr":"12345678","email/emailAddress":"info@jb.dk"}]}`
	personSlim := `{"odata.nextLink":"next","value":[{"PrimaryKey":"7","EntityName":"person","personId":"7","contactId":"[I:42]","firstName":"Jane","lastName":"Doe"}]}`

	tests := []struct {
		name      string
		reply     string
		call      func(c *Client) (any, error)
		method    string
		path      string // escaped path as received
		query     map[string]string
		body      string // expected JSON body, "" for none
		ctype     string
		want      any
		wantQuery string // exact raw query when set
	}{
		{name: "Contacts.Search", reply: slim, method: "GET", path: "/Cust12345/api/v1/Contact",
			call: func(c *Client) (any, error) {
				r, _, err := c.Contacts.Search(ctx, &SearchOptions{
					Select:  []string{ColContactID, ColName, ColOrgNr, ColEmail},
					Filter:  Or(Is(ColOrgNr, "12345678"), Begins(ColName, "Jensen")),
					OrderBy: []string{"contactId"}, Top: 20, Skip: 40,
				})
				if err != nil {
					return nil, err
				}
				return r.Contacts()[0], nil
			},
			query: map[string]string{"$select": "contactId,name,orgnr,email/emailAddress",
				"$filter": "orgnr is '12345678' or name begins 'Jensen'", "$orderBy": "contactId", "$top": "20", "$skip": "40"},
			wantQuery: "$filter=orgnr%20is%20%2712345678%27%20or%20name%20begins%20%27Jensen%27&$orderBy=contactId&$select=contactId%2Cname%2Corgnr%2Cemail%2FemailAddress&$skip=40&$top=20",
			want:      ContactRow{ContactID: 42, Name: "Jensen's Bøfhus ApS", OrgNr: "12345678", Email: "info@jb.dk"}},
		{name: "Contacts.Get", reply: contactJSON, method: "GET", path: "/Cust12345/api/v1/Contact/42",
			call: func(c *Client) (any, error) { e, _, err := c.Contacts.Get(ctx, 42); return deref(e), err },
			want: ContactEntity{ContactId: 42, Name: "Jensen's Bøfhus ApS", OrgNr: "12345678", CustomFields: map[string]string{"RabitIQ:1": "[I:80]"}}},
		{name: "Contacts.Default", reply: `{"ContactId":0,"Country":{"CountryId":208}}`, method: "GET", path: "/Cust12345/api/v1/Contact/default",
			call: func(c *Client) (any, error) { e, _, err := c.Contacts.Default(ctx); return deref(e), err },
			want: ContactEntity{Country: &Country{CountryId: 208}}},
		{name: "Contacts.Create", reply: contactJSON, method: "POST", path: "/Cust12345/api/v1/Contact",
			call: func(c *Client) (any, error) {
				e, _, err := c.Contacts.Create(ctx, &ContactEntity{Name: "Jensen's Bøfhus ApS", OrgNr: "12345678", CustomFields: map[string]string{"RabitIQ:1": "[I:80]"}})
				return deref(e).ContactId, err
			},
			body: `{"ContactId":0,"Name":"Jensen's Bøfhus ApS","OrgNr":"12345678","CustomFields":{"RabitIQ:1":"[I:80]"}}`, ctype: "application/json", want: 42},
		{name: "Contacts.Update", reply: contactJSON, method: "PUT", path: "/Cust12345/api/v1/Contact/42",
			call: func(c *Client) (any, error) {
				e, _, err := c.Contacts.Update(ctx, 42, &ContactEntity{ContactId: 42, Name: "X"})
				return deref(e).ContactId, err
			},
			body: `{"ContactId":42,"Name":"X"}`, ctype: "application/json", want: 42},
		{name: "Contacts.Patch", reply: contactJSON, method: "PATCH", path: "/Cust12345/api/v1/Contact/42",
			call: func(c *Client) (any, error) {
				e, _, err := c.Contacts.Patch(ctx, 42, []PatchOp{PatchReplace("Department", "Ops"), PatchReplace("CustomFields", map[string]string{"RabitIQ:3": "IT"})})
				return deref(e).ContactId, err
			},
			body:  `[{"op":"replace","path":"Department","value":"Ops"},{"op":"replace","path":"CustomFields","value":{"RabitIQ:3":"IT"}}]`,
			ctype: "application/json", want: 42},
		{name: "Contacts.CustomFields", reply: `[{"FieldType":"Integer","FieldName":"RabitIQ:1","DisplayName":"RabitIQ Score","Rank":1}]`,
			method: "GET", path: "/Cust12345/api/v1/Contact/CustomField",
			call: func(c *Client) (any, error) { r, _, err := c.Contacts.CustomFields(ctx); return r, err },
			want: []FieldInfo{{FieldType: "Integer", FieldName: "RabitIQ:1", DisplayName: "RabitIQ Score", Rank: 1}}},
		{name: "Contacts.UdefLayoutPublished", reply: `[{"UDefFieldId":3,"ProgId":"RabitIQ:2","FieldLabel":"Fit Begrundelse","FieldType":"LongText","TextLength":199}]`,
			method: "GET", path: "/Cust12345/api/v1/Contact/UdefLayout/Published",
			call: func(c *Client) (any, error) { r, _, err := c.Contacts.UdefLayoutPublished(ctx); return r, err },
			want: []UserDefinedFieldInfo{{UDefFieldId: 3, ProgId: "RabitIQ:2", FieldLabel: "Fit Begrundelse", FieldType: "LongText", TextLength: 199}}},
		{name: "Contacts.Duplicates", reply: `[{"RuleName":"ContactNameDuplicateRule","SoPrimaryKey":42,"EntryName":"Jensen's Bøfhus ApS","RuleDisplayName":"Same name"}]`,
			method: "GET", path: "/Cust12345/api/v1/Contact/Duplicates/Jensen%27s%20B%C3%B8fhus%2FCo",
			query: map[string]string{"department": "Salg & Service"},
			call: func(c *Client) (any, error) {
				r, _, err := c.Contacts.Duplicates(ctx, "Jensen's Bøfhus/Co", "Salg & Service")
				return r, err
			},
			want: []DuplicateEntry{{RuleName: "ContactNameDuplicateRule", SoPrimaryKey: 42, EntryName: "Jensen's Bøfhus ApS", RuleDisplayName: "Same name"}}},
		{name: "Contacts.Duplicates dot segment", reply: `[]`, method: "GET", path: "/Cust12345/api/v1/Contact/Duplicates/%2E%2E",
			call: func(c *Client) (any, error) { r, _, err := c.Contacts.Duplicates(ctx, "..", ""); return len(r), err },
			want: 0},
		{name: "Contacts.DuplicateDomains", reply: `[{"RuleName":"ContactDomainDuplicateRule","SoPrimaryKey":9,"EntryName":"JB"}]`,
			method: "GET", path: "/Cust12345/api/v1/Contact/DuplicateDomains/jb.dk",
			call: func(c *Client) (any, error) { r, _, err := c.Contacts.DuplicateDomains(ctx, "jb.dk"); return r, err },
			want: []DuplicateEntry{{RuleName: "ContactDomainDuplicateRule", SoPrimaryKey: 9, EntryName: "JB"}}},
		{name: "Contacts.Persons", reply: personSlim, method: "GET", path: "/Cust12345/api/v1/Contact/42/Persons",
			query: map[string]string{"$select": "personId,contactId,firstName,middleName,lastName,fullName,title,email/emailAddress", "$filter": "email/emailAddress eq 'jane@jb.dk'"},
			call: func(c *Client) (any, error) {
				r, _, err := c.Contacts.Persons(ctx, 42, &SearchOptions{Select: PersonRowColumns(), Filter: Eq(ColEmail, "jane@jb.dk")})
				if err != nil {
					return nil, err
				}
				return []any{r.NextLink, r.Persons()[0]}, nil
			},
			want: []any{"next", PersonRow{PersonID: 7, ContactID: 42, FirstName: "Jane", LastName: "Doe"}}},
		{name: "Persons.Search", reply: personSlim, method: "GET", path: "/Cust12345/api/v1/Person",
			query: map[string]string{"$filter": "contactId eq 42 and email/emailAddress eq 'jane@jb.dk'"},
			call: func(c *Client) (any, error) {
				r, _, err := c.Persons.Search(ctx, &SearchOptions{Filter: And(Eq(ColContactID, 42), Eq(ColEmail, "jane@jb.dk"))})
				if err != nil {
					return nil, err
				}
				return r.Rows[0].PrimaryKey(), nil
			},
			want: 7},
		{name: "Persons.Get", reply: personJSON, method: "GET", path: "/Cust12345/api/v1/Person/7",
			call: func(c *Client) (any, error) { e, _, err := c.Persons.Get(ctx, 7); return deref(e), err },
			want: PersonEntity{PersonId: 7, Firstname: "Jane", Lastname: "Doe", Contact: &ContactRef{ContactId: 42}}},
		{name: "Persons.Default", reply: `{"PersonId":0}`, method: "GET", path: "/Cust12345/api/v1/Person/default",
			call: func(c *Client) (any, error) { e, _, err := c.Persons.Default(ctx); return deref(e), err },
			want: PersonEntity{}},
		{name: "Persons.Create", reply: personJSON, method: "POST", path: "/Cust12345/api/v1/Person",
			call: func(c *Client) (any, error) {
				e, _, err := c.Persons.Create(ctx, &PersonEntity{Firstname: "Jane", Lastname: "Doe", Contact: &ContactRef{ContactId: 42}})
				return deref(e).PersonId, err
			},
			body: `{"PersonId":0,"Firstname":"Jane","Lastname":"Doe","Contact":{"ContactId":42}}`, ctype: "application/json", want: 7},
		{name: "Persons.Update", reply: personJSON, method: "PUT", path: "/Cust12345/api/v1/Person/7",
			call: func(c *Client) (any, error) {
				e, _, err := c.Persons.Update(ctx, 7, &PersonEntity{PersonId: 7, Title: "CEO"})
				return deref(e).PersonId, err
			},
			body: `{"PersonId":7,"Title":"CEO"}`, ctype: "application/json", want: 7},
		{name: "Persons.Patch", reply: personJSON, method: "PATCH", path: "/Cust12345/api/v1/Person/7",
			call: func(c *Client) (any, error) {
				e, _, err := c.Persons.Patch(ctx, 7, []PatchOp{PatchReplace("Title", "CEO")})
				return deref(e).PersonId, err
			},
			body: `[{"op":"replace","path":"Title","value":"CEO"}]`, ctype: "application/json", want: 7},
		{name: "Persons.CustomFields", reply: `[{"FieldType":"ShortText","FieldName":"x_rabitiq_industry","DisplayName":"Branche"}]`,
			method: "GET", path: "/Cust12345/api/v1/Person/CustomField",
			call: func(c *Client) (any, error) { r, _, err := c.Persons.CustomFields(ctx); return r, err },
			want: []FieldInfo{{FieldType: "ShortText", FieldName: "x_rabitiq_industry", DisplayName: "Branche"}}},
		{name: "Persons.UdefLayoutPublished", reply: `[{"ProgId":"RabitIQ:5","FieldLabel":"Lokation","FieldType":"ShortText","TextLength":39}]`,
			method: "GET", path: "/Cust12345/api/v1/Person/UdefLayout/Published",
			call: func(c *Client) (any, error) { r, _, err := c.Persons.UdefLayoutPublished(ctx); return r, err },
			want: []UserDefinedFieldInfo{{ProgId: "RabitIQ:5", FieldLabel: "Lokation", FieldType: "ShortText", TextLength: 39}}},
		{name: "Lists.Countries", reply: `[{"CountryId":208,"Name":"Danmark","EnglishName":"Denmark","TwoLetterISOCountry":"DK","ThreeLetterISOCountry":"DNK","OrgNrText":"CVR-nr.","Deleted":false}]`,
			method: "GET", path: "/Cust12345/api/v1/List/Country/Items",
			call: func(c *Client) (any, error) { r, _, err := c.Lists.Countries(ctx); return r, err },
			want: []CountryItem{{CountryId: 208, Name: "Danmark", EnglishName: "Denmark", TwoLetterISOCountry: "DK", ThreeLetterISOCountry: "DNK", OrgNrText: "CVR-nr."}}},
		{name: "User.CurrentPrincipal", reply: `{"UserType":"InternalAssociate","Associate":"JD","AssociateId":5,"IsPerson":true,"PersonId":3,"HomeCountryId":208,"FullName":"Jane Doe","EMailAddress":"jd@x.dk","DatabaseContextIdentifier":"Cust12345","Licenses":[{"Name":"x"}]}`,
			method: "GET", path: "/Cust12345/api/v1/User/currentPrincipal",
			call: func(c *Client) (any, error) { r, _, err := c.User.CurrentPrincipal(ctx); return deref(r), err },
			want: Principal{UserType: "InternalAssociate", Associate: "JD", AssociateId: 5, IsPerson: true, PersonId: 3, HomeCountryId: 208, FullName: "Jane Doe", EMailAddress: "jd@x.dk", DatabaseContextIdentifier: "Cust12345"}},
		{name: "Version", reply: `{"v1":"https://x/Cust12345/api/v1/","NetServerVersion":"11.10.721.0"}`,
			method: "GET", path: "/Cust12345/api/",
			call: func(c *Client) (any, error) { r, _, err := c.Version(ctx); return deref(r), err },
			want: VersionInfo{V1: "https://x/Cust12345/api/v1/", NetServerVersion: "11.10.721.0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := newRecorder(t, jsonReply(http.StatusOK, tt.reply))
			c := newTestClient(t, rec.base(), newFakeClock())
			got, err := tt.call(c)
			if err != nil {
				t.Fatalf("call: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("result = %#v\nwant %#v", got, tt.want)
			}
			reqs := rec.requests()
			if len(reqs) != 1 {
				t.Fatalf("got %d requests, want 1", len(reqs))
			}
			r := reqs[0]
			if r.Method != tt.method || r.RawPath != tt.path {
				t.Errorf("request = %s %s, want %s %s", r.Method, r.RawPath, tt.method, tt.path)
			}
			for k, v := range tt.query {
				if got := r.Query[k]; len(got) != 1 || got[0] != v {
					t.Errorf("query %s = %q, want %q", k, got, v)
				}
			}
			if tt.wantQuery != "" && r.RawQuery != tt.wantQuery {
				t.Errorf("raw query = %s\nwant        %s", r.RawQuery, tt.wantQuery)
			}
			checkHeaders(t, r, tt.ctype)
			if tt.body == "" {
				if len(r.Body) != 0 {
					t.Errorf("unexpected body %s", r.Body)
				}
			} else if !jsonEqual(t, r.Body, tt.body) {
				t.Errorf("body = %s\nwant %s", r.Body, tt.body)
			}
		})
	}
}

func checkHeaders(t *testing.T, r seen, ctype string) {
	t.Helper()
	if got := r.Header.Get("Authorization"); got != "Bearer "+testToken {
		t.Errorf("Authorization = %q", got)
	}
	if got := r.Header.Get("Accept"); got != "application/json" {
		t.Errorf("Accept = %q", got)
	}
	if got := r.Header.Get("User-Agent"); got != DefaultUserAgent || !strings.HasPrefix(got, "RabitIQ-SuperOffice/") {
		t.Errorf("User-Agent = %q", got)
	}
	if got := r.Header.Get("Content-Type"); got != ctype {
		t.Errorf("Content-Type = %q, want %q", got, ctype)
	}
}

func jsonEqual(t *testing.T, got []byte, want string) bool {
	t.Helper()
	var a, b any
	if err := json.Unmarshal(got, &a); err != nil {
		t.Fatalf("body is not JSON: %v: %s", err, got)
	}
	if err := json.Unmarshal([]byte(want), &b); err != nil {
		t.Fatalf("bad want JSON: %v", err)
	}
	return reflect.DeepEqual(a, b)
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func TestPatchContentTypeOption(t *testing.T) {
	rec := newRecorder(t, jsonReply(http.StatusOK, `{"ContactId":1}`))
	c := newTestClient(t, rec.base(), newFakeClock(), WithPatchContentType("application/json-patch+json"))
	if _, _, err := c.Contacts.Patch(context.Background(), 1, []PatchOp{PatchReplace("Name", "A")}); err != nil {
		t.Fatal(err)
	}
	if got := rec.requests()[0].Header.Get("Content-Type"); got != "application/json-patch+json" {
		t.Errorf("Content-Type = %q", got)
	}
}

func TestInputValidation(t *testing.T) {
	rec := newRecorder(t, jsonReply(http.StatusOK, `{}`))
	c := newTestClient(t, rec.base(), newFakeClock())
	ctx := context.Background()
	checks := map[string]error{}
	_, _, checks["get id 0"] = c.Contacts.Get(ctx, 0)
	_, _, checks["create with id"] = c.Contacts.Create(ctx, &ContactEntity{ContactId: 5})
	_, _, checks["create nil"] = c.Persons.Create(ctx, nil)
	_, _, checks["update mismatch"] = c.Contacts.Update(ctx, 5, &ContactEntity{ContactId: 6})
	_, _, checks["empty patch"] = c.Persons.Patch(ctx, 5, nil)
	_, _, checks["empty duplicate name"] = c.Contacts.Duplicates(ctx, "", "")
	_, _, checks["bad column"] = c.Contacts.Search(ctx, &SearchOptions{Select: []string{"name) or (1"}})
	_, _, checks["bad filter"] = c.Contacts.Search(ctx, &SearchOptions{Filter: Eq("name", 1.5)})
	_, _, checks["bad order"] = c.Contacts.Search(ctx, &SearchOptions{OrderBy: []string{"name sideways"}})
	for name, err := range checks {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if n := len(rec.requests()); n != 0 {
		t.Errorf("%d requests sent for invalid input", n)
	}
}
