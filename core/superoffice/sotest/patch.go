package sotest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"
)

// applyJSONPatch applies a JSON Patch document (RFC 6902: add, replace,
// remove, test) to copies of an entity's props and custom fields. Paths
// are case-insensitive and the leading slash is optional (API.md §2.3).
// Assumption (UNCONFIRMED upstream): a replace/add of "CustomFields" with
// an object updates only the keys given. Operations on unknown paths are
// reported and skipped. It returns a non-zero status to abort (409 for a
// failed test, 400 for a malformed document); nothing is then saved.
func (s *Server) applyJSONPatch(k *kindInfo, props map[string]any, custom map[string]string, ops []any, report issueFunc) (int, string) {
	for i, raw := range ops {
		where := fmt.Sprintf("/%d", i)
		op, ok := raw.(map[string]any)
		if !ok {
			report(KindPatch, where, "operation is not an object")
			return http.StatusBadRequest, "Invalid patch operation"
		}
		name := strings.ToLower(str(op, "op"))
		path, hasPath := op["path"].(string)
		value, hasValue := op["value"]
		switch {
		case name == "move" || name == "copy":
			report(KindPatch, where, "op "+name+" is not supported by the service")
			return http.StatusBadRequest, "Unsupported patch operation " + name
		case name != "add" && name != "replace" && name != "remove" && name != "test":
			report(KindPatch, where, fmt.Sprintf("unknown op %q", str(op, "op")))
			return http.StatusBadRequest, "Invalid patch operation"
		case !hasPath:
			report(KindPatch, where, "operation without path")
			return http.StatusBadRequest, "Invalid patch operation"
		case name != "remove" && !hasValue:
			report(KindPatch, where, "op "+name+" without value")
			return http.StatusBadRequest, "Invalid patch operation"
		}
		segs := pointerSegs(path)
		if len(segs) == 0 {
			report(KindPatch, where+"/path", "empty path")
			return http.StatusBadRequest, "Invalid patch path"
		}
		canon, prop, problem := s.schemas.resolve(k.def, segs)
		pointer := "/" + strings.Join(canon, "/")
		switch {
		case problem != "":
			report(KindUnknownProperty, path, problem+" (operation skipped)")
			continue
		case canon[0] == "UserDefinedFields" || canon[0] == "ExtraFields":
			report(KindDeprecated, path, canon[0]+" is deprecated; use CustomFields (operation skipped)")
			continue
		case k.readOnly[canon[0]]:
			report(KindReadOnly, path, canon[0]+" is read-only (operation skipped)")
			continue
		case canon[0] == "CustomFields":
			if status, msg := s.patchCustom(k, name, canon, value, custom, report); status != 0 {
				return status, msg
			}
			continue
		}
		if name == "test" {
			cur, _ := ptrGet(props, canon)
			if !jsonEqual(cur, value) {
				return http.StatusConflict, "Patch test failed at " + pointer
			}
			continue
		}
		if name != "remove" {
			s.schemas.checkValue(prop, value, pointer, report)
			value = s.schemas.canonicalize(prop, value)
		}
		if err := ptrApply(props, canon, name, value); err != nil {
			report(KindPatch, path, err.Error())
			return http.StatusBadRequest, "Patch failed at " + pointer + ": " + err.Error()
		}
	}
	applyLimits(props, "", "", k.limits, report)
	applyLocalizedAddress(props, report)
	return 0, ""
}

// patchCustom applies one operation under /CustomFields.
func (s *Server) patchCustom(k *kindInfo, name string, canon []string, value any, custom map[string]string, report issueFunc) (int, string) {
	if len(canon) == 1 {
		switch name {
		case "remove":
			clear(custom)
		case "test":
			obj, _ := value.(map[string]any)
			for key, want := range obj {
				if d, ok := findField(s.fieldsOf(k), key); ok {
					norm, _ := normalizeCustom(d, fmt.Sprint(want))
					if custom[d.ProgId] != norm {
						return http.StatusConflict, "Patch test failed at /CustomFields/" + key
					}
				}
			}
		default:
			s.replaceCustom(custom)
			s.applyCustom(k, value, "/CustomFields", custom, report)
		}
		return 0, ""
	}
	key := canon[1]
	pointer := "/CustomFields/" + escapePointer(key)
	switch name {
	case "remove":
		if d, ok := findField(s.fieldsOf(k), key); ok {
			delete(custom, d.ProgId)
		} else {
			report(KindUnknownCustomField, pointer, fmt.Sprintf("the tenant has no custom field %q on %s", key, k.name))
		}
	case "test":
		d, ok := findField(s.fieldsOf(k), key)
		norm, _ := normalizeCustom(d, fmt.Sprint(value))
		if !ok || custom[d.ProgId] != norm {
			return http.StatusConflict, "Patch test failed at " + pointer
		}
	default:
		s.applyCustom(k, map[string]any{key: value}, "/CustomFields", custom, report)
	}
	return 0, ""
}

