package match

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Thresholds of the name similarity; see NameSimilarity for why.
const (
	// tokenTypoJW is the Jaro-Winkler score from which two words count as
	// the same word with a typo ("jensen"/"jensens" 0.97, "jensne" 0.97)
	// while different surnames stay apart ("jensen"/"hansen" 0.89).
	tokenTypoJW = 0.92
	// wholeTypoJW and wholeLengthRatio gate the whole-name comparison: it
	// only counts as a typo check between names of about the same length,
	// because Jaro-Winkler's prefix bonus rates "Jensen" against "Jensen
	// Tømrer" at 0.90.
	wholeTypoJW      = 0.92
	wholeLengthRatio = 0.8
	// genericWeight is the weight of a word that many unrelated companies
	// share ("Danmark", "Nordic", "Group"), against 1 for any other word.
	genericWeight = 0.25
	// maxCompareRunes bounds the whole-name comparison on absurd input.
	maxCompareRunes = 256
)

// genericWords are words, in matchKey form, that say where or how big a
// company is rather than which one it is. An extra one costs little ("Novo
// Nordisk" vs "Novo Nordisk Danmark"), a shared one proves little ("Nordic
// Solutions" vs "Nordic Consulting").
var genericWords = map[string]bool{
	"danmark": true, "denmark": true, "dk": true, "norge": true, "norway": true,
	"sverige": true, "sweden": true, "suomi": true, "finland": true,
	"nordic": true, "nordics": true, "norden": true, "scandinavia": true,
	"skandinavien": true, "scandinavian": true, "europe": true, "europa": true,
	"international": true, "int": true, "global": true, "group": true,
	"gruppen": true, "koncern": true, "koncernen": true,
}

// NameSimilarity rates in [0, 1] how alike two company names are, from
// their Tokens; it is symmetric and 1 for equal token sets. It combines two
// measures and takes the higher, because each covers the other's blind
// spot:
//
//   - A weighted token-set measure (Dice over matched words): words are
//     paired regardless of order, a pair counts when the words are equal or
//     Jaro-Winkler ≥ 0.92 (a typo), and each unpaired word lowers the score
//     by its weight. This handles word order ("Bøfhus Jensen") and extra
//     words, where a generic extra word like "Danmark" or "Nordic" costs a
//     quarter of a distinctive one ("Jensen" vs "Jensen Bøfhus" is 0.67).
//     Plain Jaro-Winkler rates those badly: it punishes order and rewards
//     any shared prefix.
//   - Jaro-Winkler on the names with spaces removed, counted only when it
//     is ≥ 0.92 and the lengths differ by less than 20 %. This catches what
//     tokens cannot: words split or joined ("Bøf hus" vs "Bøfhus") and
//     typos across short names. Ungated it would rate different surnames
//     ("Jensen"/"Hansen" 0.89) as near-equal, so it may only confirm.
func NameSimilarity(a, b Name) float64 {
	if len(a.Tokens) == 0 || len(b.Tokens) == 0 {
		return 0
	}
	return clamp01(max(tokenSetSimilarity(a.Tokens, b.Tokens), wholeSimilarity(a.Tokens, b.Tokens)))
}

// wordWeight is how much a word says about which company this is.
func wordWeight(w string) float64 {
	if genericWords[w] {
		return genericWeight
	}
	return 1
}

// wordPair is a candidate pairing of word i of a with word j of b.
type wordPair struct {
	i, j   int
	lo, hi string // the two words in sorted order, for a symmetric tie-break
	sim    float64
}

// tokenSetSimilarity is the weighted Dice coefficient over greedily paired
// words: Σ sim·(wa+wb) over pairs ÷ (Σ wa + Σ wb).
func tokenSetSimilarity(a, b []string) float64 {
	var pairBuf [16]wordPair
	pairs := pairBuf[:0]
	for i, x := range a {
		for j, y := range b {
			sim := 1.0
			if x != y {
				if jaroWinklerBound(utf8.RuneCountInString(x), utf8.RuneCountInString(y)) < tokenTypoJW {
					continue // lengths alone rule a typo out; skip the work
				}
				sim = jaroWinkler(x, y)
				if sim < tokenTypoJW {
					continue
				}
			}
			lo, hi := min(x, y), max(x, y)
			pairs = append(pairs, wordPair{i: i, j: j, lo: lo, hi: hi, sim: sim})
		}
	}
	// Best pairs first; ties by the words themselves, so swapping a and b
	// gives the same pairing and the measure stays symmetric.
	slices.SortFunc(pairs, func(p, q wordPair) int {
		return cmp.Or(
			cmp.Compare(q.sim, p.sim),
			strings.Compare(p.lo, q.lo),
			strings.Compare(p.hi, q.hi),
			cmp.Compare(min(p.i, p.j), min(q.i, q.j)),
			cmp.Compare(max(p.i, p.j), max(q.i, q.j)),
		)
	})
	var usedBufA, usedBufB [2 * maxNameWords]bool
	usedA, usedB := usedBufA[:], usedBufB[:]
	if len(a) > len(usedA) {
		usedA = make([]bool, len(a))
	}
	if len(b) > len(usedB) {
		usedB = make([]bool, len(b))
	}
	matched := 0.0
	for _, p := range pairs {
		if usedA[p.i] || usedB[p.j] {
			continue
		}
		usedA[p.i], usedB[p.j] = true, true
		matched += p.sim * (wordWeight(a[p.i]) + wordWeight(b[p.j]))
	}
	total := 0.0
	for _, w := range a {
		total += wordWeight(w)
	}
	for _, w := range b {
		total += wordWeight(w)
	}
	if total == 0 {
		return 0
	}
	return matched / total
}

