package sotest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Maximum lengths of standard fields, from the database schema (API.md
// §3.2 and §5). Keys are JSON Pointers with "*" for array indexes.
var (
	addressLimits = map[string]int{
		"Address1": 79, "Address2": 79, "Address3": 79, "City": 79, "County": 29, "State": 5, "Zipcode": 11,
	}
	contactLimits = withAddress(map[string]int{
		"/Name": 219, "/Department": 219, "/OrgNr": 49, "/Number1": 49, "/Number2": 49,
		"/Description": 2047, "/DbiKey": 255,
		"/Emails/*/Value": 239, "/Emails/*/Description": 254,
		"/Urls/*/Value": 1023, "/Urls/*/Description": 254,
		"/Phones/*/Value": 239, "/Phones/*/Description": 99,
		"/Faxes/*/Value": 239, "/Faxes/*/Description": 99,
	})
	personLimits = withAddress(map[string]int{
		"/Firstname": 99, "/MiddleName": 99, "/Lastname": 99, "/Title": 239, "/Mrmrs": 239,
		"/Salutation": 239, "/PersonNumber": 49, "/Description": 2047, "/DbiKey": 255,
		"/Emails/*/Value": 239, "/Emails/*/Description": 254,
		"/Urls/*/Value": 1023, "/Urls/*/Description": 254,
		"/OfficePhones/*/Value": 239, "/OfficePhones/*/Description": 99,
		"/MobilePhones/*/Value": 239, "/MobilePhones/*/Description": 99,
		"/PrivatePhones/*/Value": 239, "/PrivatePhones/*/Description": 99,
		"/OtherPhones/*/Value": 239, "/OtherPhones/*/Description": 99,
		"/Faxes/*/Value": 239, "/Faxes/*/Description": 99,
	})
)

func withAddress(m map[string]int) map[string]int {
	for _, which := range []string{"Street", "Postal"} {
		for f, n := range addressLimits {
			m["/Address/"+which+"/"+f] = n
		}
	}
	return m
}

// applyLimits truncates over-long strings in v (a stored property tree) and
// reports them. pattern is the pointer with array indexes replaced by "*".
func applyLimits(v any, pointer, pattern string, limits map[string]int, report issueFunc) any {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			x[k] = applyLimits(val, pointer+"/"+escapePointer(k), pattern+"/"+escapePointer(k), limits, report)
		}
	case []any:
		for i, val := range x {
			x[i] = applyLimits(val, pointer+"/"+strconv.Itoa(i), pattern+"/*", limits, report)
		}
	case string:
		if n, ok := limits[pattern]; ok && utf8.RuneCountInString(x) > n {
			report(KindTooLong, pointer, fmt.Sprintf("%d characters, the field holds %d (stored truncated)", utf8.RuneCountInString(x), n))
			return truncateRunes(x, n)
		}
	}
	return v
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// ingest validates an entity body (POST/PUT) and returns the properties to
// store plus the raw CustomFields value (nil if absent).
func (s *Server) ingest(k *kindInfo, body map[string]any, report issueFunc) (map[string]any, any) {
	s.schemas.checkObject(k.def, body, "", report)
	props := map[string]any{}
	var custom any
	for _, key := range sortedKeys(body) {
		canon, _, found := s.schemas.canonical(k.def, key)
		switch {
		case !found:
			continue
		case canon == "CustomFields":
			custom = body[key]
		case canon == "UserDefinedFields" || canon == "ExtraFields":
			if body[key] != nil {
				report(KindDeprecated, "/"+key, canon+" is deprecated; the app must write custom fields through CustomFields (ignored)")
			}
		case k.readOnly[canon]:
			// Echoed read-only properties are ignored, like the service does.
		default:
			props[canon] = s.schemas.canonicalize(s.schemas.prop(k.def, canon), body[key])
		}
	}
	applyLimits(props, "", "", k.limits, report)
	applyLocalizedAddress(props, report)
	return props, custom
}

