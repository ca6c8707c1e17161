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

// ContentHash is a hex SHA-256 of the normalised lead: every field and
// contact, never Raw. It is what re-import compares to tell "unchanged"
// from "changed", so a file that was only re-indented, had its keys
// reordered or spelled in snake_case, or had a list turned into the same
// "• item" text hashes the same as before.
//
// Each value is written length-prefixed in a fixed field order, so no two
// different leads share an encoding. New Lead fields must be appended at
// the end (with contentHashVersion bumped if old hashes must change).
func (l *Lead) ContentHash() string {
	b := make([]byte, 0, 1024+len(l.Description)+len(l.SalesPlaybook)+len(l.CompetitiveAnalysis))
	b = append(b, contentHashVersion...)
	str := func(ss ...string) {
		for _, s := range ss {
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
	}
	num := func(ns ...Number) {
		for _, n := range ns {
			if !n.Valid {
				b = append(b, 0)
				str(n.Text)
				continue
			}
			b = append(b, 1)
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(n.Value))
		}
	}
	str(l.ID, l.CompanyName, l.Website, l.Industry, l.Size, l.Location, l.Address, l.CVR)
	if l.CVRValid {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	num(l.Score, l.IntentScore)
	str(l.ReasonForFit, l.Description, l.BusinessModel, l.TargetAudience, l.Technologies,
		l.BuyingSignals, l.IntentSignals, l.ConversationStarters, l.RedFlags)
	num(l.RevenueDKK, l.ProfitDKK, l.Employees, l.GrowthRatePct, l.ProfitMarginPct)
	str(l.Competitors, l.CompetitiveAnalysis, l.MarketAnalysis,
		l.Strengths, l.Weaknesses, l.Opportunities, l.Threats,
		l.CustomerReviews, l.EmployeeReviews, l.GrowthSignals, l.IndustryPainPoints,
		l.JobPostings, l.SalesPlaybook, l.Notes, l.CreatedAt, l.CreatedAtText)
	b = binary.AppendUvarint(b, uint64(len(l.Contacts)))
	for _, c := range l.Contacts {
		str(c.Name, c.Title, c.Email, c.Phone, c.LinkedIn)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