// wholeSimilarity is the gated Jaro-Winkler of the names without spaces.
func wholeSimilarity(a, b []string) float64 {
	var bufA, bufB [maxCompareRunes]rune
	x, y := joinRunes(bufA[:0], a), joinRunes(bufB[:0], b)
	short, long := min(len(x), len(y)), max(len(x), len(y))
	if long == 0 || float64(short)/float64(long) < wholeLengthRatio {
		return 0
	}
	if jaroWinklerBound(len(x), len(y)) < wholeTypoJW {
		return 0
	}
	sim := jaroWinklerRunes(x, y)
	if sim < wholeTypoJW {
		return 0
	}
	return sim
}

// joinRunes appends the runes of words, without spaces, to buf, up to its
// capacity.
func joinRunes(buf []rune, words []string) []rune {
	for _, w := range words {
		for _, r := range w {
			if len(buf) == cap(buf) {
				return buf
			}
			buf = append(buf, r)
		}
	}
	return buf
}

// jaroWinklerBound is an upper bound of the Jaro-Winkler similarity of
// strings of la and lb runes: every rune of the shorter one matches, none
// is transposed, and the full prefix bonus applies.
func jaroWinklerBound(la, lb int) float64 {
	short, long := min(la, lb), max(la, lb)
	if long == 0 {
		return 1
	}
	j := (1 + float64(short)/float64(long) + 1) / 3
	return j + 0.4*(1-j)
}

// jaroWinkler is the Jaro-Winkler similarity of two strings by rune.
func jaroWinkler(a, b string) float64 {
	var bufA, bufB [64]rune // no allocation for ordinary words
	return jaroWinklerRunes(appendRunes(bufA[:0], a), appendRunes(bufB[:0], b))
}

// appendRunes appends the runes of s to buf.
func appendRunes(buf []rune, s string) []rune {
	for _, r := range s {
		buf = append(buf, r)
	}
	return buf
}

// jaroWinklerRunes computes Jaro similarity with Winkler's bonus of 0.1 per
// shared leading rune (up to 4). The arguments are put in a fixed order
// first, so the result does not depend on which name is the query.
func jaroWinklerRunes(a, b []rune) float64 {
	if slices.Compare(a, b) > 0 {
		a, b = b, a
	}
	j := jaro(a, b)
	prefix := 0
	for prefix < min(4, len(a), len(b)) && a[prefix] == b[prefix] {
		prefix++
	}
	return clamp01(j + float64(prefix)*0.1*(1-j))
}

// jaro is the Jaro similarity: runes match when equal and no further apart
// than half the longer length minus one; half the matched runes out of
// order count as transpositions.
func jaro(a, b []rune) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	window := max(len(a), len(b))/2 - 1
	window = max(window, 0)
	var bufA, bufB [64]bool // no allocation for ordinary names
	matchedA, matchedB := bufA[:], bufB[:]
	if len(a) > len(bufA) {
		matchedA = make([]bool, len(a))
	}
	if len(b) > len(bufB) {
		matchedB = make([]bool, len(b))
	}
	matchedA, matchedB = matchedA[:len(a)], matchedB[:len(b)]
	m := 0
	for i, r := range a {
		lo, hi := max(0, i-window), min(len(b)-1, i+window)
		for k := lo; k <= hi; k++ {
			if !matchedB[k] && b[k] == r {
				matchedA[i], matchedB[k] = true, true
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	t, k := 0, 0
	for i, r := range a {
		if !matchedA[i] {
			continue
		}
		for !matchedB[k] {
			k++
		}
		if r != b[k] {
			t++
		}
		k++
	}
	mf := float64(m)
	return (mf/float64(len(a)) + mf/float64(len(b)) + (mf-float64(t)/2)/mf) / 3
}

// clamp01 keeps a score inside [0, 1], also against rounding.
func clamp01(x float64) float64 {
	switch {
	case x > 1:
		return 1
	case x >= 0:
		return x
	}
	return 0 // negative or NaN
}
