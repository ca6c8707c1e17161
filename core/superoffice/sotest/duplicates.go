package sotest

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode"
)

// Duplicate rules of the service (API.md §7). There is no org-number rule.
var dupRules = []struct{ name, display, tooltip string }{
	{"ContactNameDuplicateRule", "Samme navn", "Firmaer med præcis samme navn"},
	{"ContactNameDepartmentDuplicateRule", "Samme navn og afdeling", "Firmaer med samme navn og afdeling"},
	{"ContactSoundExDuplicateRule", "Lignende navn", "Firmaer med navne der lyder ens"},
	{"ContactDomainDuplicateRule", "Samme domæne", "Firmaer med samme webdomæne"},
}

func duplicateRules() []any {
	out := make([]any, 0, len(dupRules))
	for _, r := range dupRules {
		out = append(out, map[string]any{"Name": r.name, "DisplayName": r.display, "DisplayTooltip": r.tooltip, "IsActive": true})
	}
	return out
}

func dupEntry(rule int, e *entity) map[string]any {
	return map[string]any{
		"RuleName": dupRules[rule].name, "SoPrimaryKey": e.id, "EntryName": nameDept(e),
		"EntryIdentifier": "", "RuleDisplayName": dupRules[rule].display,
	}
}

// handleDuplicates serves GET v1/Contact/Duplicates/{name}?department=.
// Each company appears once, under the strongest rule that matched.
func (s *Server) handleDuplicates(rc *reqCtx, name, department string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	want := soundexKey(name)
	out := []any{}
	for _, id := range slices.Sorted(maps.Keys(s.contacts)) {
		e := s.contacts[id]
		cn := str(e.props, "Name")
		switch {
		case department != "" && strings.EqualFold(cn, name) && strings.EqualFold(str(e.props, "Department"), department):
			out = append(out, dupEntry(1, e))
		case strings.EqualFold(strings.TrimSpace(cn), strings.TrimSpace(name)):
			out = append(out, dupEntry(0, e))
		case want != "" && soundexKey(cn) == want:
			out = append(out, dupEntry(2, e))
		}
	}
	writeJSON(rc.w, http.StatusOK, out)
}

// handleDuplicateDomains serves GET v1/Contact/DuplicateDomains/{domain}:
// companies whose Domains, URLs or e-mail addresses use the domain.
func (s *Server) handleDuplicateDomains(rc *reqCtx, domain string) {
	want := normalizeDomain(domain)
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []any{}
	if want == "" {
		writeJSON(rc.w, http.StatusOK, out)
		return
	}
	for _, id := range slices.Sorted(maps.Keys(s.contacts)) {
		e := s.contacts[id]
		var doms []string
		doms = append(doms, strings1(e.props, "Domains")...)
		for _, u := range elements(e.props, "Urls") {
			doms = append(doms, u.Value)
		}
		for _, m := range elements(e.props, "Emails") {
			if _, d, ok := strings.Cut(m.Value, "@"); ok {
				doms = append(doms, d)
			}
		}
		for _, d := range doms {
			if normalizeDomain(d) == want {
				out = append(out, dupEntry(3, e))
				break
			}
		}
	}
	writeJSON(rc.w, http.StatusOK, out)
}

// normalizeDomain turns "https://www.Acme.dk/om" into "acme.dk".
func normalizeDomain(s string) string {
	s = strings.TrimSpace(strings.ToLower(s))
	if strings.Contains(s, "://") {
		if u, err := url.Parse(s); err == nil {
			s = u.Host
		}
	}
	s, _, _ = strings.Cut(s, "/")
	s, _, _ = strings.Cut(s, ":")
	return strings.TrimPrefix(s, "www.")
}

// legalForms are dropped before comparing names by sound.
var legalForms = map[string]bool{
	"a/s": true, "as": true, "aps": true, "ivs": true, "p/s": true, "i/s": true, "k/s": true,
	"amba": true, "a.m.b.a.": true, "ab": true, "asa": true, "gmbh": true, "ltd": true, "inc": true,
}

// soundexKey is the per-word Soundex of a company name without its legal
// form, e.g. "Klitrose Byg ApS" -> "K462 B200".
func soundexKey(name string) string {
	var codes []string
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if legalForms[w] {
			continue
		}
		if c := soundex(w); c != "" {
			codes = append(codes, c)
		}
	}
	return strings.Join(codes, " ")
}

// soundex computes American Soundex, folding æ/ø/å first.
func soundex(w string) string {
	w = strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "ö", "o", "ä", "a", "ü", "u", "é", "e").Replace(w)
	code := map[rune]byte{
		'b': '1', 'f': '1', 'p': '1', 'v': '1',
		'c': '2', 'g': '2', 'j': '2', 'k': '2', 'q': '2', 's': '2', 'x': '2', 'z': '2',
		'd': '3', 't': '3', 'l': '4', 'm': '5', 'n': '5', 'r': '6',
	}
	var out []byte
	var last byte
	for _, r := range w {
		if !unicode.IsLetter(r) || r > unicode.MaxASCII {
			continue
		}
		c := code[r]
		if len(out) == 0 {
			out = append(out, byte(unicode.ToUpper(r)))
			last = c
			continue
		}
		if c != 0 && c != last {
			out = append(out, c)
		}
		if r != 'h' && r != 'w' {
			last = c
		}
		if len(out) == 4 {
			break
		}
	}
	if len(out) == 0 {
		return ""
	}
	for len(out) < 4 {
		out = append(out, '0')
	}
	return string(out)
}
