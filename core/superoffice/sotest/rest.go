package sotest

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// netServerVersion is the version the simulated tenant reports.
const netServerVersion = "11.10.721.0"

// handleTenant serves /<ctx>/api/...
func (s *Server) handleTenant(rc *reqCtx, ctxSeg string, rest []string) {
	if !strings.EqualFold(ctxSeg, s.cfg.Ctx) {
		rc.violate(KindRequest, "", fmt.Sprintf("unknown tenant %q (this tenant is %s; use webapi_url)", ctxSeg, s.cfg.Ctx))
		writeSOError(rc.w, http.StatusNotFound, "SoNotFoundException", "Tenant "+ctxSeg+" not found")
		return
	}
	if m := s.faults.moved(); m != "" && !strings.EqualFold(rc.r.Host, hostOf(m)) {
		rc.fault = "moved"
		writeSOError(rc.w, http.StatusMisdirectedRequest, "MisdirectedRequest", "Wrong subdomain used to access tenant "+s.cfg.Ctx)
		return
	}
	if s.applyRule(rc, true) {
		return
	}
	if len(rest) == 0 {
		if rc.r.Method != http.MethodGet {
			s.methodNotAllowed(rc)
			return
		}
		api := s.base(rc.r) + "/" + s.cfg.Ctx + "/api/"
		writeJSON(rc.w, http.StatusOK, map[string]any{"v1": api + "v1/", "NetServerVersion": netServerVersion})
		return
	}
	if !strings.EqualFold(rest[0], "v1") {
		s.notFoundRoute(rc)
		return
	}
	if acc := rc.r.Header.Get("Accept"); acc != "" && !strings.Contains(acc, "json") && !strings.Contains(acc, "*/*") {
		rc.violate(KindRequest, "Accept", "Accept "+acc+" does not include application/json; the service would answer XML")
	}
	if !s.bearer(rc) {
		return
	}
	s.routeV1(rc, rest[1:])
}

// lowerAt returns segs[i] in lower case, or "".
func lowerAt(segs []string, i int) string {
	if i < len(segs) {
		return strings.ToLower(segs[i])
	}
	return ""
}

func (s *Server) routeV1(rc *reqCtx, segs []string) {
	n := len(segs)
	switch {
	case n == 3 && lowerAt(segs, 0) == "agents" && lowerAt(segs, 1) == "contact" && lowerAt(segs, 2) == "merge":
		s.handleContactMerge(rc)
	case n >= 1 && lowerAt(segs, 0) == "contact":
		s.routeEntity(rc, contactKind, segs[1:])
	case n >= 1 && lowerAt(segs, 0) == "person":
		s.routeEntity(rc, personKind, segs[1:])
	case n >= 1 && lowerAt(segs, 0) == "appointment":
		s.routeAppointment(rc, segs[1:])
	case n >= 3 && lowerAt(segs, 0) == "list" && lowerAt(segs, 1) == "country" && lowerAt(segs, 2) == "items" && n <= 4:
		if s.onlyGet(rc) {
			s.handleCountries(rc, segs[3:])
		}
	case n >= 3 && n <= 4 && lowerAt(segs, 0) == "list" && listName(segs[1]) != "" && lowerAt(segs, 2) == "items":
		if s.onlyGet(rc) {
			s.handleListItems(rc, listName(segs[1]), segs[3:])
		}
	case n == 2 && lowerAt(segs, 0) == "user" && lowerAt(segs, 1) == "currentprincipal":
		if s.onlyGet(rc) {
			s.handlePrincipal(rc)
		}
	case n == 2 && lowerAt(segs, 0) == "schema":
		if s.onlyGet(rc) {
			s.handleSchema(rc, segs[1])
		}
	default:
		s.notFoundRoute(rc)
	}
}

func (s *Server) routeEntity(rc *reqCtx, k *kindInfo, segs []string) {
	m := rc.r.Method
	n := len(segs)
	if n == 0 {
		switch m {
		case http.MethodGet:
			s.handleSearch(rc, k, 0)
		case http.MethodPost:
			s.createEntity(rc, k)
		default:
			s.methodNotAllowed(rc)
		}
		return
	}
	if id, err := strconv.Atoi(segs[0]); err == nil {
		switch {
		case n == 1:
			s.entityByID(rc, k, id)
		case n == 2 && lowerAt(segs, 1) == "simple":
			if s.onlyGet(rc) {
				s.entitySimple(rc, k, id)
			}
		case n == 2 && lowerAt(segs, 1) == "persons" && k == contactKind:
			if s.onlyGet(rc) {
				s.contactPersons(rc, id)
			}
		default:
			s.notFoundRoute(rc)
		}
		return
	}
	if !s.onlyGet(rc) {
		return
	}
	switch {
	case n == 1 && lowerAt(segs, 0) == "default":
		s.defaultEntity(rc, k)
	case lowerAt(segs, 0) == "customfield" && n <= 2:
		s.handleCustomFieldInfo(rc, k, segs[1:])
	case lowerAt(segs, 0) == "udeflayout" && n == 1:
		s.handleUdefLayout(rc, k, false, "")
	case lowerAt(segs, 0) == "udeflayout" && lowerAt(segs, 1) == "published" && n <= 3:
		one := ""
		if n == 3 {
			one = segs[2]
		}
		s.handleUdefLayout(rc, k, true, one)
	case k == contactKind && lowerAt(segs, 0) == "duplicates" && n == 2:
		s.handleDuplicates(rc, segs[1], rc.r.URL.Query().Get("department"))
	case k == contactKind && lowerAt(segs, 0) == "duplicatedomains" && n == 2:
		s.handleDuplicateDomains(rc, segs[1])
	case k == contactKind && lowerAt(segs, 0) == "duplicaterules" && n == 1:
		writeJSON(rc.w, http.StatusOK, duplicateRules())
	default:
		s.notFoundRoute(rc)
	}
}

