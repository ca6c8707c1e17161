package store

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The bounds of one search. Every word is a prefix query over the whole
// full-text index, so the cost grows with the words: 5,000 pasted words
// took 63 s of CPU at 100,000 leads. Nobody types more than a few words
// to find a company; the rest of a pasted text is ignored.
const (
	MaxSearchWords = 16  // words (letter/digit runs) searched; later ones are ignored
	MaxSearchRunes = 200 // characters of the query read; the rest is ignored
)

// SearchCap says what CapSearch left out of a query, as a code so that the
// window and the CLI put it in their own words.
type SearchCap uint8

// The ways a query can be capped; both may apply.
const (
	SearchWordsCapped  SearchCap = 1 << iota // more than MaxSearchWords words
	SearchLengthCapped                       // more than MaxSearchRunes characters
)

// CapSearch returns the part of q the store searches for, and what was
// left out (0 when nothing was). ListLeads and CountLeads apply it
// themselves; callers use it to tell the user.
func CapSearch(q string) (string, SearchCap) {
	var capped SearchCap
	if utf8.RuneCountInString(q) > MaxSearchRunes {
		n := 0
		for i := range q {
			if n == MaxSearchRunes {
				q = q[:i]
				break
			}
			n++
		}
		capped |= SearchLengthCapped
	}
	// Cut after the last letter or digit of word MaxSearchWords, so that
	// word MaxSearchWords+1 and everything after it is gone.
	words, inWord := 0, false
	for i, r := range q {
		w := isWordRune(r)
		if w && !inWord {
			if words == MaxSearchWords {
				q = q[:i]
				capped |= SearchWordsCapped
				break
			}
			words++
		}
		inWord = w
	}
	return q, capped
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r)
}

// searchTokens splits what the user typed the way FTS5's unicode61
// tokenizer splits the indexed text: runs of letters and digits. Quotes,
// stars, dashes and apostrophes ("Jensen's") are separators, so no input
// can reach the MATCH syntax as an operator.
func searchTokens(q string) []string {
	return strings.FieldsFunc(q, func(r rune) bool { return !isWordRune(r) })
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
	q, _ = CapSearch(q)
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
	q, _ = CapSearch(q)
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