// applyLocalizedAddress applies a LocalizedAddress grid onto Street/Postal:
// the docs say LocalizedAddress changes override the structured address.
// An override of a value sent in the same body is reported.
func applyLocalizedAddress(props map[string]any, report issueFunc) {
	addr, _ := props["Address"].(map[string]any)
	if addr == nil {
		return
	}
	grid, _ := addr["LocalizedAddress"].([]any)
	delete(addr, "LocalizedAddress")
	for _, row := range grid {
		fields, _ := row.([]any)
		for _, f := range fields {
			lf, _ := f.(map[string]any)
			name, value := str(lf, "Name"), str(lf, "Value")
			var which, field string
			switch {
			case strings.HasPrefix(name, "Postal"):
				which, field = "Postal", strings.TrimPrefix(name, "Postal")
			case strings.HasPrefix(name, "Street"):
				which, field = "Street", strings.TrimPrefix(name, "Street")
			default: // a person's address: names without prefix
				which, field = "Street", name
			}
			if _, ok := addressLimits[field]; !ok {
				continue
			}
			target, _ := addr[which].(map[string]any)
			if target == nil {
				target = map[string]any{}
				addr[which] = target
			}
			if old := str(target, field); old != "" && old != value {
				report(KindAddressOverride, "/Address/LocalizedAddress",
					fmt.Sprintf("LocalizedAddress %s=%q overrides Address.%s.%s=%q", name, value, which, field, old))
			}
			target[field] = truncateRunes(value, addressLimits[field])
		}
	}
}

// helperSuffixes are the read-only helper keys a GET adds to CustomFields.
var helperSuffixes = []string{":DisplayText", ":DisplayTooltip", ":org"}

// applyCustom writes a CustomFields object into target. Unknown keys are
// reported and ignored; helper keys of known fields are ignored silently.
func (s *Server) applyCustom(k *kindInfo, raw any, pointer string, target map[string]string, report issueFunc) {
	if raw == nil {
		return
	}
	obj, ok := raw.(map[string]any)
	if !ok {
		report(KindType, pointer, "CustomFields must be an object of strings")
		return
	}
	defs, other, otherName := s.contactFields, s.personFields, "Person"
	if k == personKind {
		defs, other, otherName = s.personFields, s.contactFields, "Contact"
	}
	for _, key := range sortedKeys(obj) {
		p := pointer + "/" + escapePointer(key)
		if base, ok := helperBase(key); ok {
			if d, found := findField(defs, base); found && !d.Unpublished {
				continue
			}
		}
		val, isStr := obj[key].(string)
		if !isStr {
			if obj[key] == nil {
				val = ""
			} else {
				report(KindType, p, "custom-field values are strings, got "+jsonKind(obj[key]))
				val = fmt.Sprint(obj[key])
			}
		}
		s.setCustom(k, defs, other, otherName, key, val, p, target, report)
	}
}

func (s *Server) setCustom(k *kindInfo, defs, other []CustomFieldDef, otherName, key, val, p string, target map[string]string, report issueFunc) {
	d, found := findField(defs, key)
	switch {
	case !found:
		msg := fmt.Sprintf("the tenant has no custom field %q on %s (ignored)", key, k.name)
		if _, elsewhere := findField(other, key); elsewhere {
			msg += "; it exists on " + otherName
		}
		report(KindUnknownCustomField, p, msg)
		return
	case d.Unpublished:
		report(KindUnknownCustomField, p, fmt.Sprintf("custom field %q on %s is not published (ignored)", key, k.name))
		return
	case d.ProgId != key:
		report(KindPropertyCase, p, fmt.Sprintf("custom field key %q should be %q", key, d.ProgId))
	}
	v, problem := normalizeCustom(d, val)
	if problem != "" {
		report(KindCustomFieldValue, p, fmt.Sprintf("%s field %s: %s", d.Type, d.ProgId, problem))
		if !isText(d) {
			return
		}
	}
	if d.TextLength > 0 && utf8.RuneCountInString(v) > d.TextLength {
		report(KindTooLong, p, fmt.Sprintf("%d characters, %s has TextLength %d (stored truncated)", utf8.RuneCountInString(v), d.ProgId, d.TextLength))
		v = truncateRunes(v, d.TextLength)
	}
	target[d.ProgId] = v
}

// helperBase strips a helper suffix (":DisplayText", ":org" ...).
func helperBase(key string) (string, bool) {
	for _, suf := range helperSuffixes {
		if strings.HasSuffix(key, suf) {
			return strings.TrimSuffix(key, suf), true
		}
	}
	return "", false
}

func isText(d CustomFieldDef) bool { return d.Type == "ShortText" || d.Type == "LongText" }

var (
	encodedRE = regexp.MustCompile(`^\[(I|F|D|DT|M|T|B):(.*)\]$`)
	dateYMD   = regexp.MustCompile(`^(\d{4})\.(\d{2})\.(\d{2})$`)
	dateMDY   = regexp.MustCompile(`^(\d{2})\.(\d{2})\.(\d{4})$`)
)

