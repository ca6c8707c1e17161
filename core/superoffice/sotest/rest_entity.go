package sotest

import (
	"fmt"
	"maps"
	"net/http"
	"strings"
	"time"
)

// store returns the entity map of a kind. The caller holds s.mu.
func (s *Server) store(k *kindInfo) map[int]*entity {
	if k == personKind {
		return s.persons
	}
	return s.contacts
}

// lookup returns entity id of kind k, or nil after answering 404. The
// caller holds s.mu.
func (s *Server) lookup(rc *reqCtx, k *kindInfo, id int) *entity {
	e := s.store(k)[id]
	if e == nil {
		notFoundEntity(rc, k, id)
	}
	return e
}

// exists is lookup under its own lock, for handlers that answer 404
// before reading the body, then look the entity up again once they hold
// the lock for the write.
func (s *Server) exists(rc *reqCtx, k *kindInfo, id int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lookup(rc, k, id) != nil
}

// render renders an entity of kind k. The caller holds s.mu.
func (s *Server) render(k *kindInfo, e *entity, base string) map[string]any {
	if k == personKind {
		return s.personJSON(e, base)
	}
	return s.contactJSON(e, base)
}

// getEntity serves GET v1/<Kind>/{id}.
func (s *Server) getEntity(rc *reqCtx, k *kindInfo, id int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.lookup(rc, k, id)
	if e == nil {
		return
	}
	rc.w.Header().Set("Last-Modified", e.updated.UTC().Format(http.TimeFormat))
	if ims, err := http.ParseTime(rc.r.Header.Get("If-Modified-Since")); err == nil && !e.updated.Truncate(time.Second).After(ims) {
		rc.w.WriteHeader(http.StatusNotModified)
		return
	}
	out := s.render(k, e, s.base(rc.r))
	selectProps(out, rc.r.URL.Query().Get("$select"), k.idProp)
	writeJSON(rc.w, http.StatusOK, out)
}

// entitySimple serves GET v1/<Kind>/{id}/Simple.
func (s *Server) entitySimple(rc *reqCtx, k *kindInfo, id int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.lookup(rc, k, id)
	if e == nil {
		return
	}
	if k == personKind {
		writeJSON(rc.w, http.StatusOK, s.personSummary(e))
		return
	}
	writeJSON(rc.w, http.StatusOK, s.contactSummary(id))
}

// defaultEntity serves GET v1/<Kind>/default: a new entity with defaults.
func (s *Server) defaultEntity(rc *reqCtx, k *kindInfo) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := &entity{props: map[string]any{"Country": map[string]any{"CountryId": jnum(s.homeCountry)}}, custom: map[string]string{}}
	if k == contactKind {
		e.props["Associate"] = map[string]any{"AssociateId": jnum(principalAssociateID)}
		cat, _ := s.defaultItem(ListCategory)
		e.props["Category"] = listRef(cat)
		e.props["Business"] = map[string]any{"Id": 0, "Value": "", "Tooltip": ""}
	}
	out := s.render(k, e, s.base(rc.r))
	out["CreatedDate"], out["UpdatedDate"] = emptyDate, emptyDate
	delete(out, "_Links")
	if k == contactKind {
		out["Persons"] = []any{}
	}
	writeJSON(rc.w, http.StatusOK, out)
}

// readEntityBody checks Content-Type and decodes a JSON object body. It
// answers the request itself when that fails.
func (s *Server) readEntityBody(rc *reqCtx) (map[string]any, bool) {
	if !s.jsonContentType(rc) {
		return nil, false
	}
	v, err := decodeJSON(rc.body)
	obj, isObj := v.(map[string]any)
	if err != nil || !isObj {
		msg := "Entity to save is not in request body"
		if err != nil {
			msg += ": " + err.Error()
		}
		rc.violate(KindRequest, "body", msg)
		writeSOError(rc.w, http.StatusBadRequest, "SoException", msg)
		return nil, false
	}
	return obj, true
}

// jsonContentType checks that a write request declares JSON.
func (s *Server) jsonContentType(rc *reqCtx) bool {
	ct := strings.ToLower(rc.r.Header.Get("Content-Type"))
	if strings.Contains(ct, "json") {
		return true
	}
	rc.violate(KindRequest, "Content-Type", "write request with Content-Type "+fmt.Sprintf("%q", ct)+"; send application/json")
	writeSOError(rc.w, http.StatusUnsupportedMediaType, "SoException", "The request entity's media type '"+ct+"' is not supported for this resource.")
	return false
}

// bodyID reads the id property of a body (any casing).
func bodyID(k *kindInfo, body map[string]any) (int, bool) {
	for key, v := range body {
		if strings.EqualFold(key, k.idProp) {
			return num(v), true
		}
	}
	return 0, false
}

