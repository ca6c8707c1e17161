package sotest

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestMergeRequestMatchesOpenAPI checks that the merge endpoint and every
// property the simulator accepts are in the official ContactAgent file.
func TestMergeRequestMatchesOpenAPI(t *testing.T) {
	raw, err := os.ReadFile("../../../testdata/openapi/Swagger-v1-ContactAgent.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths       map[string]map[string]json.RawMessage `json:"paths"`
		Definitions map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"definitions"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if _, ok := doc.Paths["/api/v1/Agents/Contact/Merge"]["post"]; !ok {
		t.Fatal("POST /api/v1/Agents/Contact/Merge is not in the ContactAgent file")
	}
	props := doc.Definitions["SuperOffice.WebApi.v1.Carriers.ContactCarriers.MergeRequest"].Properties
	if len(props) != len(mergeProps) {
		t.Errorf("MergeRequest has %d properties, the simulator knows %d", len(props), len(mergeProps))
	}
	for p := range props {
		if !mergeProps[strings.ToLower(p)] {
			t.Errorf("MergeRequest.%s unknown to the simulator", p)
		}
	}
}

// TestMergeAndDeleteMakeCompaniesGone checks what a user's merge and
// delete leave: the merged-away company answers 404 and is in no search,
// its persons belong to the destination, a deleted one is gone likewise.
func TestMergeAndDeleteMakeCompaniesGone(t *testing.T) {
	for _, strict := range []bool{false, true} {
		s := newSim(t, Config{Strict: strict})
		a := newAPI(t, s)
		src, _ := s.AddCompany(SeedCompany{ID: 10, Name: "Gammel ApS", OrgNr: "11111111"})
		dst, _ := s.AddCompany(SeedCompany{ID: 11, Name: "Ny ApS"})
		if _, err := s.AddCompany(SeedCompany{ID: 12, Name: "Slettet ApS"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddPerson(SeedPerson{ID: 5, ContactID: src, Firstname: "Ida", Lastname: "Lund"}); err != nil {
			t.Fatal(err)
		}
		a.json("POST", "v1/Agents/Contact/Merge", map[string]any{"SourceContactId": src, "DestinationContactId": dst,
			"MergeIdenticalPersons": true, "ReplaceEmptyFieldsOnDestination": true}, 204)
		a.json("DELETE", "v1/Contact/12", nil, 204)
		a.json("GET", "v1/Contact/10", nil, 404)
		a.json("GET", "v1/Contact/12", nil, 404)
		rows := a.rows("v1/Contact?$select=contactId,orgnr&$filter=contactId%20in%20(10,11,12)")
		if len(rows) != 1 || mustNum(t, rows[0]["contactId"]) != dst {
			t.Fatalf("strict=%v: search after merge and delete = %v, want only %d", strict, rows, dst)
		}
		if rows[0]["orgnr"] != "11111111" {
			t.Errorf("strict=%v: ReplaceEmptyFieldsOnDestination left orgnr %v", strict, rows[0]["orgnr"])
		}
		if p, _ := s.Person(5); p.ContactId != dst {
			t.Errorf("strict=%v: person 5 is on company %d, want %d", strict, p.ContactId, dst)
		}
		noViolations(t, s)

		a.json("POST", "v1/Agents/Contact/Merge", map[string]any{"SourceContactId": 99, "DestinationContactId": dst}, 404)
		resp, _ := a.do("POST", "v1/Agents/Contact/Merge", map[string]any{"SourceContactId": dst, "DestinationContactId": dst})
		if resp.StatusCode != 400 {
			t.Errorf("strict=%v: merge into itself: %d, want 400", strict, resp.StatusCode)
		}
		wantViolation(t, s, KindRequest, "two different companies")
	}
}
