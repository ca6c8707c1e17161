package mapping

import (
	"github.com/rabitiq/superoffice-sync/core/msg"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/lead"
)

// customFields encodes the 37 RabitIQ fields into Plan.CustomFields. Only
// fields with a value are written; a field the tenant lacks is listed in
// Plan.Skipped instead, as the guide promises ("felter der ikke er oprettet
// springes over").
func (m *mapper) customFields() {
	used := map[string]string{} // tenant key → Prog ID that took it
	for _, f := range fields.All() {
		if !m.hasValue(f) {
			continue
		}
		key, ok := m.fieldKey(f.No)
		if !ok {
			m.plan.Skipped = append(m.plan.Skipped, f.ProgID)
			continue
		}
		if other, dup := used[key]; dup {
			m.warn(f.ProgID, msg.MapKeyTaken, "key", quote(key), "other", other)
			continue
		}
		v, ok := m.encode(f, m.fieldType(f))
		if !ok {
			continue
		}
		used[key] = f.ProgID
		m.plan.CustomFields[key] = v
		m.plan.Written = append(m.plan.Written, f.ProgID)
		m.plan.WrittenKeys = append(m.plan.WrittenKeys, key)
	}
}

// fieldKey returns the tenant's CustomFields key of a field, and false when
// the tenant has no such field.
func (m *mapper) fieldKey(no int) (string, bool) {
	if m.t.FieldKeys == nil {
		return fields.ProgID(no), true
	}
	k := strings.TrimSpace(m.t.FieldKeys[no])
	return k, k != ""
}

// fieldType returns the tenant's type of a field if known, else the
// table's.
func (m *mapper) fieldType(f fields.Field) fields.Type {
	switch t := m.t.FieldTypes[f.No]; t {
	case fields.Number, fields.Decimal, fields.Text, fields.LongText:
		return t
	}
	return f.Type
}

// hasValue reports whether the lead has anything for a field, readable or
// not; an unreadable value is reported when it is encoded.
func (m *mapper) hasValue(f fields.Field) bool {
	if f.IsNumeric() {
		n := f.Num(m.l)
		return n.Valid || oneLine(n.Text) != ""
	}
	if f.Kind() == lead.KindDate {
		return oneLine(f.Text(m.l)+f.Kept(m.l)) != ""
	}
	return block(f.Text(m.l)) != ""
}

// encode returns the CustomFields value of a field, or false (with a
// warning) when it cannot be sent.
func (m *mapper) encode(f fields.Field, typ fields.Type) (string, bool) {
	if f.IsNumeric() {
		n := f.Num(m.l)
		if !n.Valid {
			m.warn(f.ProgID, msg.MapNotANumber, "value", quote(n.Text))
			return "", false
		}
		return m.encodeNumber(f, n.Value, typ)
	}
	// A date and a CVR number are prepared here rather than sent as the
	// accessor's text: the date as YYYY-MM-DD, the CVR normalised as OrgNr.
	var s string
	switch f.Kind() {
	case lead.KindDate:
		d, ok := m.date(f)
		if !ok {
			return "", false
		}
		s = d
	case lead.KindCVR:
		s = normalizeOrgNr(f.Text(m.l))
	default:
		s = f.Text(m.l)
	}
	if typ == fields.Number || typ == fields.Decimal {
		x, ok := parseNumber(s)
		if !ok {
			m.warn(f.ProgID, msg.MapTextNotANumber, "value", quote(s))
			return "", false
		}
		return m.encodeNumber(f, x, typ)
	}
	return m.encodeText(f, s, typ), true
}

// encodeText cleans a text value for its type and cuts it to the field's
// limit.
func (m *mapper) encodeText(f fields.Field, s string, typ fields.Type) string {
	if typ == fields.LongText {
		s = block(s)
	} else {
		s = oneLine(s)
	}
	return m.fit(f.ProgID, s, m.lim.custom(f.No, typ))
}

// encodeNumber encodes a number for the field's tenant type: [I:n] rounded
// half away from zero for Number (so amounts are whole DKK), [F:x] with a
// "." for Decimal, and the plain number for a text field. A Number field is
// a 32-bit integer in SuperOffice; a value outside that range (a revenue
// above 2.1 billion DKK) would be rejected or wrapped, so it is not sent and
// the warning says to make the field a Decimal.
func (m *mapper) encodeNumber(f fields.Field, x float64, typ fields.Type) (string, bool) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		m.warn(f.ProgID, msg.MapNotFinite)
		return "", false
	}
	switch typ {
	case fields.Number:
		r := math.Round(x)
		if r > math.MaxInt32 || r < math.MinInt32 {
			m.warn(f.ProgID, msg.MapOutOfRange, "value", formatNumber(x), "min", math.MinInt32, "max", math.MaxInt32)
			return "", false
		}
		if r != x {
			// A Number field holds whole numbers only; say so rather than
			// let 12.5 % quietly become 13 %.
			m.warn(f.ProgID, msg.MapRounded, "from", x, "to", r)
		}
		return "[I:" + strconv.FormatInt(int64(r), 10) + "]", true
	case fields.Decimal:
		return "[F:" + formatNumber(x) + "]", true
	}
	return m.encodeText(f, formatNumber(x), typ), true
}

// formatNumber writes x in culture-neutral notation: "." as the decimal
// point, no exponent, no trailing zeros, and 0 for -0.
func formatNumber(x float64) string {
	if x == 0 {
		return "0"
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// parseNumber reads a plain number from a text field that the tenant made a
// number field; a single "," is read as the decimal point.
func parseNumber(s string) (float64, bool) {
	s = strings.ReplaceAll(oneLine(s), " ", "")
	if !strings.Contains(s, ".") && strings.Count(s, ",") == 1 {
		s = strings.Replace(s, ",", ".", 1)
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, false
	}
	return x, true
}

// date returns a date field (the creation date, field 35) as YYYY-MM-DD.
// The importer already normalised it; a date with a time part is cut to
// the date, and anything else is reported rather than sent.
func (m *mapper) date(f fields.Field) (string, bool) {
	s := oneLine(f.Text(m.l))
	if s == "" {
		m.warn(f.ProgID, msg.MapDateUnreadable, "value", quote(f.Kept(m.l)))
		return "", false
	}
	if len(s) >= 10 && (len(s) == 10 || s[10] == 'T' || s[10] == ' ') {
		if _, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return s[:10], true
		}
	}
	m.warn(f.ProgID, msg.MapDateFormat, "value", quote(s))
	return "", false
}
