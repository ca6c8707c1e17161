package superoffice

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// TestLinkedBatchesByFifty checks that a read-back of 120 ids sends three
// "contactId in (…)" searches of at most 50 ids with the documented
// columns, reads the rows, and treats no id as found that was not asked.
func TestLinkedBatchesByFifty(t *testing.T) {
	rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		f := r.URL.Query().Get("$filter")
		inner := strings.TrimSuffix(strings.TrimPrefix(f, "contactId in ("), ")")
		var rows []string
		for _, s := range strings.Split(inner, ", ") {
			if s == "7" { // deleted in SuperOffice: no row
				continue
			}
			rows = append(rows, fmt.Sprintf(`{"PrimaryKey":%s,"EntityName":"contact","contactId":%s,"name":"Firma %s","orgnr":"1234","url/URLAddress":"https://x.dk","associateId":"[I:5]","contactAssociate/fullName":"Mette Kjær Lund"}`, s, s, s))
		}
		if strings.Contains(f, "42,") {
			// A second row of company 42 for its second web address, and a
			// third repeating the first.
			rows = append(rows, `{"PrimaryKey":42,"EntityName":"contact","contactId":42,"name":"Firma 42","orgnr":"1234","url/URLAddress":"https://y.dk","associateId":"[I:5]"}`,
				`{"PrimaryKey":42,"EntityName":"contact","contactId":42,"name":"Firma 42","orgnr":"1234","url/URLAddress":"https://x.dk","associateId":"[I:5]"}`)
		}
		rows = append(rows, `{"PrimaryKey":9999,"EntityName":"contact","contactId":9999,"name":"not asked"}`)
		jsonReply(200, `{"odata.nextLink":null,"value":[`+strings.Join(rows, ",")+`]}`)(w, r)
	})
	c := newTestClient(t, rec.base(), newFakeClock())
	var ids []int
	for i := 120; i >= 1; i-- {
		ids = append(ids, i)
	}
	ids = append(ids, 5, 0) // a repeat and a never-synced id are not asked twice or at all
	got, err := c.Contacts.Linked(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	reqs := rec.requests()
	if len(reqs) != 3 || got.Queries != 3 {
		t.Fatalf("sent %d requests (Queries %d), want 3", len(reqs), got.Queries)
	}
	for i, r := range reqs {
		if r.Method != "GET" || r.Path != "/Cust12345/api/v1/Contact" {
			t.Errorf("request %d: %s %s", i, r.Method, r.Path)
		}
		f := r.Query["$filter"][0]
		if n := strings.Count(f, ",") + 1; !strings.HasPrefix(f, "contactId in (") || n > MaxLinkedPerQuery {
			t.Errorf("request %d: filter %q asks %d ids", i, f, n)
		}
		if s := r.Query["$select"][0]; s != "contactId,name,orgnr,url/URLAddress,associateId,contactAssociate/fullName" {
			t.Errorf("request %d: $select %q", i, s)
		}
	}
	if len(got.Checked) != 120 || len(got.Found) != 119 {
		t.Fatalf("checked %d, found %d; want 120 and 119", len(got.Checked), len(got.Found))
	}
	if _, ok := got.Found[7]; ok {
		t.Error("id 7 had no row but was found")
	}
	if _, ok := got.Found[9999]; ok {
		t.Error("a row for an id not asked was taken")
	}
	want := LinkedCompany{ContactID: 42, Name: "Firma 42", OrgNr: "1234", URL: "https://x.dk", URLs: []string{"https://x.dk", "https://y.dk"},
		AssociateID: 5, Owner: "Mette Kjær Lund"}
	if !reflect.DeepEqual(got.Found[42], want) {
		t.Errorf("found[42] = %+v, want %+v", got.Found[42], want)
	}
}

// TestLinkedStopsAtFailureKeepingDoneBatches checks that an error in the
// second batch returns the first batch as checked and nothing of the rest,
// so the caller cannot mistake unread companies for gone ones.
func TestLinkedStopsAtFailureKeepingDoneBatches(t *testing.T) {
	rec := newRecorder(t,
		jsonReply(200, `{"value":[{"PrimaryKey":1,"contactId":1,"name":"A"}]}`),
		jsonReply(404, `{"Error":true,"ErrorType":"X","ErrorMessage":"nope"}`))
	c := newTestClient(t, rec.base(), newFakeClock())
	ids := make([]int, 70)
	for i := range ids {
		ids[i] = i + 1
	}
	got, err := c.Contacts.Linked(context.Background(), ids)
	if err == nil {
		t.Fatal("no error from a failing second batch")
	}
	if len(got.Checked) != 50 || len(got.Found) != 1 {
		t.Errorf("checked %d found %d, want 50 and 1", len(got.Checked), len(got.Found))
	}
}

// TestLinkedFollowsPages checks that a cut answer is read to its end, so a
// company on the second page is not taken for gone.
func TestLinkedFollowsPages(t *testing.T) {
	rec := newRecorder(t,
		jsonReply(200, `{"odata.nextLink":"more","value":[{"PrimaryKey":1,"contactId":1,"name":"A"}]}`),
		jsonReply(200, `{"odata.nextLink":null,"value":[{"PrimaryKey":2,"contactId":2,"name":"B"}]}`))
	c := newTestClient(t, rec.base(), newFakeClock())
	got, err := c.Contacts.Linked(context.Background(), []int{1, 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Found) != 2 || got.Queries != 2 {
		t.Fatalf("found %d in %d queries, want 2 in 2", len(got.Found), got.Queries)
	}
	if s := rec.requests()[1].Query["$skip"]; len(s) != 1 || s[0] != "1" {
		t.Errorf("second page $skip = %v, want 1", s)
	}
}