// normalizeCustom converts a written value to the stored (encoded) form
// and describes any problem (API.md §4.3).
func normalizeCustom(d CustomFieldDef, v string) (string, string) {
	v = strings.TrimSpace(v)
	m := encodedRE.FindStringSubmatch(v)
	switch d.Type {
	case "ShortText", "LongText":
		if m != nil {
			return v, "an encoded value " + v + " written to a text field is stored literally"
		}
		return v, ""
	case "Number", "Checkbox", "List":
		if v == "" {
			return "", ""
		}
		raw := v
		if m != nil {
			if m[1] != "I" {
				return "", "expected [I:n], got " + v
			}
			raw = m[2]
		}
		n, err := strconv.Atoi(raw)
		if err != nil {
			return "", fmt.Sprintf("%q is not an integer", v)
		}
		if d.Type == "Checkbox" && n != 0 && n != 1 {
			return "", "a checkbox holds [I:0] or [I:1]"
		}
		return "[I:" + strconv.Itoa(n) + "]", ""
	case "Decimal":
		if v == "" {
			return "", ""
		}
		raw := v
		if m != nil {
			if m[1] != "F" && m[1] != "I" {
				return "", "expected [F:x], got " + v
			}
			raw = m[2]
		}
		if strings.Contains(raw, ",") {
			return "", fmt.Sprintf("%q uses a decimal comma; write [F:12.5]", v)
		}
		f, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			return "", fmt.Sprintf("%q is not a decimal number", v)
		}
		return "[F:" + strconv.FormatFloat(f, 'f', -1, 64) + "]", ""
	case "Date", "UnlimitedDate":
		if v == "" {
			return "", ""
		}
		if m != nil && m[1] == "DT" { // the form a GET returns, echoed back
			for _, layout := range []string{"01/02/2006 15:04:05.0000000", "01/02/2006 15:04:05", "01/02/2006"} {
				if t, err := time.Parse(layout, m[2]); err == nil {
					if t.Year() <= 1 {
						return "", ""
					}
					return "[D:" + t.Format("2006.01.02") + "]", ""
				}
			}
		}
		if m == nil || m[1] != "D" {
			return "", fmt.Sprintf("dates are written as [D:YYYY.MM.DD], got %q", v)
		}
		var y, mo, day string
		if p := dateYMD.FindStringSubmatch(m[2]); p != nil {
			y, mo, day = p[1], p[2], p[3]
		} else if p := dateMDY.FindStringSubmatch(m[2]); p != nil {
			y, mo, day = p[3], p[1], p[2]
		} else {
			return "", fmt.Sprintf("dates are written as [D:YYYY.MM.DD], got %q", v)
		}
		t, err := time.Parse("2006-01-02", y+"-"+mo+"-"+day)
		if err != nil {
			return "", fmt.Sprintf("%q is not a valid date", v)
		}
		if d.Type == "Date" && (t.Year() < 1970 || t.After(time.Date(2038, 1, 19, 0, 0, 0, 0, time.UTC))) {
			return "", "Date fields hold 1970-01-01 … 2038-01-19"
		}
		return "[D:" + t.Format("2006.01.02") + "]", ""
	}
	return v, ""
}

// checkRefs reports references to countries, companies and associates that
// do not exist. The caller holds s.mu.
func (s *Server) checkRefs(props map[string]any, report issueFunc) {
	if c, ok := props["Country"].(map[string]any); ok {
		if id := num(c["CountryId"]); id != 0 && s.country(id) == nil {
			report(KindReference, "/Country/CountryId", fmt.Sprintf("no country %d in the tenant's country list", id))
		}
	}
	if c, ok := props["Contact"].(map[string]any); ok {
		if id := num(c["ContactId"]); id != 0 && s.contacts[id] == nil {
			report(KindReference, "/Contact/ContactId", fmt.Sprintf("no company %d", id))
		}
	}
	if a, ok := props["Associate"].(map[string]any); ok {
		if id := num(a["AssociateId"]); id != 0 && !knownAssociate(id) {
			report(KindReference, "/Associate/AssociateId", fmt.Sprintf("no associate %d", id))
		}
	}
}

// country finds a country by id.
func (s *Server) country(id int) *Country {
	for i := range s.countries {
		if s.countries[i].CountryId == id {
			return &s.countries[i]
		}
	}
	return nil
}