// createEntity serves POST v1/<Kind>: 200 with the saved entity.
func (s *Server) createEntity(rc *reqCtx, k *kindInfo) {
	body, ok := s.readEntityBody(rc)
	if !ok {
		return
	}
	g := s.gate(rc)
	report := issueFunc(g.report)
	if id, _ := bodyID(k, body); id != 0 {
		report(KindReadOnly, "/"+k.idProp, fmt.Sprintf("POST creates a new %s; %s must be 0, got %d", k.name, k.idProp, id))
	}
	props, custom := s.ingest(k, body, report)
	s.mu.Lock()
	s.checkRefs(props, report)
	s.checkListRefs(props, nil, report)
	e := &entity{props: props, custom: map[string]string{}}
	s.applyCustom(k, custom, "/CustomFields", e.custom, report)
	if g.refuse() {
		s.mu.Unlock()
		return
	}
	if k == contactKind {
		e.id, s.nextContact = s.nextContact, s.nextContact+1
		if props["Associate"] == nil {
			props["Associate"] = map[string]any{"AssociateId": jnum(principalAssociateID)}
		}
	} else {
		e.id, s.nextPerson = s.nextPerson, s.nextPerson+1
	}
	if props["Country"] == nil {
		props["Country"] = map[string]any{"CountryId": jnum(s.homeCountry)}
	}
	e.created = time.Now().UTC().Truncate(time.Second)
	e.updated = e.created
	s.store(k)[e.id] = e
	out := s.render(k, e, s.base(rc.r))
	s.mu.Unlock()
	s.logf("simulator: created %s %d", k.name, e.id)
	if d, ok := s.faults.takeHang(); ok {
		rc.fault = "hang-after-create"
		if !s.sleep(rc.r.Context(), d) {
			return
		}
	}
	selectProps(out, rc.r.URL.Query().Get("$select"), k.idProp)
	writeJSON(rc.w, http.StatusOK, out)
}

// putEntity serves PUT v1/<Kind>/{id}: replaces the entity. Custom fields
// not in the body keep their values (assumption: the service saves only the
// CustomFields keys it receives).
func (s *Server) putEntity(rc *reqCtx, k *kindInfo, id int) {
	if !s.exists(rc, k, id) {
		return
	}
	body, ok := s.readEntityBody(rc)
	if !ok {
		return
	}
	g := s.gate(rc)
	report := issueFunc(g.report)
	if bid, present := bodyID(k, body); present && bid != id && bid != 0 {
		report(KindReadOnly, "/"+k.idProp, fmt.Sprintf("body %s %d differs from the URL's %d", k.idProp, bid, id))
	}
	props, custom := s.ingest(k, body, report)
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.lookup(rc, k, id)
	if e == nil {
		return
	}
	if ius, err := http.ParseTime(rc.r.Header.Get("If-Unmodified-Since")); err == nil && e.updated.Truncate(time.Second).After(ius) {
		writeSOError(rc.w, http.StatusPreconditionFailed, "SoException", k.name+" has changed since "+ius.Format(time.RFC3339))
		return
	}
	s.checkRefs(props, report)
	s.checkListRefs(props, e.props, report)
	newCustom := maps.Clone(e.custom)
	s.replaceCustom(newCustom)
	s.applyCustom(k, custom, "/CustomFields", newCustom, report)
	if g.refuse() {
		return
	}
	e.custom = newCustom
	for _, keep := range []string{"Country", "Associate"} {
		if props[keep] == nil && e.props[keep] != nil && (keep == "Country" || k == contactKind) {
			props[keep] = e.props[keep]
		}
	}
	e.props = props
	e.updated = time.Now().UTC().Truncate(time.Second)
	out := s.render(k, e, s.base(rc.r))
	selectProps(out, rc.r.URL.Query().Get("$select"), k.idProp)
	writeJSON(rc.w, http.StatusOK, out)
}

// patchEntity serves PATCH v1/<Kind>/{id}: a JSON Patch array (RFC 6902)
// or a JSON Merge Patch object (RFC 7396).
func (s *Server) patchEntity(rc *reqCtx, k *kindInfo, id int) {
	if !s.jsonContentType(rc) {
		return
	}
	if !s.exists(rc, k, id) {
		return
	}
	v, err := decodeJSON(rc.body)
	if err != nil {
		rc.violate(KindPatch, "body", "PATCH body is not JSON: "+err.Error())
		writeSOError(rc.w, http.StatusBadRequest, "SoException", "Invalid patch document")
		return
	}
	g := s.gate(rc)
	report := issueFunc(g.report)
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.lookup(rc, k, id)
	if e == nil {
		return
	}
	props, custom := deepCopy(e.props).(map[string]any), maps.Clone(e.custom)
	switch doc := v.(type) {
	case []any:
		if status, msg := s.applyJSONPatch(k, props, custom, doc, report); status != 0 {
			writeSOError(rc.w, status, "SoException", msg)
			return
		}
	case map[string]any:
		patch, rawCustom := s.ingest(k, doc, report)
		mergePatch(props, patch)
		s.applyCustom(k, rawCustom, "/CustomFields", custom, report)
	default:
		rc.violate(KindPatch, "body", "PATCH body must be a JSON Patch array or a merge-patch object")
		writeSOError(rc.w, http.StatusBadRequest, "SoException", "Invalid patch document")
		return
	}
	s.checkRefs(props, report)
	s.checkListRefs(props, e.props, report)
	if g.refuse() {
		return
	}
	e.props, e.custom = props, custom
	e.updated = time.Now().UTC().Truncate(time.Second)
	writeJSON(rc.w, http.StatusOK, s.render(k, e, s.base(rc.r)))
}

// deleteEntity serves DELETE v1/<Kind>/{id}.
func (s *Server) deleteEntity(rc *reqCtx, k *kindInfo, id int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lookup(rc, k, id) == nil {
		return
	}
	delete(s.store(k), id)
	rc.w.WriteHeader(http.StatusNoContent)
}

// mergePatch merges patch into target (RFC 7396). As documented for the
// service, an object where target has an array is appended to it.
func mergePatch(target, patch map[string]any) {
	for k, pv := range patch {
		tv := target[k]
		switch p := pv.(type) {
		case nil:
			delete(target, k)
		case map[string]any:
			switch t := tv.(type) {
			case map[string]any:
				mergePatch(t, p)
			case []any:
				target[k] = append(t, p)
			default:
				target[k] = p
			}
		default:
			target[k] = pv
		}
	}
}
