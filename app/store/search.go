package store

import (
	"strings"
	"unicode"
)

// searchTokens splits what the user typed the way FTS5's unicode61
// tokenizer splits the indexed text: runs of letters and digits. Quotes,
// stars, dashes and apostrophes ("Jensen's") are separators, so no input
// can reach the MATCH syntax as an operator.
func searchTokens(q string) []string {
	return strings.FieldsFunc(q, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.Is(unicode.Mn, r)
	})
}

// ftsQuery turns tokens into an FTS5 query where every token must match
// the start of some word: `"jens"* "aarhus"*`. Each token is a quoted
// string, so AND, OR, NOT and NEAR typed by the user are plain words.
func ftsQuery(tokens []string) string {
	parts := make([]string, len(tokens))
	for i, t := range tokens {
		parts[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"*`
	}
	return strings.Join(parts, " ")
}

// cvrDigits returns the query's digits when it is a number (spaces
// allowed, as in "2993 5181"), for the CVR substring search that word
// prefixes cannot do ("9935" in the middle of 29935181).
func cvrDigits(q string) string {
	var b strings.Builder
	for _, r := range q {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ':
		default:
			return ""
		}
	}
	return b.String()
}

// where is the list's search filter: full-text prefix search over name,
// CVR, industry, location and contacts, plus CVR substring for numbers,
// and name substring for a query of punctuation only.
// The CVR LIKE scans only the small leads_by_cvr index, not the table.
func where(q string) (string, []any) {
	tokens := searchTokens(q)
	if len(tokens) == 0 {
		q = strings.TrimSpace(q)
		if q == "" {
			return "", nil
		}
		// Only punctuation ("%", "&"): no word to match, so look for it
		// in names, scanning the name index rather than the table.
		esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
		return ` WHERE l.id IN (SELECT id FROM leads INDEXED BY leads_by_name WHERE name_fold LIKE ? ESCAPE '\')`,
			[]any{"%" + esc.Replace(fold(q)) + "%"}
	}
	cond := `l.id IN (SELECT rowid FROM leads_fts WHERE leads_fts MATCH ?)`
	args := []any{ftsQuery(tokens)}
	if d := cvrDigits(q); d != "" {
		cond += ` OR l.id IN (SELECT id FROM leads INDEXED BY leads_by_cvr WHERE cvr LIKE ?)`
		args = append(args, "%"+d+"%")
	}
	return ` WHERE (` + cond + `)`, args
}

// hitsQuery selects the ids of the leads a word search matches, from the
// indexes alone; "" when q has no words (punctuation only).
func hitsQuery(q string) (string, []any) {
	tokens := searchTokens(q)
	if len(tokens) == 0 {
		return "", nil
	}
	hits := `SELECT rowid FROM leads_fts WHERE leads_fts MATCH ?`
	args := []any{ftsQuery(tokens)}
	if d := cvrDigits(q); d != "" {
		hits += ` UNION SELECT id FROM leads INDEXED BY leads_by_cvr WHERE cvr LIKE ?`
		args = append(args, "%"+d+"%")
	}
	return hits, args
}