func (s *Server) entityByID(rc *reqCtx, k *kindInfo, id int) {
	switch rc.r.Method {
	case http.MethodGet:
		s.getEntity(rc, k, id)
	case http.MethodPut:
		s.putEntity(rc, k, id)
	case http.MethodPatch:
		s.patchEntity(rc, k, id)
	case http.MethodDelete:
		s.deleteEntity(rc, k, id)
	default:
		s.methodNotAllowed(rc)
	}
}

// onlyGet answers 405 for anything but GET.
func (s *Server) onlyGet(rc *reqCtx) bool {
	if rc.r.Method == http.MethodGet {
		return true
	}
	s.methodNotAllowed(rc)
	return false
}

func (s *Server) methodNotAllowed(rc *reqCtx) {
	rc.violate(KindRequest, "", "method "+rc.r.Method+" not supported on "+rc.r.URL.Path)
	writeSOError(rc.w, http.StatusMethodNotAllowed, "SoException", "The requested resource does not support http method '"+rc.r.Method+"'.")
}

func (s *Server) notFoundRoute(rc *reqCtx) {
	rc.violate(KindRequest, "", "no such endpoint: "+rc.r.Method+" "+rc.r.URL.EscapedPath())
	writeSOError(rc.w, http.StatusNotFound, "SoNotFoundException", "No HTTP resource was found that matches the request URI '"+rc.r.URL.EscapedPath()+"'.")
}

func notFoundEntity(rc *reqCtx, k *kindInfo, id int) {
	writeSOError(rc.w, http.StatusNotFound, "SoNotFoundException", fmt.Sprintf("%s id %d not found", k.name, id))
}

// handleState serves the tenant State API GET /api/state/{ctx}.
func (s *Server) handleState(rc *reqCtx, ctx string) {
	if !s.onlyGet(rc) {
		return
	}
	base := s.apiRoot(s.base(rc.r))
	if !strings.EqualFold(ctx, s.cfg.Ctx) {
		writeJSON(rc.w, http.StatusNotFound, map[string]any{"ContextIdentifier": ctx, "State": "Unknown", "IsRunning": false})
		return
	}
	writeJSON(rc.w, http.StatusOK, map[string]any{
		"ContextIdentifier": s.cfg.Ctx, "Endpoint": base + "/" + s.cfg.Ctx, "State": "Running", "IsRunning": true,
		"ValidUntil": time.Now().UTC().Add(time.Hour).Format("2006-01-02T15:04:05.00Z"),
		"Api":        base + "/" + s.cfg.Ctx + "/api", "Version": "Release_11.10_sim",
	})
}

func (s *Server) handleCountries(rc *reqCtx, rest []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(rest) == 1 {
		id, err := strconv.Atoi(rest[0])
		c := s.country(id)
		if err != nil || c == nil {
			writeSOError(rc.w, http.StatusNotFound, "SoNotFoundException", "Country id "+rest[0]+" not found")
			return
		}
		writeJSON(rc.w, http.StatusOK, c)
		return
	}
	all := strings.EqualFold(rc.r.URL.Query().Get("includeDeleted"), "true")
	out := []Country{}
	for _, c := range s.countries {
		if all || !c.Deleted {
			out = append(out, c)
		}
	}
	writeJSON(rc.w, http.StatusOK, out)
}

// handlePrincipal serves GET v1/User/currentPrincipal (SoPrincipalCarrier).
func (s *Server) handlePrincipal(rc *reqCtx) {
	writeJSON(rc.w, http.StatusOK, map[string]any{
		"UserType": "InternalAssociate", "Associate": initials(s.cfg.UserName), "AssociateId": principalAssociateID,
		"IsPerson": true, "PersonId": principalAssociateID, "CountryId": s.homeCountry, "HomeCountryId": s.homeCountry,
		"ContactId": 1, "GroupId": 1, "BusinessId": 0, "CategoryId": 0, "ContactOwner": principalAssociateID,
		"RoleId": 1, "RoleName": "Administrator", "RoleDescription": "Full access", "RoleType": "Employee",
		"Licenses": []any{}, "FullName": s.cfg.UserName, "EMailAddress": s.cfg.UserEmail,
		"FunctionRights": []string{"admin-all", "allow-crm"}, "EjUserId": 0, "EjAccessLevel": 0,
		"EjUserStatus": "StatusNormal", "ProvidedCredentials": []any{}, "SecondaryGroups": []int{},
		"DatabaseContextIdentifier": s.cfg.Ctx, "UserName": s.cfg.UserEmail,
	})
}

