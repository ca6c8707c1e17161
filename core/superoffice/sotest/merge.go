package sotest

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// mergeProps are the MergeRequest carrier's properties
// (SuperOffice.WebApi.v1.Carriers.ContactCarriers.MergeRequest in
// Swagger-v1-ContactAgent.json: "SourceContactId, DestinationContactId,
// MergeIdenticalPersons, ReplaceEmptyFieldsOnDestination").
var mergeProps = map[string]bool{"sourcecontactid": true, "destinationcontactid": true,
	"mergeidenticalpersons": true, "replaceemptyfieldsondestination": true}

// mergeFillable are the company texts ReplaceEmptyFieldsOnDestination may
// fill on the destination from the source.
var mergeFillable = []string{"Name", "Department", "OrgNr", "Number1", "Description"}

// handleContactMerge serves POST /api/v1/Agents/Contact/Merge: "Merge two
// contacts. The destination contact will remain." It answers 204; the
// source company is gone afterwards and its persons belong to the
// destination, which is what a user merging in SuperOffice leaves behind.
func (s *Server) handleContactMerge(rc *reqCtx) {
	if rc.r.Method != http.MethodPost {
		s.methodNotAllowed(rc)
		return
	}
	body, ok := s.readEntityBody(rc)
	if !ok {
		return
	}
	var src, dst int
	var fill bool
	for k, v := range body {
		switch lk := strings.ToLower(k); {
		case !mergeProps[lk]:
			rc.violate(KindRequest, k, "unknown MergeRequest property "+k)
			if s.Strict() {
				writeSOError(rc.w, http.StatusBadRequest, "SoException", "Unknown property "+k)
				return
			}
		case lk == "sourcecontactid":
			src = num(v)
		case lk == "destinationcontactid":
			dst = num(v)
		case lk == "replaceemptyfieldsondestination":
			fill, _ = v.(bool)
		}
	}
	if src <= 0 || dst <= 0 || src == dst {
		msg := fmt.Sprintf("merge needs two different companies, got source %d and destination %d", src, dst)
		rc.violate(KindRequest, "body", msg)
		writeSOError(rc.w, http.StatusBadRequest, "SoException", msg)
		return
	}
	if err := s.MergeCompanies(src, dst, fill); err != nil {
		writeSOError(rc.w, http.StatusNotFound, "SoNotFoundException", err.Error())
		return
	}
	rc.w.WriteHeader(http.StatusNoContent)
}

// MergeCompanies merges company src into dst as SuperOffice's merge does:
// src's persons move to dst, src is deleted, and with fillEmpty dst's blank
// texts take src's values. Tests use it to make a company disappear the
// way a user would.
func (s *Server) MergeCompanies(src, dst int, fillEmpty bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	from, to := s.contacts[src], s.contacts[dst]
	if from == nil || to == nil {
		return fmt.Errorf("contact id %d or %d not found", src, dst)
	}
	for _, p := range s.persons {
		if refID(p.props, "Contact", "ContactId") == src {
			p.props["Contact"] = map[string]any{"ContactId": dst}
		}
	}
	if fillEmpty {
		for _, name := range mergeFillable {
			if str(to.props, name) == "" && str(from.props, name) != "" {
				to.props[name] = from.props[name]
			}
		}
	}
	to.updated = time.Now().UTC().Truncate(time.Second)
	delete(s.contacts, src)
	return nil
}
