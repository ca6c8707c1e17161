package sotest

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestEmbeddedListOpenAPIMatchesTestdata(t *testing.T) {
	for _, f := range []string{"List", "MDOList"} {
		a, _ := os.ReadFile("../../../testdata/openapi/Swagger-v1-" + f + ".json")
		b, _ := openapiFS.ReadFile("openapi/Swagger-v1-" + f + ".json")
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("embedded Swagger-v1-%s.json differs from testdata", f)
		}
	}
}

func TestListEndpointsExistInOpenAPI(t *testing.T) {
	_, paths := specs(t)
	for _, l := range []string{"Category", "Business", "Task"} {
		for _, p := range []string{"/api/v1/List/" + l + "/Items", "/api/v1/List/" + l + "/Items/Default", "/api/v1/List/" + l + "/Items/{id}"} {
			if !paths[p]["GET"] {
				t.Errorf("GET %s is not in the OpenAPI files", p)
			}
		}
	}
}

// names returns the display names of a list answer, in order.
func names(t *testing.T, v any, key string) []string {
	t.Helper()
	arr, ok := v.([]any)
	if !ok {
		t.Fatalf("not a list: %v", v)
	}
	var out []string
	for _, it := range arr {
		s, _ := get(it, key).(string)
		out = append(out, s)
	}
	return out
}

func TestListItemsFollowOpenAPIAndHideDeleted(t *testing.T) {
	set, _ := specs(t)
	s := newSim(t, Config{Seed: DemoSeed()})
	a := newAPI(t, s)
	check := func(what, def string, v any) {
		t.Helper()
		objs, ok := v.([]any)
		if !ok {
			objs = []any{v}
		}
		for _, o := range objs {
			set.checkObject(def, o.(map[string]any), "", func(kind, ptr, msg string) { t.Errorf("%s: %s %s: %s", what, kind, ptr, msg) })
		}
	}
	cats := a.json("GET", "v1/List/Category/Items", nil, 200)
	check("Category items", defListItem, cats)
	if got := strings.Join(names(t, cats, "Name"), ","); got != "Kunde,Prospekt,Leverandør,Partner,Konkurrent" {
		t.Errorf("categories = %s (deleted 'Tidligere kunde' must not be offered)", got)
	}
	all := names(t, a.json("GET", "v1/List/Category/Items?includeDeleted=true", nil, 200), "Name")
	if !strings.Contains(strings.Join(all, ","), "Tidligere kunde") {
		t.Errorf("includeDeleted=true leaves the deleted item out: %v", all)
	}
	tasks := a.json("GET", "v1/List/Task/Items", nil, 200)
	check("Task items", defTaskItem, tasks)
	if got := names(t, tasks, "Value"); len(got) == 0 || got[0] != "Telefonsamtale" || strings.Contains(strings.Join(got, ","), "Fax") {
		t.Errorf("tasks = %v", got)
	}
	check("Business items", defListItem, a.json("GET", "v1/List/Business/Items", nil, 200))

	def := a.obj("GET", "v1/List/Category/Items/Default", nil, 200)
	check("Category default", defListItem, def)
	if def["Name"] != "Prospekt" {
		t.Errorf("Category default = %v", def)
	}
	if d := a.obj("GET", "v1/List/Task/Items/Default", nil, 200); d["Value"] != "Telefonsamtale" {
		t.Errorf("Task default = %v", d)
	}
	if d := a.obj("GET", "v1/List/Business/Items/Default", nil, 200); mustNum(t, d["Id"]) != 0 {
		t.Errorf("Business has no default item; got %v", d)
	}
	if it := a.obj("GET", "v1/List/Business/Items/3", nil, 200); it["Name"] != "Rådgivning" {
		t.Errorf("Business 3 = %v", it)
	}
	a.json("GET", "v1/List/Business/Items/999", nil, 404)
	noViolations(t, s)
}

func TestContactDefaultAndListReferences(t *testing.T) {
	s := newSim(t, Config{Seed: DemoSeed()})
	a := newAPI(t, s)
	def := a.obj("GET", "v1/Contact/default", nil, 200)
	if get(def, "Category", "Value") != "Prospekt" || mustNum(t, get(def, "Associate", "AssociateId")) != principalAssociateID {
		t.Fatalf("Contact/default: category %v, owner %v", get(def, "Category"), get(def, "Associate"))
	}
	c := a.obj("POST", "v1/Contact", map[string]any{"Name": "Liste ApS", "Category": map[string]any{"Id": 1}, "Business": map[string]any{"Id": 3}}, 200)
	id := mustNum(t, c["ContactId"])
	got := a.obj("GET", "v1/Contact/"+strconv.Itoa(id), nil, 200)
	if get(got, "Category", "Value") != "Kunde" || get(got, "Business", "Value") != "Rådgivning" || mustNum(t, get(got, "Business", "Id")) != 3 {
		t.Errorf("GET after POST: category %v, business %v", get(got, "Category"), get(got, "Business"))
	}
	noViolations(t, s)

	// An item deleted later stays on the company, and an update that does
	// not touch it is not refused, even by a strict tenant.
	if err := s.DeleteListItem("Category", 1); err != nil {
		t.Fatal(err)
	}
	a.obj("PATCH", "v1/Contact/"+strconv.Itoa(id), map[string]any{"Department": "Syd"}, 200)
	if got := a.obj("GET", "v1/Contact/"+strconv.Itoa(id), nil, 200); get(got, "Category", "Value") != "Kunde" {
		t.Errorf("category after an unrelated update = %v", get(got, "Category"))
	}
	noViolations(t, s)
}

func TestUnknownListItemIsRefusedByStrictTenant(t *testing.T) {
	for _, strict := range []bool{false, true} {
		s := newSim(t, Config{Seed: DemoSeed(), Strict: strict})
		a := newAPI(t, s)
		before := len(s.Companies())
		for _, body := range []map[string]any{
			{"Name": "Ukendt ApS", "Category": map[string]any{"Id": 99}},
			{"Name": "Slettet ApS", "Business": map[string]any{"Id": 12}}, // "Landbrug" is deleted
		} {
			resp, raw := a.do("POST", "v1/Contact", body)
			if strict && resp.StatusCode != 400 {
				t.Errorf("strict: POST %v answered %d, want 400: %s", body, resp.StatusCode, raw)
			}
			if !strict && resp.StatusCode != 200 {
				t.Errorf("forgiving: POST %v answered %d: %s", body, resp.StatusCode, raw)
			}
		}
		wantViolation(t, s, KindListItem, "/Category/Id")
		wantViolation(t, s, KindListItem, "/Business/Id")
		saved := len(s.Companies()) - before
		if strict && saved != 0 {
			t.Errorf("strict tenant saved %d companies with an unknown item", saved)
		}
		if !strict && saved != 2 {
			t.Errorf("forgiving tenant saved %d companies, want 2 (without the item)", saved)
		}
	}
}
