package lead

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// IdentityKey says which stored lead this one is, so that importing a file
// again updates rather than duplicates. Per the contract a lead is
// identified by its RabitIQ id ("id:<id>"); without one by a valid CVR
// ("cvr:<8 digits>"; an invalid CVR is never used for matching); else by
// normalised company name and website host
// ("name:<name>|<host>", e.g. "name:klitrose byg p s|klitrose.dk").
//
// The name is NFKC-normalised, lowercased, and everything but letters and
// digits becomes a single space, so "Klitrose Byg P/S" and "klitrose  byg
// p.s." meet. The host drops scheme, "www.", port, path and case.
func (l *Lead) IdentityKey() string {
	if id := strings.TrimSpace(l.ID); id != "" {
		return "id:" + id
	}
	if cvr, ok := NormalizeCVR(l.CVR); ok {
		return "cvr:" + cvr
	}
	return "name:" + normName(l.CompanyName) + "|" + normHost(l.Website)
}

// normName folds a company name for matching.
func normName(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}

// normHost reduces a website to its host: "https://www.Klitrose.dk:443/om"
// gives "klitrose.dk".
func normHost(w string) string {
	w = strings.ToLower(strings.TrimSpace(w))
	if i := strings.Index(w, "://"); i >= 0 {
		w = w[i+3:]
	} else {
		w = strings.TrimPrefix(w, "//")
	}
	if i := strings.IndexAny(w, "/?#"); i >= 0 {
		w = w[:i]
	}
	if i := strings.LastIndexByte(w, '@'); i >= 0 {
		w = w[i+1:]
	}
	if i := strings.LastIndexByte(w, ':'); i >= 0 && !strings.Contains(w, "]") {
		w = w[:i]
	}
	w = strings.TrimSuffix(w, ".")
	return strings.TrimPrefix(w, "www.")
}

// contentHashVersion starts every hashed encoding. Change it whenever the
// encoding or the normalisation changes meaning, so that old hashes simply
// read as "changed" once rather than colliding.
const contentHashVersion = "rabitiq-lead/v1\x00"

// hashedV1 is the number of fieldTable rows the v1 encoding writes, in
// table order: the fields the format had when the hash was first stored.
const hashedV1 = 39

// ContentHash is a hex SHA-256 of the normalised lead: every field and
// contact, never Raw. It is what re-import compares to tell "unchanged"
// from "changed", so a file that was only re-indented, had its keys
// reordered or spelled in snake_case, or had a list turned into the same
// "• item" text hashes the same as before.
//
// Each value is written length-prefixed in fieldTable order, so no two
// different leads share an encoding: the first hashedV1 fields, then the
// contacts, then each field appended to the table later, but only when
// the lead has a value for it and prefixed by its key. So adding a field
// leaves the stored hash of every lead without it as it was, and
// testdata/contenthash.golden.jsonl proves the v1 encoding never moves.
// Bump contentHashVersion if old hashes must change.
func (l *Lead) ContentHash() string { return contentHash(l, fieldTable[:]) }

// contentHash hashes l as rows describe it; the first hashedV1 rows must
// be the v1 fields.
func contentHash(l *Lead, rows []Field) string {
	b := make([]byte, 0, 4096)
	b = append(b, contentHashVersion...)
	for i := range rows[:hashedV1] {
		b = rows[i].appendHash(b, l)
	}
	b = binary.AppendUvarint(b, uint64(len(l.Contacts)))
	for _, c := range l.Contacts {
		b = appendStr(b, c.Name, c.Title, c.Email, c.Phone, c.LinkedIn)
	}
	for i := range rows[hashedV1:] {
		if f := &rows[hashedV1+i]; f.has(l) {
			b = appendStr(b, f.Key)
			b = f.appendHash(b, l)
		}
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// appendHash appends the field's value in l in the hash encoding: text
// length-prefixed; a number as 1 and its bits, or 0 and its text; a CVR
// followed by its validity; a date followed by its unreadable text.
func (f *Field) appendHash(b []byte, l *Lead) []byte {
	switch f.Kind {
	case KindNumber:
		n := f.Num(l)
		if !n.Valid {
			return appendStr(append(b, 0), n.Text)
		}
		return binary.LittleEndian.AppendUint64(append(b, 1), math.Float64bits(n.Value))
	case KindCVR:
		b = appendStr(b, f.Text(l))
		if *f.valid(l) {
			return append(b, 1)
		}
		return append(b, 0)
	case KindDate:
		return appendStr(b, f.Text(l), f.Kept(l))
	}
	return appendStr(b, f.Text(l))
}

// has reports whether the field has any value in l.
func (f *Field) has(l *Lead) bool {
	if f.valid != nil && *f.valid(l) {
		return true
	}
	return f.Num(l) != Number{} || f.Text(l) != "" || f.Kept(l) != ""
}

// appendStr appends each string length-prefixed.
func appendStr(b []byte, ss ...string) []byte {
	for _, s := range ss {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}