// pointerSegs splits a patch path; the leading slash is optional.
func pointerSegs(path string) []string {
	path = strings.TrimPrefix(strings.TrimSpace(path), "/")
	if path == "" {
		return nil
	}
	parts := strings.Split(path, "/")
	for i, p := range parts {
		parts[i] = unescapePointer(p)
	}
	return parts
}

// resolve maps path segments to canonical property names along the schema
// and returns the schema of the target.
func (s *schemaSet) resolve(def string, segs []string) ([]string, *schemaProp, string) {
	cur := &schemaProp{Ref: "#/definitions/" + def}
	canon := make([]string, 0, len(segs))
	for _, seg := range segs {
		switch {
		case cur == nil:
			return nil, nil, "path goes below a leaf value"
		case cur.Ref != "":
			d := strings.TrimPrefix(cur.Ref, "#/definitions/")
			c, _, found := s.canonical(d, seg)
			if !found {
				return nil, nil, fmt.Sprintf("%q is not a property of %s", seg, shortDef(d))
			}
			canon = append(canon, c)
			cur = s.prop(d, c)
		case cur.Type == "array":
			if _, err := strconv.Atoi(seg); err != nil && seg != "-" {
				return nil, nil, fmt.Sprintf("%q is not an array index", seg)
			}
			canon = append(canon, seg)
			cur = cur.Items
		case cur.Type == "object" && cur.AdditionalProperties != nil:
			canon = append(canon, seg)
			cur = cur.AdditionalProperties
		default:
			return nil, nil, "path goes below a leaf value"
		}
	}
	return canon, cur, ""
}

// ptrGet reads the value at segs.
func ptrGet(root any, segs []string) (any, bool) {
	cur := root
	for _, seg := range segs {
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[seg]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			cur = c[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// ptrApply performs add/replace/remove at segs, creating missing
// intermediate objects (the service's entities always have them).
func ptrApply(root map[string]any, segs []string, op string, value any) error {
	parentSegs, last := segs[:len(segs)-1], segs[len(segs)-1]
	var parent any = root
	for i, seg := range parentSegs {
		next, ok := ptrGet(parent, []string{seg})
		if !ok || next == nil {
			if _, isMap := parent.(map[string]any); !isMap || op == "remove" {
				return fmt.Errorf("path /%s does not exist", strings.Join(segs[:i+1], "/"))
			}
			next = map[string]any{}
			if _, err := strconv.Atoi(lookahead(segs, i+1)); err == nil || lookahead(segs, i+1) == "-" {
				next = []any{}
			}
			parent.(map[string]any)[seg] = next
		}
		parent = next
	}
	switch p := parent.(type) {
	case map[string]any:
		if op == "remove" {
			delete(p, last)
		} else {
			p[last] = value
		}
		return nil
	case []any:
		return arrayApply(root, parentSegs, p, last, op, value)
	}
	return fmt.Errorf("path /%s is not a container", strings.Join(parentSegs, "/"))
}

func lookahead(segs []string, i int) string {
	if i < len(segs) {
		return segs[i]
	}
	return ""
}

// arrayApply changes an array element and stores the new slice back.
func arrayApply(root map[string]any, parentSegs []string, arr []any, last, op string, value any) error {
	idx := len(arr)
	if last != "-" {
		i, err := strconv.Atoi(last)
		if err != nil || i < 0 || i > len(arr) || (op != "add" && i == len(arr)) {
			return fmt.Errorf("index %s out of range", last)
		}
		idx = i
	} else if op != "add" {
		return fmt.Errorf("%q only works with add", "-")
	}
	switch op {
	case "add":
		arr = append(arr[:idx], append([]any{value}, arr[idx:]...)...)
	case "replace":
		arr[idx] = value
	case "remove":
		arr = append(arr[:idx], arr[idx+1:]...)
	}
	grand, _ := ptrGet(root, parentSegs[:len(parentSegs)-1])
	switch g := grand.(type) {
	case map[string]any:
		g[parentSegs[len(parentSegs)-1]] = arr
	case []any:
		i, _ := strconv.Atoi(parentSegs[len(parentSegs)-1])
		g[i] = arr
	}
	return nil
}

// jsonEqual compares two decoded JSON values.
func jsonEqual(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	if errA != nil || errB != nil {
		return false
	}
	va, _ := decodeJSON(ja)
	vb, _ := decodeJSON(jb)
	return reflect.DeepEqual(va, vb)
}