// fieldInfoType maps a udef type to the FieldInfoBase FieldType enum.
func fieldInfoType(t string) string {
	switch t {
	case "Number":
		return "Integer"
	case "List":
		return "MdoList"
	case "UnlimitedDate":
		return "Date"
	}
	return t
}

func templateVar(d CustomFieldDef, i int) any {
	if d.ExtraField {
		return nil
	}
	prefix := map[string]string{"ShortText": "cs", "LongText": "cl", "Number": "cn", "Decimal": "cf",
		"Date": "cd", "UnlimitedDate": "cu", "Checkbox": "cb", "List": "cl"}[d.Type]
	return fmt.Sprintf("%s%02d", prefix, i+1)
}

func fieldInfo(d CustomFieldDef, i int) map[string]any {
	return map[string]any{
		"FieldType": fieldInfoType(d.Type), "FieldName": d.ProgId, "DisplayName": d.Label, "Description": "",
		"ShortLabel": "", "HideLabel": false, "HideField": false, "IsIndexed": false, "IsMandatory": false,
		"IsReadOnly": false, "IsExternal": false, "IsDisplayField": false, "Rank": i + 1,
		"TemplateVariableName": templateVar(d, i),
	}
}

func (s *Server) fieldsOf(k *kindInfo) []CustomFieldDef {
	if k == personKind {
		return s.personFields
	}
	return s.contactFields
}

// handleCustomFieldInfo serves GET v1/<Kind>/CustomField[/{fieldName}].
func (s *Server) handleCustomFieldInfo(rc *reqCtx, k *kindInfo, rest []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []any{}
	for i, d := range s.fieldsOf(k) {
		if d.Unpublished {
			continue
		}
		if len(rest) == 1 && strings.EqualFold(rest[0], d.ProgId) {
			writeJSON(rc.w, http.StatusOK, fieldInfo(d, i))
			return
		}
		out = append(out, fieldInfo(d, i))
	}
	if len(rest) == 1 {
		writeSOError(rc.w, http.StatusNotFound, "SoNotFoundException", "Custom field "+rest[0]+" not found")
		return
	}
	writeJSON(rc.w, http.StatusOK, out)
}

// handleSchema serves GET v1/Schema/{tableName} (custom fields only).
func (s *Server) handleSchema(rc *reqCtx, table string) {
	switch strings.ToLower(table) {
	case "contact":
		s.handleCustomFieldInfo(rc, contactKind, nil)
	case "person":
		s.handleCustomFieldInfo(rc, personKind, nil)
	default:
		writeJSON(rc.w, http.StatusOK, []any{})
	}
}

func udefInfo(d CustomFieldDef, i int, owner string) map[string]any {
	return map[string]any{
		"UDefFieldId": 1000 + i, "ColumnId": 100 + i, "FieldDefault": "", "FieldHeight": 0, "FieldLabel": d.Label,
		"FieldLeft": 0, "FieldTop": 24 * i, "FieldType": d.Type, "FieldWidth": 0, "FormatMask": "",
		"HideLabel": false, "IsIndexed": false, "LabelHeight": 0, "LabelLeft": 0, "LabelTop": 24 * i,
		"LabelWidth": 0, "LastVersionId": 0, "ListTableId": 0, "IsMandatory": false, "Type": owner,
		"Page1LineNo": 0, "ProgId": d.ProgId, "IsReadOnly": false, "ShortLabel": "", "TabOrder": i + 1,
		"TextLength": d.TextLength, "Tooltip": "", "UdefIdentity": 1 + i, "UDListDefinitionId": 0,
		"Justification": "Default", "Version": 1, "TemplateVariableName": templateVar(d, i),
		"HasBeenPublished": !d.Unpublished, "MdoListName": "",
	}
}

// handleUdefLayout serves GET v1/<Kind>/UdefLayout[/Published[/{progidOrLabel}]].
// Extra fields are not user-defined fields and never appear here.
func (s *Server) handleUdefLayout(rc *reqCtx, k *kindInfo, published bool, one string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []any{}
	for i, d := range s.fieldsOf(k) {
		if d.ExtraField || (published && d.Unpublished) {
			continue
		}
		if one != "" {
			if strings.EqualFold(one, d.ProgId) || strings.EqualFold(one, d.Label) {
				writeJSON(rc.w, http.StatusOK, udefInfo(d, i, k.name))
				return
			}
			continue
		}
		out = append(out, udefInfo(d, i, k.name))
	}
	if one != "" {
		writeSOError(rc.w, http.StatusNotFound, "SoNotFoundException", "User-defined field "+one+" not found")
		return
	}
	writeJSON(rc.w, http.StatusOK, out)
}

// hostOf is the host[:port] of a host root such as http://127.0.0.1:8080.
func hostOf(root string) string {
	_, h, _ := strings.Cut(root, "://")
	h, _, _ = strings.Cut(h, "/")
	return h
}
